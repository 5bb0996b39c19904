-- Cursor over members (out of scope: should be rewritten set-based).
SELECT COUNT(*) AS Members FROM dbo.Member;

DECLARE @MemberID VARCHAR(20);
DECLARE member_cur CURSOR LOCAL FAST_FORWARD FOR
    SELECT MemberID FROM dbo.Member WHERE IsActive = 1;
OPEN member_cur;
FETCH NEXT FROM member_cur INTO @MemberID;
WHILE @@FETCH_STATUS = 0
BEGIN
    UPDATE dbo.Member SET LastCheckedAt = GETDATE() WHERE MemberID = @MemberID;
    FETCH NEXT FROM member_cur INTO @MemberID;
END
CLOSE member_cur;
DEALLOCATE member_cur;

SELECT COUNT(*) AS Checked FROM dbo.Member WHERE LastCheckedAt IS NOT NULL;
