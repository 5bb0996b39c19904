-- Typo in a keyword in the middle of the script.
DELETE FROM stg.Provider WHERE NPI IS NULL;
GO
SELEC ProviderNPI, ProviderName FROM dbo.Provider;
GO
SELECT ProviderNPI, ProviderName FROM dbo.Provider WHERE State = 'OH';
