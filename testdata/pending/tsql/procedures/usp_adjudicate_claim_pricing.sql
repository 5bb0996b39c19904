SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
/* Claim adjudication, step 3: price professional lines against the fee schedule in effect on the
   date of service, apply modifier reductions, then roll the allowed amount up to the header. */
CREATE PROCEDURE [adj].[usp_PriceProfessionalLines]
    @BatchID INT
AS
SET NOCOUNT ON;

UPDATE l
SET    l.AllowedAmount = ROUND(fs.Rate * l.Units
                         * CASE l.Modifier1 WHEN '26' THEN 0.40 WHEN 'TC' THEN 0.60 WHEN '50' THEN 1.50 ELSE 1.00 END, 2),
       l.PricingMethod = 'FS',
       l.FeeScheduleID = fs.FeeScheduleID
FROM   [adj].[ClaimLine] AS l
JOIN   [adj].[ClaimHeader] AS h ON h.ClaimID = l.ClaimID
JOIN   [ref].[FeeSchedule] AS fs
       ON  fs.ProcedureCode = l.ProcedureCode
       AND fs.PlanCode = h.PlanCode
       AND l.ServiceDate BETWEEN fs.EffDate AND ISNULL(fs.TermDate, '99991231')
WHERE  h.BatchID = @BatchID
  AND  h.ClaimType = 'P'
  AND  l.LineStatus = 'O';

-- lines without a fee schedule rate fall back to 60% of billed
UPDATE l
SET    l.AllowedAmount = ROUND(l.BilledAmount * 0.60, 2),
       l.PricingMethod = 'PCT'
FROM   [adj].[ClaimLine] l
JOIN   [adj].[ClaimHeader] h ON h.ClaimID = l.ClaimID
WHERE  h.BatchID = @BatchID
  AND  h.ClaimType = 'P'
  AND  l.LineStatus = 'O'
  AND  l.PricingMethod IS NULL;

-- allowed can never exceed billed
UPDATE [adj].[ClaimLine]
SET    AllowedAmount = BilledAmount
WHERE  AllowedAmount > BilledAmount
  AND  ClaimID IN (SELECT ClaimID FROM [adj].[ClaimHeader] WHERE BatchID = @BatchID);

UPDATE h
SET    h.AllowedAmount = x.Allowed,
       h.ClaimStatus   = 'R'
FROM   [adj].[ClaimHeader] h
CROSS APPLY (SELECT SUM(l.AllowedAmount) AS Allowed
             FROM [adj].[ClaimLine] l
             WHERE l.ClaimID = h.ClaimID AND l.LineStatus = 'O') AS x
WHERE  h.BatchID = @BatchID
  AND  h.ClaimType = 'P';

RETURN 0;
GO
