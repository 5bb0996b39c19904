-- TRY_CAST / TRY_CONVERT give NULL where CAST would fail (Spark under ANSI raises on a bad CAST, so the
-- converter must use try_cast). '7.25' is not a valid INT string (NULL), ' 42 ' is (surrounding spaces are
-- allowed), '7,25' and '>10' are not numbers; '2024-02-30' and '20241301' are not dates.
CREATE TABLE dbo.LabRaw (id INT, result_text VARCHAR(20), collected_text VARCHAR(20));
INSERT INTO dbo.LabRaw VALUES
 (1, '7.25', '20240305'),
 (2, '7,25', '2024-02-30'),
 (3, '>10', '20241301'),
 (4, NULL, NULL),
 (5, ' 42 ', '20240229 08:15');
GO
SELECT id,
       TRY_CAST(result_text AS DECIMAL(5, 2)) AS result_value,
       TRY_CONVERT(INT, result_text)           AS result_int,
       TRY_CAST(collected_text AS DATETIME)    AS collected_at
FROM dbo.LabRaw
ORDER BY id;
