-- CROSS APPLY drops outer rows whose applied query is empty (member 3 has no claims);
-- OUTER APPLY keeps them with NULLs (member 2 has no claim over 100).
-- Latest claim: ORDER BY svc_date DESC, claim_id DESC (member 2 has two claims on the same day -> 21).
CREATE TABLE dbo.Member (member_id INT);
CREATE TABLE dbo.Claim (claim_id INT, member_id INT, svc_date DATE, paid MONEY);
INSERT INTO dbo.Member VALUES (1), (2), (3);
INSERT INTO dbo.Claim VALUES
 (10, 1, '2024-01-05', 50.00), (11, 1, '2024-03-01', 150.00), (12, 1, '2024-02-01', 200.00),
 (20, 2, '2024-01-10', 80.00), (21, 2, '2024-01-10', 20.00);
GO
SELECT m.member_id,
       lc.claim_id AS last_claim,
       fc.claim_id AS first_big_claim
FROM dbo.Member m
CROSS APPLY (SELECT TOP 1 c.claim_id
             FROM dbo.Claim c
             WHERE c.member_id = m.member_id
             ORDER BY c.svc_date DESC, c.claim_id DESC) AS lc
OUTER APPLY (SELECT TOP 1 c.claim_id
             FROM dbo.Claim c
             WHERE c.member_id = m.member_id AND c.paid > 100
             ORDER BY c.svc_date) AS fc
ORDER BY m.member_id;
