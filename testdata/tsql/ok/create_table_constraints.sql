-- Prior-authorisation tables with the full set of constraints from the data model.
CREATE TABLE dbo.PriorAuth (
    AuthID        INT IDENTITY(1, 1) NOT NULL,
    MemberID      VARCHAR(20) NOT NULL,
    RequestingNPI CHAR(10)    NOT NULL,
    ServiceCode   VARCHAR(10) NOT NULL,
    RequestedAt   DATETIME    NOT NULL CONSTRAINT DF_PriorAuth_RequestedAt DEFAULT (GETDATE()),
    DecisionCode  CHAR(1)     NULL CHECK (DecisionCode IN ('A', 'D', 'P')),
    UnitsApproved SMALLINT    NULL,
    CONSTRAINT PK_PriorAuth PRIMARY KEY CLUSTERED (AuthID),
    CONSTRAINT UQ_PriorAuth UNIQUE (MemberID, ServiceCode, RequestedAt),
    CONSTRAINT CK_PriorAuth_Units CHECK (UnitsApproved >= 0)
);

CREATE TABLE dbo.PriorAuthNote (
    NoteID    INT IDENTITY PRIMARY KEY,
    AuthID    INT NOT NULL REFERENCES dbo.PriorAuth (AuthID),
    NoteText  NVARCHAR(2000) NOT NULL,
    CreatedBy SYSNAME NULL,
    CONSTRAINT FK_Note_Auth FOREIGN KEY (AuthID) REFERENCES dbo.PriorAuth (AuthID)
);
GO
INSERT INTO dbo.PriorAuth (MemberID, RequestingNPI, ServiceCode, DecisionCode, UnitsApproved)
VALUES ('M000123', '1999999992', '97110', 'A', 12);
