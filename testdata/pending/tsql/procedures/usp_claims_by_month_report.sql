-- Report procedure behind the "Claims by month" SSRS report. Every filter is optional.
CREATE PROCEDURE [rpt].[usp_ClaimsByMonth]
    @FromDate     DATE,
    @ToDate       DATE,
    @PlanCode     VARCHAR(10)  = NULL,
    @ClaimType    CHAR(1)      = NULL,   -- P = professional, I = institutional
    @ProviderNPI  CHAR(10)     = NULL,
    @IncludeDenied BIT         = 0
AS
BEGIN
    SET NOCOUNT ON;
    SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED;

    IF @ToDate < @FromDate
    BEGIN
        RAISERROR('@ToDate must not be before @FromDate', 16, 1);
        RETURN 1;
    END

    SELECT DATEFROMPARTS(YEAR(h.ServiceFromDate), MONTH(h.ServiceFromDate), 1) AS ServiceMonth,
           h.PlanCode,
           COUNT(*)                                   AS Claims,
           COUNT(DISTINCT h.MemberID)                 AS Members,
           SUM(h.BilledAmount)                        AS Billed,
           SUM(h.AllowedAmount)                       AS Allowed,
           SUM(h.PaidAmount)                          AS Paid,
           AVG(DATEDIFF(DAY, h.ServiceFromDate, h.PaidDate)) AS AvgDaysToPay,
           SUM(CASE WHEN h.ClaimStatus = 'DN' THEN 1 ELSE 0 END) AS Denied
    FROM adj.ClaimHeader h WITH (NOLOCK)
    WHERE h.ServiceFromDate >= @FromDate
      AND h.ServiceFromDate <  DATEADD(DAY, 1, @ToDate)
      AND (@PlanCode    IS NULL OR h.PlanCode = @PlanCode)
      AND (@ClaimType   IS NULL OR h.ClaimType = @ClaimType)
      AND (@ProviderNPI IS NULL OR h.RenderingNPI = @ProviderNPI)
      AND (@IncludeDenied = 1 OR h.ClaimStatus <> 'DN')
    GROUP BY DATEFROMPARTS(YEAR(h.ServiceFromDate), MONTH(h.ServiceFromDate), 1), h.PlanCode
    ORDER BY ServiceMonth, h.PlanCode
    OPTION (RECOMPILE);

    RETURN 0;
END
GO
