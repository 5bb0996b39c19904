-- BULK INSERT from a file share is out of scope.
TRUNCATE TABLE stg.Eligibility834;

BULK INSERT stg.Eligibility834
FROM '\\fileserver\edi\834\elig_20240701.txt'
WITH (FIELDTERMINATOR = '|', ROWTERMINATOR = '0x0a', FIRSTROW = 2, TABLOCK);

SELECT COUNT(*) AS Loaded FROM stg.Eligibility834;
