-- Saved on Windows with CRLF line endings.
-- Counts of encounters by type for the daily census.
SELECT EncounterType,
       COUNT(*) AS Encounters
FROM dbo.Encounter
WHERE AdmitDate >= '2024-06-01'
GROUP BY EncounterType;
GO
SELECT 'multi-line
string literal' AS Note;
GO
