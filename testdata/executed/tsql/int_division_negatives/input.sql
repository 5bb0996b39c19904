-- Trap: INT / INT is integer division truncating toward zero (Spark '/' always returns a fraction);
-- % takes the sign of the dividend: -7 % 2 = -1, 7 % -2 = 1, -7 % -2 = -1.
-- (a / b) * 2.0 divides first in INT: -7 / 2 = -3, then * 2.0 = -6.0.
-- DECIMAL(5,1) / INT is a true division: -7.0 / 2 = -3.5.
CREATE TABLE dbo.DoseRatio (id INT, a INT, b INT);
INSERT INTO dbo.DoseRatio VALUES (1, -7, 2), (2, 7, -2), (3, -7, -2), (4, 1, 2), (5, 9, 4);
GO
SELECT id,
       a / b                          AS q,
       a % b                          AS r,
       a / b * 2.0                    AS q_times_2,
       CAST(a AS DECIMAL(5, 1)) / b   AS exact_q
FROM dbo.DoseRatio
ORDER BY id;
