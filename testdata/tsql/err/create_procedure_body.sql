-- Stored procedures are out of scope for the first slice and must be flagged.
SELECT COUNT(*) AS Providers FROM dbo.Provider;
GO
CREATE PROCEDURE dbo.usp_RefreshProviderDim
    @AsOf DATE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.ProviderDim SET UpdatedAt = @AsOf WHERE IsActive = 1;
    SELECT COUNT(*) AS Updated FROM dbo.ProviderDim WHERE UpdatedAt = @AsOf;
END
GO
SELECT COUNT(*) AS ActiveProviders FROM dbo.ProviderDim WHERE IsActive = 1;
