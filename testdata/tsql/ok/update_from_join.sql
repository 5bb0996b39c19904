-- Stamp each claim with the member's plan at the date of service.
UPDATE c
SET    c.PlanCode   = e.PlanCode,
       c.ProductCode = e.ProductCode
FROM   dbo.ClaimHeader AS c
INNER JOIN dbo.Eligibility AS e
        ON e.MemberID = c.MemberID
       AND c.ServiceFromDate BETWEEN e.EffectiveDate AND ISNULL(e.TermDate, '9999-12-31')
WHERE  c.PlanCode IS NULL;

-- Flag providers with no claims in the last two years.
UPDATE p
SET    p.IsDormant = 1
FROM   dbo.ProviderDim p
LEFT JOIN dbo.ClaimHeader c
       ON c.RenderingNPI = p.NPI
      AND c.ServiceFromDate >= DATEADD(year, -2, GETDATE())
WHERE  c.ClaimID IS NULL;
