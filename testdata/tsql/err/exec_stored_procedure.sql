-- Calling a stored procedure: no procedure exists on the target for the first slice.
SELECT COUNT(*) AS Members FROM dbo.Member;

EXEC dbo.usp_RebuildMemberMonths @StartDate = '2024-01-01', @EndDate = '2024-12-31';

SELECT COUNT(*) AS MemberMonths FROM dbo.MemberMonth;
