-- Member dimension with every column type the ETL uses.
DROP TABLE IF EXISTS dbo.MemberDim;
GO
CREATE TABLE dbo.MemberDim (
    MemberKey        BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    MemberID         VARCHAR(20)      NOT NULL,
    SubscriberID     CHAR(11)         NULL,
    LastName         NVARCHAR(60)     NOT NULL,
    FirstName        NVARCHAR(60)     NULL,
    MiddleInitial    NCHAR(1)         NULL,
    Gender           CHAR(1)          NOT NULL DEFAULT 'U',
    BirthDate        DATE             NOT NULL,
    DeathDate        DATE             NULL,
    AgeBand          TINYINT          NULL,
    FamilySize       SMALLINT         NULL,
    RiskScore        DECIMAL(9, 4)    NULL,
    RiskScoreRaw     FLOAT            NULL,
    RafFactor        REAL             NULL,
    NumericLegacy    NUMERIC(12, 2)   NULL,
    PremiumAmount    MONEY            NULL,
    CopayAmount      SMALLMONEY       NULL,
    IsActive         BIT              NOT NULL DEFAULT 1,
    EnrollmentGuid   UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
    PhotoThumb       VARBINARY(MAX)   NULL,
    SsnHash          BINARY(32)       NULL,
    Notes            NVARCHAR(MAX)    NULL,
    LegacyComment    TEXT             NULL,
    LastVisitAt      DATETIME         NULL,
    LastClaimAt      DATETIME2(3)     NULL,
    CardPrintedAt    SMALLDATETIME    NULL,
    CreatedAt        DATETIME2        NOT NULL DEFAULT SYSDATETIME(),
    UpdatedAt        DATETIME         NOT NULL DEFAULT GETDATE()
);
GO
