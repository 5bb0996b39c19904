-- HEDIS-style denominator: members 18-75 with diabetes (two outpatient visits or one inpatient stay
-- with a diabetes diagnosis during the measurement year or the year before), continuously enrolled
-- with at most one gap of up to 45 days. Uses table variables throughout (old "no tempdb" rule).
CREATE PROCEDURE quality.usp_DiabetesDenominator
    @MeasureYear SMALLINT
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @yStart DATE = DATEFROMPARTS(@MeasureYear, 1, 1),
            @yEnd   DATE = DATEFROMPARTS(@MeasureYear, 12, 31);

    DECLARE @dx TABLE (MemberID INT NOT NULL, ServiceDate DATE NOT NULL, Setting CHAR(2) NOT NULL);
    DECLARE @qualified TABLE (MemberID INT PRIMARY KEY);
    DECLARE @gaps TABLE (MemberID INT, GapDays INT);

    INSERT INTO @dx (MemberID, ServiceDate, Setting)
    SELECT DISTINCT c.MemberID, c.ServiceDate, CASE WHEN c.PlaceOfService = '21' THEN 'IP' ELSE 'OP' END
    FROM claims.ClaimDiagnosis d
    JOIN claims.Claim c ON c.ClaimID = d.ClaimID
    WHERE d.DxCode LIKE 'E1[013]%'
      AND c.ServiceDate BETWEEN DATEADD(YEAR, -1, @yStart) AND @yEnd;

    INSERT INTO @qualified (MemberID)
    SELECT MemberID
    FROM @dx
    GROUP BY MemberID
    HAVING COUNT(DISTINCT CASE WHEN Setting = 'OP' THEN ServiceDate END) >= 2
        OR SUM(CASE WHEN Setting = 'IP' THEN 1 ELSE 0 END) >= 1;

    INSERT INTO @gaps (MemberID, GapDays)
    SELECT s.MemberID,
           DATEDIFF(DAY, LAG(s.TermDate) OVER (PARTITION BY s.MemberID ORDER BY s.EffDate), s.EffDate) - 1
    FROM elig.Enrollment s
    JOIN @qualified q ON q.MemberID = s.MemberID
    WHERE s.EffDate <= @yEnd AND ISNULL(s.TermDate, @yEnd) >= @yStart;

    DELETE q
    FROM @qualified q
    WHERE EXISTS (SELECT 1 FROM @gaps g WHERE g.MemberID = q.MemberID AND g.GapDays > 45)
       OR (SELECT COUNT(*) FROM @gaps g WHERE g.MemberID = q.MemberID AND g.GapDays > 0) > 1;

    DELETE FROM quality.MeasureDenominator WHERE MeasureCode = 'CDC' AND MeasureYear = @MeasureYear;

    INSERT INTO quality.MeasureDenominator (MeasureCode, MeasureYear, MemberID, AgeAtYearEnd)
    SELECT 'CDC', @MeasureYear, m.MemberID, dbo.fn_AgeAt(m.DOB, @yEnd)
    FROM @qualified q
    JOIN dbo.Member m ON m.MemberID = q.MemberID
    WHERE dbo.fn_AgeAt(m.DOB, @yEnd) BETWEEN 18 AND 75;

    RETURN @@ROWCOUNT;
END
GO
