-- Utilisation cube for the actuarial team: all combinations of LOB and place of service,
-- plus explicit grouping sets for the age band view.
SELECT LineOfBusiness,
       PlaceOfService,
       GROUPING(LineOfBusiness) AS g_lob,
       GROUPING(PlaceOfService) AS g_pos,
       COUNT(*)                 AS Claims,
       SUM(PaidAmount)          AS Paid
FROM dbo.ClaimHeader
GROUP BY CUBE (LineOfBusiness, PlaceOfService);

SELECT AgeBand, Gender, COUNT(*) AS Members
FROM dbo.MemberDim
GROUP BY GROUPING SETS ((AgeBand, Gender), (AgeBand), ());

SELECT YEAR(ServiceFromDate) AS Yr, MONTH(ServiceFromDate) AS Mo, SUM(PaidAmount) AS Paid
FROM dbo.ClaimHeader
GROUP BY ROLLUP (YEAR(ServiceFromDate), MONTH(ServiceFromDate));
