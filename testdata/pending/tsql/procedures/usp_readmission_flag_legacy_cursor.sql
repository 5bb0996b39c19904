-- 2012 readmission flagger, kept for the legacy extract: walks each member's inpatient stays with a
-- cursor and compares each admission with the previous discharge. No semicolons.
CREATE PROCEDURE dbo.usp_FlagReadmitsLegacy
    @Year int
AS
SET NOCOUNT ON

DECLARE @MemberID int, @EncID int, @Admit datetime, @Disch datetime
DECLARE @PrevMember int, @PrevEnc int, @PrevDisch datetime

UPDATE dbo.Encounter SET ReadmitFlag = 0, ReadmitOfEncID = NULL
WHERE EncounterType = 'IP' AND YEAR(AdmitDate) = @Year

DECLARE c CURSOR FAST_FORWARD FOR
    SELECT MemberID, EncounterID, AdmitDate, DischargeDate
    FROM dbo.Encounter
    WHERE EncounterType = 'IP' AND AdmitDate >= DATEADD(day, -30, CAST(CAST(@Year AS char(4)) + '0101' AS datetime))
      AND YEAR(AdmitDate) <= @Year
    ORDER BY MemberID, AdmitDate, EncounterID

OPEN c
FETCH NEXT FROM c INTO @MemberID, @EncID, @Admit, @Disch
WHILE @@FETCH_STATUS = 0
BEGIN
    IF @MemberID = @PrevMember AND DATEDIFF(dd, @PrevDisch, @Admit) BETWEEN 1 AND 30
        UPDATE dbo.Encounter SET ReadmitFlag = 1, ReadmitOfEncID = @PrevEnc WHERE EncounterID = @EncID

    SELECT @PrevMember = @MemberID, @PrevEnc = @EncID, @PrevDisch = @Disch
    FETCH NEXT FROM c INTO @MemberID, @EncID, @Admit, @Disch
END
CLOSE c
DEALLOCATE c

SELECT COUNT(*) AS Readmits FROM dbo.Encounter
WHERE EncounterType = 'IP' AND YEAR(AdmitDate) = @Year AND ReadmitFlag = 1
GO
