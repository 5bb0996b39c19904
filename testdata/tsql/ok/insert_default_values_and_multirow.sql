-- Reference data for the encounter types and a load-run header row.
CREATE TABLE dbo.LoadRun (
    RunID      INT IDENTITY(1, 1) PRIMARY KEY,
    StartedAt  DATETIME NOT NULL DEFAULT GETDATE(),
    Status     VARCHAR(10) NOT NULL DEFAULT 'RUNNING'
);
CREATE TABLE dbo.EncounterTypeRef (Code CHAR(2) NOT NULL PRIMARY KEY, Description VARCHAR(40) NOT NULL, IsInpatient BIT NOT NULL);
GO
INSERT INTO dbo.LoadRun DEFAULT VALUES;

INSERT INTO dbo.EncounterTypeRef (Code, Description, IsInpatient)
VALUES ('IP', 'Inpatient', 1),
       ('OP', 'Outpatient', 0),
       ('ED', 'Emergency department', 0),
       ('OB', 'Observation', 0),
       ('SN', 'Skilled nursing', 1);

INSERT INTO dbo.EncounterTypeRef VALUES ('HH', 'Home health', 0);
GO
SELECT Code, Description FROM dbo.EncounterTypeRef WHERE IsInpatient = 1;
