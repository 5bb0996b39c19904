-- Implicit conversions in + expressions, a frequent source of surprises.
DECLARE @Seq INT = 42;
SELECT 'CLM' + CAST(@Seq AS VARCHAR(10))             AS ClaimKey,      -- string concat
       '1' + 2                                      AS NumericThree,  -- converts '1' to int: 3
       '10' + '20'                                  AS StringConcat,  -- '1020'
       1 + 2.5                                      AS DecimalSum,
       CAST('2024-01-31' AS DATE)                   AS DateValue,
       CONVERT(VARCHAR(10), 1234)                   AS IntAsText,
       STR(12.5, 6, 1)                              AS StrPadded,
       FORMAT(1234.5, 'N2')                         AS Formatted
FROM (SELECT 1 AS one) AS d;
