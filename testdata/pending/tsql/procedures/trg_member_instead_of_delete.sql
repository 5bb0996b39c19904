/* Members are never physically deleted: DELETE marks them inactive and records who did it.
   A second trigger keeps ModifiedDate current on updates. */
CREATE TRIGGER dbo.trg_Member_SoftDelete
ON dbo.Member
INSTEAD OF DELETE
AS
BEGIN
    SET NOCOUNT ON;

    UPDATE m
    SET m.IsActive = 0,
        m.DeactivatedDate = GETDATE(),
        m.DeactivatedBy = ORIGINAL_LOGIN()
    FROM dbo.Member m
    JOIN deleted d ON d.MemberID = m.MemberID
    WHERE m.IsActive = 1;

    INSERT INTO dbo.MemberHistory (MemberID, ChangeType, OldValue, NewValue, ChangedDate)
    SELECT d.MemberID, 'DEACTIVATE', '1', '0', GETDATE()
    FROM deleted d;
END;
GO

CREATE TRIGGER dbo.trg_Member_Touch
ON dbo.Member
AFTER UPDATE
AS
    SET NOCOUNT ON
    IF TRIGGER_NESTLEVEL() > 1 RETURN
    UPDATE m SET ModifiedDate = GETDATE()
    FROM dbo.Member m
    WHERE EXISTS (SELECT 1 FROM inserted i WHERE i.MemberID = m.MemberID)
GO

DISABLE TRIGGER dbo.trg_Member_Touch ON dbo.Member;
GO
