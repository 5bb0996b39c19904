SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE PROCEDURE [rpt].[usp_LengthOfStayBuckets]
    @Year int,
    @FacilityNPI char(10) = NULL
AS
BEGIN
SET NOCOUNT ON

SELECT e.EncounterID,
       e.FacilityNPI,
       e.DRG,
       DATEDIFF(day, e.AdmitDate, e.DischargeDate) AS LOS,
       CASE
           WHEN DATEDIFF(day, e.AdmitDate, e.DischargeDate) = 0 THEN '0 (same day)'
           WHEN DATEDIFF(day, e.AdmitDate, e.DischargeDate) BETWEEN 1 AND 2 THEN '1-2'
           WHEN DATEDIFF(day, e.AdmitDate, e.DischargeDate) BETWEEN 3 AND 6 THEN '3-6'
           WHEN DATEDIFF(day, e.AdmitDate, e.DischargeDate) BETWEEN 7 AND 13 THEN '7-13'
           ELSE '14+'
       END AS LOSBucket,
       g.GeometricMeanLOS
INTO #los
FROM dbo.Encounter e
LEFT JOIN ref.DrgWeight g ON g.DRG = e.DRG AND g.FiscalYear = @Year
WHERE e.EncounterType = 'IP'
  AND YEAR(e.DischargeDate) = @Year
  AND (@FacilityNPI IS NULL OR e.FacilityNPI = @FacilityNPI)

CREATE NONCLUSTERED INDEX ix_los_fac ON #los (FacilityNPI) INCLUDE (LOS, LOSBucket)

UPDATE #los SET LOSBucket = '14+ (outlier)'
WHERE LOS > 3 * ISNULL(GeometricMeanLOS, 999)

SELECT FacilityNPI,
       LOSBucket,
       COUNT(*) AS Stays,
       AVG(LOS * 1.0) AS AvgLOS,
       CAST(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (PARTITION BY FacilityNPI) AS decimal(5,1)) AS PctOfFacility
FROM #los
GROUP BY FacilityNPI, LOSBucket
ORDER BY FacilityNPI, MIN(LOS)

DROP TABLE #los
END
GO
