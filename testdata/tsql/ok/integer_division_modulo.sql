-- Length-of-stay buckets and week numbering use integer arithmetic on purpose.
SELECT EncounterID,
       DATEDIFF(day, AdmitDate, DischargeDate) / 7          AS LosWeeks,      -- integer division
       DATEDIFF(day, AdmitDate, DischargeDate) % 7          AS LosExtraDays,
       DATEDIFF(day, AdmitDate, DischargeDate) * 1.0 / 7    AS LosWeeksExact,
       CAST(DATEDIFF(day, AdmitDate, DischargeDate) AS DECIMAL(9, 2)) / 7 AS LosWeeksDec,
       EncounterID % 10                                     AS SampleBucket,
       -17 / 5 AS NegDiv, -17 % 5 AS NegMod, 17 / -5 AS DivNeg
FROM dbo.Encounter
WHERE DischargeDate IS NOT NULL;
