-- Latest HbA1c result per patient (LOINC 4548-4).
-- Ties on the same collection time are broken by the highest result id.
WITH ranked AS (
    SELECT l.PatientID,
           l.ResultID,
           l.CollectedAt,
           l.ResultValue,
           l.Units,
           ROW_NUMBER() OVER (PARTITION BY l.PatientID
                              ORDER BY l.CollectedAt DESC, l.ResultID DESC) AS rn
    FROM dbo.LabResult l
    WHERE l.LoincCode = '4548-4'
      AND TRY_CAST(l.ResultValue AS DECIMAL(5, 2)) IS NOT NULL
)
SELECT r.PatientID,
       r.CollectedAt,
       CAST(r.ResultValue AS DECIMAL(5, 2)) AS HbA1c,
       CASE WHEN CAST(r.ResultValue AS DECIMAL(5, 2)) >= 9.0 THEN 'POOR CONTROL'
            WHEN CAST(r.ResultValue AS DECIMAL(5, 2)) >= 7.0 THEN 'ABOVE GOAL'
            ELSE 'AT GOAL' END AS ControlStatus
FROM ranked r
WHERE r.rn = 1;
