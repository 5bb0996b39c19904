-- Type-1 upsert of the provider dimension from the nightly NPPES extract.
-- Providers missing from the extract are soft-deleted.
MERGE dbo.ProviderDim AS tgt
USING (
    SELECT NPI, ProviderName, Specialty, TaxonomyCode, State
    FROM stg.NppesProvider
    WHERE NPI IS NOT NULL
) AS src
ON tgt.NPI = src.NPI
WHEN MATCHED AND (tgt.ProviderName <> src.ProviderName
               OR ISNULL(tgt.Specialty, '') <> ISNULL(src.Specialty, '')) THEN
    UPDATE SET tgt.ProviderName = src.ProviderName,
               tgt.Specialty    = src.Specialty,
               tgt.TaxonomyCode = src.TaxonomyCode,
               tgt.UpdatedAt    = GETDATE()
WHEN NOT MATCHED BY TARGET THEN
    INSERT (NPI, ProviderName, Specialty, TaxonomyCode, State, IsActive, UpdatedAt)
    VALUES (src.NPI, src.ProviderName, src.Specialty, src.TaxonomyCode, src.State, 1, GETDATE())
WHEN NOT MATCHED BY SOURCE AND tgt.IsActive = 1 THEN
    UPDATE SET tgt.IsActive = 0, tgt.UpdatedAt = GETDATE();
