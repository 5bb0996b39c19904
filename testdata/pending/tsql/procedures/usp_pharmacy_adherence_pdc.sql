-- Proportion of days covered (PDC) for statin fills. Walks each member's fills in date order and
-- shifts overlapping fills forward (a refill picked up early starts when the previous supply ends).
CREATE PROCEDURE rx.usp_CalcStatinPDC
    @PeriodStart DATE,
    @PeriodEnd   DATE
AS
BEGIN
    SET NOCOUNT ON;

    CREATE TABLE #fills (
        MemberID   INT,
        FillSeq    INT,
        FillDate   DATE,
        DaysSupply INT,
        CoverStart DATE NULL,
        CoverEnd   DATE NULL,
        PRIMARY KEY (MemberID, FillSeq)
    );

    INSERT INTO #fills (MemberID, FillSeq, FillDate, DaysSupply)
    SELECT p.MemberID,
           ROW_NUMBER() OVER (PARTITION BY p.MemberID ORDER BY p.FillDate, p.RxClaimID),
           p.FillDate,
           p.DaysSupply
    FROM rx.PharmacyClaim p
    JOIN ref.NdcList n ON n.NDC = p.NDC AND n.ListName = 'STATINS'
    WHERE p.FillDate BETWEEN @PeriodStart AND @PeriodEnd
      AND p.ReversalFlag = 'N';

    DECLARE @seq INT = 1, @maxSeq INT = (SELECT MAX(FillSeq) FROM #fills);

    UPDATE #fills SET CoverStart = FillDate, CoverEnd = DATEADD(DAY, DaysSupply - 1, FillDate) WHERE FillSeq = 1;

    WHILE @seq < @maxSeq
    BEGIN
        SET @seq = @seq + 1;

        UPDATE cur
        SET CoverStart = CASE WHEN prv.CoverEnd >= cur.FillDate THEN DATEADD(DAY, 1, prv.CoverEnd) ELSE cur.FillDate END
        FROM #fills cur
        JOIN #fills prv ON prv.MemberID = cur.MemberID AND prv.FillSeq = cur.FillSeq - 1
        WHERE cur.FillSeq = @seq;

        UPDATE #fills
        SET CoverEnd = DATEADD(DAY, DaysSupply - 1, CoverStart)
        WHERE FillSeq = @seq;
    END

    UPDATE #fills SET CoverEnd = @PeriodEnd WHERE CoverEnd > @PeriodEnd;
    DELETE FROM #fills WHERE CoverStart > @PeriodEnd;

    SELECT f.MemberID,
           MIN(f.FillDate) AS FirstFill,
           SUM(DATEDIFF(DAY, f.CoverStart, f.CoverEnd) + 1) AS DaysCovered,
           DATEDIFF(DAY, MIN(f.FillDate), @PeriodEnd) + 1 AS DaysInPeriod,
           CAST(SUM(DATEDIFF(DAY, f.CoverStart, f.CoverEnd) + 1) * 1.0
                / (DATEDIFF(DAY, MIN(f.FillDate), @PeriodEnd) + 1) AS DECIMAL(5, 4)) AS PDC
    INTO #pdc
    FROM #fills f
    GROUP BY f.MemberID
    HAVING COUNT(*) >= 2;

    DELETE FROM rx.MemberPDC WHERE PeriodStart = @PeriodStart AND DrugClass = 'STATIN';

    INSERT INTO rx.MemberPDC (MemberID, DrugClass, PeriodStart, PeriodEnd, PDC, Adherent)
    SELECT MemberID, 'STATIN', @PeriodStart, @PeriodEnd, PDC, IIF(PDC >= 0.80, 1, 0)
    FROM #pdc;
END
GO
