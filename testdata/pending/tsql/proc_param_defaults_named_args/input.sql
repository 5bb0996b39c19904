-- Parameters with defaults, positional vs named arguments, and the DEFAULT keyword.
-- A call may omit trailing parameters (their defaults apply), pass DEFAULT positionally, or name
-- parameters in any order; once one argument is named, the rest must be named too.
-- The plan filter is case-insensitive: 'GOLD' matches members 1 ('GOLD') and 2 ('gold').
--   call 1: GOLD, paid >= 0   -> claims 10 (120), 11 (80), 12 (300): 3 claims, 500
--   call 2: SILVER, paid >= 0 -> claims 13 (50), 14 (500): 2 claims, 550
--   call 3: DEFAULT plan = GOLD, paid >= 100 -> claims 10, 12: 2 claims, 420
--   call 4: named, plan omitted -> same as call 3
--   call 5: named out of order, 'bronze' matches 'BRONZE', but no claim >= 1000: an aggregate without
--           GROUP BY still returns one row, COUNT = 0 and SUM = NULL; the parameter value is kept as passed.
CREATE TABLE dbo.Member (MemberID INT, PlanCode VARCHAR(10));
CREATE TABLE dbo.Claim (ClaimID INT, MemberID INT, Paid MONEY);
CREATE TABLE dbo.PlanSummary (CallNo INT, PlanCode VARCHAR(10), MinPaid MONEY, Claims INT, TotalPaid MONEY);
INSERT INTO dbo.Member VALUES (1, 'GOLD'), (2, 'gold'), (3, 'SILVER'), (4, 'BRONZE');
INSERT INTO dbo.Claim VALUES (10, 1, 120.00), (11, 1, 80.00), (12, 2, 300.00), (13, 3, 50.00), (14, 3, 500.00), (15, 4, 20.00);
GO
CREATE PROCEDURE dbo.usp_PlanSummary
    @CallNo   INT,
    @PlanCode VARCHAR(10) = 'GOLD',
    @MinPaid  MONEY = 0
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.PlanSummary (CallNo, PlanCode, MinPaid, Claims, TotalPaid)
    SELECT @CallNo, @PlanCode, @MinPaid, COUNT(*), SUM(c.Paid)
    FROM dbo.Claim c
    JOIN dbo.Member m ON m.MemberID = c.MemberID
    WHERE m.PlanCode = @PlanCode AND c.Paid >= @MinPaid;
END
GO
EXEC dbo.usp_PlanSummary 1;
EXEC dbo.usp_PlanSummary 2, 'SILVER';
EXEC dbo.usp_PlanSummary 3, DEFAULT, 100;
EXEC dbo.usp_PlanSummary @CallNo = 4, @MinPaid = 100;
EXECUTE dbo.usp_PlanSummary @MinPaid = 1000, @CallNo = 5, @PlanCode = 'bronze';
GO
SELECT CallNo, PlanCode, MinPaid, Claims, TotalPaid FROM dbo.PlanSummary ORDER BY CallNo;
