-- Diagnosis counts by chapter and quarter, pivoted for the quality report.
SELECT DxChapter, [1] AS Q1, [2] AS Q2, [3] AS Q3, [4] AS Q4
FROM (
    SELECT LEFT(d.DxCode, 1)             AS DxChapter,
           DATEPART(quarter, e.AdmitDate) AS Qtr,
           d.DiagnosisID
    FROM dbo.Diagnosis d
    JOIN dbo.Encounter e ON e.EncounterID = d.EncounterID
    WHERE YEAR(e.AdmitDate) = 2024
) AS src
PIVOT (
    COUNT(DiagnosisID) FOR Qtr IN ([1], [2], [3], [4])
) AS pvt
ORDER BY DxChapter;
