-- TINYINT is UNSIGNED 0..255 in T-SQL (mapped to SMALLINT; a signed byte would overflow at 128).
-- TINYINT + TINYINT stays TINYINT: 200 + 50 = 250 and 100 + 155 = 255 fit; results above 255 would be
-- an overflow error, so none are produced here.
CREATE TABLE dbo.PainScore (id INT, a TINYINT, b TINYINT);
INSERT INTO dbo.PainScore VALUES (1, 200, 50), (2, 255, 0), (3, 0, 0), (4, 100, 155);
GO
SELECT id,
       a + b               AS total,
       CAST(a AS INT) * 2  AS doubled,
       MAX(a) OVER ()      AS max_a
FROM dbo.PainScore
ORDER BY id;
