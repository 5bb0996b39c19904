-- MERGE with every clause kind. Evaluation per target/source pair:
--   1000000001 matched, stage_action U, name differs          -> UPDATE name
--   1000000002 matched, stage_action D                        -> DELETE
--   1000000003 matched, 'Gamma Care' <> 'gamma care' is FALSE under the case-insensitive collation -> unchanged
--   1000000004 not in source, active                    -> UPDATE active = 0
--   1000000005 not in source, already inactive          -> DELETE
--   1000000006 not in target                            -> INSERT
CREATE TABLE dbo.ProviderDim (npi VARCHAR(10), name VARCHAR(40), specialty VARCHAR(20), active BIT);
CREATE TABLE dbo.ProviderStage (npi VARCHAR(10), name VARCHAR(40), specialty VARCHAR(20), stage_action CHAR(1));
INSERT INTO dbo.ProviderDim VALUES
 ('1000000001', 'Alpha Clinic', 'FAMILY', 1), ('1000000002', 'Beta Health', 'CARDIO', 1),
 ('1000000003', 'Gamma Care', 'ONCO', 1), ('1000000004', 'Delta Docs', 'PEDS', 1),
 ('1000000005', 'Epsilon MD', 'DERM', 0);
INSERT INTO dbo.ProviderStage VALUES
 ('1000000001', 'Alpha Clinic LLC', 'FAMILY', 'U'), ('1000000002', 'Beta Health', 'CARDIO', 'D'),
 ('1000000006', 'Zeta Group', 'ORTHO', 'U'), ('1000000003', 'gamma care', 'ONCO', 'U');
GO
MERGE dbo.ProviderDim AS t
USING dbo.ProviderStage AS s
   ON t.npi = s.npi
WHEN MATCHED AND s.stage_action = 'D' THEN
    DELETE
WHEN MATCHED AND t.name <> s.name THEN
    UPDATE SET t.name = s.name, t.specialty = s.specialty
WHEN NOT MATCHED BY TARGET THEN
    INSERT (npi, name, specialty, active) VALUES (s.npi, s.name, s.specialty, 1)
WHEN NOT MATCHED BY SOURCE AND t.active = 0 THEN
    DELETE
WHEN NOT MATCHED BY SOURCE THEN
    UPDATE SET t.active = 0;
GO
SELECT npi, name, specialty, active FROM dbo.ProviderDim ORDER BY npi;
