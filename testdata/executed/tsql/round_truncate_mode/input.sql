-- ROUND(x, n) on DECIMAL rounds half away from zero; ROUND(x, n, 1) TRUNCATES (toward zero).
-- Spark has no truncate mode. The result keeps the DECIMAL(10,4) type (trailing zeros are normalised).
--   2.3456: round2 2.35, trunc2 2.34;  1.2350: round2 1.24, trunc2 1.23;  125.5: round0 126, trunc0 125,
--   round(-1) 130. Negative values mirror the positive ones.
CREATE TABLE dbo.RiskScore (id INT, x DECIMAL(10, 4));
INSERT INTO dbo.RiskScore VALUES (1, 2.3456), (2, -2.3456), (3, 1.2350), (4, -1.2350), (5, 125.5000);
GO
SELECT id,
       ROUND(x, 2)     AS r2,
       ROUND(x, 2, 1)  AS t2,
       ROUND(x, 0)     AS r0,
       ROUND(x, 0, 1)  AS t0,
       ROUND(x, -1)    AS r_tens
FROM dbo.RiskScore
ORDER BY id;
