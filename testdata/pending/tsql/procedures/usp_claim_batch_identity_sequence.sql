-- Opens a new intake batch and assigns claim numbers from a sequence.
CREATE SEQUENCE adj.ClaimNumberSeq AS BIGINT START WITH 250000000 INCREMENT BY 1 CACHE 500;
GO
CREATE PROCEDURE adj.usp_OpenIntakeBatch
    @Source      VARCHAR(20),
    @ReceivedOn  DATE,
    @BatchID     INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    INSERT INTO adj.IntakeBatch (Source, ReceivedOn, CreatedAt)
    VALUES (@Source, @ReceivedOn, SYSDATETIME());

    SET @BatchID = SCOPE_IDENTITY();

    UPDATE s
    SET s.BatchID = @BatchID,
        s.ClaimNumber = NEXT VALUE FOR adj.ClaimNumberSeq
    FROM stage.IncomingClaim s
    WHERE s.Source = @Source AND s.ReceivedOn = @ReceivedOn AND s.BatchID IS NULL;

    IF @@ROWCOUNT = 0
    BEGIN
        DELETE FROM adj.IntakeBatch WHERE BatchID = @BatchID;
        SET @BatchID = NULL;
        RETURN 1;
    END

    INSERT INTO adj.ClaimHeader (ClaimNumber, BatchID, MemberID, ServiceFromDate, BilledAmount, ClaimStatus)
    SELECT s.ClaimNumber, @BatchID, s.MemberID, s.ServiceFromDate, s.BilledAmount, 'NW'
    FROM stage.IncomingClaim s
    WHERE s.BatchID = @BatchID;

    PRINT 'Last identity in session: ' + CAST(@@IDENTITY AS VARCHAR(20))
        + ', batch: ' + CAST(IDENT_CURRENT('adj.IntakeBatch') AS VARCHAR(20));
    RETURN 0;
END
GO
