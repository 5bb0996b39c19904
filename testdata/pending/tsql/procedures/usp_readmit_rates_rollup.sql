-- Readmission rates by facility and DRG family, with subtotals. Feeds the monthly quality packet.
CREATE PROCEDURE quality.usp_ReadmitRates
    @FromDate DATE,
    @ToDate   DATE
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    SET ANSI_WARNINGS OFF;     -- the packet wants NULL instead of divide-by-zero errors

    SELECT ISNULL(f.FacilityName, CASE WHEN GROUPING(f.FacilityName) = 1 THEN 'ALL FACILITIES' END) AS Facility,
           ISNULL(d.DrgFamily, CASE WHEN GROUPING(d.DrgFamily) = 1 THEN 'ALL' END)                  AS DrgFamily,
           COUNT(*)                                           AS IndexStays,
           SUM(CAST(r.Readmit30 AS INT))                      AS Readmits,
           CAST(100.0 * SUM(CAST(r.Readmit30 AS INT)) / NULLIF(COUNT(*), 0) AS DECIMAL(5, 2)) AS ReadmitPct,
           GROUPING_ID(f.FacilityName, d.DrgFamily)           AS GroupLevel
    FROM quality.ReadmissionFlag r
    JOIN dbo.Encounter e ON e.EncounterID = r.EncounterID
    JOIN ref.Facility f ON f.NPI = e.FacilityNPI
    LEFT JOIN ref.DrgFamily d ON d.DRG = e.DRG
    WHERE r.DischargeDate BETWEEN @FromDate AND @ToDate
    GROUP BY ROLLUP (f.FacilityName, d.DrgFamily)
    ORDER BY GROUPING(f.FacilityName), f.FacilityName, GROUPING(d.DrgFamily), d.DrgFamily;
END
GO
