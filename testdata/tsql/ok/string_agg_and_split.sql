-- Diagnosis list per encounter in sequence order, and splitting the
-- pipe-delimited procedure modifiers that come from the clearinghouse.
SELECT d.EncounterID,
       STRING_AGG(d.DxCode, ', ') WITHIN GROUP (ORDER BY d.DxSeq) AS DxList,
       COUNT(*) AS DxCount
FROM dbo.Diagnosis d
GROUP BY d.EncounterID;

SELECT STRING_AGG(CAST(ProviderNPI AS VARCHAR(MAX)), ';') AS AllNpis
FROM dbo.Provider
WHERE State = 'OH';

SELECT l.ClaimID, l.LineNumber, s.value AS Modifier
FROM dbo.ClaimLine l
CROSS APPLY STRING_SPLIT(l.ModifierList, '|') AS s
WHERE s.value <> '';

SELECT value AS PlanCode FROM STRING_SPLIT('GOLD,SILVER,BRONZE', ',');
