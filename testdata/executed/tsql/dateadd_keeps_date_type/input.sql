-- Trap: DATEADD on a DATE returns a DATE in T-SQL (Spark's dateadd/timestampadd return a TIMESTAMP).
-- Month arithmetic clamps to the last day of the month: 2024-01-31 + 1 month = 2024-02-29 (leap year),
-- 2024-02-29 + 1 year = 2025-02-28. DATETIME + 1 adds one day (a number added to DATETIME is days).
CREATE TABLE dbo.Coverage (id INT, eff_date DATE, loaded_at DATETIME);
INSERT INTO dbo.Coverage VALUES
 (1, '2024-01-31', '2024-01-31 22:30:00'),
 (2, '2024-02-29', '2024-02-29 00:00:00'),
 (3, '2024-12-31', '2024-12-31 23:00:00');
GO
SELECT id,
       DATEADD(month, 1, eff_date)  AS next_month,
       DATEADD(day, -1, eff_date)   AS prev_day,
       DATEADD(year, 1, eff_date)   AS next_year,
       loaded_at + 1                AS loaded_plus_1,
       DATEADD(hour, 2, loaded_at)  AS loaded_plus_2h,
       DATEADD(month, 1, loaded_at) AS loaded_next_month
FROM dbo.Coverage
ORDER BY id;
