-- Trap: AVG over an INT column returns INT in T-SQL (the sum divided by the count, truncated toward zero):
-- A: (1+2)/2 = 1, B: (-1-2)/2 = -1, C: 7, D: (5+6+6)/3 = 5. Spark's avg returns a fraction.
-- SUM(x) / COUNT(*) is integer division as well; AVG(x * 1.0) keeps the fraction (checked only where exact).
CREATE TABLE dbo.StayLength (ward CHAR(1), los INT);
INSERT INTO dbo.StayLength VALUES ('A', 1), ('A', 2), ('B', -1), ('B', -2), ('C', 7), ('D', 5), ('D', 6), ('D', 6);
GO
SELECT ward,
       AVG(los)              AS avg_los,
       SUM(los) / COUNT(*)   AS sum_div_count,
       SUM(los)              AS total_los,
       CASE WHEN ward IN ('A', 'B') THEN AVG(los * 1.0) END AS avg_exact
FROM dbo.StayLength
GROUP BY ward
ORDER BY ward;
