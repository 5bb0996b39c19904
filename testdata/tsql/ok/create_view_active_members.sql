-- Reporting view used by the care management team.
CREATE VIEW dbo.vw_ActiveMembers
AS
SELECT m.MemberID,
       m.LastName,
       m.FirstName,
       e.PlanCode,
       e.EffectiveDate,
       DATEDIFF(year, m.BirthDate, GETDATE()) AS ApproxAge
FROM dbo.Member m
JOIN dbo.Eligibility e
  ON e.MemberID = m.MemberID
 AND e.TermDate IS NULL
WHERE m.IsDeceased = 0;
GO

CREATE VIEW [rpt].[ClaimsByProvider] (ProviderNPI, Claims, Paid)
AS
SELECT RenderingNPI, COUNT(*), SUM(PaidAmount)
FROM dbo.ClaimHeader
GROUP BY RenderingNPI;
GO
