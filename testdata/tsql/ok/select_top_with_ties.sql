-- Top 5 providers by paid amount; providers tied with the 5th are kept.
SELECT TOP (5) WITH TIES
       p.ProviderNPI,
       p.ProviderName,
       SUM(c.PaidAmount) AS TotalPaid
FROM dbo.ClaimHeader c
JOIN dbo.Provider p ON p.ProviderNPI = c.RenderingNPI
WHERE c.ServiceFromDate >= '2024-01-01'
GROUP BY p.ProviderNPI, p.ProviderName
ORDER BY SUM(c.PaidAmount) DESC;

-- Plain TOP n, and TOP with a variable, for the sampling review.
SELECT TOP 10 ClaimID, MemberID, BilledAmount
FROM dbo.ClaimHeader
ORDER BY BilledAmount DESC, ClaimID;

DECLARE @n INT = 25;
SELECT TOP (@n) ClaimID, MemberID
FROM dbo.ClaimHeader
ORDER BY ClaimID;
