-- HEDIS Controlling High Blood Pressure (CBP) denominator, simplified:
-- age 18-85 at year end, continuously enrolled (max one gap <= 45 days), hypertension dx.
DECLARE @MyStart DATE = '2024-01-01', @MyEnd DATE = '2024-12-31';

WITH spans AS (
    SELECT MemberID, EffectiveDate, ISNULL(TermDate, @MyEnd) AS TermDate,
           LAG(ISNULL(TermDate, @MyEnd)) OVER (PARTITION BY MemberID ORDER BY EffectiveDate) AS PrevTerm
    FROM dbo.Eligibility
    WHERE EffectiveDate <= @MyEnd AND ISNULL(TermDate, @MyEnd) >= @MyStart
),
gaps AS (
    SELECT MemberID,
           SUM(CASE WHEN PrevTerm IS NOT NULL AND DATEDIFF(day, PrevTerm, EffectiveDate) > 1 THEN 1 ELSE 0 END) AS GapCount,
           MAX(CASE WHEN PrevTerm IS NOT NULL THEN DATEDIFF(day, PrevTerm, EffectiveDate) - 1 ELSE 0 END) AS MaxGapDays
    FROM spans
    GROUP BY MemberID
)
SELECT m.MemberID
FROM dbo.Member m
JOIN gaps g ON g.MemberID = m.MemberID
WHERE DATEDIFF(year, m.BirthDate, @MyEnd) BETWEEN 18 AND 85
  AND g.GapCount <= 1 AND g.MaxGapDays <= 45
  AND EXISTS (SELECT 1 FROM dbo.ClaimDiagnosis d
              WHERE d.MemberID = m.MemberID AND d.DxCode = 'I10'
                AND d.ServiceDate BETWEEN @MyStart AND @MyEnd);
