-- Diagnosis-category counts per member with one column per category. The category list changes,
-- so the PIVOT column list is built from the reference table at run time.
CREATE PROCEDURE rpt.usp_DxCategoryPivot
    @FromDate DATE,
    @ToDate   DATE,
    @PlanCode VARCHAR(10) = NULL
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @cols NVARCHAR(MAX), @sql NVARCHAR(MAX);

    SELECT @cols = STRING_AGG(QUOTENAME(CategoryCode), N', ') WITHIN GROUP (ORDER BY SortOrder, CategoryCode)
    FROM ref.DxCategory
    WHERE Active = 1;

    IF @cols IS NULL
    BEGIN
        RAISERROR (N'No active diagnosis categories.', 16, 1);
        RETURN;
    END

    SET @sql = N'
    SELECT MemberID, ' + @cols + N'
    FROM (
        SELECT d.MemberID, c.CategoryCode, d.ClaimID
        FROM claims.ClaimDiagnosis AS d
        JOIN ref.DxToCategory AS x ON x.DxCode = d.DxCode
        JOIN ref.DxCategory AS c ON c.CategoryCode = x.CategoryCode
        JOIN dbo.Member AS m ON m.MemberID = d.MemberID
        WHERE d.ServiceDate BETWEEN @from AND @to
          AND (@plan IS NULL OR m.PlanCode = @plan)
    ) AS src
    PIVOT (COUNT(ClaimID) FOR CategoryCode IN (' + @cols + N')) AS p
    ORDER BY MemberID;';

    EXEC sys.sp_executesql @sql,
         N'@from DATE, @to DATE, @plan VARCHAR(10)',
         @from = @FromDate, @to = @ToDate, @plan = @PlanCode;
END
GO
