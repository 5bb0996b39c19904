-- Legacy member loader (2011). One row at a time from the staging feed: insert new members,
-- update changed demographics, write a history row for every change. No semicolons anywhere.
CREATE PROCEDURE dbo.usp_LoadMembersFromStage
AS
SET NOCOUNT ON

DECLARE @SubscriberID varchar(20), @Suffix char(2), @First varchar(50), @Last varchar(50),
        @DOB datetime, @Gender char(1), @Zip varchar(10), @MemberID int, @OldZip varchar(10)
DECLARE @Inserted int, @Updated int
SELECT @Inserted = 0, @Updated = 0

DECLARE stage_cursor CURSOR FOR
    SELECT SubscriberID, MemberSuffix, FirstName, LastName, BirthDate, Gender, ZipCode
    FROM stage.MemberFeed
    WHERE LoadStatus = 'N'
    ORDER BY SubscriberID, MemberSuffix

OPEN stage_cursor
FETCH NEXT FROM stage_cursor INTO @SubscriberID, @Suffix, @First, @Last, @DOB, @Gender, @Zip

WHILE @@FETCH_STATUS = 0
BEGIN
    SET @MemberID = NULL
    SELECT @MemberID = MemberID, @OldZip = ZipCode
    FROM dbo.Member
    WHERE SubscriberID = @SubscriberID AND MemberSuffix = @Suffix

    IF @MemberID IS NULL
    BEGIN
        INSERT INTO dbo.Member (SubscriberID, MemberSuffix, FirstName, LastName, DOB, Gender, ZipCode, CreatedDate)
        VALUES (@SubscriberID, @Suffix, LTRIM(RTRIM(@First)), LTRIM(RTRIM(@Last)), @DOB, UPPER(@Gender), LEFT(@Zip, 5), GETDATE())
        SET @MemberID = SCOPE_IDENTITY()
        SET @Inserted = @Inserted + 1
    END
    ELSE
    BEGIN
        UPDATE dbo.Member
        SET FirstName = LTRIM(RTRIM(@First)), LastName = LTRIM(RTRIM(@Last)),
            DOB = @DOB, Gender = UPPER(@Gender), ZipCode = LEFT(@Zip, 5), ModifiedDate = GETDATE()
        WHERE MemberID = @MemberID

        IF ISNULL(@OldZip, '') <> LEFT(ISNULL(@Zip, ''), 5)
            INSERT INTO dbo.MemberHistory (MemberID, ChangeType, OldValue, NewValue, ChangedDate)
            VALUES (@MemberID, 'ZIP', @OldZip, LEFT(@Zip, 5), GETDATE())

        SET @Updated = @Updated + 1
    END

    UPDATE stage.MemberFeed SET LoadStatus = 'L', MemberID = @MemberID
    WHERE SubscriberID = @SubscriberID AND MemberSuffix = @Suffix AND LoadStatus = 'N'

    FETCH NEXT FROM stage_cursor INTO @SubscriberID, @Suffix, @First, @Last, @DOB, @Gender, @Zip
END

CLOSE stage_cursor
DEALLOCATE stage_cursor

PRINT 'Inserted: ' + CAST(@Inserted AS varchar(10)) + '  Updated: ' + CAST(@Updated AS varchar(10))
GO
