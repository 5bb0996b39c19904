-- Nightly driver (SQL Agent job step 1). Calls each load in order and stops at the first failure.
-- Written before TRY/CATCH existed here: checks @@ERROR and return codes after every call.
CREATE PROCEDURE etl.usp_NightlyDriver
    @RunDate datetime = NULL
AS
SET NOCOUNT ON

DECLARE @rc int, @err int, @step varchar(50)

IF @RunDate IS NULL SET @RunDate = CONVERT(datetime, CONVERT(varchar(8), GETDATE(), 112))

SET @step = 'members'
EXEC @rc = dbo.usp_LoadMembersFromStage
SELECT @err = @@ERROR
IF @err <> 0 OR @rc <> 0 GOTO failed

SET @step = 'eligibility months'
EXEC @rc = elig.usp_BuildEligibilityMonths @FromMonth = @RunDate
SELECT @err = @@ERROR
IF @err <> 0 OR @rc <> 0 GOTO failed

SET @step = 'claims partition'
EXEC @rc = claims.usp_LoadClaimPartition @RunDate, 'FACETS', 1
SELECT @err = @@ERROR
IF @err <> 0 OR @rc <> 0 GOTO failed

SET @step = 'readmissions'
DECLARE @from date, @to date
SELECT @from = DATEADD(month, -13, @RunDate), @to = DATEADD(day, -31, @RunDate)
EXEC @rc = dbo.usp_FlagReadmissions30Day @from, @to
SELECT @err = @@ERROR
IF @err <> 0 OR @rc <> 0 GOTO failed

INSERT etl.JobRun (JobName, RunDate, Status, FinishedAt) VALUES ('nightly', @RunDate, 'OK', GETDATE())
RETURN 0

failed:
INSERT etl.JobRun (JobName, RunDate, Status, FailedStep, ErrorNumber, FinishedAt)
VALUES ('nightly', @RunDate, 'FAILED', @step, ISNULL(NULLIF(@err, 0), @rc), GETDATE())
RAISERROR('Nightly load failed at step %s (error %d, rc %d)', 16, 1, @step, @err, @rc)
RETURN 1
GO
