-- A procedure calling another procedure: INSERT INTO ... EXEC captures the inner procedure's result
-- set, and a nested EXEC passes an OUTPUT parameter up. The inner SELECT's rows go into the table;
-- only the final SELECT of the script is compared.
--   usp_OpenClaims 1: claims of member 1 with Status 'OPEN' (CI: 'open' too) -> 11 (40.00), 12 (60.00)
--   usp_OpenTotal 1: SUM over the captured rows = 100.00, returned through @Total OUTPUT
--   member 2: one open claim, 21 (15.50) -> 15.50; member 3: no open claims -> ISNULL -> 0
CREATE TABLE dbo.Claim (ClaimID INT, MemberID INT, Status VARCHAR(10), Paid DECIMAL(10, 2));
CREATE TABLE dbo.OpenTotals (MemberID INT, Total DECIMAL(10, 2));
INSERT INTO dbo.Claim VALUES (11, 1, 'OPEN', 40.00), (12, 1, 'open', 60.00), (13, 1, 'CLOSED', 5.00),
    (21, 2, 'OPEN', 15.50), (31, 3, 'CLOSED', 9.00);
GO
CREATE PROCEDURE dbo.usp_OpenClaims @MemberID INT
AS
    SELECT ClaimID, Paid FROM dbo.Claim WHERE MemberID = @MemberID AND Status = 'OPEN';
GO
CREATE PROCEDURE dbo.usp_OpenTotal @MemberID INT, @Total DECIMAL(10, 2) OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    CREATE TABLE #c (ClaimID INT, Paid DECIMAL(10, 2));
    INSERT INTO #c (ClaimID, Paid) EXEC dbo.usp_OpenClaims @MemberID;
    SELECT @Total = ISNULL(SUM(Paid), 0) FROM #c;
END
GO
CREATE PROCEDURE dbo.usp_LoadOpenTotals
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @m INT = 1, @t DECIMAL(10, 2);
    WHILE @m <= 3
    BEGIN
        EXEC dbo.usp_OpenTotal @m, @t OUTPUT;
        INSERT INTO dbo.OpenTotals VALUES (@m, @t);
        SET @m += 1;
    END
END
GO
EXEC dbo.usp_LoadOpenTotals;
GO
SELECT MemberID, Total FROM dbo.OpenTotals ORDER BY MemberID;
