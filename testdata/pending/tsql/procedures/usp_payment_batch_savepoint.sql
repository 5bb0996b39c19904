-- Releases a payment batch. Each claim is paid under a savepoint so one bad claim does not undo
-- the batch; the batch itself commits or rolls back as a whole on fatal errors.
CREATE PROCEDURE pay.usp_ReleaseBatch
    @BatchID INT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @ClaimID BIGINT, @Amount MONEY, @Failed INT = 0, @Paid INT = 0;
    DECLARE @todo TABLE (ClaimID BIGINT PRIMARY KEY, Amount MONEY);

    INSERT INTO @todo (ClaimID, Amount)
    SELECT ClaimID, ApprovedAmount FROM pay.BatchClaim WHERE BatchID = @BatchID AND Released = 0;

    BEGIN TRANSACTION ReleaseBatch;

    WHILE EXISTS (SELECT 1 FROM @todo)
    BEGIN
        SELECT TOP (1) @ClaimID = ClaimID, @Amount = Amount FROM @todo ORDER BY ClaimID;

        SAVE TRANSACTION ClaimPayment;
        BEGIN TRY
            INSERT INTO pay.Payment (ClaimID, BatchID, Amount, PaidAt)
            VALUES (@ClaimID, @BatchID, @Amount, GETDATE());

            UPDATE adj.ClaimHeader SET ClaimStatus = 'PD', PaidAmount = @Amount, PaidDate = CAST(GETDATE() AS DATE)
            WHERE ClaimID = @ClaimID;

            UPDATE pay.BatchClaim SET Released = 1 WHERE BatchID = @BatchID AND ClaimID = @ClaimID;
            SET @Paid += 1;
        END TRY
        BEGIN CATCH
            IF XACT_STATE() = -1
            BEGIN
                ROLLBACK TRANSACTION;
                THROW;
            END
            ROLLBACK TRANSACTION ClaimPayment;
            INSERT INTO pay.BatchError (BatchID, ClaimID, ErrorNumber, ErrorMessage)
            VALUES (@BatchID, @ClaimID, ERROR_NUMBER(), ERROR_MESSAGE());
            SET @Failed += 1;
        END CATCH

        DELETE FROM @todo WHERE ClaimID = @ClaimID;
    END

    UPDATE pay.Batch SET Status = IIF(@Failed = 0, 'RELEASED', 'PARTIAL'), ReleasedAt = GETDATE()
    WHERE BatchID = @BatchID;

    COMMIT TRANSACTION ReleaseBatch;

    SELECT @Paid AS ClaimsPaid, @Failed AS ClaimsFailed, @@TRANCOUNT AS OpenTransactions;
END
GO
