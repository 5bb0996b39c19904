-- Build the care-gap worklist in a temp table, then enrich it in place.
IF OBJECT_ID('tempdb..#gaps') IS NOT NULL DROP TABLE #gaps;

SELECT m.MemberID,
       m.PcpNpi,
       CAST(NULL AS DATE)        AS LastA1cDate,
       CAST(0 AS BIT)            AS HasGap,
       CAST('' AS VARCHAR(200))  AS GapReason
INTO #gaps
FROM dbo.Member m
WHERE m.IsActive = 1
  AND EXISTS (SELECT 1 FROM dbo.Diagnosis d
              JOIN dbo.Encounter e ON e.EncounterID = d.EncounterID
              WHERE e.PatientID = m.MemberID AND d.DxCode LIKE 'E11%');

UPDATE g
SET g.LastA1cDate = x.LastDate
FROM #gaps g
JOIN (SELECT PatientID, MAX(CAST(CollectedAt AS DATE)) AS LastDate
      FROM dbo.LabResult WHERE LoincCode = '4548-4' GROUP BY PatientID) x
  ON x.PatientID = g.MemberID;

UPDATE #gaps
SET HasGap = 1,
    GapReason = 'No HbA1c since ' + ISNULL(CONVERT(VARCHAR(10), LastA1cDate, 120), 'ever')
WHERE LastA1cDate IS NULL OR LastA1cDate < '2024-01-01';

SELECT MemberID, PcpNpi, GapReason FROM #gaps WHERE HasGap = 1 ORDER BY PcpNpi, MemberID;
DROP TABLE #gaps;
