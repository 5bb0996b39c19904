-- GETDATE() / CURRENT_TIMESTAMP / SYSDATETIME() are nondeterministic: only stable facts are compared
-- (getdate does not exist in open-source Spark; the converter maps it to current_timestamp()).
-- Rows inserted with DEFAULT GETDATE() carry a timestamp not later than "now".
CREATE TABLE dbo.AuditEvent (event_id INT, logged_at DATETIME NOT NULL DEFAULT GETDATE());
INSERT INTO dbo.AuditEvent (event_id) VALUES (1), (2);
GO
SELECT CASE WHEN GETDATE() > '2020-01-01' THEN 1 ELSE 0 END AS after_2020,
       CASE WHEN ABS(DATEDIFF(second, GETDATE(), CURRENT_TIMESTAMP)) <= 1 THEN 1 ELSE 0 END AS same_clock,
       CASE WHEN SYSDATETIME() >= DATEADD(second, -5, GETDATE()) THEN 1 ELSE 0 END AS sys_close,
       (SELECT COUNT(*) FROM dbo.AuditEvent
        WHERE logged_at <= DATEADD(minute, 1, GETDATE())) AS logged_rows;
