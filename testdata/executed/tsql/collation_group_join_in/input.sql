-- Default SQL Server collation (..._CI_AS) is case-insensitive and ignores trailing spaces in = / IN / JOIN /
-- GROUP BY / DISTINCT. Spark compares binary unless the converter applies UTF8_LCASE_RTRIM.
--   IN: all 6 visits match one of 'CARDIOLOGY', 'oncology', 'neuro '.
--   JOIN: 'cardiology' matches 3 spellings, 'ONCOLOGY ' matches 2, 'Neuro' 1.
--   DISTINCT / GROUP BY over the 6 spellings give 3 values.
--   ORDER BY is case-insensitive too: cardiology < Neuro < ONCOLOGY (binary would put 'cardiology' last).
CREATE TABLE dbo.Visit (visit_id INT, dept VARCHAR(20));
CREATE TABLE dbo.Dept (code VARCHAR(20), budget INT);
INSERT INTO dbo.Visit VALUES
 (1, 'Cardiology'), (2, 'CARDIOLOGY'), (3, 'cardiology  '), (4, 'Oncology'), (5, 'oncology'), (6, 'Neuro');
INSERT INTO dbo.Dept VALUES ('cardiology', 100), ('ONCOLOGY ', 200), ('Neuro', 300);
GO
SELECT d.code,
       COUNT(*) AS visits,
       (SELECT COUNT(DISTINCT v2.dept) FROM dbo.Visit v2) AS distinct_depts,
       (SELECT COUNT(*) FROM (SELECT v3.dept FROM dbo.Visit v3 GROUP BY v3.dept) AS g) AS dept_groups
FROM dbo.Visit v
JOIN dbo.Dept d ON d.code = v.dept
WHERE v.dept IN ('CARDIOLOGY', 'oncology', 'neuro ')
GROUP BY d.code
ORDER BY d.code;
