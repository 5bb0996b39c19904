/*
    Flags 30-day all-cause readmissions for the quality dashboard.
    An index admission is an acute inpatient stay with a discharge in the measurement window;
    planned admissions (by DRG list) are excluded as readmissions but can be index stays.
*/
CREATE OR ALTER PROCEDURE dbo.usp_FlagReadmissions30Day
    @WindowStart DATE,
    @WindowEnd   DATE
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF OBJECT_ID('tempdb..#stays') IS NOT NULL DROP TABLE #stays;

    SELECT e.EncounterID,
           e.MemberID,
           e.AdmitDate,
           e.DischargeDate,
           e.DRG,
           CASE WHEN p.DRG IS NOT NULL THEN 1 ELSE 0 END AS IsPlanned,
           ROW_NUMBER() OVER (PARTITION BY e.MemberID ORDER BY e.AdmitDate, e.EncounterID) AS StaySeq
    INTO #stays
    FROM dbo.Encounter e
    LEFT JOIN ref.PlannedDRG p ON p.DRG = e.DRG
    WHERE e.EncounterType = 'IP'
      AND e.DischargeDisposition <> '20'          -- expired
      AND e.DischargeDate >= DATEADD(DAY, -30, @WindowStart)
      AND e.AdmitDate <= DATEADD(DAY, 30, @WindowEnd);

    CREATE CLUSTERED INDEX ix_stays ON #stays (MemberID, StaySeq);

    -- merge transfers: an admission on the day of the previous discharge continues that stay
    UPDATE cur
       SET cur.AdmitDate = prv.AdmitDate
    FROM #stays cur
    JOIN #stays prv ON prv.MemberID = cur.MemberID AND prv.StaySeq = cur.StaySeq - 1
    WHERE cur.AdmitDate = prv.DischargeDate;

    DELETE prv
    FROM #stays prv
    JOIN #stays cur ON cur.MemberID = prv.MemberID AND cur.StaySeq = prv.StaySeq + 1
    WHERE cur.AdmitDate = prv.AdmitDate;

    ;WITH ordered AS (
        SELECT s.*,
               LEAD(s.AdmitDate) OVER (PARTITION BY s.MemberID ORDER BY s.AdmitDate) AS NextAdmit,
               LEAD(s.IsPlanned) OVER (PARTITION BY s.MemberID ORDER BY s.AdmitDate) AS NextPlanned
        FROM #stays s
    )
    MERGE quality.ReadmissionFlag AS tgt
    USING (
        SELECT EncounterID, MemberID, DischargeDate,
               DATEDIFF(DAY, DischargeDate, NextAdmit) AS DaysToReadmit,
               CASE WHEN NextPlanned = 0 AND DATEDIFF(DAY, DischargeDate, NextAdmit) BETWEEN 0 AND 30
                    THEN 1 ELSE 0 END AS Readmit30
        FROM ordered
        WHERE DischargeDate BETWEEN @WindowStart AND @WindowEnd
    ) AS src
    ON tgt.EncounterID = src.EncounterID
    WHEN MATCHED AND (tgt.Readmit30 <> src.Readmit30 OR ISNULL(tgt.DaysToReadmit, -1) <> ISNULL(src.DaysToReadmit, -1)) THEN
        UPDATE SET tgt.Readmit30 = src.Readmit30, tgt.DaysToReadmit = src.DaysToReadmit, tgt.UpdatedAt = GETDATE()
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (EncounterID, MemberID, DischargeDate, DaysToReadmit, Readmit30, UpdatedAt)
        VALUES (src.EncounterID, src.MemberID, src.DischargeDate, src.DaysToReadmit, src.Readmit30, GETDATE());

    DROP TABLE #stays;
END;
GO
