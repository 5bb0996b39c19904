-- 30-day all-cause readmission (simplified CMS logic):
-- index stay = inpatient discharge; readmit = next inpatient admit within 30 days.
WITH ip AS (
    SELECT e.EncounterID, e.PatientID, e.AdmitDate, e.DischargeDate,
           LEAD(e.AdmitDate)   OVER (PARTITION BY e.PatientID ORDER BY e.AdmitDate) AS NextAdmit,
           LEAD(e.EncounterID) OVER (PARTITION BY e.PatientID ORDER BY e.AdmitDate) AS NextEncounterID
    FROM dbo.Encounter e
    WHERE e.EncounterType = 'IP'
      AND e.DischargeDisposition NOT IN ('20', '07')   -- expired, left AMA
)
SELECT ip.EncounterID,
       ip.PatientID,
       ip.DischargeDate,
       ip.NextAdmit,
       DATEDIFF(day, ip.DischargeDate, ip.NextAdmit) AS DaysToReadmit,
       CASE WHEN ip.NextAdmit IS NOT NULL
             AND DATEDIFF(day, ip.DischargeDate, ip.NextAdmit) <= 30 THEN 1 ELSE 0 END AS Readmit30
FROM ip
WHERE ip.DischargeDate BETWEEN '2024-01-01' AND '2024-11-30';
