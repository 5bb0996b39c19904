-- Classic drop-if-exists idioms from pre-2016 scripts.
IF OBJECT_ID('dbo.ClaimSummary', 'U') IS NOT NULL
    DROP TABLE dbo.ClaimSummary;

IF OBJECT_ID('tempdb..#members') IS NOT NULL DROP TABLE #members;

IF OBJECT_ID(N'dbo.vw_ActiveMembers', N'V') IS NOT NULL
    DROP VIEW dbo.vw_ActiveMembers;

IF OBJECT_ID('stg.ProviderStage') IS NOT NULL
BEGIN
    DROP TABLE stg.ProviderStage;
END
GO
CREATE TABLE dbo.ClaimSummary (MemberID INT NOT NULL, Claims INT NOT NULL, Paid MONEY NULL);

SELECT MemberID INTO #members FROM dbo.Member WHERE IsActive = 1;

INSERT INTO dbo.ClaimSummary (MemberID, Claims, Paid)
SELECT m.MemberID, COUNT(c.ClaimID), SUM(c.PaidAmount)
FROM #members m
LEFT JOIN dbo.ClaimHeader c ON c.MemberID = m.MemberID
GROUP BY m.MemberID;
