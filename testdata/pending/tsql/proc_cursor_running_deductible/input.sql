-- A cursor whose per-row DML depends on the previous rows: each claim (in MemberID, ClaimID order)
-- applies min(Paid, remaining deductible) and updates the member's accumulator, which the next row
-- reads back. A set-based rewrite needs a running SUM window; a FOR loop keeps the row order.
--   member 1 (deductible 500): claim 11 applies 200 (rem 500), claim 12 applies 300 (rem 300, 400 > 300),
--     claim 13 applies 0 (rem 0) -> Applied 500, 3 claims seen
--   member 2 (100): claim 21 applies 40, claim 22 applies 60 (rem 60) -> Applied 100, 2 seen
--   claim 31: member 4 has no accumulator row: SELECT @remaining = ... assigns nothing, @remaining
--     stays NULL (reset each row) -> skipped. Member 3 has no claims.
CREATE TABLE dbo.MemberAccum (MemberID INT, Deductible DECIMAL(10, 2), Applied DECIMAL(10, 2), ClaimsSeen INT);
CREATE TABLE dbo.Claim (ClaimID INT, MemberID INT, Paid DECIMAL(10, 2));
CREATE TABLE dbo.ClaimApplied (ClaimID INT, MemberID INT, AppliedAmt DECIMAL(10, 2));
INSERT INTO dbo.MemberAccum VALUES (1, 500.00, 0, 0), (2, 100.00, 0, 0), (3, 250.00, 0, 0);
INSERT INTO dbo.Claim VALUES (11, 1, 200.00), (12, 1, 400.00), (13, 1, 50.00), (21, 2, 40.00), (22, 2, 90.00), (31, 4, 70.00);
GO
CREATE PROCEDURE dbo.usp_ApplyDeductible
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @ClaimID INT, @MemberID INT, @Paid DECIMAL(10, 2), @remaining DECIMAL(10, 2), @apply DECIMAL(10, 2);
    DECLARE cur CURSOR LOCAL FAST_FORWARD FOR
        SELECT ClaimID, MemberID, Paid FROM dbo.Claim ORDER BY MemberID, ClaimID;
    OPEN cur;
    FETCH NEXT FROM cur INTO @ClaimID, @MemberID, @Paid;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @remaining = NULL;
        SELECT @remaining = Deductible - Applied FROM dbo.MemberAccum WHERE MemberID = @MemberID;
        IF @remaining IS NOT NULL
        BEGIN
            SET @apply = CASE WHEN @Paid < @remaining THEN @Paid ELSE @remaining END;
            UPDATE dbo.MemberAccum
               SET Applied = Applied + @apply, ClaimsSeen = ClaimsSeen + 1
             WHERE MemberID = @MemberID;
            INSERT INTO dbo.ClaimApplied VALUES (@ClaimID, @MemberID, @apply);
        END
        FETCH NEXT FROM cur INTO @ClaimID, @MemberID, @Paid;
    END
    CLOSE cur;
    DEALLOCATE cur;
END
GO
EXEC dbo.usp_ApplyDeductible;
GO
SELECT a.ClaimID, a.MemberID, a.AppliedAmt, m.Applied AS MemberApplied, m.ClaimsSeen
FROM dbo.ClaimApplied a
JOIN dbo.MemberAccum m ON m.MemberID = a.MemberID
ORDER BY a.ClaimID;
