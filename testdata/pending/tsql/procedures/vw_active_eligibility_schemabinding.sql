-- Indexed view of current eligibility, used by the call-center lookup.
CREATE VIEW [elig].[vw_ActiveEligibility]
WITH SCHEMABINDING
AS
SELECT e.[EnrollmentID],
       e.[MemberID],
       e.[PlanCode],
       e.[EffDate],
       e.[TermDate],
       m.[SubscriberID],
       m.[MemberSuffix]
FROM [elig].[Enrollment] AS e
INNER JOIN [dbo].[Member] AS m ON m.[MemberID] = e.[MemberID]
WHERE e.[VoidFlag] = 0
  AND e.[TermDate] IS NULL
GO
CREATE UNIQUE CLUSTERED INDEX [UCI_vw_ActiveEligibility] ON [elig].[vw_ActiveEligibility] ([EnrollmentID])
GO
CREATE NONCLUSTERED INDEX [IX_vw_ActiveEligibility_Subscriber] ON [elig].[vw_ActiveEligibility] ([SubscriberID], [MemberSuffix])
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description',
     @value = N'Open enrollment spans joined to member identifiers (indexed view).',
     @level0type = N'SCHEMA', @level0name = N'elig',
     @level1type = N'VIEW',   @level1name = N'vw_ActiveEligibility';
GO
CREATE PROCEDURE elig.usp_FindActiveBySubscriber
    @SubscriberID varchar(20)
AS
    SELECT v.MemberID, v.MemberSuffix, v.PlanCode, v.EffDate
    FROM elig.vw_ActiveEligibility AS v WITH (NOEXPAND)
    WHERE v.SubscriberID = @SubscriberID
    ORDER BY v.MemberSuffix;
GO
