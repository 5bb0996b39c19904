-- Syntax error: FROM with no table. Statements around it must survive.
SELECT COUNT(*) AS Members FROM dbo.Member;

SELECT MemberID, PlanCode
FROM
WHERE PlanCode = 'GOLD';

SELECT COUNT(*) AS Claims FROM dbo.ClaimHeader;
