/* header /* nested */ comment */
SET NOCOUNT ON;
SET ANSI_NULLS ON
SET QUOTED_IDENTIFIER ON
GO
USE Claims
GO 2
CREATE TABLE dbo.Member (
    MemberID INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Member PRIMARY KEY CLUSTERED,
    [First Name] NVARCHAR(50) NULL,
    Dob DATETIME2(7) NOT NULL DEFAULT (GETDATE()),
    Amt MONEY DEFAULT 0,
    Flag BIT NOT NULL DEFAULT ((1)),
    Small TINYINT, Ratio FLOAT(53), Code CHAR(3) COLLATE Latin1_General_CS_AS,
    Notes VARCHAR(MAX), G UNIQUEIDENTIFIER DEFAULT NEWID(), Bin VARBINARY(16),
    PlanID INT REFERENCES dbo.Plans(PlanID),
    Total AS (Amt * 2) PERSISTED,
    CONSTRAINT UQ_M UNIQUE NONCLUSTERED (G),
    CONSTRAINT FK_P FOREIGN KEY (PlanID) REFERENCES dbo.Plans (PlanID) ON DELETE CASCADE,
    CHECK (Amt >= 0)
) ON [PRIMARY];
CREATE UNIQUE NONCLUSTERED INDEX IX_M ON dbo.Member (Dob DESC, Code) INCLUDE (Notes) WITH (FILLFACTOR = 90);
ALTER TABLE dbo.Member ADD Extra INT NULL;
ALTER TABLE dbo.Member DROP COLUMN Extra;
ALTER TABLE dbo.Member ADD CONSTRAINT CK_X CHECK (Small < 10);
DROP TABLE IF EXISTS #tmp, dbo.Old;
IF OBJECT_ID('tempdb..#t') IS NOT NULL DROP TABLE #t;
SELECT DISTINCT TOP 10 PERCENT WITH TIES m.MemberID, Name = m.[First Name], m.Amt AS amt, 'x' 'lit'
FROM dbo.Member m WITH (NOLOCK)
INNER JOIN dbo.Plans p ON p.PlanID = m.PlanID
LEFT OUTER JOIN dbo.X x ON x.id = m.MemberID AND x.k IN (1, 2, 3)
CROSS APPLY (SELECT TOP 1 * FROM dbo.Y y WHERE y.id = m.MemberID ORDER BY y.d DESC) ya
OUTER APPLY STRING_SPLIT(m.Notes, ',') s
CROSS JOIN dbo.Z
WHERE m.Amt BETWEEN 1 AND 10 AND NOT m.Code LIKE 'A[BC]%' AND m.Notes NOT LIKE '%x\_%' ESCAPE '\'
  AND EXISTS (SELECT 1 FROM dbo.Q q WHERE q.id = m.MemberID) OR m.G IS NULL
