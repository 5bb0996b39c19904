-- WAITFOR used to throttle a polling loop: out of scope.
SELECT COUNT(*) AS Pending FROM dbo.ClaimWorkQueue WHERE QueueStatus = 'PEND';

WAITFOR DELAY '00:00:30';

SELECT COUNT(*) AS StillPending FROM dbo.ClaimWorkQueue WHERE QueueStatus = 'PEND';
