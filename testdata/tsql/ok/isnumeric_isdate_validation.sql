-- Data quality checks on the member import before it is promoted.
SELECT 'bad member id'   AS Issue, COUNT(*) AS Rows FROM stg.MemberImport WHERE ISNUMERIC(MemberIdText) = 0
UNION ALL
SELECT 'bad birth date',   COUNT(*) FROM stg.MemberImport WHERE ISDATE(BirthDateText) = 0
UNION ALL
SELECT 'future birth date', COUNT(*)
FROM stg.MemberImport
WHERE ISDATE(BirthDateText) = 1 AND CAST(BirthDateText AS DATE) > '2025-01-01';

SELECT MemberIdText, BirthDateText,
       CASE WHEN ISNUMERIC(ZipText) = 1 AND LEN(ZipText) = 5 THEN ZipText ELSE NULL END AS Zip5
FROM stg.MemberImport;
