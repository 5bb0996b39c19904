-- Syntax error: a missing closing parenthesis in the paid-amount expression.
SELECT MemberID FROM dbo.Member WHERE IsActive = 1;

SELECT ClaimID, (PaidAmount * (1 - CoinsurancePct) AS NetPaid
FROM dbo.ClaimHeader;

UPDATE dbo.Member SET IsActive = 0 WHERE TermDate < '2020-01-01';
