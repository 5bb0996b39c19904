-- CONVERT(varchar, date, style): 101 = mm/dd/yyyy, 103 = dd/mm/yyyy, 112 = yyyymmdd,
-- 120 = yyyy-mm-dd hh:mi:ss (24h), 121 = yyyy-mm-dd hh:mi:ss.mmm (DATETIME always prints .000 ms).
-- 100 = 'mon dd yyyy hh:miAM': day and hour are padded with a SPACE to 2 characters:
--   2024-03-05 14:07:09 -> 'Mar  5 2024  2:07PM', 2023-12-25 00:00 -> 'Dec 25 2023 12:00AM'.
-- VARCHAR(10) with style 120 keeps only the first 10 characters (the common "date only" idiom).
CREATE TABLE dbo.Referral (id INT, referral_date DATE, sent_at DATETIME);
INSERT INTO dbo.Referral VALUES
 (1, '2024-03-05', '2024-03-05 14:07:09'),
 (2, '2023-12-25', '2023-12-25 00:00:00');
GO
SELECT id,
       CONVERT(VARCHAR(10), referral_date, 101) AS us_fmt,
       CONVERT(VARCHAR(10), referral_date, 103) AS uk_fmt,
       CONVERT(VARCHAR(8),  referral_date, 112) AS edi_fmt,
       CONVERT(VARCHAR(19), sent_at, 120)       AS odbc_fmt,
       CONVERT(VARCHAR(10), sent_at, 120)       AS odbc_date,
       CONVERT(VARCHAR(23), sent_at, 121)       AS odbc_ms,
       CONVERT(VARCHAR(20), sent_at, 100)       AS default_fmt
FROM dbo.Referral
ORDER BY id;
