-- Loads one month of claims into its monthly table (claims.Claim_YYYYMM), creating the table on first use.
-- Table names cannot be parameters, so the statement is built with QUOTENAME; values are passed
-- as real parameters through sp_executesql.
CREATE PROCEDURE claims.usp_LoadClaimPartition
    @Month      DATE,
    @SourceSys  VARCHAR(10) = 'FACETS',
    @Truncate   BIT = 1
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @suffix   CHAR(6)        = CONVERT(CHAR(6), @Month, 112),
            @table    NVARCHAR(260),
            @sql      NVARCHAR(MAX),
            @params   NVARCHAR(400),
            @loaded   INT;

    SET @table = QUOTENAME(N'claims') + N'.' + QUOTENAME(N'Claim_' + @suffix);

    IF OBJECT_ID(@table, N'U') IS NULL
    BEGIN
        SET @sql = N'CREATE TABLE ' + @table + N' (
            ClaimID      BIGINT        NOT NULL PRIMARY KEY,
            MemberID     INT           NOT NULL,
            ServiceDate  DATE          NOT NULL,
            PaidAmount   DECIMAL(12,2) NULL,
            SourceSystem VARCHAR(10)   NOT NULL,
            LoadedAt     DATETIME2(0)  NOT NULL DEFAULT (SYSDATETIME())
        );';
        EXEC (@sql);
    END
    ELSE IF @Truncate = 1
    BEGIN
        SET @sql = N'TRUNCATE TABLE ' + @table + N';';
        EXEC sp_executesql @sql;
    END

    SET @sql = N'
        INSERT INTO ' + @table + N' (ClaimID, MemberID, ServiceDate, PaidAmount, SourceSystem)
        SELECT s.ClaimID, s.MemberID, s.ServiceDate, s.PaidAmount, @src
        FROM stage.Claim AS s
        WHERE s.ServiceDate >= @from AND s.ServiceDate < DATEADD(MONTH, 1, @from)
          AND s.SourceSystem = @src;
        SET @cnt = @@ROWCOUNT;';
    SET @params = N'@from DATE, @src VARCHAR(10), @cnt INT OUTPUT';

    EXEC sp_executesql @sql, @params,
         @from = @Month, @src = @SourceSys, @cnt = @loaded OUTPUT;

    INSERT INTO etl.PartitionLoadLog (TableName, MonthStart, SourceSystem, RowsLoaded, LoadedAt)
    VALUES (@table, @Month, @SourceSys, @loaded, SYSDATETIME());

    SELECT @table AS TableName, @loaded AS RowsLoaded;
END
GO
