-- HASHBYTES hashes the BYTES of its input: VARCHAR 'abc' = 61 62 63, NVARCHAR N'abc' = UTF-16LE
-- 61 00 62 00 63 00, so the digests differ. CONVERT(CHAR(n), binary, 2) gives upper-case hex without 0x.
-- NULL input gives NULL. A VARBINARY literal 0x0A0B is two bytes.
-- Digests (SHA-256): 'abc' BA7816BF..., N'abc' 13E22856..., 'M000123' C9666216..., N'M000123' D5269353...
CREATE TABLE dbo.TokenSource (id INT, v VARCHAR(20), nv NVARCHAR(20), b VARBINARY(10));
INSERT INTO dbo.TokenSource VALUES (1, 'abc', N'abc', 0x0A0B), (2, 'M000123', N'M000123', 0xFF), (3, NULL, NULL, NULL);
GO
SELECT id,
       CONVERT(CHAR(64), HASHBYTES('SHA2_256', v), 2)  AS sha256_v,
       CONVERT(CHAR(64), HASHBYTES('SHA2_256', nv), 2) AS sha256_nv,
       CONVERT(CHAR(32), HASHBYTES('MD5', v), 2)       AS md5_v,
       CONVERT(VARCHAR(20), b, 2)                      AS b_hex,
       DATALENGTH(b)                                   AS b_len
FROM dbo.TokenSource
ORDER BY id;
