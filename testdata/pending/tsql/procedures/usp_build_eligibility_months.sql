USE [HealthMart]
GO
/****** Object:  StoredProcedure [elig].[usp_BuildEligibilityMonths]    Script Date: 3/14/2025 2:11:07 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- =============================================
-- Author:      data engineering
-- Create date: 2019-07-02
-- Description: Expands enrollment spans into one row per member per month.
--              Rebuilds the months between @FromMonth and @ThruMonth only.
-- Change log:
--   2021-03-09  handle open-ended spans (TermDate NULL)
--   2023-11-20  skip members flagged as test records
-- =============================================
CREATE PROCEDURE [elig].[usp_BuildEligibilityMonths]
    @FromMonth [date],
    @ThruMonth [date] = NULL,
    @PlanCode  [varchar](10) = NULL
AS
BEGIN
    SET NOCOUNT ON;

    IF @ThruMonth IS NULL
        SET @ThruMonth = EOMONTH(GETDATE(), -1);

    DECLARE @Month [date] = DATEFROMPARTS(YEAR(@FromMonth), MONTH(@FromMonth), 1);
    DECLARE @Rows [int] = 0, @Total [int] = 0;

    DELETE mm
    FROM [elig].[MemberMonth] AS mm
    WHERE mm.[MonthStart] BETWEEN @Month AND @ThruMonth
      AND (@PlanCode IS NULL OR mm.[PlanCode] = @PlanCode);

    WHILE @Month <= @ThruMonth
    BEGIN
        INSERT INTO [elig].[MemberMonth] ([MemberID], [PlanCode], [MonthStart], [DaysEligible])
        SELECT e.[MemberID],
               e.[PlanCode],
               @Month,
               DATEDIFF(DAY,
                        CASE WHEN e.[EffDate] > @Month THEN e.[EffDate] ELSE @Month END,
                        CASE WHEN ISNULL(e.[TermDate], '9999-12-31') < EOMONTH(@Month)
                             THEN e.[TermDate] ELSE EOMONTH(@Month) END) + 1
        FROM [elig].[Enrollment] AS e
        INNER JOIN [dbo].[Member] AS m ON m.[MemberID] = e.[MemberID]
        WHERE e.[EffDate] <= EOMONTH(@Month)
          AND ISNULL(e.[TermDate], '9999-12-31') >= @Month
          AND m.[IsTestRecord] = 0
          AND (@PlanCode IS NULL OR e.[PlanCode] = @PlanCode);

        SET @Rows = @@ROWCOUNT;
        SET @Total = @Total + @Rows;

        PRINT CONCAT('Loaded ', @Rows, ' member months for ', CONVERT(varchar(7), @Month, 120));

        SET @Month = DATEADD(MONTH, 1, @Month);
    END

    INSERT INTO [etl].[LoadAudit] ([ProcName], [RunAt], [RowsLoaded])
    VALUES (OBJECT_NAME(@@PROCID), SYSDATETIME(), @Total);
END
GO
