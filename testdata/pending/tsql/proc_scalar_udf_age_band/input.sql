-- Scalar UDFs (one a single RETURN expression, one with DECLARE/IF/ELSE IF/ELSE and a local variable)
-- used in a SELECT inside a procedure and in the final SELECT. The procedure's parameter default is used.
-- fn_AgeAt = DATEDIFF(year) (year boundaries) minus 1 when the birthday has not come yet in @AsOf's year.
-- As of 2025-03-15: member 1 (2007-03-15) 18 ADULT; member 2 (2007-03-16) 17 CHILD;
-- member 3 (1960-02-29) 65 SENIOR; member 4 (NULL DOB) NULL -> UNKNOWN.
-- As of 2025-12-31 (string argument converted to DATE): 18, 18, 65, NULL.
CREATE TABLE dbo.Member (MemberID INT, DOB DATE, Gender CHAR(1));
CREATE TABLE dbo.AgeBand (MemberID INT, AgeYears INT, Band VARCHAR(10));
INSERT INTO dbo.Member VALUES (1, '2007-03-15', 'F'), (2, '2007-03-16', 'm'), (3, '1960-02-29', 'F'), (4, NULL, 'M');
GO
CREATE FUNCTION dbo.fn_AgeAt (@DOB DATE, @AsOf DATE)
RETURNS INT
AS
BEGIN
    RETURN DATEDIFF(year, @DOB, @AsOf)
         - CASE WHEN MONTH(@AsOf) * 100 + DAY(@AsOf) < MONTH(@DOB) * 100 + DAY(@DOB) THEN 1 ELSE 0 END;
END
GO
CREATE FUNCTION dbo.fn_AgeBand (@Age INT)
RETURNS VARCHAR(10)
AS
BEGIN
    DECLARE @band VARCHAR(10);
    IF @Age IS NULL SET @band = 'UNKNOWN';
    ELSE IF @Age < 18 SET @band = 'CHILD';
    ELSE IF @Age < 65 SET @band = 'ADULT';
    ELSE SET @band = 'SENIOR';
    RETURN @band;
END
GO
CREATE PROCEDURE dbo.usp_LoadAgeBands @AsOf DATE = '2025-03-15'
AS
    INSERT INTO dbo.AgeBand (MemberID, AgeYears, Band)
    SELECT MemberID, dbo.fn_AgeAt(DOB, @AsOf), dbo.fn_AgeBand(dbo.fn_AgeAt(DOB, @AsOf))
    FROM dbo.Member;
GO
EXEC dbo.usp_LoadAgeBands;
GO
SELECT a.MemberID, a.AgeYears, a.Band, dbo.fn_AgeAt(m.DOB, '2025-12-31') AS AgeYearEnd
FROM dbo.AgeBand a
JOIN dbo.Member m ON m.MemberID = a.MemberID
ORDER BY a.MemberID;
