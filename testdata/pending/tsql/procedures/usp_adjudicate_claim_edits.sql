-- Claim adjudication, step 1: front-end edits. Returns 0 when the claim passes every edit,
-- otherwise the number of the first failing edit. Edits are recorded in adj.ClaimEdit.
CREATE PROCEDURE adj.usp_ApplyFrontEndEdits
    @ClaimID BIGINT,
    @UserName SYSNAME = NULL
AS
BEGIN
    SET NOCOUNT ON

    DECLARE @MemberID INT, @ServiceFrom DATE, @ServiceTo DATE, @BilledAmt MONEY, @ProviderNPI CHAR(10)
    DECLARE @FirstEdit INT = 0

    SELECT @MemberID = c.MemberID,
           @ServiceFrom = c.ServiceFromDate,
           @ServiceTo = c.ServiceToDate,
           @BilledAmt = c.BilledAmount,
           @ProviderNPI = c.RenderingNPI
    FROM adj.ClaimHeader c
    WHERE c.ClaimID = @ClaimID

    IF @@ROWCOUNT = 0
    BEGIN
        RAISERROR('Claim %I64d not found', 16, 1, @ClaimID)
        RETURN -1
    END

    IF @ServiceTo < @ServiceFrom
        INSERT adj.ClaimEdit (ClaimID, EditCode, EditText, CreatedBy) VALUES (@ClaimID, 101, 'Service dates reversed', ISNULL(@UserName, SUSER_SNAME()))

    IF NOT EXISTS (SELECT 1 FROM elig.Enrollment e
                   WHERE e.MemberID = @MemberID
                     AND e.EffDate <= @ServiceFrom
                     AND (e.TermDate IS NULL OR e.TermDate >= @ServiceFrom))
        INSERT adj.ClaimEdit (ClaimID, EditCode, EditText, CreatedBy) VALUES (@ClaimID, 201, 'Member not eligible on date of service', ISNULL(@UserName, SUSER_SNAME()))

    IF @BilledAmt <= 0
        INSERT adj.ClaimEdit (ClaimID, EditCode, EditText, CreatedBy) VALUES (@ClaimID, 301, 'Billed amount must be positive', ISNULL(@UserName, SUSER_SNAME()))
    ELSE IF @BilledAmt > 250000
        INSERT adj.ClaimEdit (ClaimID, EditCode, EditText, CreatedBy) VALUES (@ClaimID, 302, 'High dollar review', ISNULL(@UserName, SUSER_SNAME()))

    IF LEN(@ProviderNPI) <> 10 OR @ProviderNPI LIKE '%[^0-9]%'
        INSERT adj.ClaimEdit (ClaimID, EditCode, EditText, CreatedBy) VALUES (@ClaimID, 401, 'Invalid rendering NPI', ISNULL(@UserName, SUSER_SNAME()))

    IF EXISTS (SELECT 1 FROM adj.ClaimHeader d
               WHERE d.MemberID = @MemberID
                 AND d.RenderingNPI = @ProviderNPI
                 AND d.ServiceFromDate = @ServiceFrom
                 AND d.BilledAmount = @BilledAmt
                 AND d.ClaimID <> @ClaimID
                 AND d.ClaimStatus NOT IN ('V', 'X'))
        INSERT adj.ClaimEdit (ClaimID, EditCode, EditText, CreatedBy) VALUES (@ClaimID, 501, 'Possible duplicate', ISNULL(@UserName, SUSER_SNAME()))

    SELECT TOP (1) @FirstEdit = EditCode
    FROM adj.ClaimEdit
    WHERE ClaimID = @ClaimID
    ORDER BY EditCode

    UPDATE adj.ClaimHeader
       SET ClaimStatus = CASE WHEN @FirstEdit = 0 THEN 'E' ELSE 'P' END,
           LastUpdated = GETDATE()
     WHERE ClaimID = @ClaimID

    RETURN @FirstEdit
END
GO
