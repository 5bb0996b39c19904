-- Vendor lab feed arrives as text; invalid values must become NULL, not fail the load.
INSERT INTO dbo.LabResultClean (PatientID, LoincCode, CollectedAt, NumericValue, RawValue)
SELECT TRY_CAST(r.PatientIdText AS INT),
       r.LoincCode,
       TRY_CONVERT(DATETIME, r.CollectedText, 120),
       TRY_CAST(REPLACE(r.ResultText, ',', '') AS DECIMAL(12, 4)),
       r.ResultText
FROM stg.LabResultRaw r
WHERE TRY_CAST(r.PatientIdText AS INT) IS NOT NULL;

SELECT COUNT(*) AS Rejected
FROM stg.LabResultRaw
WHERE TRY_CAST(PatientIdText AS INT) IS NULL
   OR TRY_CONVERT(DATE, CollectedText) IS NULL;
