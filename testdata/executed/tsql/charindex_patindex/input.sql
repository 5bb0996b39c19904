-- CHARINDEX(sub, s[, start]) -> 1-based position or 0; NULL input -> NULL. The optional start skips earlier hits.
-- Under the default case-insensitive collation CHARINDEX('b', 'Ward 7B, ...') finds the upper-case B.
-- PATINDEX uses LIKE wildcards and [] classes: '%[0-9]%' = first digit.
CREATE TABLE dbo.BedLocator (id INT, s VARCHAR(30));
INSERT INTO dbo.BedLocator VALUES (1, 'MRN-00123-A'), (2, 'abc'), (3, NULL), (4, 'Ward 7B, bed 12');
GO
SELECT id,
       CHARINDEX('-', s)    AS dash,
       CHARINDEX('-', s, 5) AS dash_from5,
       CHARINDEX('b', s)    AS b_pos,
       PATINDEX('%[0-9]%', s) AS first_digit,
       PATINDEX('%bed%', s)   AS bed_pos
FROM dbo.BedLocator
ORDER BY id;
