-- STUFF(s, start, len, x): NULL when start <= 0 or start > LEN(s); a length past the end deletes to the end.
-- SUBSTRING(s, start, len) covers positions start .. start+len-1, clipped to 1..LEN(s):
--   SUBSTRING('abcdef', 0, 3) = 'ab' (positions 0..2), SUBSTRING('abcdef', -2, 5) = 'ab' (positions -2..2),
--   SUBSTRING('abcdef', -5, 3) = '' (positions -5..-3). Spark treats 0 as 1 and negatives as "from the end".
-- Substring results are wrapped in brackets so that '' is visible (and distinct from NULL).
CREATE TABLE dbo.PolicyText (id INT, s VARCHAR(10));
INSERT INTO dbo.PolicyText VALUES (1, 'abcdef'), (2, 'xy');
GO
SELECT id,
       STUFF(s, 2, 3, 'XY')  AS stuff_mid,
       STUFF(s, 0, 1, 'X')   AS stuff_zero,
       STUFF(s, 7, 0, 'X')   AS stuff_past,
       STUFF(s, 5, 10, 'X')  AS stuff_long,
       STUFF(s, 6, 1, 'Z')   AS stuff_last,
       '[' + SUBSTRING(s, 0, 3) + ']'  AS sub_zero,
       '[' + SUBSTRING(s, -2, 5) + ']' AS sub_neg,
       '[' + SUBSTRING(s, -5, 3) + ']' AS sub_neg_empty,
       '[' + SUBSTRING(s, 5, 10) + ']' AS sub_tail
FROM dbo.PolicyText
ORDER BY id;
