-- Moves the enrollment staging rows into typed columns. Text that does not convert is kept in an
-- error table rather than failing the whole load.
CREATE PROCEDURE stage.usp_TypeEnrollmentRows
    @FileID INT
AS
BEGIN
    SET NOCOUNT ON;

    INSERT INTO stage.EnrollmentRowError (FileID, RowNum, ColumnName, BadValue)
    SELECT r.FileID, r.RowNum, v.ColumnName, v.Value
    FROM stage.EnrollmentRow r
    CROSS APPLY (VALUES ('EffDate',  r.EffDateText,  TRY_CONVERT(DATE, r.EffDateText, 101)),
                        ('TermDate', r.TermDateText, TRY_CONVERT(DATE, NULLIF(r.TermDateText, ''), 101)),
                        ('DOB',      r.DobText,      TRY_CONVERT(DATE, r.DobText, 112))) AS v(ColumnName, Value, Converted)
    WHERE r.FileID = @FileID
      AND v.Value IS NOT NULL AND LTRIM(v.Value) <> ''
      AND v.Converted IS NULL;

    INSERT INTO elig.EnrollmentLanding
        (FileID, RowNum, SubscriberID, MemberSuffix, PlanCode, EffDate, TermDate, DOB, PremiumAmt)
    SELECT r.FileID,
           r.RowNum,
           UPPER(LTRIM(RTRIM(r.SubscriberID))),
           RIGHT('00' + LTRIM(RTRIM(r.MemberSuffix)), 2),
           r.PlanCode,
           TRY_CONVERT(DATE, r.EffDateText, 101),
           TRY_CONVERT(DATE, NULLIF(r.TermDateText, ''), 101),
           TRY_CONVERT(DATE, r.DobText, 112),
           TRY_CAST(REPLACE(REPLACE(r.PremiumText, '$', ''), ',', '') AS DECIMAL(10, 2))
    FROM stage.EnrollmentRow r
    WHERE r.FileID = @FileID
      AND NOT EXISTS (SELECT 1 FROM stage.EnrollmentRowError e
                      WHERE e.FileID = r.FileID AND e.RowNum = r.RowNum);

    DECLARE @good INT = @@ROWCOUNT,
            @bad  INT = (SELECT COUNT(DISTINCT RowNum) FROM stage.EnrollmentRowError WHERE FileID = @FileID);

    UPDATE stage.EnrollmentFile SET RowsLoaded = @good, RowsRejected = @bad WHERE FileID = @FileID;

    IF @bad > 0
        RAISERROR('%d rows rejected for file %d', 10, 1, @bad, @FileID);
END
GO
