SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Writes one audit row per claim whose status changed. Handles multi-row updates through
-- the inserted/deleted pseudo-tables (an earlier version assumed a single row and lost changes).
CREATE TRIGGER [adj].[trg_ClaimHeader_StatusAudit]
ON [adj].[ClaimHeader]
AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;

    IF NOT UPDATE(ClaimStatus)
        RETURN;

    INSERT INTO [adj].[ClaimStatusAudit] (ClaimID, OldStatus, NewStatus, ChangedBy, ChangedAt, AppName)
    SELECT i.ClaimID,
           d.ClaimStatus,
           i.ClaimStatus,
           SUSER_SNAME(),
           SYSDATETIME(),
           APP_NAME()
    FROM inserted AS i
    INNER JOIN deleted AS d ON d.ClaimID = i.ClaimID
    WHERE ISNULL(d.ClaimStatus, '') <> ISNULL(i.ClaimStatus, '');

    -- paid claims may not go back to pending
    IF EXISTS (SELECT 1 FROM inserted i JOIN deleted d ON d.ClaimID = i.ClaimID
               WHERE d.ClaimStatus = 'PD' AND i.ClaimStatus = 'PN')
    BEGIN
        RAISERROR (N'A paid claim cannot be returned to pending.', 16, 1);
        ROLLBACK TRANSACTION;
        RETURN;
    END
END
GO
ALTER TABLE [adj].[ClaimHeader] ENABLE TRIGGER [trg_ClaimHeader_StatusAudit]
GO
