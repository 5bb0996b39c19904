-- Provider group hierarchy (recursive) plus panel sizes (non-recursive CTE).
WITH org AS (
    SELECT GroupID, ParentGroupID, GroupName, 0 AS Depth,
           CAST(GroupName AS VARCHAR(400)) AS GroupPath
    FROM dbo.ProviderGroup
    WHERE ParentGroupID IS NULL
    UNION ALL
    SELECT g.GroupID, g.ParentGroupID, g.GroupName, o.Depth + 1,
           CAST(o.GroupPath + ' > ' + g.GroupName AS VARCHAR(400))
    FROM dbo.ProviderGroup g
    JOIN org o ON o.GroupID = g.ParentGroupID
),
panel AS (
    SELECT pa.GroupID, COUNT(*) AS PanelSize
    FROM dbo.PcpAssignment pa
    WHERE pa.EndDate IS NULL
    GROUP BY pa.GroupID
)
SELECT o.GroupID, o.Depth, o.GroupPath, ISNULL(p.PanelSize, 0) AS PanelSize
FROM org o
LEFT JOIN panel p ON p.GroupID = o.GroupID
ORDER BY o.GroupPath;
