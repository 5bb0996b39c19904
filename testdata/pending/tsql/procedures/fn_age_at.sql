SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- =============================================
-- Description: Age in completed years on @AsOf.
--              DATEDIFF(YEAR) counts year boundaries, so subtract one when the birthday
--              has not been reached yet in @AsOf's year. Feb 29 birthdays turn over on Mar 1.
-- =============================================
CREATE FUNCTION [dbo].[fn_AgeAt]
(
    @DOB  DATE,
    @AsOf DATE
)
RETURNS INT
WITH SCHEMABINDING, RETURNS NULL ON NULL INPUT
AS
BEGIN
    RETURN DATEDIFF(YEAR, @DOB, @AsOf)
         - CASE WHEN MONTH(@AsOf) * 100 + DAY(@AsOf) < MONTH(@DOB) * 100 + DAY(@DOB)
                THEN 1 ELSE 0 END;
END
GO
GRANT EXECUTE ON [dbo].[fn_AgeAt] TO [report_reader]
GO
