-- Audit-logging wrapper: runs one load step, records start/end/row counts, and on failure
-- records the error and rethrows so the scheduler sees the job fail.
CREATE PROCEDURE etl.usp_RunStep
    @StepName  NVARCHAR(128),
    @ProcName  NVARCHAR(256),
    @RunDate   DATE = NULL,
    @RowsOut   INT = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @AuditID INT,
            @Started DATETIME2(3) = SYSDATETIME(),
            @rc      INT,
            @sql     NVARCHAR(400);

    SET @RunDate = COALESCE(@RunDate, CAST(GETDATE() AS DATE));

    INSERT INTO etl.StepAudit (StepName, ProcName, RunDate, StartedAt, Status)
    VALUES (@StepName, @ProcName, @RunDate, @Started, N'RUNNING');
    SET @AuditID = SCOPE_IDENTITY();

    BEGIN TRY
        BEGIN TRANSACTION;

        SET @sql = N'EXEC @rc = ' + @ProcName + N' @RunDate = @RunDate, @Rows = @Rows OUTPUT;';
        EXEC sys.sp_executesql @sql,
             N'@rc INT OUTPUT, @RunDate DATE, @Rows INT OUTPUT',
             @rc = @rc OUTPUT, @RunDate = @RunDate, @Rows = @RowsOut OUTPUT;

        IF @rc <> 0
            THROW 51000, N'Step returned a non-zero status', 1;

        COMMIT TRANSACTION;

        UPDATE etl.StepAudit
           SET FinishedAt = SYSDATETIME(),
               Status     = N'OK',
               RowsLoaded = @RowsOut,
               DurationMs = DATEDIFF(MILLISECOND, @Started, SYSDATETIME())
         WHERE AuditID = @AuditID;
    END TRY
    BEGIN CATCH
        IF XACT_STATE() <> 0
            ROLLBACK TRANSACTION;

        UPDATE etl.StepAudit
           SET FinishedAt   = SYSDATETIME(),
               Status       = N'FAILED',
               ErrorNumber  = ERROR_NUMBER(),
               ErrorLine    = ERROR_LINE(),
               ErrorProc    = ERROR_PROCEDURE(),
               ErrorMessage = LEFT(ERROR_MESSAGE(), 2000)
         WHERE AuditID = @AuditID;

        THROW;
    END CATCH
END
GO
