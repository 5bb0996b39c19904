-- A BEGIN block is never closed before the batch ends at GO.
SELECT COUNT(*) AS Encounters FROM dbo.Encounter;
GO
IF EXISTS (SELECT 1 FROM dbo.Encounter WHERE ReadmitFlag IS NULL)
BEGIN
    UPDATE dbo.Encounter SET ReadmitFlag = 0 WHERE ReadmitFlag IS NULL;
GO
SELECT COUNT(*) AS Flagged FROM dbo.Encounter WHERE ReadmitFlag = 1;
