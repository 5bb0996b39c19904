-- Deletes old audit rows in small batches so the log does not grow and locks stay short.
-- Pauses between batches; stops after @MaxSeconds even if rows remain.
CREATE PROCEDURE etl.usp_PurgeStepAudit
    @KeepDays   INT = 400,
    @BatchSize  INT = 10000,
    @MaxSeconds INT = 900
AS
BEGIN
    SET NOCOUNT ON;
    SET DEADLOCK_PRIORITY LOW;

    DECLARE @cutoff DATETIME2(0) = DATEADD(DAY, -@KeepDays, SYSDATETIME()),
            @start  DATETIME2(0) = SYSDATETIME(),
            @n      INT = -1,
            @total  BIGINT = 0;

    WHILE 1 = 1
    BEGIN
        DELETE TOP (@BatchSize)
        FROM etl.StepAudit
        WHERE StartedAt < @cutoff;

        SET @n = @@ROWCOUNT;
        SET @total = @total + @n;

        IF @n < @BatchSize
            BREAK;

        IF DATEDIFF(SECOND, @start, SYSDATETIME()) > @MaxSeconds
        BEGIN
            RAISERROR('Time budget reached after %I64d rows; rerun to continue.', 10, 1, @total) WITH NOWAIT;
            BREAK;
        END

        WAITFOR DELAY '00:00:01';
    END

    RAISERROR('Purged %I64d audit rows older than %d days.', 0, 1, @total, @KeepDays) WITH NOWAIT;
END
GO
