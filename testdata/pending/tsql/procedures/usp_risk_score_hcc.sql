-- Simplified HCC risk score: map diagnoses to HCCs, keep the highest HCC in each hierarchy,
-- add demographic factors, and store one score per member per year.
CREATE PROCEDURE risk.usp_ScoreMembers
    @ServiceYear INT,
    @ModelVersion VARCHAR(8) = 'V24'
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @hcc TABLE (MemberID INT NOT NULL, HCC SMALLINT NOT NULL, Coefficient DECIMAL(8, 4) NOT NULL,
                        PRIMARY KEY (MemberID, HCC));

    INSERT INTO @hcc (MemberID, HCC, Coefficient)
    SELECT DISTINCT d.MemberID, m.HCC, m.Coefficient
    FROM claims.ClaimDiagnosis d
    JOIN risk.DxToHcc m ON m.DxCode = REPLACE(d.DxCode, '.', '') AND m.ModelVersion = @ModelVersion
    WHERE YEAR(d.ServiceDate) = @ServiceYear;

    -- hierarchies: drop a lower-severity HCC when a higher one in the same family is present
    DELETE lo
    FROM @hcc lo
    WHERE EXISTS (SELECT 1
                  FROM @hcc hi
                  JOIN risk.HccHierarchy h ON h.HigherHCC = hi.HCC AND h.ModelVersion = @ModelVersion
                  WHERE hi.MemberID = lo.MemberID AND h.LowerHCC = lo.HCC);

    MERGE risk.MemberScore AS t
    USING (
        SELECT m.MemberID,
               ISNULL(demo.Coefficient, 0) + ISNULL(SUM(h.Coefficient), 0) AS Score,
               COUNT(h.HCC) AS HccCount
        FROM dbo.Member m
        LEFT JOIN @hcc h ON h.MemberID = m.MemberID
        OUTER APPLY (SELECT TOP 1 f.Coefficient
                     FROM risk.DemographicFactor f
                     WHERE f.ModelVersion = @ModelVersion
                       AND f.Gender = m.Gender
                       AND dbo.fn_AgeAt(m.DOB, DATEFROMPARTS(@ServiceYear + 1, 2, 1)) BETWEEN f.AgeFrom AND f.AgeTo) demo
        GROUP BY m.MemberID, demo.Coefficient
    ) AS s
    ON t.MemberID = s.MemberID AND t.ServiceYear = @ServiceYear AND t.ModelVersion = @ModelVersion
    WHEN MATCHED THEN
        UPDATE SET Score = s.Score, HccCount = s.HccCount, ScoredAt = SYSDATETIME()
    WHEN NOT MATCHED THEN
        INSERT (MemberID, ServiceYear, ModelVersion, Score, HccCount, ScoredAt)
        VALUES (s.MemberID, @ServiceYear, @ModelVersion, s.Score, s.HccCount, SYSDATETIME());
END
GO
