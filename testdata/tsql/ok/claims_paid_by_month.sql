-- Paid claims by month and line of business, for the finance dashboard.
-- Paid month = month of the check date; reversals carry negative amounts.
SET NOCOUNT ON;

SELECT c.LineOfBusiness,
       DATEFROMPARTS(YEAR(c.PaidDate), MONTH(c.PaidDate), 1) AS PaidMonth,
       COUNT(*)                                            AS ClaimCount,
       COUNT(DISTINCT c.MemberID)                          AS Members,
       SUM(c.PaidAmount)                                   AS PaidAmount,
       SUM(CASE WHEN c.PaidAmount < 0 THEN c.PaidAmount ELSE 0 END) AS Reversals
FROM dbo.ClaimHeader c
WHERE c.ClaimStatus IN ('P', 'R')          -- paid, reversed
  AND c.PaidDate >= '2024-01-01'
  AND c.PaidDate <  '2025-01-01'
GROUP BY c.LineOfBusiness,
         DATEFROMPARTS(YEAR(c.PaidDate), MONTH(c.PaidDate), 1)
HAVING SUM(c.PaidAmount) <> 0
ORDER BY c.LineOfBusiness, PaidMonth;
