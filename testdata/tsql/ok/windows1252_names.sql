-- Legacy script saved in Windows-1252 by an old editor.
-- Provider names: Renée Clément, José Peña (fictitious); the é bytes are not UTF-8.
SELECT ProviderNPI, ProviderName
FROM dbo.Provider
WHERE ProviderName LIKE 'Renée%'
   OR ProviderName = 'José Peña';

UPDATE dbo.Provider
SET ProviderName = 'Clément Renée'     -- fix the name order for this fictitious provider
WHERE ProviderNPI = '1999999984';

SELECT COUNT(*) AS Providers FROM dbo.Provider WHERE City = 'Montréal';   -- § section sign and “quotes”
