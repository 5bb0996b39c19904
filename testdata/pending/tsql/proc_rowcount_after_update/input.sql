-- @@ROWCOUNT after DML inside a procedure, and what resets it.
--   step 1: UPDATE ... WHERE PlanCode = 'MCD' matches 'MCD', 'mcd', 'MCD ' (case- and trailing-space-
--           insensitive) and member 5: 4 rows, including member 3 whose Active was already 0
--           (rows matched count, not rows whose value changed).
--   step 2: a simple assignment (SET @dummy = 42) sets @@ROWCOUNT to 1 (documented).
--   step 3: an UPDATE that matches nothing -> @@ROWCOUNT = 0, tested directly by IF.
--   step 4: DELETE of the 4 inactive MCD rows -> 4.
--   step 5 (caller): 1 row left (member 4, COM).
CREATE TABLE dbo.Eligibility (MemberID INT, PlanCode VARCHAR(10), Active BIT);
CREATE TABLE dbo.StepLog (Seq INT, Step VARCHAR(30), N INT);
INSERT INTO dbo.Eligibility VALUES (1, 'MCD', 1), (2, 'mcd', 1), (3, 'MCD ', 0), (4, 'COM', 1), (5, 'MCD', 1);
GO
CREATE PROCEDURE dbo.usp_TermPlan @PlanCode VARCHAR(10)
AS
BEGIN
    DECLARE @n INT, @dummy INT;

    UPDATE dbo.Eligibility SET Active = 0 WHERE PlanCode = @PlanCode;
    SET @n = @@ROWCOUNT;
    INSERT INTO dbo.StepLog VALUES (1, 'updated', @n);

    SET @dummy = 42;
    SET @n = @@ROWCOUNT;
    INSERT INTO dbo.StepLog VALUES (2, 'after SET', @n);

    UPDATE dbo.Eligibility SET Active = 0 WHERE PlanCode = 'XYZ';
    IF @@ROWCOUNT = 0
        INSERT INTO dbo.StepLog VALUES (3, 'nothing for XYZ', 0);

    DELETE FROM dbo.Eligibility WHERE Active = 0 AND PlanCode = @PlanCode;
    SET @n = @@ROWCOUNT;
    INSERT INTO dbo.StepLog VALUES (4, 'deleted', @n);
END
GO
EXEC dbo.usp_TermPlan 'MCD';
INSERT INTO dbo.StepLog SELECT 5, 'remaining', COUNT(*) FROM dbo.Eligibility;
GO
SELECT Seq, Step, N FROM dbo.StepLog ORDER BY Seq;
