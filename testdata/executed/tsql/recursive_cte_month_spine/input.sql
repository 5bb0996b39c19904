-- Recursive CTE month spine (2024-01 .. 2024-05) joined to eligibility spans: one row per member per
-- covered month. A span covers a month when the month starts on/after the month of the effective date
-- and on/before the term date (open spans use 9999-12-31). DATEADD on a DATE stays a DATE, which the
-- recursive member needs to match the anchor's type. EOMONTH gives the month end (2024-02-29).
CREATE TABLE dbo.Eligibility (member_id INT, eff_date DATE, term_date DATE);
INSERT INTO dbo.Eligibility VALUES (1, '2024-01-15', '2024-04-10'), (2, '2024-03-01', NULL);
GO
WITH months AS (
    SELECT CAST('2024-01-01' AS DATE) AS month_start
    UNION ALL
    SELECT DATEADD(month, 1, month_start) FROM months WHERE month_start < '2024-05-01'
)
SELECT e.member_id,
       m.month_start,
       EOMONTH(m.month_start) AS month_end
FROM dbo.Eligibility e
JOIN months m
  ON m.month_start >= DATEFROMPARTS(YEAR(e.eff_date), MONTH(e.eff_date), 1)
 AND m.month_start <= ISNULL(e.term_date, '9999-12-31')
ORDER BY e.member_id, m.month_start;
