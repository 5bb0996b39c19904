-- With QUOTED_IDENTIFIER ON (the default), "Last Name" is a column, exactly like [Last Name];
-- in Spark "..." would be a string literal (the WHERE would compare two constants and return no rows).
-- [Order] is a reserved word used as a column name. 'DOE' matches 'Doe' and 'doe' (case-insensitive).
CREATE TABLE dbo.[Member Info] ([Member ID] INT, "Last Name" VARCHAR(20), [Order] INT);
INSERT INTO dbo.[Member Info] VALUES (1, 'Testa', 2), (2, 'Doe', 1), (3, 'doe', 3);
GO
SELECT [Member ID] AS member_id, "Last Name" AS last_name, [Order] AS ord
FROM dbo.[Member Info]
WHERE "Last Name" = 'DOE'
ORDER BY [Order];
