-- DATETIMEOFFSET keeps the local clock time plus the offset. Casting to DATETIME2 / DATE keeps the LOCAL
-- date and time (the offset is simply dropped, no conversion to UTC); DATEPART(hour) is the local hour;
-- DATEPART(tzoffset) is the offset in minutes. A TIMESTAMP in Spark (UTC session) would show the UTC
-- instant instead: row 2 would move to 2024-07-02 03:15, row 3 to 2023-12-31 23:30.
-- DATEPART(tzoffset, …) needs the offset, which the target type cannot hold: the converter flags it
-- (SX2007, see testdata/tsql/err/datetimeoffset_tzoffset.sql) instead of guessing, so it is not compared here.
CREATE TABLE dbo.TeleVisit (id INT, started DATETIMEOFFSET(0));
INSERT INTO dbo.TeleVisit VALUES
 (1, '2024-03-10 08:30:00 -05:00'),
 (2, '2024-07-01 23:15:00 -04:00'),
 (3, '2024-01-01 00:30:00 +01:00');
GO
SELECT id,
       CAST(started AS DATETIME2(0))   AS local_start,
       CAST(started AS DATE)           AS local_date,
       DATEPART(hour, started)         AS local_hour
FROM dbo.TeleVisit
ORDER BY id;
