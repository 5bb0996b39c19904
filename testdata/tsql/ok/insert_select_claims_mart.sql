-- Load the monthly claims mart from the adjudicated claim lines.
INSERT INTO mart.ClaimMonthly (MemberID, ServiceMonth, Claims, Lines, Billed, Paid)
SELECT h.MemberID,
       DATEFROMPARTS(YEAR(h.ServiceFromDate), MONTH(h.ServiceFromDate), 1),
       COUNT(DISTINCT h.ClaimID),
       COUNT(*),
       SUM(l.BilledAmount),
       SUM(l.PaidAmount)
FROM dbo.ClaimHeader h
JOIN dbo.ClaimLine l ON l.ClaimID = h.ClaimID
WHERE h.ClaimStatus = 'P'
  AND NOT EXISTS (SELECT 1 FROM mart.ClaimMonthly x
                  WHERE x.MemberID = h.MemberID
                    AND x.ServiceMonth = DATEFROMPARTS(YEAR(h.ServiceFromDate), MONTH(h.ServiceFromDate), 1))
GROUP BY h.MemberID, DATEFROMPARTS(YEAR(h.ServiceFromDate), MONTH(h.ServiceFromDate), 1);

INSERT mart.LoadLog (TableName, LoadedRows)
SELECT 'ClaimMonthly', COUNT(*) FROM mart.ClaimMonthly;
