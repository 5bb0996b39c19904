SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE FUNCTION [adj].[fn_ClaimLinesForMember]
(
    @MemberID int,
    @FromDate date,
    @ToDate   date
)
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN
(
    SELECT h.[ClaimID],
           l.[LineNumber],
           l.[ServiceDate],
           l.[ProcedureCode],
           l.[Modifier1],
           l.[Units],
           l.[BilledAmount],
           l.[AllowedAmount],
           h.[ClaimStatus],
           [LineRank] = DENSE_RANK() OVER (ORDER BY l.[ServiceDate] DESC)
    FROM [adj].[ClaimHeader] AS h
    INNER JOIN [adj].[ClaimLine] AS l ON l.[ClaimID] = h.[ClaimID]
    WHERE h.[MemberID] = @MemberID
      AND l.[ServiceDate] >= @FromDate
      AND l.[ServiceDate] <  DATEADD(day, 1, @ToDate)
      AND h.[ClaimStatus] NOT IN ('V', 'X')
)
GO
