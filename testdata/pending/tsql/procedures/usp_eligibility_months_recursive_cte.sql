/* Member-month builder, set-based version (replaces the WHILE loop in usp_BuildEligibilityMonths for
   the ACA extract). A recursive CTE produces the month spine; MAXRECURSION covers up to 20 years. */
CREATE PROCEDURE aca.usp_MemberMonthsExtract
    @FromMonth DATE,
    @ThruMonth DATE
AS
BEGIN
    SET NOCOUNT ON;

    WITH months AS (
        SELECT DATEFROMPARTS(YEAR(@FromMonth), MONTH(@FromMonth), 1) AS MonthStart
        UNION ALL
        SELECT DATEADD(MONTH, 1, MonthStart) FROM months WHERE MonthStart < @ThruMonth
    ),
    spans AS (
        SELECT e.MemberID, e.PlanCode, e.EffDate, ISNULL(e.TermDate, '9999-12-31') AS TermDate, e.MetalLevel
        FROM elig.Enrollment e
        WHERE e.ProductLine = 'ACA' AND e.VoidFlag = 0
    )
    SELECT s.MemberID,
           mo.MonthStart,
           s.PlanCode,
           s.MetalLevel,
           CASE WHEN s.EffDate <= mo.MonthStart AND s.TermDate >= EOMONTH(mo.MonthStart) THEN 'FULL' ELSE 'PARTIAL' END AS Coverage,
           ROW_NUMBER() OVER (PARTITION BY s.MemberID, mo.MonthStart ORDER BY s.EffDate DESC) AS rn
    INTO #mm
    FROM months mo
    JOIN spans s ON s.EffDate <= EOMONTH(mo.MonthStart) AND s.TermDate >= mo.MonthStart
    OPTION (MAXRECURSION 240);

    DELETE FROM #mm WHERE rn > 1;

    DELETE FROM aca.MemberMonth WHERE MonthStart BETWEEN @FromMonth AND @ThruMonth;

    INSERT INTO aca.MemberMonth (MemberID, MonthStart, PlanCode, MetalLevel, Coverage)
    SELECT MemberID, MonthStart, PlanCode, MetalLevel, Coverage FROM #mm;

    SELECT MonthStart, COUNT(*) AS Members, SUM(IIF(Coverage = 'FULL', 1, 0)) AS FullMonths
    FROM #mm
    GROUP BY MonthStart
    ORDER BY MonthStart;
END
GO
