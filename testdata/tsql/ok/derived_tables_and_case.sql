-- Cost band distribution per plan using a derived table and searched/simple CASE.
SELECT t.PlanCode,
       t.CostBand,
       COUNT(*) AS Members,
       SUM(t.AnnualCost) AS Cost
FROM (
    SELECT c.MemberID,
           e.PlanCode,
           SUM(c.PaidAmount) AS AnnualCost,
           CASE
               WHEN SUM(c.PaidAmount) >= 100000 THEN '5: catastrophic'
               WHEN SUM(c.PaidAmount) >= 25000  THEN '4: very high'
               WHEN SUM(c.PaidAmount) >= 5000   THEN '3: high'
               WHEN SUM(c.PaidAmount) > 0       THEN '2: moderate'
               ELSE '1: none'
           END AS CostBand
    FROM dbo.ClaimHeader c
    JOIN dbo.Eligibility e ON e.MemberID = c.MemberID AND e.TermDate IS NULL
    WHERE YEAR(c.ServiceFromDate) = 2024
    GROUP BY c.MemberID, e.PlanCode
) AS t
GROUP BY t.PlanCode, t.CostBand
ORDER BY t.PlanCode,
         CASE t.PlanCode WHEN 'GOLD' THEN 1 WHEN 'SILVER' THEN 2 ELSE 3 END,
         t.CostBand;
