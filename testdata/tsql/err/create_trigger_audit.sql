-- Triggers are out of scope.
SELECT COUNT(*) AS Members FROM dbo.Member;
GO
CREATE TRIGGER dbo.trg_Member_Audit ON dbo.Member
AFTER UPDATE
AS
BEGIN
    INSERT INTO dbo.MemberAudit (MemberID, ChangedAt)
    SELECT i.MemberID, GETDATE() FROM inserted i;
END;
GO
UPDATE dbo.Member SET LastCheckedAt = '2024-07-01' WHERE MemberID = 'M000001';
