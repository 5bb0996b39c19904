-- IIF(cond, a, b): an UNKNOWN (NULL) condition takes the false branch.
-- CHOOSE(i, ...): 1-based; an index of 0, beyond the list, or NULL gives NULL (Spark's elt raises under ANSI).
CREATE TABLE dbo.QualityScore (id INT, tier INT, score INT);
INSERT INTO dbo.QualityScore VALUES (1, 1, 80), (2, 3, NULL), (3, 0, 50), (4, 4, 10), (5, NULL, 70);
GO
SELECT id,
       IIF(score >= 60, 'pass', 'fail')          AS result,
       CHOOSE(tier, 'Bronze', 'Silver', 'Gold') AS tier_name
FROM dbo.QualityScore
ORDER BY id;
