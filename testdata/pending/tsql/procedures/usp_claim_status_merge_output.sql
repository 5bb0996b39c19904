-- Applies the daily status file from the adjudication vendor and records every change.
-- MERGE ... OUTPUT $action into a table variable, then summarises.
CREATE PROCEDURE adj.usp_ApplyVendorStatus
    @FileID INT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @changes TABLE (
        Act        NVARCHAR(10),
        ClaimID    BIGINT,
        OldStatus  CHAR(2) NULL,
        NewStatus  CHAR(2) NULL
    );

    BEGIN TRANSACTION;

    MERGE adj.ClaimHeader WITH (HOLDLOCK) AS tgt
    USING (
        SELECT s.ClaimID, s.StatusCode, s.PaidAmount, s.PaidDate
        FROM stage.VendorClaimStatus s
        WHERE s.FileID = @FileID
    ) AS src
    ON tgt.ClaimID = src.ClaimID
    WHEN MATCHED AND tgt.ClaimStatus <> src.StatusCode THEN
        UPDATE SET tgt.ClaimStatus = src.StatusCode,
                   tgt.PaidAmount  = src.PaidAmount,
                   tgt.PaidDate    = src.PaidDate,
                   tgt.LastUpdated = GETDATE()
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (ClaimID, ClaimStatus, PaidAmount, PaidDate, LastUpdated)
        VALUES (src.ClaimID, src.StatusCode, src.PaidAmount, src.PaidDate, GETDATE())
    OUTPUT $action, inserted.ClaimID, deleted.ClaimStatus, inserted.ClaimStatus
    INTO @changes (Act, ClaimID, OldStatus, NewStatus);

    INSERT INTO adj.ClaimStatusHistory (ClaimID, OldStatus, NewStatus, FileID, ChangedAt)
    SELECT ClaimID, OldStatus, NewStatus, @FileID, GETDATE()
    FROM @changes;

    UPDATE stage.VendorFile
    SET AppliedAt = GETDATE(),
        Inserted = (SELECT COUNT(*) FROM @changes WHERE Act = N'INSERT'),
        Updated  = (SELECT COUNT(*) FROM @changes WHERE Act = N'UPDATE')
    WHERE FileID = @FileID;

    COMMIT TRANSACTION;

    SELECT Act, NewStatus, COUNT(*) AS Claims
    FROM @changes
    GROUP BY Act, NewStatus
    ORDER BY Act, NewStatus;
END
GO
