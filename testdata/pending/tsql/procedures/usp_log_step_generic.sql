-- Small logging helpers used by every ETL procedure, and a typical caller.
CREATE PROCEDURE etl.usp_LogStep
    @Proc    SYSNAME,
    @Step    NVARCHAR(100),
    @Rows    INT = NULL,
    @Message NVARCHAR(2000) = NULL,
    @Level   TINYINT = 0          -- 0 info, 1 warning, 2 error
AS
    SET NOCOUNT ON;
    INSERT INTO etl.StepLog (LoggedAt, ProcName, StepName, RowsAffected, Message, LogLevel, SessionID)
    VALUES (SYSDATETIME(), @Proc, @Step, @Rows, @Message, @Level, @@SPID);
GO

CREATE PROCEDURE etl.usp_LogError
    @Proc SYSNAME
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @msg NVARCHAR(2000) =
        CONCAT(N'Error ', ERROR_NUMBER(), N', severity ', ERROR_SEVERITY(), N', state ', ERROR_STATE(),
               N', line ', ERROR_LINE(), N' in ', ISNULL(ERROR_PROCEDURE(), N'<batch>'), N': ', ERROR_MESSAGE());
    EXEC etl.usp_LogStep @Proc = @Proc, @Step = N'ERROR', @Message = @msg, @Level = 2;
END
GO

CREATE PROCEDURE dbo.usp_RefreshMemberFlags
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @me SYSNAME = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID), @n INT;

    BEGIN TRY
        EXEC etl.usp_LogStep @me, N'start';

        UPDATE m SET m.HasDiabetes = CASE WHEN d.MemberID IS NULL THEN 0 ELSE 1 END
        FROM dbo.Member m
        LEFT JOIN (SELECT DISTINCT MemberID FROM quality.MeasureDenominator WHERE MeasureCode = 'CDC') d
               ON d.MemberID = m.MemberID;
        SET @n = @@ROWCOUNT;
        EXEC etl.usp_LogStep @me, N'diabetes flag', @n;

        UPDATE dbo.Member SET HighUtilizer = 1
        WHERE MemberID IN (SELECT MemberID FROM dbo.Encounter
                           WHERE EncounterType = 'ED' AND AdmitDate >= DATEADD(MONTH, -12, GETDATE())
                           GROUP BY MemberID HAVING COUNT(*) >= 4);
        SET @n = @@ROWCOUNT;
        EXEC etl.usp_LogStep @me, N'high utilizer flag', @n;

        EXEC etl.usp_LogStep @me, N'end';
    END TRY
    BEGIN CATCH
        EXEC etl.usp_LogError @me;
        THROW;
    END CATCH
END
GO
