-- Dynamic SQL with sp_executesql: the table name is spliced in with QUOTENAME, values travel as typed
-- parameters (named and positional), and OUTPUT parameters bring @@ROWCOUNT and a COUNT(*) back.
-- Status = N'PEND' inside the string is case-insensitive ('pend' matches).
--   2024: claims 1 and 2 are PEND -> CLOSED: changed 2, PEND left 0 (claim 3 PAID untouched)
--   2025: @ExceptMember = 11 keeps claim 4 PEND; claim 6 -> CLOSED: changed 1, left 1
CREATE TABLE dbo.Claim_2024 (ClaimID INT, MemberID INT, Status VARCHAR(10));
CREATE TABLE dbo.Claim_2025 (ClaimID INT, MemberID INT, Status VARCHAR(10));
CREATE TABLE dbo.LoadLog (YearPart INT, RowsChanged INT, PendingLeft INT);
INSERT INTO dbo.Claim_2024 VALUES (1, 11, 'PEND'), (2, 12, 'pend'), (3, 13, 'PAID');
INSERT INTO dbo.Claim_2025 VALUES (4, 11, 'PEND'), (5, 14, 'DENIED'), (6, 15, 'PEND');
GO
CREATE PROCEDURE dbo.usp_CloseClaims
    @Year INT,
    @NewStatus VARCHAR(10),
    @ExceptMember INT = NULL
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @sql NVARCHAR(MAX), @tbl NVARCHAR(300), @left INT, @changed INT;
    SET @tbl = N'dbo.' + QUOTENAME(N'Claim_' + CAST(@Year AS NVARCHAR(4)));

    SET @sql = N'UPDATE ' + @tbl + N' SET Status = @st'
             + N' WHERE Status = N''PEND'' AND (@skip IS NULL OR MemberID <> @skip);'
             + N' SET @n = @@ROWCOUNT;';
    EXEC sp_executesql @sql, N'@st VARCHAR(10), @skip INT, @n INT OUTPUT',
         @st = @NewStatus, @skip = @ExceptMember, @n = @changed OUTPUT;

    SET @sql = N'SELECT @cnt = COUNT(*) FROM ' + @tbl + N' WHERE Status = @st2';
    EXECUTE sp_executesql @sql, N'@st2 VARCHAR(10), @cnt INT OUTPUT', 'PEND', @left OUTPUT;

    INSERT INTO dbo.LoadLog VALUES (@Year, @changed, @left);
END
GO
EXEC dbo.usp_CloseClaims 2024, 'CLOSED';
EXEC dbo.usp_CloseClaims @Year = 2025, @NewStatus = 'CLOSED', @ExceptMember = 11;
GO
SELECT c.ClaimID, c.Status, l.RowsChanged, l.PendingLeft
FROM (SELECT 2024 AS YearPart, ClaimID, Status FROM dbo.Claim_2024
      UNION ALL
      SELECT 2025, ClaimID, Status FROM dbo.Claim_2025) AS c
JOIN dbo.LoadLog l ON l.YearPart = c.YearPart
ORDER BY c.ClaimID;
