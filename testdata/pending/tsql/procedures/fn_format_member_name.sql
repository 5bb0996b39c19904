-- Display name for letters: "LAST, First M." with the generational suffix, title-cased first name.
CREATE FUNCTION dbo.fn_FormatMemberName
(
    @FirstName  NVARCHAR(50),
    @MiddleName NVARCHAR(50),
    @LastName   NVARCHAR(60),
    @Suffix     NVARCHAR(10) = NULL
)
RETURNS NVARCHAR(200)
AS
BEGIN
    DECLARE @first NVARCHAR(50) = LTRIM(RTRIM(ISNULL(@FirstName, N''))),
            @result NVARCHAR(200);

    IF LEN(@first) > 0
        SET @first = UPPER(LEFT(@first, 1)) + LOWER(SUBSTRING(@first, 2, 49));

    SET @result = UPPER(LTRIM(RTRIM(@LastName)))
                + CASE WHEN NULLIF(LTRIM(RTRIM(@Suffix)), N'') IS NOT NULL THEN N' ' + UPPER(LTRIM(RTRIM(@Suffix))) ELSE N'' END
                + CASE WHEN LEN(@first) > 0 THEN N', ' + @first ELSE N'' END
                + CASE WHEN LEN(LTRIM(@MiddleName)) > 0 THEN N' ' + UPPER(LEFT(LTRIM(@MiddleName), 1)) + N'.' ELSE N'' END;

    RETURN @result;
END
GO

SELECT TOP (20) MemberID, dbo.fn_FormatMemberName(FirstName, MiddleName, LastName, DEFAULT) AS DisplayName
FROM dbo.Member
ORDER BY MemberID;
GO
