-- Interpreter-needed flags for the Spanish and Vietnamese speaking members.
SELECT MemberID,
       PreferredLanguage,
       CASE WHEN PreferredLanguage IN (N'Español', N'Tiếng Việt') THEN 1 ELSE 0 END AS NeedsInterpreter,
       N'Estimado/a ' + FirstName + N',' AS Salutation,
       UNICODE(N'é') AS CodePoint,
       NCHAR(233) AS EAcute
FROM dbo.Member
WHERE PreferredLanguage <> N'English';

-- Count members per language, Unicode-aware.
SELECT PreferredLanguage, COUNT(*) AS Members
FROM dbo.Member
GROUP BY PreferredLanguage;
