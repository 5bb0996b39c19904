-- An inline table-valued function (RETURNS TABLE AS RETURN (SELECT ...)) with parameters, called
-- through CROSS APPLY inside a procedure and directly in a FROM clause of the final SELECT.
-- Status 'P' matches 'p' (case-insensitive). ROW_NUMBER orders by ServiceDate DESC, ClaimID DESC.
--   member 1 since 2025-01-01: paid claims 101 (01-05), 102 (02-01, 'p'), 104 (02-01) -> 104 rn 1,
--     102 rn 2, 101 rn 3; @TopN defaults to 2 -> 104 and 102. Claim 100 is before @Since, 103 is 'D'.
--   member 2: claim 200 rn 1. Member 3: only a denied claim -> CROSS APPLY drops the member.
--   m1_all: member 1's paid claims since 2024-01-01 = 100, 101, 102, 104 -> 4.
CREATE TABLE dbo.Member (MemberID INT, PlanCode VARCHAR(10));
CREATE TABLE dbo.Claim (ClaimID INT, MemberID INT, ServiceDate DATE, Paid DECIMAL(10, 2), Status CHAR(1));
CREATE TABLE dbo.RecentClaims (MemberID INT, ClaimID INT, Paid DECIMAL(10, 2), rn INT);
INSERT INTO dbo.Member VALUES (1, 'GOLD'), (2, 'SILVER'), (3, 'GOLD');
INSERT INTO dbo.Claim VALUES
    (100, 1, '2024-12-20', 10.00, 'P'), (101, 1, '2025-01-05', 20.00, 'P'), (102, 1, '2025-02-01', 30.00, 'p'),
    (103, 1, '2025-03-01', 40.00, 'D'), (104, 1, '2025-02-01', 35.00, 'P'), (200, 2, '2025-01-10', 50.00, 'P'),
    (300, 3, '2025-01-01', 5.00, 'D');
GO
CREATE FUNCTION dbo.tvf_PaidClaims (@MemberID INT, @Since DATE)
RETURNS TABLE
AS
RETURN
(
    SELECT c.ClaimID, c.ServiceDate, c.Paid,
           ROW_NUMBER() OVER (ORDER BY c.ServiceDate DESC, c.ClaimID DESC) AS rn
    FROM dbo.Claim c
    WHERE c.MemberID = @MemberID AND c.Status = 'P' AND c.ServiceDate >= @Since
);
GO
CREATE PROCEDURE dbo.usp_LoadRecentClaims @Since DATE, @TopN INT = 2
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.RecentClaims (MemberID, ClaimID, Paid, rn)
    SELECT m.MemberID, t.ClaimID, t.Paid, t.rn
    FROM dbo.Member m
    CROSS APPLY dbo.tvf_PaidClaims(m.MemberID, @Since) AS t
    WHERE t.rn <= @TopN;
END
GO
EXEC dbo.usp_LoadRecentClaims '2025-01-01';
GO
SELECT r.MemberID, r.ClaimID, r.Paid, r.rn,
       (SELECT COUNT(*) FROM dbo.tvf_PaidClaims(1, '2024-01-01')) AS m1_all
FROM dbo.RecentClaims r
ORDER BY r.MemberID, r.rn;
