-- Two claim-line tables that SQL Server keeps apart but that normalise to the same
-- Unity Catalog name: the converter must warn, not silently merge them.
CREATE TABLE dbo.[Claim Line] (ClaimID INT, LineNo INT, PaidAmt MONEY);
CREATE TABLE dbo.Claim_Line (ClaimID INT, LineNo INT, AllowedAmt MONEY);
INSERT INTO dbo.[Claim Line] VALUES (1001, 1, 125.00);
INSERT INTO dbo.Claim_Line VALUES (1001, 1, 150.00);
SELECT c.ClaimID, c.PaidAmt FROM dbo.[Claim Line] c;
