-- The last statement has an unterminated string literal running to end of file.
SELECT COUNT(*) AS Providers FROM dbo.Provider;

UPDATE dbo.Provider SET State = 'OH' WHERE City = 'Columbus';

SELECT ProviderNPI FROM dbo.Provider WHERE ProviderName = 'Fictional Clinic
