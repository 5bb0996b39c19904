-- Trap: LEN ignores TRAILING spaces (not leading ones); DATALENGTH counts bytes including them.
-- CHAR(10) values are blank-padded to 10 (ANSI_PADDING ON, the default): DATALENGTH = 10, LEN ignores padding,
-- and the padding is visible when concatenated. NVARCHAR stores 2 bytes per character (UTF-16).
-- CONCAT treats NULL as '' so row 4's bracket column is '[]'.
CREATE TABLE dbo.MemberName (id INT, v VARCHAR(20), c CHAR(10), n NVARCHAR(20));
INSERT INTO dbo.MemberName VALUES
 (1, 'ab  ', 'ab', N'ab  '),
 (2, '  ab', '  ab', N'  ab'),
 (3, '', '', N''),
 (4, NULL, NULL, NULL);
GO
SELECT id,
       LEN(v)               AS len_v,
       DATALENGTH(v)        AS dl_v,
       LEN(c)               AS len_c,
       DATALENGTH(c)        AS dl_c,
       CONCAT('[', c, ']')  AS c_padded,
       LEN(n)               AS len_n,
       DATALENGTH(n)        AS dl_n
FROM dbo.MemberName
ORDER BY id;
