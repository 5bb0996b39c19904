-- BIT flags on the member table: compared to 1/0, to 'TRUE', summed after a cast.
SELECT MemberID
FROM dbo.Member
WHERE IsActive = 1
  AND IsDeceased = 0
  AND IsVip <> 1
  AND HasPcp = 'TRUE';

SELECT SUM(CAST(IsActive AS INT))     AS ActiveCount,
       SUM(CASE WHEN IsDeceased = 1 THEN 1 ELSE 0 END) AS DeceasedCount,
       COUNT(*) - SUM(CAST(HasPcp AS INT)) AS NoPcpCount
FROM dbo.Member;

UPDATE dbo.Member SET IsActive = 0 WHERE TermDate < '2024-01-01' AND IsActive = 1;

DECLARE @flag BIT = 1;
SELECT MemberID FROM dbo.Member WHERE IsVip = @flag OR IsActive = 0;
