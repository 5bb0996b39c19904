-- sqlcmd mode script: :setvar and $(var) are not T-SQL.
SELECT COUNT(*) AS Before FROM dbo.Member;
GO
:setvar TargetDb ClaimsMart
:setvar Cutoff "2024-01-01"
USE $(TargetDb);
GO
DELETE FROM dbo.ClaimHeader WHERE ServiceFromDate < '$(Cutoff)';
GO
SELECT COUNT(*) AS After FROM dbo.Member;
