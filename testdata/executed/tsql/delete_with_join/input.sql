-- DELETE alias FROM table alias JOIN ...: deletes only the target rows that join (claims of test member 2).
-- Then orphan claims (member 4 does not exist) are removed with NOT IN.
-- The join on member_ref uses the case-insensitive collation: 'TEST' = 'test'.
CREATE TABLE dbo.Member (member_id INT, member_ref VARCHAR(10), is_test BIT);
CREATE TABLE dbo.Claim (claim_id INT, member_id INT);
CREATE TABLE dbo.TestAccount (member_ref VARCHAR(10));
INSERT INTO dbo.Member VALUES (1, 'M1', 0), (2, 'TEST', 1), (3, 'M3', 0);
INSERT INTO dbo.Claim VALUES (10, 1), (11, 2), (12, 2), (13, 3), (14, 4);
INSERT INTO dbo.TestAccount VALUES ('test');
GO
DELETE c
FROM dbo.Claim AS c
INNER JOIN dbo.Member AS m ON m.member_id = c.member_id
INNER JOIN dbo.TestAccount AS t ON t.member_ref = m.member_ref
WHERE m.is_test = 1;

DELETE FROM dbo.Claim
WHERE member_id NOT IN (SELECT m.member_id FROM dbo.Member m);
GO
SELECT claim_id, member_id FROM dbo.Claim ORDER BY claim_id;
