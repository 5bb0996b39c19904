-- The archive database moved servers twice; code refers to it only through synonyms.
IF OBJECT_ID(N'dbo.ClaimArchive', N'SN') IS NOT NULL
    DROP SYNONYM dbo.ClaimArchive;
GO
CREATE SYNONYM dbo.ClaimArchive FOR [ArchiveDB].[claims].[ClaimHeader_Hist];
GO
CREATE SYNONYM dbo.RemoteEligibility FOR [LNK_ELIG01].[EligDW].[dbo].[EnrollmentSpan];
GO
CREATE PROCEDURE dbo.usp_ArchivePaidClaims
    @OlderThanMonths INT = 24,
    @BatchSize       INT = 5000
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @cutoff DATE = DATEADD(MONTH, -@OlderThanMonths, CAST(GETDATE() AS DATE));
    DECLARE @moved INT = 1, @total INT = 0;

    WHILE @moved > 0
    BEGIN
        BEGIN TRAN;

        DELETE TOP (@BatchSize) h
        OUTPUT deleted.ClaimID, deleted.MemberID, deleted.ServiceFromDate, deleted.PaidAmount, deleted.ClaimStatus
        INTO dbo.ClaimArchive (ClaimID, MemberID, ServiceFromDate, PaidAmount, ClaimStatus)
        FROM adj.ClaimHeader h
        WHERE h.ClaimStatus = 'PD'
          AND h.PaidDate < @cutoff;

        SET @moved = @@ROWCOUNT;
        SET @total += @moved;

        COMMIT TRAN;
    END

    SELECT COUNT(*) AS RemoteSpans FROM dbo.RemoteEligibility WHERE TermDate IS NULL;
    PRINT CONCAT(N'Archived ', @total, N' claims paid before ', @cutoff);
END
GO
