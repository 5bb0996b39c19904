/* Nightly load, step 3: diagnoses.
   Each GO ends a batch; comments appear everywhere. */
GO
-- batch 1: clear the staging table
TRUNCATE TABLE stg.Diagnosis;   -- fast, minimally logged
GO

/* batch 2 */ INSERT INTO stg.Diagnosis (EncounterID, DxCode, DxSeq)
SELECT EncounterID, /* inline comment */ REPLACE(DxCode, '.', ''), DxSeq
FROM raw.Diagnosis -- trailing comment
WHERE DxCode <> '';
GO

-- batch 3: a comment containing GO on its own line inside a block comment
/*
GO
*/
SELECT COUNT(*) AS Loaded FROM stg.Diagnosis;
GO
-- a line comment with a quote ' in it and a block start /* not closed on this line
SELECT 'it''s -- not a comment' AS Txt, '/* nor this */' AS Txt2;
go
