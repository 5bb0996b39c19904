-- Member reconciliation between the enrollment file and the claims system.
-- In enrollment but never billed:
SELECT MemberID FROM dbo.Enrollment WHERE PlanYear = 2024
EXCEPT
SELECT MemberID FROM dbo.ClaimHeader WHERE YEAR(ServiceFromDate) = 2024;

-- In both:
SELECT MemberID FROM dbo.Enrollment WHERE PlanYear = 2024
INTERSECT
SELECT MemberID FROM dbo.ClaimHeader;

-- All distinct member ids across feeds, and a raw union for counts.
SELECT MemberID, 'ENR' AS Source FROM dbo.Enrollment
UNION
SELECT MemberID, 'CLM' FROM dbo.ClaimHeader
UNION ALL
SELECT MemberID, 'RX' FROM dbo.PharmacyClaim
ORDER BY MemberID, Source;
