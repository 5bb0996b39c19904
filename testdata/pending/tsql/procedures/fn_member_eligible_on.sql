-- Inline table-valued function: the enrollment span (if any) covering a member on a date.
-- Used with CROSS APPLY / OUTER APPLY in claim adjudication and HEDIS denominators.
CREATE FUNCTION elig.fn_MemberEligibleOn (@MemberID INT, @OnDate DATE)
RETURNS TABLE
AS
RETURN
    SELECT TOP (1)
           e.EnrollmentID,
           e.PlanCode,
           e.ProductLine,
           e.EffDate,
           e.TermDate,
           CASE WHEN e.ProductLine IN ('MCD', 'CHIP') THEN 1 ELSE 0 END AS IsMedicaid
    FROM elig.Enrollment AS e
    WHERE e.MemberID = @MemberID
      AND e.EffDate <= @OnDate
      AND (e.TermDate IS NULL OR e.TermDate >= @OnDate)
      AND e.VoidFlag = 0
    ORDER BY e.EffDate DESC, e.EnrollmentID DESC;
GO

-- usage
SELECT c.ClaimID, c.MemberID, c.ServiceDate, el.PlanCode, el.IsMedicaid
FROM claims.Claim AS c
OUTER APPLY elig.fn_MemberEligibleOn(c.MemberID, c.ServiceDate) AS el
WHERE c.ReceivedDate >= '2025-01-01';
GO
