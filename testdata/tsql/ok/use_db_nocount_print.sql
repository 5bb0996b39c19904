USE ClaimsMart;
GO
SET NOCOUNT ON;
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
PRINT 'Starting provider refresh';

DECLARE @Rows INT;
SELECT @Rows = COUNT(*) FROM dbo.Provider WHERE IsActive = 1;
PRINT 'Active providers: ' + CAST(@Rows AS VARCHAR(12));

UPDATE dbo.Provider SET LastCheckedAt = GETDATE() WHERE IsActive = 1;
PRINT 'Done';
GO
