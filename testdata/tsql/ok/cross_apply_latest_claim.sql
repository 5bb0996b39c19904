-- For every active member, the latest claim (CROSS APPLY drops members with
-- no claim, OUTER APPLY keeps them with NULLs).
SELECT m.MemberID, lc.ClaimID, lc.ServiceFromDate, lc.PaidAmount
FROM dbo.Member m
CROSS APPLY (
    SELECT TOP 1 c.ClaimID, c.ServiceFromDate, c.PaidAmount
    FROM dbo.ClaimHeader c
    WHERE c.MemberID = m.MemberID
    ORDER BY c.ServiceFromDate DESC, c.ClaimID DESC
) AS lc
WHERE m.IsActive = 1;

SELECT m.MemberID, lv.LastVisit
FROM dbo.Member m
OUTER APPLY (
    SELECT MAX(e.AdmitDate) AS LastVisit
    FROM dbo.Encounter e
    WHERE e.PatientID = m.MemberID
) lv;
