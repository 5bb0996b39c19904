-- Removes duplicate encounters that arrive from both the HIE feed and claims.
-- Keeps the claims-sourced row when both exist; logs how many were removed.
CREATE PROCEDURE [dbo].[usp_DedupEncounters]
    @FromDate date = NULL
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @removed int, @msg nvarchar(200);

    IF @FromDate IS NULL
        SELECT @FromDate = DATEADD(day, -90, MAX(AdmitDate)) FROM [dbo].[Encounter];

    ;WITH ranked AS
    (
        SELECT EncounterID,
               ROW_NUMBER() OVER (
                   PARTITION BY MemberID, AdmitDate, FacilityNPI, EncounterType
                   ORDER BY CASE SourceSystem WHEN 'CLAIMS' THEN 1 WHEN 'HIE' THEN 2 ELSE 3 END,
                            LoadedAt DESC,
                            EncounterID
               ) AS rn
        FROM [dbo].[Encounter]
        WHERE AdmitDate >= @FromDate
    )
    DELETE FROM ranked WHERE rn > 1;

    SET @removed = @@ROWCOUNT;

    IF @removed > 0
    BEGIN
        SET @msg = FORMATMESSAGE(N'Removed %d duplicate encounters since %s', @removed, CONVERT(nvarchar(10), @FromDate, 23));
        INSERT INTO [etl].[MessageLog] (LoggedAt, Source, Message) VALUES (GETDATE(), N'usp_DedupEncounters', @msg);
    END
    ELSE
        PRINT N'No duplicates found';

    RETURN @removed;
END
GO
