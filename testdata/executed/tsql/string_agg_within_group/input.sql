-- STRING_AGG(x, sep) WITHIN GROUP (ORDER BY ...) concatenates in the given order; NULL values are
-- skipped (no separator added for them); a group with only NULLs gives NULL.
CREATE TABLE dbo.EncounterDx (encounter_id INT, dx_code VARCHAR(10), dx_seq INT);
INSERT INTO dbo.EncounterDx VALUES
 (1, 'I10', 2), (1, 'E119', 1), (1, 'N183', 3),
 (2, 'J45', 2), (2, NULL, 1), (2, 'R05', 3),
 (3, NULL, 1);
GO
SELECT encounter_id,
       STRING_AGG(dx_code, '|') WITHIN GROUP (ORDER BY dx_seq) AS dx_list,
       COUNT(dx_code) AS dx_count
FROM dbo.EncounterDx
GROUP BY encounter_id
ORDER BY encounter_id;
