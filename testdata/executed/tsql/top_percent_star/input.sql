-- TOP (n) PERCENT over SELECT *: the row count is ceil(n% of the rows), here
-- ceil(50% of 5) = 3 rows, in ORDER BY order. The portable profile cannot list the
-- columns of `*` without the schema, so it keeps `* EXCEPT` its helper columns.
CREATE TABLE dbo.LabResult (result_id INT, patient_id INT, test_code VARCHAR(10), value_num DECIMAL(9, 2));
INSERT INTO dbo.LabResult VALUES
 (1, 101, 'HBA1C', 6.10), (2, 102, 'HBA1C', 8.40), (3, 103, 'HBA1C', 7.20),
 (4, 104, 'HBA1C', 9.90), (5, 105, 'HBA1C', 5.60);
GO
SELECT TOP (50) PERCENT *
FROM dbo.LabResult
ORDER BY value_num DESC;
