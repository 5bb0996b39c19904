-- PIVOT with COUNT: a chapter/quarter combination without rows gives 0 (COUNT over no rows), not NULL.
CREATE TABLE dbo.DxEvent (event_id INT, chapter CHAR(1), qtr INT);
INSERT INTO dbo.DxEvent VALUES (1, 'E', 1), (2, 'E', 1), (3, 'E', 3), (4, 'I', 2), (5, 'I', 2), (6, 'I', 4), (7, 'J', 1);
GO
SELECT chapter, [1] AS q1, [2] AS q2, [3] AS q3, [4] AS q4
FROM (SELECT chapter, qtr, event_id FROM dbo.DxEvent) AS src
PIVOT (COUNT(event_id) FOR qtr IN ([1], [2], [3], [4])) AS pvt
ORDER BY chapter;
