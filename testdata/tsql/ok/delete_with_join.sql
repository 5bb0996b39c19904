-- Remove claims for members flagged as test accounts, and duplicate staged rows.
DELETE c
FROM dbo.ClaimHeader AS c
INNER JOIN dbo.Member AS m ON m.MemberID = c.MemberID
WHERE m.IsTestAccount = 1;

DELETE FROM stg.ClaimLine
FROM stg.ClaimLine l
JOIN stg.ClaimHeader h ON h.ClaimID = l.ClaimID
WHERE h.ClaimStatus = 'VOID';

-- Remove staged eligibility rows that already exist in the mart.
DELETE s
FROM stg.Eligibility s
WHERE EXISTS (SELECT 1 FROM dbo.Eligibility e
              WHERE e.MemberID = s.MemberID AND e.EffectiveDate = s.EffectiveDate);

DELETE FROM dbo.AuditLog WHERE LoggedAt < '2020-01-01';