ORDER BY m.MemberID;
WITH r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10), b AS (SELECT * FROM r)
SELECT n, ROW_NUMBER() OVER (PARTITION BY n % 2 ORDER BY n DESC) rn,
       SUM(n) OVER (ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
       LAG(n, 1, 0) OVER (ORDER BY n), COUNT(*) OVER (), COUNT(DISTINCT n) OVER (PARTITION BY n)
FROM b
ORDER BY n OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY;
SELECT a, b, SUM(c) FROM t GROUP BY ROLLUP(a, b) HAVING SUM(c) > 0;
SELECT a, SUM(c) FROM t GROUP BY GROUPING SETS ((a), ());
SELECT a, SUM(c) FROM t GROUP BY a WITH CUBE;
SELECT a FROM t1 UNION SELECT a FROM t2 INTERSECT SELECT a FROM t3 EXCEPT SELECT a FROM t4;
SELECT * INTO #stage FROM dbo.Member WHERE 1 = 0;
SELECT * FROM (SELECT a, b, c FROM t) src PIVOT (SUM(c) FOR b IN ([x], [y])) AS pv;
SELECT * FROM t UNPIVOT (val FOR col IN (c1, c2)) AS u;
INSERT INTO dbo.T (a, b) VALUES (1, N'x'), (2, 'y');
INSERT dbo.T SELECT a, b FROM dbo.S;
INSERT INTO dbo.T DEFAULT VALUES;
UPDATE m SET m.Amt = s.Amt, Flag = 0, Small += 1 FROM dbo.Member m JOIN dbo.S s ON s.id = m.MemberID WHERE s.x = 1;
UPDATE dbo.T SET a = NULL;
DELETE a FROM dbo.T a JOIN dbo.S b ON a.id = b.id;
DELETE FROM dbo.T WHERE id = 5;
DELETE dbo.T;
MERGE INTO dbo.T AS t USING (SELECT * FROM dbo.S) AS s ON t.id = s.id
WHEN MATCHED AND s.del = 1 THEN DELETE
WHEN MATCHED THEN UPDATE SET t.a = s.a
WHEN NOT MATCHED BY TARGET THEN INSERT (id, a) VALUES (s.id, s.a)
WHEN NOT MATCHED BY SOURCE THEN DELETE;
TRUNCATE TABLE dbo.T;
DECLARE @a INT = 1, @b VARCHAR(10), @c DECIMAL(10, 2) = 1.5;
DECLARE @d AS DATE
SET @a = @a + 1
SET @a += 2
SELECT @a = MAX(id), @b = MIN(name) FROM dbo.T;
IF @a > 1
BEGIN
    PRINT 'big';
    SELECT 1;
END
ELSE IF @a < 0
    SELECT 2
ELSE
    SELECT 3;
WHILE @a < 10
BEGIN
    SET @a = @a + 1;
    IF @a = 5 CONTINUE;
    IF @a = 8 BREAK;
END
EXEC dbo.usp_Load @p1 = 1, @p2 = 'x';
EXEC dbo.usp_NoArgs
EXECUTE sp_rename 'a', 'b';
RETURN;
GO
CREATE OR ALTER VIEW dbo.V (a, b) AS SELECT a, b FROM dbo.T WHERE a > 0;
GO
CREATE VIEW dbo.V2 AS WITH c AS (SELECT 1 AS x) SELECT x FROM c;
GO
SELECT CASE WHEN a = 1 THEN 'one' WHEN a = 2 THEN 'two' ELSE 'many' END,
       CASE a WHEN 1 THEN 'x' END,
       CAST(a AS VARCHAR(10)), TRY_CAST('1' AS INT), CONVERT(VARCHAR(10), d, 112), TRY_CONVERT(DATE, s),
       CONVERT(INT, '5'), ~a & 3 | 4 ^ 1, -a * +b / c % 2, (a + b) * c,
       1
FROM t;
CREATE TABLE dbo.N (id INT, i INT, j INT, m MONEY, f BIT);
INSERT INTO dbo.N VALUES (1, 7, 2, 10.005, 1), (2, -7, 2, 3.3333, 0), (3, 1, 3, NULL, NULL);
GO
SELECT id,
       i / j AS q,
       i % j AS r,
       i * 1.0 / j AS fq,
       AVG(i) OVER () AS avg_i,
       ROUND(m, 2) AS m2,
       CASE WHEN f = 1 THEN 'Y' WHEN f = 0 THEN 'N' ELSE '?' END AS flag
FROM dbo.N
ORDER BY id;
CREATE TABLE dbo.T (id INT, a DATETIME, b DATETIME);
INSERT INTO dbo.T VALUES
 (1, '2024-12-31 23:59:59', '2025-01-01 00:00:01'),
 (2, '2024-01-31', '2024-02-01'),
 (3, '2024-03-10 10:00', '2024-03-10 11:59'),
 (4, '2024-02-29', '2025-02-28'),
 (5, '2025-01-01', '2024-12-31');
GO
SELECT id,
       DATEDIFF(day, a, b)     AS d,
       DATEDIFF(month, a, b)   AS m,
       DATEDIFF(year, a, b)    AS y,
       DATEDIFF(hour, a, b)    AS h,
       DATEDIFF(quarter, a, b) AS q,
       DATEDIFF(minute, a, b)  AS mi
FROM dbo.T
ORDER BY id;
CREATE TABLE dbo.Member (MemberID INT, PlanCode VARCHAR(10), Active BIT);
CREATE TABLE dbo.MemberStage (MemberID INT, PlanCode VARCHAR(10));
INSERT INTO dbo.Member VALUES (1, 'GOLD', 1), (2, 'SILVER', 1), (3, 'BRONZE', 1);
INSERT INTO dbo.MemberStage VALUES (2, 'GOLD'), (4, 'SILVER');
GO
UPDATE m SET m.PlanCode = s.PlanCode
FROM dbo.Member m
JOIN dbo.MemberStage s ON s.MemberID = m.MemberID;

MERGE dbo.Member AS t
USING dbo.MemberStage AS s ON t.MemberID = s.MemberID
WHEN NOT MATCHED BY TARGET THEN INSERT (MemberID, PlanCode, Active) VALUES (s.MemberID, s.PlanCode, 1)
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET t.Active = 0;

DELETE FROM dbo.Member WHERE PlanCode = 'bronze' AND Active = 0;
GO
SELECT MemberID, PlanCode, Active FROM dbo.Member ORDER BY MemberID;
-- An IF without BEGIN ... END controls exactly one statement.
CREATE TABLE dbo.Log (step INT, msg VARCHAR(50));
GO
DECLARE @x INT = 5;
IF @x > 10
    INSERT INTO dbo.Log VALUES (1, 'big');
INSERT INTO dbo.Log VALUES (2, 'always');
IF @x < 10 INSERT INTO dbo.Log VALUES (3, 'small') ELSE INSERT INTO dbo.Log VALUES (4, 'not small');
IF OBJECT_ID('dbo.Nope', 'U') IS NOT NULL DROP TABLE dbo.Nope;
INSERT INTO dbo.Log VALUES (5, 'after drop idiom');
GO
SELECT step, msg FROM dbo.Log ORDER BY step;
-- SQL Server's default collation is case-insensitive and ignores trailing spaces in comparisons.
CREATE TABLE dbo.S (id INT, s VARCHAR(20), t VARCHAR(20));
INSERT INTO dbo.S VALUES (1, 'abc', 'ABC'), (2, 'abc  ', 'abc'), (3, NULL, 'x'), (4, 'A-1', 'a-1 '), (5, '', ' ');
GO
SELECT id,
       CASE WHEN s = t THEN 1 ELSE 0 END AS eq,
       LEN(s) AS len_s,
       DATALENGTH(s) AS dl_s,
       CONCAT(s, '|', t) AS cat,
       s + '|' + t AS plus,
       UPPER(s) AS up,
       REPLACE(t, 'a', 'z') AS rep,
       CHARINDEX('B', s) AS pos
FROM dbo.S
ORDER BY id;
