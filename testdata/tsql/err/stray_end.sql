-- A stray END left over after removing an IF ... BEGIN block.
DECLARE @Rows INT = 0;
SELECT @Rows = COUNT(*) FROM dbo.Encounter;

UPDATE dbo.Encounter SET ReadmitFlag = 0 WHERE ReadmitFlag IS NULL;
END

INSERT INTO dbo.LoadAudit (StepName, Rows) VALUES ('encounters', @Rows);
