-- THROW and RAISERROR caught by CATCH, which logs ERROR_NUMBER/SEVERITY/STATE/MESSAGE.
--   THROW 50001, msg, 1: number 50001, severity always 16, state 1, message as given.
--   RAISERROR(msg, 16, 2, @id) with a message string: number 50000, severity 16, state 2, and the
--   printf-style %d is substituted ('Member 2 has no date of birth').
--   RAISERROR(..., 10, 1) (severity <= 10) is informational: it does NOT transfer control to CATCH,
--   so the next statement runs and logs 'ok'.
-- seq 1: member 1 exists with a DOB -> ok; seq 2: member 2 has NULL DOB -> RAISERROR 16;
-- seq 3: member 7 does not exist -> THROW.
CREATE TABLE dbo.Member (MemberID INT, DOB DATE);
CREATE TABLE dbo.ErrorLog (Seq INT, ErrNumber INT, ErrSeverity INT, ErrState INT, ErrMessage NVARCHAR(200));
INSERT INTO dbo.Member VALUES (1, '1980-05-01'), (2, NULL);
GO
CREATE PROCEDURE dbo.usp_ValidateMember @Seq INT, @MemberID INT
AS
BEGIN
    SET NOCOUNT ON;
    BEGIN TRY
        IF NOT EXISTS (SELECT 1 FROM dbo.Member WHERE MemberID = @MemberID)
            THROW 50001, N'Member not found', 1;
        IF (SELECT DOB FROM dbo.Member WHERE MemberID = @MemberID) IS NULL
            RAISERROR (N'Member %d has no date of birth', 16, 2, @MemberID);
        RAISERROR (N'Member %d checked', 10, 1, @MemberID);
        INSERT INTO dbo.ErrorLog VALUES (@Seq, 0, 0, 0, N'ok');
    END TRY
    BEGIN CATCH
        INSERT INTO dbo.ErrorLog
        VALUES (@Seq, ERROR_NUMBER(), ERROR_SEVERITY(), ERROR_STATE(), ERROR_MESSAGE());
    END CATCH
END
GO
EXEC dbo.usp_ValidateMember 1, 1;
EXEC dbo.usp_ValidateMember 2, 2;
EXEC dbo.usp_ValidateMember @Seq = 3, @MemberID = 7;
GO
SELECT Seq, ErrNumber, ErrSeverity, ErrState, ErrMessage FROM dbo.ErrorLog ORDER BY Seq;
