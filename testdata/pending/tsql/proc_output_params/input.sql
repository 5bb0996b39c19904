-- OUTPUT parameters: the value is copied back only when the caller also writes OUTPUT at the call
-- site; without it the caller's variable keeps its value. An OUTPUT parameter with a default may be
-- omitted. Status 'P' matches 'p' (case-insensitive).
--   step 1: member 101, paid claims 1 (100.00) and 2 ('p', 50.25) -> 2, 150.25
--   step 2: member 103 has no claims: COUNT(*) = 0, ISNULL(SUM, 0) = 0 -> 0, 0.00
--   step 3: OUTPUT omitted at the call site -> @n and @amt stay -1
--   step 4: only @ClaimCount passed (OUTPUT): member 102 has 1 paid claim; @amt keeps -1
CREATE TABLE dbo.Claim (ClaimID INT, MemberID INT, Status CHAR(1), Paid DECIMAL(10, 2));
CREATE TABLE dbo.CallLog (Step INT, MemberID INT, ClaimCount INT, PaidTotal DECIMAL(10, 2), Note VARCHAR(30));
INSERT INTO dbo.Claim VALUES (1, 101, 'P', 100.00), (2, 101, 'p', 50.25), (3, 101, 'D', 999.00), (4, 102, 'P', 10.00);
GO
CREATE PROCEDURE dbo.usp_MemberPaid
    @MemberID   INT,
    @ClaimCount INT OUTPUT,
    @PaidTotal  DECIMAL(10, 2) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SELECT @ClaimCount = COUNT(*), @PaidTotal = ISNULL(SUM(Paid), 0)
    FROM dbo.Claim
    WHERE MemberID = @MemberID AND Status = 'P';
END
GO
DECLARE @n INT = -1, @amt DECIMAL(10, 2) = -1;
EXEC dbo.usp_MemberPaid 101, @n OUTPUT, @amt OUTPUT;
INSERT INTO dbo.CallLog VALUES (1, 101, @n, @amt, 'positional OUTPUT');
EXEC dbo.usp_MemberPaid @MemberID = 103, @ClaimCount = @n OUTPUT, @PaidTotal = @amt OUTPUT;
INSERT INTO dbo.CallLog VALUES (2, 103, @n, @amt, 'no claims');
SET @n = -1;
SET @amt = -1;
EXEC dbo.usp_MemberPaid 102, @n, @amt;
INSERT INTO dbo.CallLog VALUES (3, 102, @n, @amt, 'OUTPUT omitted');
EXEC dbo.usp_MemberPaid @MemberID = 102, @ClaimCount = @n OUTPUT;
INSERT INTO dbo.CallLog VALUES (4, 102, @n, @amt, 'total omitted');
GO
SELECT Step, MemberID, ClaimCount, PaidTotal, Note FROM dbo.CallLog ORDER BY Step;
