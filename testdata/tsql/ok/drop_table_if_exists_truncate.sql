-- Rebuild the staging tables for the nightly pharmacy claims load.
DROP TABLE IF EXISTS stg.PharmacyClaim;
DROP TABLE IF EXISTS stg.PharmacyReject, stg.PharmacyAudit;
GO
CREATE TABLE stg.PharmacyClaim (
    RxClaimID     BIGINT       NOT NULL,
    MemberID      VARCHAR(20)  NOT NULL,
    Ndc11         CHAR(11)     NOT NULL,
    FillDate      DATE         NOT NULL,
    DaysSupply    SMALLINT     NULL,
    QuantityDispensed DECIMAL(10, 3) NULL,
    IngredientCost MONEY       NULL
);
GO
TRUNCATE TABLE dbo.PharmacyClaimDaily;
DROP VIEW IF EXISTS rpt.vw_PharmacyDaily;
GO
SELECT COUNT(*) AS RowsAfterTruncate FROM dbo.PharmacyClaimDaily;
