-- Claim status clean-up that logs how many rows it touched. @@ROWCOUNT has no direct
-- equivalent on the target yet: it must be flagged with its span, and the log insert and the
-- final query must still convert.
CREATE TABLE dbo.ClaimLog (Step VARCHAR(20), RowsAffected INT);
DECLARE @n INT;
UPDATE dbo.Claim SET ClaimStatus = 'P' WHERE ClaimStatus = 'N';
SET @n = @@ROWCOUNT;
INSERT INTO dbo.ClaimLog VALUES ('pended', @n);
SELECT Step, RowsAffected FROM dbo.ClaimLog;
