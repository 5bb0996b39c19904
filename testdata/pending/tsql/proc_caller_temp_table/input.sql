-- A #temp table created by the CALLER is visible inside the procedure it calls (deferred name
-- resolution lets the procedure be created before #elig exists), and it survives the call and the
-- end of the batch: it lives until the session ends, so a later batch can read it.
-- The procedure has no BEGIN ... END: its body runs to the end of the batch (both statements belong to it).
--   UPDATE closes the open spans (TermDate NULL) at EOMONTH('2025-06-15') = 2025-06-30 and sets Closed = 1
--   (member 1's 2025 span, member 2, member 3); DELETE then removes member 3 (EffDate 2025-07-01 > @AsOf).
CREATE TABLE dbo.Eligibility (MemberID INT, EffDate DATE, TermDate DATE NULL, PlanCode VARCHAR(10));
INSERT INTO dbo.Eligibility VALUES
    (1, '2025-01-01', NULL, 'MCD'),
    (1, '2024-01-01', '2024-12-31', 'MCD'),
    (2, '2025-03-01', NULL, 'COM'),
    (3, '2025-07-01', NULL, 'MCD'),
    (4, '2025-02-01', '2025-04-30', 'COM');
GO
CREATE PROCEDURE dbo.usp_CloseOpenSpans @AsOf DATE
AS
    UPDATE #elig SET TermDate = EOMONTH(@AsOf), Closed = 1 WHERE TermDate IS NULL;
    DELETE FROM #elig WHERE EffDate > @AsOf;
GO
SELECT MemberID, EffDate, TermDate, PlanCode, CAST(0 AS BIT) AS Closed
INTO #elig
FROM dbo.Eligibility;

EXEC dbo.usp_CloseOpenSpans '2025-06-15';
GO
SELECT MemberID, EffDate, TermDate, PlanCode, Closed FROM #elig ORDER BY MemberID, EffDate;
