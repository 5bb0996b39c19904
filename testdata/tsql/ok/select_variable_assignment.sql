-- Capture run parameters into variables before the main load.
DECLARE @MaxPaidDate DATE, @ClaimCount INT, @TotalPaid MONEY;
DECLARE @LastRun DATETIME;

SELECT @MaxPaidDate = MAX(PaidDate),
       @ClaimCount  = COUNT(*),
       @TotalPaid   = SUM(PaidAmount)
FROM dbo.ClaimHeader
WHERE ClaimStatus = 'P';

SELECT @LastRun = MAX(StartedAt) FROM dbo.LoadRun WHERE Status = 'DONE';
SET @LastRun = ISNULL(@LastRun, '1900-01-01');

SET @ClaimCount = (SELECT COUNT(*) FROM dbo.ClaimHeader WHERE PaidDate > @LastRun);

INSERT INTO dbo.LoadAudit (StepName, RunDate, Rows)
VALUES ('claims since last run', @MaxPaidDate, @ClaimCount);

SELECT @MaxPaidDate AS MaxPaidDate, @ClaimCount AS NewClaims, @TotalPaid AS TotalPaid;
