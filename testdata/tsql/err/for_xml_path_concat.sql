-- Old-style string aggregation with FOR XML PATH (XML features are out of scope): must be flagged.
SELECT COUNT(*) AS Encounters FROM dbo.Encounter;

SELECT e.EncounterID,
       STUFF((SELECT ',' + d.DxCode
              FROM dbo.Diagnosis d
              WHERE d.EncounterID = e.EncounterID
              ORDER BY d.DxSeq
              FOR XML PATH(''), TYPE).value('.', 'VARCHAR(MAX)'), 1, 1, '') AS DxList
FROM dbo.Encounter e;

SELECT COUNT(*) AS Diagnoses FROM dbo.Diagnosis;
