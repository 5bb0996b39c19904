/*  Multi-statement table-valued function.
    Splits the pipe-delimited diagnosis list on a legacy 837 extract ('E119|I10|Z7984')
    into one row per code, adds the decimal point back, and marks the principal diagnosis. */
CREATE FUNCTION [claims].[fn_SplitDxCodes] (@DxList VARCHAR(4000))
RETURNS @dx TABLE
(
    Seq        INT          NOT NULL,
    DxCode     VARCHAR(10)  NOT NULL,
    IsPrincipal BIT         NOT NULL DEFAULT (0)
)
AS
BEGIN
    DECLARE @pos INT = 1, @next INT, @seq INT = 0, @code VARCHAR(10);

    IF @DxList IS NULL OR LTRIM(RTRIM(@DxList)) = ''
        RETURN;

    SET @DxList = @DxList + '|';

    WHILE @pos <= LEN(@DxList)
    BEGIN
        SET @next = CHARINDEX('|', @DxList, @pos);
        SET @code = UPPER(LTRIM(RTRIM(SUBSTRING(@DxList, @pos, @next - @pos))));
        SET @pos = @next + 1;

        IF @code = ''
            CONTINUE;

        IF LEN(@code) > 3 AND CHARINDEX('.', @code) = 0
            SET @code = STUFF(@code, 4, 0, '.');

        SET @seq += 1;
        INSERT INTO @dx (Seq, DxCode, IsPrincipal)
        VALUES (@seq, @code, CASE WHEN @seq = 1 THEN 1 ELSE 0 END);
    END

    RETURN;
END
GO
