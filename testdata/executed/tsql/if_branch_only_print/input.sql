-- An IF whose branch holds only a PRINT (dropped in the output) must still run:
-- SQL scripting needs a statement in every branch. @n is 0, so the first IF takes its
-- PRINT-only THEN branch and inserts nothing; the second IF's ELSE branch is PRINT-only
-- and is not taken, so 'loaded' is inserted once. WHILE with a PRINT-only body never
-- runs (the condition is false from the start).
CREATE TABLE dbo.LoadLog (step VARCHAR(20));
GO
DECLARE @n INT = 0;
IF @n = 0
    PRINT 'nothing to load';
ELSE
    INSERT INTO dbo.LoadLog VALUES ('unexpected');
IF @n = 0
    INSERT INTO dbo.LoadLog VALUES ('loaded');
ELSE
    PRINT 'skipped';
WHILE @n > 0
    PRINT 'never';
GO
SELECT step FROM dbo.LoadLog ORDER BY step;
