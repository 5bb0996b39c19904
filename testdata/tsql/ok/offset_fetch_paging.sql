-- Paging through the claims work queue for the review UI export.
DECLARE @PageSize INT = 50;
DECLARE @PageNumber INT = 3;

SELECT ClaimID, MemberID, ReceivedDate, BilledAmount
FROM dbo.ClaimWorkQueue
WHERE QueueStatus = 'PEND'
ORDER BY ReceivedDate, ClaimID
OFFSET (@PageNumber - 1) * @PageSize ROWS
FETCH NEXT @PageSize ROWS ONLY;

-- Skip the first 10 without a FETCH clause.
SELECT ClaimID FROM dbo.ClaimWorkQueue ORDER BY ClaimID OFFSET 10 ROWS;

SELECT ClaimID FROM dbo.ClaimWorkQueue ORDER BY ClaimID OFFSET 0 ROWS FETCH FIRST 1 ROW ONLY;
