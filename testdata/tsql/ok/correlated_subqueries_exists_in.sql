-- Members with a diabetes diagnosis but no eye exam in the measurement year (HEDIS EED-style).
SELECT m.MemberID, m.LastName,
       (SELECT MAX(e.AdmitDate) FROM dbo.Encounter e WHERE e.PatientID = m.MemberID) AS LastEncounter,
       (SELECT COUNT(*) FROM dbo.ClaimHeader c WHERE c.MemberID = m.MemberID) AS ClaimCount
FROM dbo.Member m
WHERE m.MemberID IN (SELECT e.PatientID
                     FROM dbo.Encounter e
                     JOIN dbo.Diagnosis d ON d.EncounterID = e.EncounterID
                     WHERE d.DxCode LIKE 'E1[01]%')
  AND NOT EXISTS (SELECT 1
                  FROM dbo.ClaimLine l
                  JOIN dbo.ClaimHeader h ON h.ClaimID = l.ClaimID
                  WHERE h.MemberID = m.MemberID
                    AND l.ProcedureCode IN ('92250', '92227', '92228', '2022F')
                    AND h.ServiceFromDate >= '2024-01-01')
ORDER BY m.MemberID;
