-- An explicit transaction inside TRY: COMMIT on success; on THROW the CATCH block rolls back
-- everything since BEGIN TRANSACTION (the status UPDATE and the Payment INSERT) and logs it.
-- @@TRANCOUNT is 0 after COMMIT and after ROLLBACK. Status = 'APPROVED' matches 'approved'.
--   claim 1: PAID, payment 100, committed
--   claim 2: updated and inserted, then Paid -5.00 < 0 -> THROW -> ROLLBACK: stays APPROVED, no payment
--   claim 3: 'approved' -> PAID, payment 60, committed
CREATE TABLE dbo.Claim (ClaimID INT, Status VARCHAR(10), Paid DECIMAL(10, 2));
CREATE TABLE dbo.Payment (ClaimID INT, Amount DECIMAL(10, 2));
CREATE TABLE dbo.TxLog (ClaimID INT, Outcome VARCHAR(60), TranCount INT);
INSERT INTO dbo.Claim VALUES (1, 'APPROVED', 100.00), (2, 'APPROVED', -5.00), (3, 'approved', 60.00);
GO
CREATE PROCEDURE dbo.usp_PayClaim @ClaimID INT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @amt DECIMAL(10, 2);
    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE dbo.Claim SET Status = 'PAID' WHERE ClaimID = @ClaimID AND Status = 'APPROVED';
        SELECT @amt = Paid FROM dbo.Claim WHERE ClaimID = @ClaimID;
        INSERT INTO dbo.Payment (ClaimID, Amount) VALUES (@ClaimID, @amt);
        IF @amt < 0
            THROW 50020, N'Negative payment', 1;
        COMMIT TRANSACTION;
        INSERT INTO dbo.TxLog VALUES (@ClaimID, 'committed', @@TRANCOUNT);
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        INSERT INTO dbo.TxLog VALUES (@ClaimID, 'rolled back: ' + ERROR_MESSAGE(), @@TRANCOUNT);
    END CATCH
END
GO
EXEC dbo.usp_PayClaim 1;
EXEC dbo.usp_PayClaim 2;
EXEC dbo.usp_PayClaim @ClaimID = 3;
GO
SELECT c.ClaimID, c.Status, p.Amount, t.Outcome, t.TranCount
FROM dbo.Claim c
LEFT JOIN dbo.Payment p ON p.ClaimID = c.ClaimID
LEFT JOIN dbo.TxLog t ON t.ClaimID = c.ClaimID
ORDER BY c.ClaimID;
