-- Business days between two dates (exclusive of the start, inclusive of the end), skipping weekends
-- and plan holidays. Prompt-pay rules count from receipt to payment in working days.
-- A loop in a scalar function: not inlinable; kept because the holiday table is tiny.
CREATE FUNCTION dbo.fn_WorkingDaysBetween (@Start DATE, @End DATE)
RETURNS INT
AS
BEGIN
    DECLARE @d DATE = @Start, @n INT = 0;

    IF @Start IS NULL OR @End IS NULL RETURN NULL;
    IF @End <= @Start RETURN 0;

    WHILE @d < @End
    BEGIN
        SET @d = DATEADD(DAY, 1, @d);
        -- DATEPART(weekday) depends on DATEFIRST; this form does not: 1 = Sunday, 7 = Saturday
        IF (DATEPART(WEEKDAY, @d) + @@DATEFIRST - 1) % 7 IN (0, 6)
            CONTINUE;
        IF EXISTS (SELECT 1 FROM ref.PlanHoliday h WHERE h.HolidayDate = @d)
            CONTINUE;
        SET @n = @n + 1;
    END

    RETURN @n;
END
GO

SELECT c.ClaimID,
       c.ReceivedDate,
       c.PaidDate,
       dbo.fn_WorkingDaysBetween(c.ReceivedDate, c.PaidDate) AS WorkingDaysToPay,
       CASE WHEN dbo.fn_WorkingDaysBetween(c.ReceivedDate, c.PaidDate) > 30 THEN 'LATE' ELSE 'ON TIME' END AS PromptPay
FROM adj.ClaimHeader AS c
WHERE c.PaidDate >= '2025-01-01';
GO
