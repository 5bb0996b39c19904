-- A block comment that never closes swallows the rest of the file: must be an error, not silence.
SELECT COUNT(*) AS Diagnoses FROM dbo.Diagnosis;

/* TODO: re-enable after the ICD-11 migration
DELETE FROM dbo.Diagnosis WHERE DxCode LIKE 'Z%';

SELECT COUNT(*) AS Remaining FROM dbo.Diagnosis;
