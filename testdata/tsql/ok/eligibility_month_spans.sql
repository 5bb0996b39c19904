-- Expand eligibility spans into one row per member per covered month.
-- A recursive CTE builds the month spine; MAXRECURSION is raised for long spans.
WITH months AS (
    SELECT CAST('2023-01-01' AS DATE) AS MonthStart
    UNION ALL
    SELECT DATEADD(month, 1, MonthStart)
    FROM months
    WHERE MonthStart < '2024-12-01'
)
SELECT e.MemberID,
       m.MonthStart,
       EOMONTH(m.MonthStart) AS MonthEnd,
       e.PlanCode
FROM dbo.Eligibility e
JOIN months m
  ON m.MonthStart >= DATEFROMPARTS(YEAR(e.EffectiveDate), MONTH(e.EffectiveDate), 1)
 AND m.MonthStart <= ISNULL(e.TermDate, '9999-12-31')
ORDER BY e.MemberID, m.MonthStart
OPTION (MAXRECURSION 500);
