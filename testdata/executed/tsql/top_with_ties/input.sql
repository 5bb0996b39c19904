-- TOP (n) WITH TIES returns every row tied with the n-th on the ORDER BY key:
-- 500 is first, then three providers tie at 400 for second place -> 4 rows.
-- The order among tied rows is not defined, hence ordered = false.
CREATE TABLE dbo.ProviderPaid (npi VARCHAR(10), paid MONEY);
INSERT INTO dbo.ProviderPaid VALUES
 ('1000000001', 500.00), ('1000000002', 400.00), ('1000000003', 400.00),
 ('1000000004', 300.00), ('1000000005', 400.00), ('1000000006', 100.00);
GO
SELECT TOP (2) WITH TIES npi, paid
FROM dbo.ProviderPaid
ORDER BY paid DESC;
