-- Reporting queries read with NOLOCK to avoid blocking the claims loader.
SELECT c.ClaimID, c.MemberID, l.LineNumber, l.ProcedureCode, l.PaidAmount
FROM dbo.ClaimHeader c WITH (NOLOCK)
INNER JOIN dbo.ClaimLine l WITH (NOLOCK) ON l.ClaimID = c.ClaimID
LEFT JOIN dbo.Provider p (NOLOCK) ON p.ProviderNPI = c.RenderingNPI
WHERE c.ClaimStatus = 'P'
  AND l.ProcedureCode LIKE '992%';

SELECT COUNT(*) AS OpenAuths
FROM dbo.PriorAuth WITH (READUNCOMMITTED, INDEX(IX_PriorAuth_Status))
WHERE AuthStatus = 'OPEN';
