-- EOMONTH(d [, n]) returns a DATE (also for DATETIME input): last day of the month n months away.
-- Leap years: 2024-02 ends on the 29th, 2023-02 on the 28th.
CREATE TABLE dbo.Premium (id INT, bill_date DATE, posted_at DATETIME);
INSERT INTO dbo.Premium VALUES
 (1, '2024-01-15', '2024-01-15 08:00:00'),
 (2, '2024-02-10', '2024-02-10 23:59:59'),
 (3, '2023-02-28', '2023-02-28 12:00:00'),
 (4, '2024-12-31', '2024-12-31 00:00:00');
GO
SELECT id,
       EOMONTH(bill_date)     AS eom,
       EOMONTH(bill_date, 1)  AS eom_next,
       EOMONTH(bill_date, -1) AS eom_prev,
       EOMONTH(posted_at)     AS eom_posted
FROM dbo.Premium
ORDER BY id;
