-- Nightly member-month load, written without a single semicolon: every statement
-- boundary has to be found from the statement keywords alone.
DECLARE @RunDate DATE = '2025-03-01', @Plan VARCHAR(10) = 'MCD'
DECLARE @Loaded INT

IF OBJECT_ID('tempdb..#elig') IS NOT NULL DROP TABLE #elig

SELECT m.MemberID, m.PlanCode, e.EffDate, e.TermDate
INTO #elig
FROM dbo.Member m
JOIN dbo.Enrollment e ON e.MemberID = m.MemberID
WHERE e.EffDate <= @RunDate AND (e.TermDate IS NULL OR e.TermDate >= @RunDate)
UNION ALL
SELECT m.MemberID, m.PlanCode, m.EnrollDate, NULL
FROM dbo.Member m
WHERE NOT EXISTS (SELECT 1 FROM dbo.Enrollment e WHERE e.MemberID = m.MemberID)

UPDATE #elig SET TermDate = EOMONTH(@RunDate) WHERE TermDate IS NULL

WITH dupes AS (
    SELECT MemberID, COUNT(*) AS n FROM #elig GROUP BY MemberID HAVING COUNT(*) > 1
)
SELECT d.MemberID, d.n FROM dupes d ORDER BY d.n DESC OFFSET 0 ROWS FETCH NEXT 25 ROWS ONLY

INSERT INTO dbo.MemberMonth (MemberID, PlanCode, MonthStart)
SELECT MemberID, PlanCode, DATEFROMPARTS(YEAR(@RunDate), MONTH(@RunDate), 1)
FROM #elig
WHERE PlanCode = @Plan

SET @Loaded = (SELECT COUNT(*) FROM dbo.MemberMonth WHERE MonthStart = @RunDate)

IF @Loaded = 0
    PRINT 'no member months loaded'
ELSE
    INSERT INTO dbo.LoadAudit (StepName, RunDate, RowsLoaded) VALUES ('member_month', @RunDate, @Loaded)

DELETE a FROM dbo.LoadAudit a WHERE a.RunDate < DATEADD(year, -2, @RunDate)

SELECT TOP 10 MemberID, PlanCode FROM #elig ORDER BY MemberID
