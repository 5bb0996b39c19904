-- SELECT ... INTO #temp creates a session table; it is then updated with UPDATE ... FROM a join to a
-- derived table and with a plain UPDATE. SUM ignores the NULL claim. Member 3 has no claims: the
-- inner join leaves its 0 in place, so its tier is NONE.
CREATE TABLE dbo.Member (MemberID INT, PlanCode VARCHAR(10));
CREATE TABLE dbo.Claim (ClaimID INT, MemberID INT, Paid MONEY);
INSERT INTO dbo.Member VALUES (1, 'GOLD'), (2, 'SILVER'), (3, 'BRONZE');
INSERT INTO dbo.Claim VALUES (1, 1, 800.00), (2, 1, 250.50), (3, 2, 99.99), (4, 1, NULL);
GO
IF OBJECT_ID('tempdb..#mp') IS NOT NULL DROP TABLE #mp;

SELECT m.MemberID, m.PlanCode,
       CAST(0 AS MONEY)         AS TotalPaid,
       CAST(NULL AS VARCHAR(10)) AS Tier
INTO #mp
FROM dbo.Member m;

UPDATE t
SET t.TotalPaid = x.Paid
FROM #mp t
JOIN (SELECT MemberID, SUM(Paid) AS Paid FROM dbo.Claim GROUP BY MemberID) AS x
  ON x.MemberID = t.MemberID;

UPDATE #mp
SET Tier = CASE WHEN TotalPaid >= 1000 THEN 'HIGH' WHEN TotalPaid > 0 THEN 'LOW' ELSE 'NONE' END;
GO
SELECT MemberID, PlanCode, TotalPaid, Tier FROM #mp ORDER BY MemberID;
