-- Provider scorecard: historical reports relied on integer AVG and on ROUND(x, n, 1) truncation.
SELECT p.ProviderNPI,
       AVG(e.LengthOfStay)                       AS AvgLosInt,      -- INT average truncates
       AVG(CAST(e.LengthOfStay AS DECIMAL(9, 2))) AS AvgLosDec,
       AVG(e.LengthOfStay * 1.0)                 AS AvgLosFrac,
       ROUND(AVG(e.TotalCharge), 2)              AS AvgChargeRounded,
       ROUND(AVG(e.TotalCharge), 2, 1)           AS AvgChargeTruncated,
       ROUND(SUM(e.TotalCharge), -3)             AS ChargeThousands,
       CEILING(AVG(e.TotalCharge))               AS AvgChargeCeil,
       FLOOR(AVG(e.TotalCharge))                 AS AvgChargeFloor,
       ABS(SUM(e.Adjustment))                    AS AbsAdjustment,
       POWER(2, 3) AS Eight, SQRT(16.0) AS Four, SIGN(-5) AS MinusOne
FROM dbo.Encounter e
JOIN dbo.Provider p ON p.ProviderNPI = e.AttendingNPI
GROUP BY p.ProviderNPI;
