-- CONVERT(varchar, money, style): style 0 (and no style) rounds to two decimals without
-- separators, style 1 adds thousands separators with two decimals, style 2 keeps four
-- decimals. Money rounds half away from zero: 1234567.005 -> 1234567.01.
CREATE TABLE dbo.ClaimPay (claim_id INT, paid MONEY);
INSERT INTO dbo.ClaimPay VALUES (1, 4235.9876), (2, 1234567.005), (3, 12.5);
GO
SELECT claim_id,
       CONVERT(VARCHAR(20), paid, 0) AS s0,
       CONVERT(VARCHAR(20), paid, 1) AS s1,
       CONVERT(VARCHAR(20), paid, 2) AS s2,
       CONVERT(VARCHAR(20), paid) AS plain
FROM dbo.ClaimPay
ORDER BY claim_id;
