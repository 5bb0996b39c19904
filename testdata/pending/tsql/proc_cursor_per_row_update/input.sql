-- Legacy semicolonless cursor loop doing per-row DML: for every RECEIVED claim, look up the provider,
-- UPDATE the claim by key and INSERT an audit row. Each iteration touches only its own claim, so the
-- loop is equivalent to one set-based UPDATE plus one INSERT ... SELECT (what a converter should emit).
-- 'RECEIVED' matches 'received'; 'P003' matches provider 'p003 ' (case- and trailing-space-insensitive).
--   claim 1: P001 in network -> 'I'; claim 2: P002 out -> 'O'; claim 3: 'I'; claim 4: no provider,
--   @inn reset to NULL each row -> 'U'. Claim 5 (PAID) is not in the cursor: unchanged, no audit row.
--   The audit keeps the status text as fetched ('received' for claim 2).
CREATE TABLE dbo.Provider (ProviderNPI VARCHAR(10), InNetwork BIT)
CREATE TABLE dbo.Claim (ClaimID INT, ProviderNPI VARCHAR(10), Status VARCHAR(10), NetworkFlag CHAR(1) NULL)
CREATE TABLE dbo.ClaimAudit (ClaimID INT, OldStatus VARCHAR(10), NewStatus VARCHAR(10))
INSERT INTO dbo.Provider VALUES ('P001', 1), ('P002', 0), ('p003 ', 1)
INSERT INTO dbo.Claim VALUES (1, 'P001', 'RECEIVED', NULL), (2, 'P002', 'received', NULL),
    (3, 'P003', 'RECEIVED', NULL), (4, 'P009', 'RECEIVED', NULL), (5, 'P001', 'PAID', 'I')
GO
CREATE PROCEDURE dbo.usp_StampNetwork
AS
BEGIN
    SET NOCOUNT ON
    DECLARE @id INT, @npi VARCHAR(10), @status VARCHAR(10), @inn BIT

    DECLARE claim_cur CURSOR LOCAL STATIC READ_ONLY FOR
        SELECT ClaimID, ProviderNPI, Status FROM dbo.Claim WHERE Status = 'RECEIVED'

    OPEN claim_cur
    FETCH NEXT FROM claim_cur INTO @id, @npi, @status
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @inn = NULL
        SELECT @inn = InNetwork FROM dbo.Provider WHERE ProviderNPI = @npi

        UPDATE dbo.Claim
           SET NetworkFlag = CASE WHEN @inn = 1 THEN 'I' WHEN @inn = 0 THEN 'O' ELSE 'U' END,
               Status = 'PRICED'
         WHERE ClaimID = @id

        INSERT INTO dbo.ClaimAudit (ClaimID, OldStatus, NewStatus) VALUES (@id, @status, 'PRICED')

        FETCH NEXT FROM claim_cur INTO @id, @npi, @status
    END
    CLOSE claim_cur
    DEALLOCATE claim_cur
END
GO
EXEC dbo.usp_StampNetwork
GO
SELECT c.ClaimID, c.Status, c.NetworkFlag, a.OldStatus
FROM dbo.Claim c
LEFT JOIN dbo.ClaimAudit a ON a.ClaimID = c.ClaimID
ORDER BY c.ClaimID
