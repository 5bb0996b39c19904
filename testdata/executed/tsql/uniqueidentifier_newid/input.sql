-- UNIQUEIDENTIFIER values print in UPPER case (a lower-case literal is stored as a GUID and shown upper-case);
-- Spark's uuid() is lower-case. NEWID() values are nondeterministic, so only their shape is compared:
-- 36 characters, already upper-case (byte-wise equal to UPPER of itself).
-- Comparing a GUID with an upper-case literal converts the literal to UNIQUEIDENTIFIER: equal.
CREATE TABLE dbo.Enrollment (
    id         INT NOT NULL,
    fixed_guid UNIQUEIDENTIFIER NULL,
    new_guid   UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID()
);
INSERT INTO dbo.Enrollment (id, fixed_guid) VALUES (1, '6f9619ff-8b86-d011-b42d-00c04fc964ff'), (2, NULL);
GO
SELECT id,
       CAST(fixed_guid AS VARCHAR(36)) AS fixed_text,
       LEN(CAST(new_guid AS VARCHAR(36))) AS new_len,
       CASE WHEN CAST(CAST(new_guid AS VARCHAR(36)) AS VARBINARY(36))
               = CAST(UPPER(CAST(new_guid AS VARCHAR(36))) AS VARBINARY(36)) THEN 1 ELSE 0 END AS new_is_upper,
       CASE WHEN fixed_guid = '6F9619FF-8B86-D011-B42D-00C04FC964FF' THEN 1 ELSE 0 END AS eq_upper
FROM dbo.Enrollment
ORDER BY id;
