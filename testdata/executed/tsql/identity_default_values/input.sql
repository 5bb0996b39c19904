-- IDENTITY(1,1) numbers rows in insert order; INSERT ... DEFAULT VALUES fills every column from its DEFAULT
-- (or NULL). Portable Spark has no identity columns: the converter must emulate or flag them.
CREATE TABLE dbo.LoadRun (
    run_id INT IDENTITY(1, 1) NOT NULL,
    status VARCHAR(10) NOT NULL DEFAULT 'RUNNING',
    note   VARCHAR(20) NULL
);
GO
INSERT INTO dbo.LoadRun DEFAULT VALUES;
INSERT INTO dbo.LoadRun (note) VALUES ('second');
INSERT INTO dbo.LoadRun (status, note) VALUES ('DONE', 'third');
GO
SELECT run_id, status, note FROM dbo.LoadRun ORDER BY run_id;
