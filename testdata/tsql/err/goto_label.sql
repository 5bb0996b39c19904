-- GOTO and labels have no equivalent.
DECLARE @Rows INT;
SELECT @Rows = COUNT(*) FROM stg.ClaimHeader;
IF @Rows = 0 GOTO skip_load;
INSERT INTO dbo.ClaimHeader (ClaimID, MemberID) SELECT ClaimID, MemberID FROM stg.ClaimHeader;
skip_load:
SELECT COUNT(*) AS Claims FROM dbo.ClaimHeader;
