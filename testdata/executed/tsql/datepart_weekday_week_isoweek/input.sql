-- Trap: DATEPART(week) is NOT the ISO week. With the default us_english settings (DATEFIRST 7):
--   weekday: Sunday = 1 ... Saturday = 7;
--   week: week 1 is the week containing January 1, weeks start on Sunday;
--   iso_week: ISO 8601 (Monday start, week 1 contains the first Thursday) = Spark's extract(WEEK).
-- 2024-01-01 Mon: week 1, iso 1.   2024-01-06 Sat: week 1, iso 1.   2024-01-07 Sun: week 2, iso 1.
-- 2024-12-31 Tue: week 53 (week 1 started Sun 2023-12-31, 366 days earlier = 52 weeks + 2 days), iso 1 (2025-W01).
-- 2021-01-01 Fri: week 1, iso 53 (2020-W53).   2023-01-01 Sun: week 1, iso 52 (2022-W52).
CREATE TABLE dbo.ClinicDay (id INT, visit_date DATE);
INSERT INTO dbo.ClinicDay VALUES
 (1, '2024-01-01'), (2, '2024-01-06'), (3, '2024-01-07'),
 (4, '2024-12-31'), (5, '2021-01-01'), (6, '2023-01-01');
GO
SELECT id,
       DATEPART(weekday, visit_date)   AS wd,
       DATEPART(week, visit_date)      AS wk,
       DATEPART(iso_week, visit_date)  AS iso_wk,
       DATEPART(dayofyear, visit_date) AS doy,
       DATEPART(quarter, visit_date)   AS qtr,
       DATENAME(weekday, visit_date)   AS day_name,
       DATENAME(month, visit_date)     AS month_name
FROM dbo.ClinicDay
ORDER BY id;
