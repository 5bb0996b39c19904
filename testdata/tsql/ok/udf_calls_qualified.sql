-- Calls to user-defined functions keep their schema and get the catalog, like tables.
SELECT m.MemberID,
       dbo.fn_Age(m.DOB, '2024-12-31') AS Age,
       [Fin].[fn Tax Rate](m.PlanCode) AS TaxRate,
       ClaimsDB.Sales.fn_RiskScore(m.MemberID) AS Risk
FROM dbo.Member AS m
CROSS APPLY dbo.tvf_OpenClaims(m.MemberID) AS c
WHERE dbo.fn_Age(m.DOB, '2024-12-31') >= 18;

SELECT * FROM Sales.tvf_ActiveMembers('2024-01-01');

DROP FUNCTION IF EXISTS dbo.fn_Age;
