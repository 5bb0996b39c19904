-- ICD-10 pattern filters as written by the coding team.
SELECT DiagnosisID, DxCode
FROM dbo.Diagnosis
WHERE DxCode LIKE 'E1[0-4]%'          -- diabetes E10-E14
   OR DxCode LIKE 'I[25]0%'           -- I20 or I50 families
   OR DxCode LIKE 'Z[^0-9]%'          -- malformed Z codes
   OR DxCode LIKE 'J4[45]_'           -- COPD / asthma with one more character
   OR DxCode LIKE '%[%]%'             -- literal percent sign (bad data)
   OR DxCode LIKE '%!_%' ESCAPE '!';  -- literal underscore

SELECT MemberID
FROM dbo.Member
WHERE LastName NOT LIKE '[A-Z]%'
  AND Phone LIKE '([0-9][0-9][0-9]) [0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'
  AND FilePath LIKE 'C:\feeds\%';
