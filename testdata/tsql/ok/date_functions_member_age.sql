-- Age, tenure and reporting-period arithmetic used by the HEDIS extracts.
DECLARE @AsOf DATE = '2024-12-31';

SELECT MemberID,
       DATEDIFF(year, BirthDate, @AsOf)
         - CASE WHEN DATEADD(year, DATEDIFF(year, BirthDate, @AsOf), BirthDate) > @AsOf THEN 1 ELSE 0 END AS AgeYears,
       DATEDIFF(month, EnrollDate, @AsOf)          AS TenureMonths,
       DATEDIFF(day, LastVisitDate, @AsOf)         AS DaysSinceVisit,
       DATEDIFF(week, LastVisitDate, @AsOf)        AS WeeksSinceVisit,
       DATEDIFF(hour, LastLoginAt, CAST(@AsOf AS DATETIME)) AS HoursSinceLogin,
       DATEDIFF(quarter, EnrollDate, @AsOf)        AS TenureQuarters,
       DATEADD(day, 30, LastDischargeDate)         AS ReadmitWindowEnd,
       DATEADD(month, -1, @AsOf)                   AS PriorMonth,
       EOMONTH(EnrollDate)                         AS EnrollMonthEnd,
       EOMONTH(EnrollDate, 1)                      AS NextMonthEnd,
       DATEFROMPARTS(YEAR(@AsOf), 1, 1)            AS YearStart,
       DATEPART(weekday, LastVisitDate)            AS VisitWeekday,
       DATEPART(iso_week, LastVisitDate)           AS VisitIsoWeek,
       DATEPART(dayofyear, LastVisitDate)          AS VisitDoy,
       DATENAME(month, LastVisitDate)              AS VisitMonthName,
       DATENAME(weekday, LastVisitDate)            AS VisitDayName,
       YEAR(BirthDate) AS BirthYear, MONTH(BirthDate) AS BirthMonth, DAY(BirthDate) AS BirthDay
FROM dbo.Member;
