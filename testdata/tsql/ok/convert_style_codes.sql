-- Date formatting for the outbound 834/837 extracts and the Excel reports.
SELECT m.MemberID,
       CONVERT(VARCHAR(10), m.BirthDate, 101) AS DobUs,        -- MM/dd/yyyy
       CONVERT(VARCHAR(10), m.BirthDate, 103) AS DobUk,        -- dd/MM/yyyy
       CONVERT(CHAR(8),     m.BirthDate, 112) AS DobEdi,       -- yyyyMMdd
       CONVERT(VARCHAR(19), m.UpdatedAt, 120) AS UpdatedOdbc,  -- yyyy-MM-dd HH:mm:ss
       CONVERT(VARCHAR(23), m.UpdatedAt, 121) AS UpdatedMs,
       CONVERT(DATE, m.EffectiveText, 112)    AS EffectiveDate,
       CONVERT(INT, m.AgeText)                AS Age,
       CONVERT(DECIMAL(10, 2), m.PremiumText) AS Premium,
       CAST(m.BirthDate AS DATETIME)          AS DobTs
FROM dbo.MemberStage m;
