-- TOP 3 by paid amount (ties broken by ClaimID) is materialised; the final query pages with
-- OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY over ClaimID order -> claims 103, 104, 105.
-- TOP 3 = 102 (900), 104 (900), 106 (300).
CREATE TABLE dbo.Claim (ClaimID INT, Paid MONEY);
CREATE TABLE dbo.TopClaim (ClaimID INT);
INSERT INTO dbo.Claim VALUES
 (101, 50.00), (102, 900.00), (103, 120.00), (104, 900.00), (105, 75.50), (106, 300.00), (107, 10.00);
GO
INSERT INTO dbo.TopClaim (ClaimID)
SELECT TOP 3 ClaimID FROM dbo.Claim ORDER BY Paid DESC, ClaimID;
GO
SELECT c.ClaimID,
       c.Paid,
       CASE WHEN t.ClaimID IS NULL THEN 0 ELSE 1 END AS in_top3
FROM dbo.Claim c
LEFT JOIN dbo.TopClaim t ON t.ClaimID = c.ClaimID
ORDER BY c.ClaimID
OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY;
