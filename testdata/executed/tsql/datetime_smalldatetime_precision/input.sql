-- DATETIME stores time in 1/300 s steps: milliseconds round to .000/.003/.007, so '.001' -> '.000' and
-- '23:59:59.999' rounds up to the next day 00:00:00.000. SMALLDATETIME rounds to the minute
-- (29.998 s or less down, 29.999 s or more up): 10:29:29 -> 10:29, 10:29:30 -> 10:30, 23:59:30 -> next day.
-- DATETIME2(3) keeps the milliseconds exactly. Spark's TIMESTAMP_NTZ keeps the value as written.
CREATE TABLE dbo.VitalSign (id INT, taken_dt DATETIME, taken_sdt SMALLDATETIME, taken_dt2 DATETIME2(3));
INSERT INTO dbo.VitalSign VALUES
 (1, '2024-03-10 10:29:29', '2024-03-10 10:29:29', '2024-03-10 10:29:29.123'),
 (2, '2024-12-31 23:59:59.999', '2024-03-10 10:29:30', '2024-12-31 23:59:59.999'),
 (3, '2024-03-10 10:00:00.001', '2024-03-10 23:59:30', '2024-03-10 10:00:00.001');
GO
SELECT id, taken_dt, taken_sdt, taken_dt2
FROM dbo.VitalSign
ORDER BY id;
