-- TOP (n) PERCENT WITH TIES over SELECT *: ceil(40% of 6) = 3 rows, plus every row
-- tied with the third on the ORDER BY key: 500, then three providers at 400 -> 4 rows.
-- The order among tied rows is not defined, hence ordered = false.
CREATE TABLE dbo.ProviderPaid (npi VARCHAR(10), region VARCHAR(5), paid MONEY);
INSERT INTO dbo.ProviderPaid VALUES
 ('1000000001', 'N', 500.00), ('1000000002', 'S', 400.00), ('1000000003', 'N', 400.00),
 ('1000000004', 'E', 300.00), ('1000000005', 'W', 400.00), ('1000000006', 'S', 100.00);
GO
SELECT TOP (40) PERCENT WITH TIES *
FROM dbo.ProviderPaid
ORDER BY paid DESC;
