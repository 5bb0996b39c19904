-- Collapses overlapping/adjacent enrollment spans into continuous islands and reports gaps
-- longer than @MinGapDays. Islands: a span starts a new island when it begins more than one day
-- after the latest end seen so far for the member.
CREATE PROCEDURE elig.usp_FindCoverageGaps
    @MinGapDays INT = 1,
    @AsOf       DATE = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET @AsOf = COALESCE(@AsOf, CAST(GETDATE() AS DATE));

    IF OBJECT_ID('tempdb..#spans') IS NOT NULL DROP TABLE #spans;
    IF OBJECT_ID('tempdb..#islands') IS NOT NULL DROP TABLE #islands;

    SELECT MemberID,
           EffDate,
           ISNULL(TermDate, @AsOf) AS TermDate,
           MAX(ISNULL(TermDate, @AsOf)) OVER (PARTITION BY MemberID ORDER BY EffDate, ISNULL(TermDate, @AsOf)
                                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS PrevMaxEnd
    INTO #spans
    FROM elig.Enrollment
    WHERE VoidFlag = 0 AND EffDate <= @AsOf;

    SELECT MemberID, EffDate, TermDate,
           SUM(CASE WHEN PrevMaxEnd IS NULL OR EffDate > DATEADD(DAY, 1, PrevMaxEnd) THEN 1 ELSE 0 END)
               OVER (PARTITION BY MemberID ORDER BY EffDate, TermDate ROWS UNBOUNDED PRECEDING) AS IslandNo
    INTO #islands
    FROM #spans;

    SELECT MemberID, IslandNo, MIN(EffDate) AS IslandStart, MAX(TermDate) AS IslandEnd
    INTO #collapsed
    FROM #islands
    GROUP BY MemberID, IslandNo;

    TRUNCATE TABLE elig.CoverageGap;

    INSERT INTO elig.CoverageGap (MemberID, GapStart, GapEnd, GapDays)
    SELECT a.MemberID,
           DATEADD(DAY, 1, a.IslandEnd),
           DATEADD(DAY, -1, b.IslandStart),
           DATEDIFF(DAY, a.IslandEnd, b.IslandStart) - 1
    FROM #collapsed a
    JOIN #collapsed b ON b.MemberID = a.MemberID AND b.IslandNo = a.IslandNo + 1
    WHERE DATEDIFF(DAY, a.IslandEnd, b.IslandStart) - 1 >= @MinGapDays;

    SELECT COUNT(DISTINCT MemberID) AS MembersWithGaps, COUNT(*) AS Gaps FROM elig.CoverageGap;
END
GO
