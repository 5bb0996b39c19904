-- REPLICATE(s, n): n = 0 gives '', a negative n gives NULL (Spark's repeat gives '').
-- CONCAT treats NULL as '' (Spark's concat returns NULL); '+' propagates NULL.
-- '+' between a string and an INT converts the string to INT (INT has the higher precedence): '1' + 2 = 3;
-- between two strings it concatenates: '10' + '20' = '1020'.
CREATE TABLE dbo.NameParts (id INT, a VARCHAR(10), b VARCHAR(10), n INT);
INSERT INTO dbo.NameParts VALUES (1, 'ab', 'cd', 3), (2, NULL, 'cd', -1), (3, 'ab', NULL, 0);
GO
SELECT id,
       '[' + REPLICATE(a, n) + ']'   AS rep_a,
       '[' + REPLICATE('x', n) + ']' AS rep_x,
       CONCAT(a, '-', b)             AS cat,
       a + '-' + b                   AS plus,
       '1' + n                       AS one_plus_n,
       '1' + 2                       AS three,
       '10' + '20'                   AS s1020,
       CAST(n AS VARCHAR(5)) + '1'   AS n_text
FROM dbo.NameParts
ORDER BY id;
