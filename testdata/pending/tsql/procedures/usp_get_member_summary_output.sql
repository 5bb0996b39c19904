CREATE PROCEDURE dbo.usp_GetMemberSummary
      @MemberID      INT
    , @AsOfDate      DATE          = NULL
    , @ClaimCount    INT           OUTPUT
    , @PaidYTD       MONEY         OUTPUT
    , @LastVisit     DATE          = NULL OUTPUT
    , @PCPName       NVARCHAR(100) = NULL OUTPUT
AS
/*
    Returns summary facts for the member portal header through OUTPUT parameters
    (the portal's data layer cannot read result sets from this call).
*/
BEGIN
    SET NOCOUNT ON;

    SET @AsOfDate = ISNULL(@AsOfDate, CONVERT(DATE, GETDATE()));

    SELECT @ClaimCount = COUNT(*),
           @PaidYTD    = ISNULL(SUM(c.PaidAmount), 0)
    FROM claims.Claim AS c
    WHERE c.MemberID = @MemberID
      AND c.ServiceDate >= DATEFROMPARTS(YEAR(@AsOfDate), 1, 1)
      AND c.ServiceDate <= @AsOfDate
      AND c.ClaimStatus = 'PD';

    SELECT @LastVisit = MAX(e.AdmitDate)
    FROM dbo.Encounter AS e
    WHERE e.MemberID = @MemberID
      AND e.AdmitDate <= @AsOfDate;

    SELECT TOP (1) @PCPName = p.LastName + N', ' + p.FirstName
                              + ISNULL(N' ' + p.Credential, N'')
    FROM dbo.MemberPCP AS a
    JOIN dbo.Provider AS p ON p.ProviderID = a.ProviderID
    WHERE a.MemberID = @MemberID
      AND @AsOfDate BETWEEN a.EffDate AND ISNULL(a.TermDate, '9999-12-31')
    ORDER BY a.EffDate DESC;

    IF @ClaimCount = 0 AND @LastVisit IS NULL
        RETURN 1;   -- nothing to show

    RETURN 0;
END
GO

DECLARE @cnt INT, @paid MONEY, @last DATE, @pcp NVARCHAR(100), @rc INT;
EXEC @rc = dbo.usp_GetMemberSummary
      @MemberID   = 100234
    , @ClaimCount = @cnt OUTPUT
    , @PaidYTD    = @paid OUTPUT
    , @LastVisit  = @last OUTPUT
    , @PCPName    = @pcp OUTPUT;
SELECT @rc AS rc, @cnt AS ClaimCount, @paid AS PaidYTD, @last AS LastVisit, @pcp AS PCP;
GO
