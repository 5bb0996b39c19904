-- Dynamic SQL cannot be converted statically.
DECLARE @Table SYSNAME = N'ClaimHeader';
DECLARE @sql NVARCHAR(MAX);
SELECT COUNT(*) AS Claims FROM dbo.ClaimHeader;

SET @sql = N'SELECT COUNT(*) FROM dbo.' + QUOTENAME(@Table) + N' WHERE PaidAmount > 0';
EXEC(@sql);
EXEC sp_executesql @sql;

SELECT COUNT(*) AS PaidClaims FROM dbo.ClaimHeader WHERE PaidAmount > 0;
