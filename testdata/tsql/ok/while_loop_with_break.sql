-- Backfill monthly member counts one month at a time (script-level loop).
SET NOCOUNT ON;
DECLARE @Month DATE = '2024-01-01';
DECLARE @Stop  DATE = '2024-12-01';
DECLARE @Iter  INT  = 0;

WHILE @Month <= @Stop
BEGIN
    SET @Iter = @Iter + 1;
    IF @Iter > 24
        BREAK;                       -- safety valve

    INSERT INTO mart.MemberMonthCount (MonthStart, Members)
    SELECT @Month, COUNT(DISTINCT MemberID)
    FROM dbo.Eligibility
    WHERE EffectiveDate <= EOMONTH(@Month)
      AND ISNULL(TermDate, '9999-12-31') >= @Month;

    IF @Month = '2024-06-01'
    BEGIN
        PRINT 'half year done';
        SET @Month = DATEADD(month, 1, @Month);
        CONTINUE;
    END

    SET @Month = DATEADD(month, 1, @Month);
END;

PRINT 'backfill finished after ' + CAST(@Iter AS VARCHAR(10)) + ' iterations';
