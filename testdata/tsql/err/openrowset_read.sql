-- Ad hoc file access via OPENROWSET is out of scope.
SELECT COUNT(*) AS Before FROM stg.LabResultRaw;

INSERT INTO stg.LabResultRaw (PatientIdText, LoincCode, ResultText)
SELECT PatientIdText, LoincCode, ResultText
FROM OPENROWSET(BULK 'D:\feeds\labs_20240701.csv',
                FORMATFILE = 'D:\feeds\labs.fmt', FIRSTROW = 2) AS src;

SELECT COUNT(*) AS After FROM stg.LabResultRaw;
