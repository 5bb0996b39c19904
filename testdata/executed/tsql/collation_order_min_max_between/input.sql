-- Case-insensitive collation also governs ORDER BY, MIN/MAX and BETWEEN.
-- CI order: aspirin < Benazepril < CLOPIDOGREL < Digoxin (binary: upper case first, 'aspirin' last).
-- MIN = 'aspirin', MAX = 'Digoxin' (binary would give 'Benazepril' and 'aspirin').
-- BETWEEN 'b' AND 'd': Benazepril and CLOPIDOGREL are inside; 'Digoxin' > 'd' (longer, same first letter);
-- binary comparison would reject both upper-case names.
CREATE TABLE dbo.Formulary (drug_id INT, drug_name VARCHAR(30));
INSERT INTO dbo.Formulary VALUES (1, 'Digoxin'), (2, 'aspirin'), (3, 'CLOPIDOGREL'), (4, 'Benazepril');
GO
SELECT drug_name,
       CASE WHEN drug_name BETWEEN 'b' AND 'd' THEN 1 ELSE 0 END AS in_b_to_d,
       MIN(drug_name) OVER () AS first_name,
       MAX(drug_name) OVER () AS last_name
FROM dbo.Formulary
ORDER BY drug_name;
