SELECT 1 AS one;
GO
SELECT 2 AS two;
