-- Trap: T-SQL DATEDIFF counts unit BOUNDARIES crossed, Spark's datediff counts whole elapsed units.
-- WEEK: boundaries are Sundays, whatever SET DATEFIRST says (documented: DATEDIFF always uses
-- Sunday as the first day of the week). 2024-06-09 and 2023-12-31 are Sundays, 2024-06-15 a Saturday.
--   id 1: Sat 23:59:59 -> Sun 00:00:00: one second, but 1 week, 1 day, 1 hour, 1 minute boundary.
--   id 2: Sun 00:00 -> Sat 23:59:59 of the same week: 0 weeks, 6 days, 167 hours, 604799 seconds.
--   id 3: 10:59:59 -> 11:00:00: 1 hour, 1 minute, 1 second.
--   id 4: 10:00:00 -> 10:59:59: 0 hours, 59 minutes, 3599 seconds.
--   id 5: Sat 2024-06-15 12:00 -> Sun 2024-06-02 12:00 (backwards): -1 week (weeks of 06-09 -> 06-02),
--         -13 days, -312 hours, -1123200 seconds.
--   id 6: Sun 2023-12-31 -> Sat 2024-01-06: same Sunday-based week across a year end: 0 weeks.
CREATE TABLE dbo.NurseShift (id INT, clock_in DATETIME, clock_out DATETIME);
INSERT INTO dbo.NurseShift VALUES
 (1, '2024-06-08 23:59:59', '2024-06-09 00:00:00'),
 (2, '2024-06-09 00:00:00', '2024-06-15 23:59:59'),
 (3, '2024-06-10 10:59:59', '2024-06-10 11:00:00'),
 (4, '2024-06-10 10:00:00', '2024-06-10 10:59:59'),
 (5, '2024-06-15 12:00:00', '2024-06-02 12:00:00'),
 (6, '2023-12-31 00:00:00', '2024-01-06 00:00:00');
GO
SELECT id,
       DATEDIFF(week, clock_in, clock_out)   AS wk,
       DATEDIFF(day, clock_in, clock_out)    AS d,
       DATEDIFF(hour, clock_in, clock_out)   AS h,
       DATEDIFF(minute, clock_in, clock_out) AS mi,
       DATEDIFF(second, clock_in, clock_out) AS s
FROM dbo.NurseShift
ORDER BY id;
