SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
SET ANSI_PADDING ON
GO
IF EXISTS (SELECT * FROM sys.objects WHERE object_id = OBJECT_ID(N'[dir].[usp_RefreshProviderDirectory]') AND type in (N'P', N'PC'))
DROP PROCEDURE [dir].[usp_RefreshProviderDirectory]
GO
CREATE PROCEDURE [dir].[usp_RefreshProviderDirectory]
AS
BEGIN
    SET NOCOUNT ON;

    TRUNCATE TABLE [dir].[ProviderDirectory_Stage];

    INSERT INTO [dir].[ProviderDirectory_Stage]
        ([NPI], [DisplayName], [Specialty], [AddressLine], [City], [State], [Zip5], [AcceptingNew], [Languages])
    SELECT p.[NPI],
           CASE WHEN p.[EntityType] = 2 THEN p.[OrgName]
                ELSE p.[LastName] + ', ' + p.[FirstName] + ISNULL(' ' + p.[Credential], '') END,
           s.[Description],
           a.[Line1] + ISNULL(' ' + NULLIF(a.[Line2], ''), ''),
           a.[City],
           a.[State],
           LEFT(a.[Zip], 5),
           CASE p.[PanelStatus] WHEN 'O' THEN 1 ELSE 0 END,
           STUFF((SELECT ', ' + l.[LanguageName]
                  FROM [dir].[ProviderLanguage] pl
                  JOIN [ref].[Language] l ON l.[LanguageCode] = pl.[LanguageCode]
                  WHERE pl.[NPI] = p.[NPI]
                  ORDER BY l.[LanguageName]
                  FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 2, '')
    FROM [dbo].[Provider] p
    JOIN [ref].[Specialty] s ON s.[SpecialtyCode] = p.[PrimarySpecialty]
    JOIN [dbo].[ProviderAddress] a ON a.[NPI] = p.[NPI] AND a.[AddressType] = 'PRACTICE' AND a.[IsPrimary] = 1
    WHERE p.[NetworkStatus] = 'PAR';

    BEGIN TRANSACTION;
        EXEC sp_rename N'dir.ProviderDirectory', N'ProviderDirectory_Old';
        EXEC sp_rename N'dir.ProviderDirectory_Stage', N'ProviderDirectory';
        EXEC sp_rename N'dir.ProviderDirectory_Old', N'ProviderDirectory_Stage';
    COMMIT TRANSACTION;
END
GO
