-- IF without BEGIN/END governs only the next statement; the rest always run.
DECLARE @RunDate DATE = '2024-07-01';
DECLARE @IsMonthStart BIT = 0;

IF DAY(@RunDate) = 1
    SET @IsMonthStart = 1;

IF @IsMonthStart = 1
    TRUNCATE TABLE dbo.MonthlySnapshot;
INSERT INTO dbo.LoadAudit (StepName, RunDate) VALUES ('snapshot check', @RunDate);

IF @IsMonthStart = 1
    INSERT INTO dbo.MonthlySnapshot (MemberID, PlanCode, SnapshotDate)
    SELECT MemberID, PlanCode, @RunDate FROM dbo.Member WHERE IsActive = 1;
ELSE
    PRINT 'not a month start, snapshot skipped';

IF EXISTS (SELECT 1 FROM dbo.MonthlySnapshot WHERE SnapshotDate = @RunDate)
    UPDATE dbo.LoadAudit SET Rows = (SELECT COUNT(*) FROM dbo.MonthlySnapshot WHERE SnapshotDate = @RunDate)
    WHERE StepName = 'snapshot check' AND RunDate = @RunDate;
SELECT StepName, RunDate, Rows FROM dbo.LoadAudit WHERE RunDate = @RunDate;
