-- LIKE in T-SQL: [] character classes ('E1[0-4]%'), '[%]' matches a literal percent, matching is
-- case-insensitive under the default collation, backslash is an ordinary character (Spark's default
-- LIKE escape is '\'), and trailing blanks of the MATCHED value are ignored: 'J45 ' LIKE 'J45' is true
-- (documented). Plain '=' ignores trailing spaces and case as well.
CREATE TABLE dbo.DxRaw (id INT, code VARCHAR(20));
INSERT INTO dbo.DxRaw VALUES
 (1, 'E119'), (2, 'e109'), (3, 'I50'), (4, 'J45 '), (5, 'E15'), (6, 'Z0%'), (7, NULL), (8, 'C:\feeds\dx.txt');
GO
SELECT id,
       CASE WHEN code LIKE 'E1[0-4]%' THEN 1 ELSE 0 END  AS diabetes,
       CASE WHEN code LIKE '[EI]%' THEN 1 ELSE 0 END     AS e_or_i,
       CASE WHEN code LIKE '%[%]%' THEN 1 ELSE 0 END     AS has_pct,
       CASE WHEN code LIKE 'J45' THEN 1 ELSE 0 END       AS like_j45,
       CASE WHEN code = 'j45' THEN 1 ELSE 0 END          AS eq_j45,
       CASE WHEN code LIKE 'C:\feeds\%' THEN 1 ELSE 0 END AS feed_path
FROM dbo.DxRaw
ORDER BY id;
