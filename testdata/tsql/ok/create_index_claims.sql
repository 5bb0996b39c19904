-- Indexes for the claims mart (Databricks has no secondary indexes; these are
-- expected to be dropped or turned into clustering hints by the converter).
CREATE NONCLUSTERED INDEX IX_ClaimHeader_Member
    ON dbo.ClaimHeader (MemberID, ServiceFromDate DESC)
    INCLUDE (PaidAmount, ClaimStatus);

CREATE UNIQUE INDEX UX_Provider_NPI ON dbo.Provider (ProviderNPI);

CREATE CLUSTERED INDEX CIX_Encounter ON dbo.Encounter (AdmitDate);

CREATE INDEX IX_Diagnosis_Code ON dbo.Diagnosis (DxCode) WHERE DxCode IS NOT NULL;

SELECT COUNT(*) AS Claims FROM dbo.ClaimHeader WHERE MemberID = 1001;
