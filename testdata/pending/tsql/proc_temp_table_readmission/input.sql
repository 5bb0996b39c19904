-- A readmission flagger: a #temp table created INSIDE the procedure, filled, then updated in place
-- twice (correlated subquery, then DATEDIFF); the result is copied to a permanent table because the
-- #temp table is dropped when the procedure ends.
-- EncType = 'inpatient' is case-insensitive and ignores trailing spaces: encounters 1, 2, 4, 5, 6 (3 is ER).
--   enc 1: next inpatient admit of member 501 is enc 2 (2025-02-04); DATEDIFF(day, 2025-01-05, 2025-02-04) = 30 -> 1
--   enc 4: discharged 2025-01-31, next admit 2025-03-03 -> 31 days -> 0
--   encs 2, 5, 6: no later admit -> NextAdmit and DaysToNext NULL; NULL <= 30 is unknown -> 0
CREATE TABLE dbo.Encounter (EncounterID INT, MemberID INT, AdmitDate DATE, DischargeDate DATE, EncType VARCHAR(10));
CREATE TABLE dbo.ReadmitFlag (EncounterID INT, MemberID INT, DaysToNext INT, Readmit30 BIT);
INSERT INTO dbo.Encounter VALUES
    (1, 501, '2025-01-02', '2025-01-05', 'INPATIENT'),
    (2, 501, '2025-02-04', '2025-02-06', 'inpatient'),
    (3, 501, '2025-03-20', '2025-03-22', 'ER'),
    (4, 502, '2025-01-10', '2025-01-31', 'Inpatient'),
    (5, 502, '2025-03-03', '2025-03-04', 'INPATIENT '),
    (6, 503, '2025-05-01', '2025-05-03', 'INPATIENT');
GO
CREATE PROCEDURE dbo.usp_FlagReadmissions
AS
BEGIN
    SET NOCOUNT ON;
    CREATE TABLE #ip (
        EncounterID INT, MemberID INT, AdmitDate DATE, DischargeDate DATE,
        NextAdmit DATE NULL, DaysToNext INT NULL);

    INSERT INTO #ip (EncounterID, MemberID, AdmitDate, DischargeDate)
    SELECT EncounterID, MemberID, AdmitDate, DischargeDate
    FROM dbo.Encounter
    WHERE EncType = 'inpatient';

    UPDATE t
    SET NextAdmit = (SELECT MIN(n.AdmitDate) FROM #ip n
                     WHERE n.MemberID = t.MemberID AND n.AdmitDate > t.AdmitDate)
    FROM #ip t;

    UPDATE #ip SET DaysToNext = DATEDIFF(day, DischargeDate, NextAdmit);

    DELETE FROM dbo.ReadmitFlag;
    INSERT INTO dbo.ReadmitFlag (EncounterID, MemberID, DaysToNext, Readmit30)
    SELECT EncounterID, MemberID, DaysToNext, CASE WHEN DaysToNext <= 30 THEN 1 ELSE 0 END
    FROM #ip;
END
GO
EXEC dbo.usp_FlagReadmissions;
GO
SELECT EncounterID, MemberID, DaysToNext, Readmit30 FROM dbo.ReadmitFlag ORDER BY EncounterID;
