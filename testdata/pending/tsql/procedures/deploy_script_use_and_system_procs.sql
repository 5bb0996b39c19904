-- Deployment script as checked in: switches databases, checks for objects with system
-- procedures, grants, and refreshes dependent modules.
USE [HealthMart];
GO
IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'quality')
    EXEC (N'CREATE SCHEMA [quality] AUTHORIZATION [dbo]');
GO
IF OBJECT_ID(N'quality.usp_ReadmitRates', N'P') IS NOT NULL
    EXEC sp_rename N'quality.usp_ReadmitRates', N'usp_ReadmitRates_prev';
GO
EXEC sp_help N'quality.ReadmissionFlag';
GO
EXEC sp_refreshsqlmodule N'dbo.fn_AgeAt';
EXEC sp_recompile N'elig.usp_BuildEligibilityMonths';
GO
EXEC sys.sp_set_session_context @key = N'deploy_ticket', @value = N'CHG0041123';
GO
GRANT EXECUTE ON SCHEMA::[rpt] TO [report_reader];
DENY SELECT ON [dbo].[Member] TO [analyst_offshore];
GO
CREATE PROCEDURE dbo.usp_WhoAmI
WITH EXECUTE AS OWNER
AS
    SELECT SUSER_SNAME() AS LoginName, USER_NAME() AS DbUser, DB_NAME() AS DbName,
           CAST(SESSION_CONTEXT(N'deploy_ticket') AS NVARCHAR(30)) AS Ticket;
GO
USE [tempdb];
GO
EXEC sp_spaceused;
GO
