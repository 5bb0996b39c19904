-- Identifiers from the legacy warehouse: spaces, reserved words, brackets and quotes.
SET QUOTED_IDENTIFIER ON;
GO
CREATE TABLE [dbo].[Member Address] (
    [Member ID]   INT          NOT NULL,
    [Order]       INT          NULL,
    [Select]      VARCHAR(10)  NULL,
    [Zip]]Code]   CHAR(5)      NULL,     -- the column name is Zip]Code
    "Line 1"      VARCHAR(100) NULL,
    [Line-2]      VARCHAR(100) NULL
);
GO
SELECT a.[Member ID], a.[Order], a.[Select], a.[Zip]]Code], a."Line 1", a.[Line-2]
FROM [dbo].[Member Address] AS a
WHERE a.[Select] = 'Y'
ORDER BY a.[Member ID];

SELECT [m].[MemberID] AS [Member Id], [m].[LastName] AS "Last Name"
FROM [dbo].[Member] [m];
