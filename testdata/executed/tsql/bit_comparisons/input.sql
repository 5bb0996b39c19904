-- BIT: any non-zero value converts to 1, the strings 'TRUE'/'FALSE' convert to 1/0 (documented).
-- In Spark a BOOLEAN compared with 1 is a type error: the converter rewrites "flag = 1".
-- NULL compared with 1 is UNKNOWN -> ELSE branch. Booleans are compared as 1/0.
CREATE TABLE dbo.ConsentFlag (id INT, consented BIT);
INSERT INTO dbo.ConsentFlag VALUES (1, 1), (2, 0), (3, NULL), (4, 5);
-- separate statements: a multi-row VALUES mixing 'FALSE' with integers would convert the string to INT and fail
INSERT INTO dbo.ConsentFlag VALUES (5, 'FALSE');
INSERT INTO dbo.ConsentFlag VALUES (6, 'TRUE');
GO
SELECT id,
       consented,
       CASE WHEN consented = 1 THEN 'Y' ELSE 'N' END      AS yn,
       CASE WHEN consented = 'TRUE' THEN 1 ELSE 0 END     AS is_true,
       CASE WHEN consented <> 0 THEN 1 ELSE 0 END         AS not_zero,
       CAST(consented AS INT) + 1                         AS as_int_plus_1,
       SUM(CAST(consented AS INT)) OVER ()                AS total_consented
FROM dbo.ConsentFlag
ORDER BY id;
