-- @@ROWCOUNT = rows affected by the previous statement; SCOPE_IDENTITY() = last IDENTITY value inserted in
-- this scope. The UPDATE matches 'N' and 'n' (case-insensitive) -> 3 rows; the second Batch insert gets 2;
-- the DELETE removes 1 row. No direct Spark equivalent: the converter restructures or flags.
CREATE TABLE dbo.Claim (claim_id INT, status CHAR(1));
CREATE TABLE dbo.Batch (batch_id INT IDENTITY(1, 1), note VARCHAR(20));
CREATE TABLE dbo.StepLog (step VARCHAR(20), n INT);
INSERT INTO dbo.Claim VALUES (1, 'N'), (2, 'N'), (3, 'P'), (4, 'X'), (5, 'n');
GO
DECLARE @n INT, @id INT;
UPDATE dbo.Claim SET status = 'P' WHERE status = 'N';
SET @n = @@ROWCOUNT;
INSERT INTO dbo.StepLog VALUES ('updated', @n);

INSERT INTO dbo.Batch (note) VALUES ('first');
INSERT INTO dbo.Batch (note) VALUES ('second');
SET @id = SCOPE_IDENTITY();
INSERT INTO dbo.StepLog VALUES ('batch id', @id);

DELETE FROM dbo.Claim WHERE status = 'X';
SET @n = @@ROWCOUNT;
INSERT INTO dbo.StepLog VALUES ('deleted', @n);
GO
SELECT step, n FROM dbo.StepLog ORDER BY step;
