-- STRING_SPLIT(s, sep) splits on a literal character (Spark's split takes a REGEX: '|' and '.' are
-- metacharacters and must be escaped). Consecutive separators give an empty value ('' shown as []).
-- Row order of STRING_SPLIT is not guaranteed, hence ordered = false.
CREATE TABLE dbo.ClaimLineMods (line_id INT, modifiers VARCHAR(30));
INSERT INTO dbo.ClaimLineMods VALUES (1, '99213|25|59'), (2, 'A1||B2'), (3, 'Z00.00');
GO
SELECT l.line_id, '[' + s.value + ']' AS part
FROM dbo.ClaimLineMods l
CROSS APPLY STRING_SPLIT(l.modifiers, '|') AS s
UNION ALL
SELECT 9, '[' + value + ']'
FROM STRING_SPLIT('E11.65', '.');
