-- SELECT @v = col FROM ... WHERE <one row> assigns that row's values; when NO row qualifies, the
-- variables are left unchanged (here they keep 'unset' / 'none'). SET @v = (SELECT ...) instead
-- assigns NULL when the subquery returns no row.
--   member 1: both forms find 'Okafor'; plan GOLD
--   member 2: both forms find 'Lindqvist'; PlanCode NULL -> ISNULL gives 'none'
--   member 99: ViaSelect keeps 'unset', ViaSet becomes NULL, plan keeps its initial 'none'
CREATE TABLE dbo.Member (MemberID INT, LastName VARCHAR(30), PlanCode VARCHAR(10));
CREATE TABLE dbo.Lookup (Seq INT, MemberID INT, ViaSelect VARCHAR(30), ViaSet VARCHAR(30), PlanCode VARCHAR(10));
INSERT INTO dbo.Member VALUES (1, 'Okafor', 'GOLD'), (2, 'Lindqvist', NULL), (3, 'Tanaka', 'SILVER');
GO
CREATE PROCEDURE dbo.usp_LookupMember @Seq INT, @MemberID INT
AS
BEGIN
    DECLARE @name1 VARCHAR(30) = 'unset', @name2 VARCHAR(30) = 'unset', @plan VARCHAR(10) = 'none';

    SELECT @name1 = LastName, @plan = ISNULL(PlanCode, 'none')
    FROM dbo.Member
    WHERE MemberID = @MemberID;

    SET @name2 = (SELECT LastName FROM dbo.Member WHERE MemberID = @MemberID);

    INSERT INTO dbo.Lookup VALUES (@Seq, @MemberID, @name1, @name2, @plan);
END
GO
EXEC dbo.usp_LookupMember 1, 1;
EXEC dbo.usp_LookupMember 2, 2;
EXEC dbo.usp_LookupMember 3, 99;
GO
SELECT Seq, MemberID, ViaSelect, ViaSet, PlanCode FROM dbo.Lookup ORDER BY Seq;
