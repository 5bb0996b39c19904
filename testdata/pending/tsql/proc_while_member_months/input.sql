-- Eligibility month builder: a WHILE loop with an INSERT per month, CONTINUE for a skipped month and
-- BREAK after @MaxMonths loaded months. Named arguments; the start is snapped to the 1st of its month.
-- Trace (@m from 2025-01-01, thru 2025-06-01, skip 2025-02-01, max 3):
--   Jan: spans overlapping Jan (EffDate <= 01-31 AND TermDate >= 01-01): members 1, 3   (done = 1)
--   Feb: equals @SkipMonth -> advance @m, CONTINUE (nothing loaded, done unchanged)
--   Mar: members 1 (term 03-10), 2, 4 (03-05..03-20)                                     (done = 2)
--   Apr: member 2                                                                         (done = 3)
--   May: done >= 3 -> BREAK; June is never reached.
CREATE TABLE dbo.Eligibility (MemberID INT, EffDate DATE, TermDate DATE);
CREATE TABLE dbo.MemberMonth (MemberID INT, MonthStart DATE);
INSERT INTO dbo.Eligibility VALUES
    (1, '2025-01-15', '2025-03-10'), (2, '2025-02-01', '2025-12-31'),
    (3, '2024-11-20', '2025-01-31'), (4, '2025-03-05', '2025-03-20');
GO
CREATE PROCEDURE dbo.usp_BuildMemberMonths
    @FromMonth DATE,
    @ThruMonth DATE,
    @SkipMonth DATE = NULL,
    @MaxMonths INT = 12
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @m DATE = DATEFROMPARTS(YEAR(@FromMonth), MONTH(@FromMonth), 1), @done INT = 0;
    WHILE @m <= @ThruMonth
    BEGIN
        IF @m = @SkipMonth
        BEGIN
            SET @m = DATEADD(month, 1, @m);
            CONTINUE;
        END
        IF @done >= @MaxMonths BREAK;

        INSERT INTO dbo.MemberMonth (MemberID, MonthStart)
        SELECT MemberID, @m
        FROM dbo.Eligibility
        WHERE EffDate <= EOMONTH(@m) AND TermDate >= @m;

        SET @done = @done + 1;
        SET @m = DATEADD(month, 1, @m);
    END
END
GO
EXEC dbo.usp_BuildMemberMonths @FromMonth = '2025-01-10', @ThruMonth = '2025-06-01',
     @SkipMonth = '2025-02-01', @MaxMonths = 3;
GO
SELECT MemberID, MonthStart FROM dbo.MemberMonth ORDER BY MonthStart, MemberID;
