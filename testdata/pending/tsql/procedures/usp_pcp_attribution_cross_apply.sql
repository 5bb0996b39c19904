-- Attributes each member to the primary-care provider with the most E&M visits in the last 18 months;
-- ties go to the most recent visit, then the lowest NPI.
CREATE PROCEDURE dbo.usp_AttributePCP
    @AsOf DATE
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @from DATE = DATEADD(MONTH, -18, @AsOf);

    ;WITH visits AS (
        SELECT c.MemberID, c.RenderingNPI, COUNT(*) AS Visits, MAX(c.ServiceDate) AS LastVisit
        FROM claims.ClaimLine c
        JOIN dbo.Provider p ON p.NPI = c.RenderingNPI
        WHERE c.ProcedureCode BETWEEN '99201' AND '99215'
          AND c.ServiceDate BETWEEN @from AND @AsOf
          AND p.PrimarySpecialty IN ('08', '11', '37', '38')   -- FP, IM, peds, geriatrics
        GROUP BY c.MemberID, c.RenderingNPI
    )
    SELECT m.MemberID, best.RenderingNPI, best.Visits, best.LastVisit
    INTO #attr
    FROM dbo.Member m
    CROSS APPLY (
        SELECT TOP (1) v.RenderingNPI, v.Visits, v.LastVisit
        FROM visits v
        WHERE v.MemberID = m.MemberID
        ORDER BY v.Visits DESC, v.LastVisit DESC, v.RenderingNPI
    ) AS best
    WHERE m.IsActive = 1;

    UPDATE a
    SET a.TermDate = DATEADD(DAY, -1, @AsOf)
    FROM dbo.MemberPCP a
    JOIN #attr t ON t.MemberID = a.MemberID
    WHERE a.TermDate IS NULL
      AND a.AttributionMethod = 'CLAIMS'
      AND a.ProviderNPI <> t.RenderingNPI;

    INSERT INTO dbo.MemberPCP (MemberID, ProviderNPI, EffDate, TermDate, AttributionMethod, Visits)
    SELECT t.MemberID, t.RenderingNPI, @AsOf, NULL, 'CLAIMS', t.Visits
    FROM #attr t
    WHERE NOT EXISTS (SELECT 1 FROM dbo.MemberPCP a
                      WHERE a.MemberID = t.MemberID AND a.TermDate IS NULL);

    SELECT COUNT(*) AS Attributed FROM #attr;
END
GO
