-- Running paid amount per member and a 3-month moving average of monthly cost.
SELECT c.MemberID,
       c.ClaimID,
       c.PaidDate,
       c.PaidAmount,
       SUM(c.PaidAmount) OVER (PARTITION BY c.MemberID ORDER BY c.PaidDate, c.ClaimID
                               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS RunningPaid,
       COUNT(*) OVER (PARTITION BY c.MemberID) AS MemberClaimCount,
       LAG(c.PaidDate, 1) OVER (PARTITION BY c.MemberID ORDER BY c.PaidDate, c.ClaimID) AS PrevPaidDate,
       FIRST_VALUE(c.ClaimID) OVER (PARTITION BY c.MemberID ORDER BY c.PaidDate
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS FirstClaim
FROM dbo.ClaimHeader c;

WITH monthly AS (
    SELECT MemberID, EOMONTH(PaidDate) AS PaidMonth, SUM(PaidAmount) AS Cost
    FROM dbo.ClaimHeader
    GROUP BY MemberID, EOMONTH(PaidDate)
)
SELECT MemberID, PaidMonth, Cost,
       AVG(Cost) OVER (PARTITION BY MemberID ORDER BY PaidMonth
                       ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS Cost3mAvg,
       NTILE(4) OVER (ORDER BY Cost DESC) AS CostQuartile,
       DENSE_RANK() OVER (PARTITION BY PaidMonth ORDER BY Cost DESC) AS MonthRank
FROM monthly;
