-- TRY/CATCH where the CATCH path runs. Step 1 succeeds (provider 10: 400.00 / 4 = 100.00). Step 2
-- divides by Claims = 0 for provider 20: error 8134 'Divide by zero error encountered.' (ANSI_WARNINGS
-- is ON by default, so this is an error, not a NULL). A failed statement is undone as a whole, so step 2
-- changes no row, step 3 never runs, and control passes to CATCH, which logs ERROR_NUMBER(),
-- ERROR_MESSAGE() and the step reached. There is no transaction: step 1's change stays.
-- Providers 20 and 30 keep AvgPaid NULL. The error does not reach the caller (it was caught).
CREATE TABLE dbo.ProviderStats (ProviderID INT, Claims INT, Paid DECIMAL(12, 2), AvgPaid DECIMAL(12, 2));
CREATE TABLE dbo.ErrorLog (ProcName VARCHAR(50), Step INT, ErrNumber INT, ErrMessage NVARCHAR(200));
INSERT INTO dbo.ProviderStats VALUES (10, 4, 400.00, NULL), (20, 0, 0.00, NULL), (30, 2, 50.00, NULL);
GO
CREATE PROCEDURE dbo.usp_ComputeAvgPaid
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @step INT = 0;
    BEGIN TRY
        SET @step = 1;
        UPDATE dbo.ProviderStats SET AvgPaid = Paid / Claims WHERE ProviderID = 10;
        SET @step = 2;
        UPDATE dbo.ProviderStats SET AvgPaid = Paid / Claims;
        SET @step = 3;
        UPDATE dbo.ProviderStats SET AvgPaid = 0 WHERE AvgPaid IS NULL;
    END TRY
    BEGIN CATCH
        INSERT INTO dbo.ErrorLog (ProcName, Step, ErrNumber, ErrMessage)
        VALUES ('usp_ComputeAvgPaid', @step, ERROR_NUMBER(), ERROR_MESSAGE());
    END CATCH
END
GO
EXEC dbo.usp_ComputeAvgPaid;
GO
SELECT 'error' AS Source, Step AS ID, ErrNumber AS Num, ErrMessage AS Msg FROM dbo.ErrorLog
UNION ALL
SELECT 'stats', ProviderID, AvgPaid, NULL FROM dbo.ProviderStats
ORDER BY Source, ID;
