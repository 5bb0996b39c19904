-- Explicit transactions are out of scope for the first slice.
SELECT COUNT(*) AS Pending FROM dbo.ClaimWorkQueue WHERE QueueStatus = 'PEND';

BEGIN TRAN;
UPDATE dbo.ClaimWorkQueue SET QueueStatus = 'DONE' WHERE QueueStatus = 'PEND';
INSERT INTO dbo.LoadAudit (StepName, RunDate) VALUES ('queue closed', '2024-07-01');
COMMIT TRAN;

SELECT COUNT(*) AS Done FROM dbo.ClaimWorkQueue WHERE QueueStatus = 'DONE';
