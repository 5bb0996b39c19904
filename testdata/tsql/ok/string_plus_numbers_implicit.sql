-- Implicit conversions in + expressions, a frequent source of surprises.
DECLARE @Seq INT = 42;
SELECT 'CLM' + CAST(@Seq AS VARCHAR(10))             AS ClaimKey,      -- string concat
       '1' + 2                                      AS NumericThree,  -- converts '1' to int: 3
       '10' + '20'                                  AS StringConcat,  -- '1020'
       1 + 2.5                                      AS DecimalSum,
       CAST('2024-01-31' AS DATE)                   AS DateValue,
       CONVERT(VARCHAR(10), 1234)                   AS IntAsText,
       'Member ' + MemberName + ' (' + CAST(MemberAge AS VARCHAR(3)) + ')' AS Label
FROM (SELECT 'Test Person' AS MemberName, 70 AS MemberAge) AS d;
