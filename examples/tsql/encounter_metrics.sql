/*
  encounter_metrics.sql
  Hospital analytics: inpatient encounter metrics for the monthly quality pack.
  Owner: Clinical Analytics (invented example; all names and identifiers are fictitious).

  Business rules
  - A readmission is an inpatient admission that starts within 30 days of the
    discharge of the same patient's previous inpatient encounter.
  - Risk tier: HIGH when the patient has 3+ chronic diagnoses or a readmission,
    MEDIUM when 1-2 chronic diagnoses, otherwise LOW.
*/
USE ClinicalMart;
GO

SET NOCOUNT ON;

IF OBJECT_ID('dbo.Diagnosis', 'U') IS NOT NULL DROP TABLE dbo.Diagnosis;
IF OBJECT_ID('dbo.Encounter', 'U') IS NOT NULL DROP TABLE dbo.Encounter;
IF OBJECT_ID('dbo.Patient', 'U') IS NOT NULL DROP TABLE dbo.Patient;
GO

CREATE TABLE dbo.Patient (
    PatientID     INT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    MRN           VARCHAR(12)  NOT NULL,
    LastName      NVARCHAR(50) NOT NULL,
    FirstName     NVARCHAR(50) NOT NULL,
    BirthDate     DATE         NOT NULL,
    IsDeceased    BIT          NOT NULL DEFAULT 0,
    CreatedAt     DATETIME     NOT NULL DEFAULT GETDATE()
);

CREATE TABLE dbo.Encounter (
    EncounterID   INT IDENTITY(1000,1) NOT NULL,
    PatientID     INT          NOT NULL,
    EncounterType CHAR(2)      NOT NULL,          -- IP = inpatient, OP = outpatient, ED = emergency
    AdmitDate     DATETIME     NOT NULL,
    DischargeDate DATETIME     NULL,
    TotalCharge   MONEY        NOT NULL DEFAULT 0,
    ReadmitFlag   BIT          NULL,
    LoadedAt      DATETIME     NOT NULL DEFAULT GETDATE(),
    CONSTRAINT PK_Encounter PRIMARY KEY (EncounterID)
);

CREATE TABLE dbo.Diagnosis (
    DiagnosisID   INT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    EncounterID   INT          NOT NULL,
    DxCode        VARCHAR(10)  NOT NULL,          -- ICD-10-CM without the dot
    IsChronic     BIT          NOT NULL DEFAULT 0,
    DxSeq         TINYINT      NOT NULL
);
GO

-- Invented seed rows for the demo environment.
INSERT INTO dbo.Patient (MRN, LastName, FirstName, BirthDate)
VALUES ('MRN0000001', N'Testperson', N'Avery', '1950-04-02'),
       ('MRN0000002', N'Sampleton',  N'Blake', '1968-11-19'),
       ('MRN0000003', N'Fictio',     N'Casey', '1987-07-07');

INSERT INTO dbo.Encounter (PatientID, EncounterType, AdmitDate, DischargeDate, TotalCharge)
VALUES (1, 'IP', '2024-01-03 08:15', '2024-01-08 11:00', 18250.00),
       (1, 'IP', '2024-01-29 22:40', '2024-02-02 09:30', 9400.50),
       (1, 'OP', '2024-03-11 10:00', '2024-03-11 10:45', 310.00),
       (2, 'IP', '2024-02-10 14:00', '2024-02-14 16:00', 12999.99),
       (2, 'IP', '2024-04-20 06:05', '2024-04-25 12:00', 15100.00),
       (3, 'ED', '2024-05-01 02:30', '2024-05-01 07:10', 1875.25);

INSERT INTO dbo.Diagnosis (EncounterID, DxCode, IsChronic, DxSeq)
VALUES (1000, 'I5022', 1, 1), (1000, 'E119', 1, 2), (1000, 'N183', 1, 3),
       (1001, 'I5023', 1, 1), (1003, 'J189', 0, 1), (1004, 'E119', 1, 1),
       (1005, 'S52501A', 0, 1);
