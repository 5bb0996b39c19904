-- Table variables: declared in the procedure, filled, joined with LIKE, updated in place, then copied
-- to a permanent table (a table variable disappears at the end of its batch or procedure).
-- LIKE 'E11%' is case-insensitive: 'e11.65' matches; 'I10 ' matches 'I10%'; 'Z00.00' matches nothing.
--   member 1: DIABETES from E11.9 and e11.65 (2 -> marked '*'), HYPERTENSION from I10 (1)
--   member 2: HYPERTENSION from 'I10' and 'I10 ' (2 -> '*'); member 3: ASTHMA (1); member 4: none
CREATE TABLE dbo.Diagnosis (MemberID INT, DxCode VARCHAR(10), DxDate DATE);
CREATE TABLE dbo.MemberCondition (MemberID INT, Condition VARCHAR(20), DxCount INT);
INSERT INTO dbo.Diagnosis VALUES
    (1, 'E11.9', '2025-01-10'), (1, 'e11.65', '2025-02-11'), (1, 'I10', '2025-02-11'),
    (2, 'I10', '2025-03-01'), (2, 'I10 ', '2025-04-01'), (3, 'J45.909', '2025-01-05'), (4, 'Z00.00', '2025-01-01');
GO
CREATE PROCEDURE dbo.usp_BuildConditions
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @map TABLE (Prefix VARCHAR(5) PRIMARY KEY, Condition VARCHAR(20));
    INSERT INTO @map VALUES ('E11', 'DIABETES'), ('I10', 'HYPERTENSION'), ('J45', 'ASTHMA');

    DECLARE @hits TABLE (MemberID INT, Condition VARCHAR(20), DxCount INT);
    INSERT INTO @hits (MemberID, Condition, DxCount)
    SELECT d.MemberID, m.Condition, COUNT(*)
    FROM dbo.Diagnosis d
    JOIN @map m ON d.DxCode LIKE m.Prefix + '%'
    GROUP BY d.MemberID, m.Condition;

    UPDATE @hits SET Condition = Condition + '*' WHERE DxCount > 1;

    INSERT INTO dbo.MemberCondition (MemberID, Condition, DxCount)
    SELECT MemberID, Condition, DxCount FROM @hits;
END
GO
EXEC dbo.usp_BuildConditions;
GO
SELECT MemberID, Condition, DxCount FROM dbo.MemberCondition ORDER BY MemberID, Condition;
