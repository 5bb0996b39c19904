-- Syntax error: an empty item in the select list after editing a column out.
SELECT ClaimID, MemberID FROM dbo.ClaimHeader WHERE ClaimStatus = 'P';

SELECT ClaimID,, PaidAmount
FROM dbo.ClaimHeader;

SELECT SUM(PaidAmount) AS Paid FROM dbo.ClaimHeader;