GO

-- Work on the last 12 months of encounters only (relative to the load date).
IF OBJECT_ID('tempdb..#recent') IS NOT NULL DROP TABLE #recent;

SELECT e.EncounterID, e.PatientID, e.EncounterType, e.AdmitDate, e.DischargeDate, e.TotalCharge,
       LEAD(e.AdmitDate) OVER (PARTITION BY e.PatientID, e.EncounterType ORDER BY e.AdmitDate) AS NextAdmit
INTO #recent
FROM dbo.Encounter e WITH (NOLOCK)
WHERE e.AdmitDate >= DATEADD(month, -12, CAST(GETDATE() AS DATE))
   OR e.AdmitDate >= '2024-01-01';   -- keep the demo rows regardless of the run date

-- Readmission rule: next inpatient admission within 30 days of this discharge.
UPDATE e
SET e.ReadmitFlag = CASE WHEN r.EncounterType = 'IP'
                          AND DATEDIFF(day, r.DischargeDate, r.NextAdmit) BETWEEN 0 AND 30
                         THEN 1 ELSE 0 END
FROM dbo.Encounter e
INNER JOIN #recent r ON r.EncounterID = e.EncounterID;
GO

-- Risk tier per patient (chronic diagnosis count + readmission).
SELECT p.PatientID,
       p.MRN,
       p.LastName + ', ' + p.FirstName AS PatientName,
       DATEDIFF(year, p.BirthDate, '2024-12-31') AS AgeAtYearEnd,
       COUNT(DISTINCT CASE WHEN d.IsChronic = 1 THEN d.DxCode END) AS ChronicDx,
       MAX(CAST(ISNULL(e.ReadmitFlag, 0) AS INT)) AS AnyReadmit,
       CASE WHEN COUNT(DISTINCT CASE WHEN d.IsChronic = 1 THEN d.DxCode END) >= 3
              OR MAX(CAST(ISNULL(e.ReadmitFlag, 0) AS INT)) = 1 THEN 'HIGH'
            WHEN COUNT(DISTINCT CASE WHEN d.IsChronic = 1 THEN d.DxCode END) >= 1 THEN 'MEDIUM'
            ELSE 'LOW' END AS RiskTier
FROM dbo.Patient p
LEFT JOIN dbo.Encounter e ON e.PatientID = p.PatientID
LEFT JOIN dbo.Diagnosis d ON d.EncounterID = e.EncounterID
GROUP BY p.PatientID, p.MRN, p.LastName, p.FirstName, p.BirthDate;

-- Charges by encounter type and month, with subtotals and a grand total.
-- Note: ISNULL(e.EncounterType, 'ALL') would return 'AL' (CHAR(2)), hence GROUPING().
SELECT CASE WHEN GROUPING(e.EncounterType) = 1 THEN 'ALL' ELSE e.EncounterType END AS EncounterType,
       CASE WHEN GROUPING(CONVERT(VARCHAR(7), e.AdmitDate, 120)) = 1 THEN 'ALL'
            ELSE CONVERT(VARCHAR(7), e.AdmitDate, 120) END AS AdmitMonth,
       COUNT(*) AS Encounters,
       SUM(e.TotalCharge) AS TotalCharge,
       AVG(DATEDIFF(day, e.AdmitDate, e.DischargeDate)) AS AvgLosDays   -- integer average, as reported historically
FROM dbo.Encounter e
GROUP BY ROLLUP (e.EncounterType, CONVERT(VARCHAR(7), e.AdmitDate, 120));

-- Top 10 most expensive encounters for the finance review.
SELECT TOP 10 e.EncounterID, p.MRN, e.EncounterType, e.AdmitDate, e.TotalCharge
FROM dbo.Encounter e
JOIN dbo.Patient p ON p.PatientID = e.PatientID
ORDER BY e.TotalCharge DESC, e.EncounterID;

IF OBJECT_ID('tempdb..#recent') IS NOT NULL DROP TABLE #recent;
GO
