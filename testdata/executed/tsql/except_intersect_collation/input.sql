-- EXCEPT / INTERSECT / UNION compare under the case- and trailing-space-insensitive collation:
-- 'GOLD' = 'gold', 'silver' = 'SILVER ', so EXCEPT leaves only 'Bronze', INTERSECT has 2 rows,
-- UNION has 3 distinct values. Only counts are shown where the surviving spelling would be arbitrary.
CREATE TABLE dbo.PlanA (code VARCHAR(10));
CREATE TABLE dbo.PlanB (code VARCHAR(10));
INSERT INTO dbo.PlanA VALUES ('GOLD'), ('silver'), ('Bronze');
INSERT INTO dbo.PlanB VALUES ('gold'), ('SILVER ');
GO
SELECT 'except' AS op, x.code AS val
FROM (SELECT code FROM dbo.PlanA EXCEPT SELECT code FROM dbo.PlanB) AS x
UNION ALL
SELECT 'intersect_count', CAST(COUNT(*) AS VARCHAR(10))
FROM (SELECT code FROM dbo.PlanA INTERSECT SELECT code FROM dbo.PlanB) AS y
UNION ALL
SELECT 'union_count', CAST(COUNT(*) AS VARCHAR(10))
FROM (SELECT code FROM dbo.PlanA UNION SELECT code FROM dbo.PlanB) AS z;
