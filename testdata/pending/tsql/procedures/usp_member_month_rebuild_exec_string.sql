-- Rebuilds one product line's member-month table. Old style: the whole statement is one string run
-- with EXEC(@sql), values concatenated in (no sp_executesql parameters).
CREATE PROCEDURE dbo.usp_RebuildMemberMonthTable
    @ProductLine VARCHAR(10),
    @Year        INT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @tbl SYSNAME = 'MemberMonth_' + @ProductLine + '_' + CAST(@Year AS VARCHAR(4));
    DECLARE @sql VARCHAR(MAX);

    SET @sql = 'IF OBJECT_ID(''dbo.' + @tbl + ''') IS NOT NULL DROP TABLE dbo.' + @tbl + ';';
    EXEC (@sql);

    SET @sql = 'SELECT mm.MemberID, mm.MonthStart, mm.PlanCode, mm.DaysEligible '
             + 'INTO dbo.' + @tbl + ' '
             + 'FROM elig.MemberMonth mm '
             + 'JOIN ref.PlanCode p ON p.PlanCode = mm.PlanCode '
             + 'WHERE p.ProductLine = ''' + REPLACE(@ProductLine, '''', '''''') + ''' '
             + 'AND mm.MonthStart >= ''' + CAST(@Year AS VARCHAR(4)) + '0101'' '
             + 'AND mm.MonthStart < ''' + CAST(@Year + 1 AS VARCHAR(4)) + '0101'';';
    PRINT @sql;
    EXEC (@sql);

    EXEC ('CREATE CLUSTERED INDEX CIX_' + @tbl + ' ON dbo.' + @tbl + ' (MemberID, MonthStart);');

    EXECUTE ('SELECT COUNT(*) AS MemberMonths, COUNT(DISTINCT MemberID) AS Members FROM dbo.' + @tbl);
END
GO
