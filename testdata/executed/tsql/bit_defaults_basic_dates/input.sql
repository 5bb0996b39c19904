-- Eligibility flags. Traps: a BIT column's DEFAULT 1 and a CASE yielding 1/0 stored into a BIT
-- (Spark rejects INT into BOOLEAN: the converter must store TRUE/FALSE); unseparated ISO dates
-- ('20240101' is a valid DATE literal in SQL Server under any language setting; Spark's cast
-- rejects it); FORMAT(x, 'N2') is grouped with two decimals ('1,234.50' in us_english).
CREATE TABLE dbo.Elig (MemberID INT, EffDate DATE, Active BIT NOT NULL DEFAULT 1, Flag BIT);
INSERT INTO dbo.Elig (MemberID, EffDate) VALUES (1, '20240101'), (2, '20240615'), (3, '20250101');
GO
-- Members effective from March 2024 on are flagged.
UPDATE dbo.Elig SET Flag = CASE WHEN EffDate >= '20240301' THEN 1 ELSE 0 END;
GO
SELECT MemberID, EffDate, Active, Flag, FORMAT(1234.5, 'N2') AS Amt
FROM dbo.Elig
WHERE EffDate <= '20241231'
ORDER BY MemberID;
