-- Telehealth visits keep the patient's local offset. The offset is lost on the target
-- (DATETIMEOFFSET becomes a timestamp), so DATEPART(tzoffset, …) must be flagged, and the
-- statements around it must still convert.
CREATE TABLE dbo.TeleVisit (VisitID INT, Started DATETIMEOFFSET(0));
INSERT INTO dbo.TeleVisit VALUES (1, '2024-03-10 08:30:00 -05:00');

SELECT VisitID, DATEPART(tzoffset, Started) AS OffsetMinutes
FROM dbo.TeleVisit;

SELECT VisitID, CAST(Started AS DATE) AS VisitDate FROM dbo.TeleVisit;
