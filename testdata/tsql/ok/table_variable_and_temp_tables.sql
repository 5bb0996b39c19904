-- Small lookups held in a table variable and a global temp table during the run.
DECLARE @Hcc TABLE (HccCode VARCHAR(10) PRIMARY KEY, Weight DECIMAL(6, 3) NOT NULL);
INSERT INTO @Hcc (HccCode, Weight) VALUES ('HCC18', 0.302), ('HCC85', 0.331), ('HCC111', 0.335);

CREATE TABLE #MemberHcc (MemberID VARCHAR(20) NOT NULL, HccCode VARCHAR(10) NOT NULL);
INSERT INTO #MemberHcc (MemberID, HccCode)
SELECT DISTINCT c.MemberID, x.HccCode
FROM dbo.ClaimDiagnosis c
JOIN dbo.DxToHcc x ON x.DxCode = c.DxCode;

SELECT mh.MemberID, SUM(h.Weight) AS RafScore
INTO ##RafScores
FROM #MemberHcc mh
JOIN @Hcc h ON h.HccCode = mh.HccCode
GROUP BY mh.MemberID;

SELECT TOP 20 MemberID, RafScore FROM ##RafScores ORDER BY RafScore DESC, MemberID;
DROP TABLE #MemberHcc;
DROP TABLE ##RafScores;
