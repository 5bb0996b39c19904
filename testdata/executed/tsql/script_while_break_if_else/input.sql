-- Script-level variables with WHILE, CONTINUE, BREAK and IF/ELSE (with and without BEGIN/END).
-- Trace: i=1 total=1 logged; i=2 skipped; i=3 total=4; i=5 total=9; i=7 total=16; i=9 total=25 > 20 -> BREAK
-- before logging. Then @total > 20 -> 'total 25'; @i = 9 -> 'stopped at 9' and @i reset to 0.
CREATE TABLE dbo.RunLog (seq INT, msg VARCHAR(40));
GO
DECLARE @i INT = 0, @total INT = 0;
WHILE @i < 100
BEGIN
    SET @i = @i + 1;
    IF @i % 2 = 0 CONTINUE;
    SET @total = @total + @i;
    IF @total > 20 BREAK;
    INSERT INTO dbo.RunLog VALUES (@i, 'odd');
END

IF @total > 20
    INSERT INTO dbo.RunLog VALUES (100, 'total ' + CAST(@total AS VARCHAR(10)));
ELSE
    INSERT INTO dbo.RunLog VALUES (100, 'small');

IF @i = 9
BEGIN
    INSERT INTO dbo.RunLog VALUES (101, 'stopped at 9');
    SET @i = 0;
END
ELSE
    INSERT INTO dbo.RunLog VALUES (101, 'other');

INSERT INTO dbo.RunLog VALUES (102, 'i now ' + CAST(@i AS VARCHAR(10)));
GO
SELECT seq, msg FROM dbo.RunLog ORDER BY seq;
