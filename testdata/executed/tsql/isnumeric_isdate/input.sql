-- ISNUMERIC returns 1 for strings convertible to a numeric type, including currency symbols
-- (documented: '$12' -> 1); NULL -> 0. ISDATE returns 1 for valid DATETIME strings; only
-- language-neutral formats are used here (yyyymmdd, yyyymmdd hh:mi) plus clearly invalid ones:
-- '20230229' (not a leap year) and '2024-02-30' (invalid in every date order).
CREATE TABLE dbo.ImportCheck (id INT, num_in VARCHAR(20), date_in VARCHAR(20));
INSERT INTO dbo.ImportCheck VALUES
 (1, '123', '20240229'),
 (2, '-4.5', '20230229'),
 (3, 'abc', '2024-02-30'),
 (4, '12a', 'abc'),
 (5, NULL, NULL),
 (6, '$12', '20240131 13:45');
GO
SELECT id,
       ISNUMERIC(num_in) AS is_num,
       ISDATE(date_in)   AS is_date
FROM dbo.ImportCheck
ORDER BY id;
