/* Outer comment explaining the job.
   /* Nested comment: T-SQL block comments nest, so this inner close */
   does not end the outer one; the statement below is still commented out:
   SELECT * FROM dbo.ShouldNotRun;
*/
SELECT MemberID, PlanCode
FROM dbo.Member
WHERE /* inline /* doubly nested */ still comment */ IsActive = 1;

/* a comment with -- dashes and 'quotes' inside */
SELECT COUNT(*) AS ActiveMembers FROM dbo.Member WHERE IsActive = 1; -- /* not a block start
