-- 30-day readmission flag as in the analytics scripts: LEAD over inpatient stays per patient and
-- DATEDIFF(day, discharge, next admit) <= 30. DATEDIFF(day) counts midnights crossed, so the clock times do
-- not matter: Jan 8 11:00 -> Feb 7 22:40 = 30 (readmit), Feb 10 -> Mar 12 = 31 (not),
-- Feb 14 23:59 -> Mar 15 00:01 = 30 (readmit, although only 29 days and 2 minutes elapsed).
-- The outpatient visit of patient 2 is excluded before LEAD, so encounter 5 has no next stay.
CREATE TABLE dbo.Encounter (enc_id INT, patient_id INT, enc_type CHAR(2), admit_at DATETIME, discharge_at DATETIME);
INSERT INTO dbo.Encounter VALUES
 (1, 1, 'IP', '2024-01-03 08:15', '2024-01-08 11:00'),
 (2, 1, 'IP', '2024-02-07 22:40', '2024-02-10 09:30'),
 (3, 1, 'IP', '2024-03-12 00:10', '2024-03-15 10:00'),
 (4, 2, 'IP', '2024-02-10 14:00', '2024-02-14 23:59'),
 (5, 2, 'IP', '2024-03-15 00:01', '2024-03-20 12:00'),
 (6, 2, 'OP', '2024-03-25 09:00', '2024-03-25 10:00');
GO
WITH ip AS (
    SELECT enc_id, discharge_at,
           LEAD(admit_at) OVER (PARTITION BY patient_id ORDER BY admit_at) AS next_admit
    FROM dbo.Encounter
    WHERE enc_type = 'IP'
)
SELECT enc_id,
       next_admit,
       DATEDIFF(day, discharge_at, next_admit) AS days_to_next,
       CASE WHEN DATEDIFF(day, discharge_at, next_admit) <= 30 THEN 1 ELSE 0 END AS readmit30
FROM ip
ORDER BY enc_id;
