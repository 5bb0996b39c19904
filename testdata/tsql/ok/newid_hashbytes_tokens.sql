-- De-identification: stable hash tokens for the research extract and a random
-- batch id per load.
DECLARE @BatchID UNIQUEIDENTIFIER = NEWID();

INSERT INTO research.MemberToken (BatchID, MemberToken, BirthYear, Zip3)
SELECT @BatchID,
       CONVERT(CHAR(64), HASHBYTES('SHA2_256', CONCAT(m.MemberID, '|', 'invented-salt')), 2),
       YEAR(m.BirthDate),
       LEFT(m.ZipCode, 3)
FROM dbo.Member m;

SELECT TOP 100 m.MemberID, NEWID() AS SampleKey
FROM dbo.Member m
ORDER BY NEWID();

SELECT HASHBYTES('MD5', 'fictitious') AS Md5Bytes, HASHBYTES('SHA1', 'fictitious') AS Sha1Bytes;
