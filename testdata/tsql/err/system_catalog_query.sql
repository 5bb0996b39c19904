-- A deployment check that reads SQL Server's catalog views: there is no equivalent
-- under these names in Unity Catalog, so it must be flagged, not mapped to main.sys.*.
SELECT c.name AS column_name, t.name AS type_name
FROM sys.columns c
JOIN sys.types t ON t.user_type_id = c.user_type_id
WHERE c.object_id = OBJECT_ID('dbo.ClaimHeader');

SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ClaimHeader';

IF EXISTS (SELECT 1 FROM sys.objects WHERE name = 'ClaimStage') DROP TABLE dbo.ClaimStage;
