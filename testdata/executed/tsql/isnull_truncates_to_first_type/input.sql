-- Trap: ISNULL(a, b) returns the TYPE of a; b is converted to it. COALESCE returns the higher-precedence type.
--   ISNULL(VARCHAR(3) NULL, 'abcdef') = 'abc' (truncated to 3), COALESCE(...) = 'abcdef'.
--   ISNULL(CHAR(2) NULL, 'ALL') = 'AL'.
--   ISNULL(INT NULL, 2.7) = 2 (2.7 converted to INT truncates); COALESCE(INT NULL, 2.7) = 2.7 (decimal).
-- Spark's coalesce keeps the full value, so the converter must cast to a's type.
CREATE TABLE dbo.ClaimCode (id INT, rev_code VARCHAR(3), enc_type CHAR(2), units INT);
INSERT INTO dbo.ClaimCode VALUES (1, NULL, NULL, NULL), (2, 'XY', 'IP', 5);
GO
SELECT id,
       ISNULL(rev_code, 'abcdef')   AS isnull_code,
       COALESCE(rev_code, 'abcdef') AS coalesce_code,
       ISNULL(enc_type, 'ALL')      AS isnull_type,
       ISNULL(units, 2.7)           AS isnull_units,
       COALESCE(units, 2.7)         AS coalesce_units
FROM dbo.ClaimCode
ORDER BY id;
