-- NULL handling in the eligibility extract.
SELECT MemberID,
       ISNULL(TermDate, '9999-12-31')                AS TermDateFilled,
       COALESCE(MobilePhone, HomePhone, WorkPhone, 'NONE') AS ContactPhone,
       NULLIF(MiddleName, '')                        AS MiddleName,
       NULLIF(CopayAmount, 0)                        AS CopayNonZero,
       IIF(IsActive = 1, 'ACTIVE', 'TERMED')         AS StatusText,
       IIF(TermDate IS NULL AND EffectiveDate <= '2024-12-31', 1, 0) AS OpenSpan,
       CHOOSE(TierCode, 'Bronze', 'Silver', 'Gold', 'Platinum') AS TierName,
       ISNULL(PcpNpi, 'UNASSIGNED')                  AS Pcp
FROM dbo.Eligibility
WHERE ISNULL(IsTest, 0) = 0;
