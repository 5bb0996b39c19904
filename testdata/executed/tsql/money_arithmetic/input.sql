-- MONEY has 4 decimal places. MONEY * INT and MONEY / INT stay MONEY (the INT is converted to MONEY):
-- 19.99 / 3 = 6.6633 (6.66333... cut at 4 places; rounding gives the same digits), 10.00 / 3 = 3.3333.
-- MONEY * DECIMAL(3,2) is DECIMAL (higher precedence) and exact: 19.99 * 0.15 = 2.9985.
-- CAST(money AS VARCHAR) uses style 0: two decimals, no thousands separator: 12.5 -> '12.50'
-- (Spark prints a DECIMAL(19,4) as '12.5000'). Values are chosen so no rounding is involved in the text.
-- ROUND(money, 1): 19.99 -> 20.0.
CREATE TABLE dbo.Charge (id INT, price MONEY, qty INT, rate DECIMAL(3, 2));
INSERT INTO dbo.Charge VALUES (1, 19.99, 3, 0.15), (2, 10.00, 3, 0.50), (3, 12.50, 8, 1.00), (4, -3.10, 2, 0.25);
GO
SELECT id,
       price * qty                   AS extended,
       price / qty                   AS per_unit,
       price * rate                  AS discounted,
       CAST(price AS VARCHAR(20))    AS price_text,
       ROUND(price, 1)               AS price_r1,
       SUM(price) OVER ()            AS total_price
FROM dbo.Charge
ORDER BY id;
