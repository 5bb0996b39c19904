-- Encounter table with computed columns for length of stay and fiscal year.
CREATE TABLE dbo.EncounterFact (
    EncounterID    INT          NOT NULL PRIMARY KEY,
    PatientID      INT          NOT NULL,
    AdmitDate      DATE         NOT NULL,
    DischargeDate  DATE         NULL,
    BilledAmount   MONEY        NOT NULL,
    AllowedAmount  MONEY        NOT NULL,
    LengthOfStay   AS DATEDIFF(day, AdmitDate, DischargeDate),
    DiscountPct    AS CAST(100 * (BilledAmount - AllowedAmount) / NULLIF(BilledAmount, 0) AS DECIMAL(5, 2)),
    FiscalYear     AS (YEAR(AdmitDate) + CASE WHEN MONTH(AdmitDate) >= 7 THEN 1 ELSE 0 END) PERSISTED
);
GO
INSERT INTO dbo.EncounterFact (EncounterID, PatientID, AdmitDate, DischargeDate, BilledAmount, AllowedAmount)
VALUES (1, 101, '2024-06-28', '2024-07-02', 12000.00, 8400.00),
       (2, 102, '2024-07-15', NULL, 3100.50, 2900.00);
GO
SELECT EncounterID, LengthOfStay, DiscountPct, FiscalYear FROM dbo.EncounterFact;
