-- ROW_NUMBER, LAG, running SUM with an explicit ROWS frame and a 2-row moving SUM (NULLs are ignored by SUM;
-- LAG returns the previous row's value even when it is NULL). Days between claims use DATEDIFF(day):
-- 2024-01-05 -> 2024-02-10 = 36, 2024-02-10 -> 2024-03-01 = 20 (leap February), 2024-01-25 -> 2024-04-02 = 68.
CREATE TABLE dbo.PaidClaim (claim_id INT, member_id INT, paid_date DATE, amt MONEY);
INSERT INTO dbo.PaidClaim VALUES
 (1, 1, '2024-01-05', 100.00), (2, 1, '2024-02-10', 50.00), (3, 1, '2024-03-01', 25.50),
 (4, 2, '2024-01-20', 300.00), (5, 2, '2024-01-25', NULL), (6, 2, '2024-04-02', 20.00);
GO
SELECT claim_id,
       member_id,
       ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY paid_date, claim_id) AS rn,
       LAG(amt) OVER (PARTITION BY member_id ORDER BY paid_date, claim_id) AS prev_amt,
       SUM(amt) OVER (PARTITION BY member_id ORDER BY paid_date, claim_id
                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_amt,
       SUM(amt) OVER (PARTITION BY member_id ORDER BY paid_date, claim_id
                      ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last2_amt,
       DATEDIFF(day, LAG(paid_date) OVER (PARTITION BY member_id ORDER BY paid_date, claim_id), paid_date) AS gap_days
FROM dbo.PaidClaim
ORDER BY claim_id;
