-- TRY/CATCH is out of scope for the first slice.
SELECT COUNT(*) AS Before FROM dbo.LoadAudit;

BEGIN TRY
    INSERT INTO dbo.LoadAudit (StepName, RunDate) VALUES ('try step', '2024-07-01');
END TRY
BEGIN CATCH
    INSERT INTO dbo.LoadError (Message) VALUES (ERROR_MESSAGE());
END CATCH;

SELECT COUNT(*) AS After FROM dbo.LoadAudit;
