-- Older scripts never used semicolons; statements are separated by whitespace only.
DECLARE @Cutoff DATETIME
SET @Cutoff = '2024-01-01'

DELETE FROM stg.ClaimHeader WHERE LoadedAt < @Cutoff
UPDATE stg.ClaimHeader SET ClaimStatus = 'N' WHERE ClaimStatus IS NULL
INSERT INTO dbo.LoadAudit (StepName, RunDate) VALUES ('purge', @Cutoff)

SELECT ClaimStatus, COUNT(*) AS Claims
FROM stg.ClaimHeader
GROUP BY ClaimStatus
ORDER BY ClaimStatus
GO
SELECT MAX(LoadedAt) AS LastLoad FROM stg.ClaimHeader
GO
