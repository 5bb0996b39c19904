-- Claim adjudication step: IF / ELSE IF / ELSE without BEGIN ... END (each branch is ONE statement),
-- early RETURN with an integer status, and EXEC @rc = ... to read it.
-- 'new' <> 'NEW' is false (case-insensitive), so claim 2 is adjudicated.
--   claim 1: allowed 80 <= billed 100 -> PAY, rc 0
--   claim 2: allowed NULL -> PEND, rc 0
--   claim 3: allowed 30 > billed 20 -> DENY, rc 0
--   claim 4: status PAID -> RETURN 1 before any update
--   claim 9: no row: SELECT @x = ... assigns nothing, @status stays NULL -> RETURN -1 (no Claim row to join)
CREATE TABLE dbo.Claim (ClaimID INT, BilledAmt DECIMAL(10, 2), AllowedAmt DECIMAL(10, 2), Status VARCHAR(10));
CREATE TABLE dbo.RcLog (ClaimID INT, Rc INT);
INSERT INTO dbo.Claim VALUES (1, 100.00, 80.00, 'NEW'), (2, 50.00, NULL, 'new'), (3, 20.00, 30.00, 'NEW'), (4, 10.00, 10.00, 'PAID');
GO
CREATE PROCEDURE dbo.usp_AdjudicateClaim @ClaimID INT
AS
BEGIN
    DECLARE @billed DECIMAL(10, 2), @allowed DECIMAL(10, 2), @status VARCHAR(10);
    SELECT @billed = BilledAmt, @allowed = AllowedAmt, @status = Status
    FROM dbo.Claim WHERE ClaimID = @ClaimID;

    IF @status IS NULL
        RETURN -1;
    IF @status <> 'NEW'
        RETURN 1;

    IF @allowed IS NULL
        UPDATE dbo.Claim SET Status = 'PEND' WHERE ClaimID = @ClaimID;
    ELSE IF @allowed > @billed
        UPDATE dbo.Claim SET Status = 'DENY' WHERE ClaimID = @ClaimID;
    ELSE
        UPDATE dbo.Claim SET Status = 'PAY' WHERE ClaimID = @ClaimID;
    RETURN 0;
END
GO
DECLARE @rc INT;
EXEC @rc = dbo.usp_AdjudicateClaim 1;
INSERT INTO dbo.RcLog VALUES (1, @rc);
EXEC @rc = dbo.usp_AdjudicateClaim @ClaimID = 2;
INSERT INTO dbo.RcLog VALUES (2, @rc);
EXEC @rc = dbo.usp_AdjudicateClaim 3;
INSERT INTO dbo.RcLog VALUES (3, @rc);
EXEC @rc = dbo.usp_AdjudicateClaim 4;
INSERT INTO dbo.RcLog VALUES (4, @rc);
EXEC @rc = dbo.usp_AdjudicateClaim 9;
INSERT INTO dbo.RcLog VALUES (9, @rc);
GO
SELECT r.ClaimID, c.Status, r.Rc
FROM dbo.RcLog r LEFT JOIN dbo.Claim c ON c.ClaimID = r.ClaimID
ORDER BY r.ClaimID;
