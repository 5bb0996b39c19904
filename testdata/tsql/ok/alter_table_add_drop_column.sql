-- Schema changes for release 2024.07 of the member mart.
ALTER TABLE dbo.Member ADD PreferredLanguage VARCHAR(20) NULL;
ALTER TABLE dbo.Member ADD RiskTier CHAR(1) NOT NULL DEFAULT 'L',
                           LastRiskCalcAt DATETIME NULL;
GO
UPDATE dbo.Member SET PreferredLanguage = 'English' WHERE PreferredLanguage IS NULL;
GO
ALTER TABLE dbo.Member DROP COLUMN LegacyCode;
ALTER TABLE dbo.Member ALTER COLUMN MiddleName NVARCHAR(60) NULL;
GO
SELECT TOP 5 MemberID, PreferredLanguage, RiskTier FROM dbo.Member ORDER BY MemberID;
