-- GROUP BY ROLLUP (lob, pos) adds per-lob subtotals and a grand total; GROUPING(col) = 1 marks the
-- rolled-up column (shown as NULL). Ordered by the GROUPING flags so subtotals follow their details.
CREATE TABLE dbo.ClaimCost (lob VARCHAR(10), pos VARCHAR(5), paid MONEY);
INSERT INTO dbo.ClaimCost VALUES
 ('COMM', 'IP', 100.00), ('COMM', 'OP', 50.00), ('COMM', 'OP', 25.00), ('MCD', 'IP', 200.00), ('MCD', 'ER', 10.00);
GO
SELECT lob,
       pos,
       GROUPING(lob) AS g_lob,
       GROUPING(pos) AS g_pos,
       SUM(paid)     AS paid,
       COUNT(*)      AS claims
FROM dbo.ClaimCost
GROUP BY ROLLUP (lob, pos)
ORDER BY GROUPING(lob), lob, GROUPING(pos), pos;
