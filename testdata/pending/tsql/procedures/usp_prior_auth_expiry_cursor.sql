-- Expires prior authorizations past their end date and notifies the requesting provider.
-- Uses a cursor because each expiry calls the notification procedure.
CREATE PROCEDURE um.usp_ExpirePriorAuths
    @AsOf DATE = NULL,
    @DryRun BIT = 0
AS
BEGIN
    SET NOCOUNT ON;
    IF @AsOf IS NULL SET @AsOf = CAST(GETDATE() AS DATE);

    DECLARE @AuthID INT, @ProviderID INT, @MemberID INT, @EndDate DATE, @Count INT = 0;

    DECLARE auth_cur CURSOR LOCAL FORWARD_ONLY STATIC FOR
        SELECT a.AuthID, a.RequestingProviderID, a.MemberID, a.EndDate
        FROM um.PriorAuth a
        WHERE a.Status IN ('APPROVED', 'PARTIAL')
          AND a.EndDate < @AsOf
        ORDER BY a.EndDate, a.AuthID;

    OPEN auth_cur;

    WHILE 1 = 1
    BEGIN
        FETCH NEXT FROM auth_cur INTO @AuthID, @ProviderID, @MemberID, @EndDate;
        IF @@FETCH_STATUS <> 0 BREAK;

        IF @DryRun = 1
        BEGIN
            PRINT CONCAT('Would expire auth ', @AuthID, ' (ended ', @EndDate, ')');
            CONTINUE;
        END

        UPDATE um.PriorAuth
        SET Status = 'EXPIRED', StatusDate = @AsOf
        WHERE AuthID = @AuthID;

        INSERT INTO um.PriorAuthEvent (AuthID, EventType, EventDate, Note)
        VALUES (@AuthID, 'EXPIRE', @AsOf, CONCAT('End date ', CONVERT(char(10), @EndDate, 101), ' passed'));

        EXEC um.usp_QueueProviderNotice @ProviderID = @ProviderID, @MemberID = @MemberID,
             @NoticeType = 'AUTH_EXPIRED', @RefID = @AuthID;

        SET @Count += 1;
    END

    CLOSE auth_cur;
    DEALLOCATE auth_cur;

    SELECT @Count AS AuthsExpired;
END
GO
