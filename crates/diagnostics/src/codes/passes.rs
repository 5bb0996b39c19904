//! Codes raised by passes (SX2500–SX2799, SX3500–SX3799, SX4500–SX4799).
crate::declare_codes! {
    SX2500 {
        title: "nesting too deep for the passes",
        severity: Error,
        kind: Unsupported,
        meaning: "An expression, query or statement is nested deeper than the passes walk (256 levels); the deeper part was not resolved, typed or legalised.",
        why: "The passes bound their recursion so that hostile or generated input cannot exhaust the stack.",
        example: "An expression with several hundred nested parentheses.",
        what_to_do: "Simplify the statement (split it, use a CTE or a temporary table) and convert again.",
    }
    SX2510 {
        title: "row-level dml cannot run on open-source spark",
        severity: Error,
        kind: Unsupported,
        meaning: "In the portable profile UPDATE, DELETE and MERGE are rewritten into a staging copy of the table; this statement could not be rewritten, usually because the target table's columns are unknown.",
        why: "Open-source Spark 4.1 has no UPDATE, DELETE or MERGE on plain parquet tables; the rewrite must list every column of the target.",
        example: "UPDATE dbo.Claims SET Status = 'X' WHERE ClaimID = 1 -- with no CREATE TABLE dbo.Claims in the input",
        what_to_do: "Add the table's CREATE TABLE to the input (or convert with the databricks profile, where Delta tables support the statement).",
    }
    SX2511 {
        title: "update or delete with this from clause cannot be rewritten",
        severity: Error,
        kind: Unsupported,
        meaning: "An UPDATE … FROM or DELETE … FROM uses joins other than inner joins, or the target could not be found in the FROM clause, so it could not be rewritten into MERGE or a staging copy.",
        why: "Databricks UPDATE and DELETE have no FROM clause; only inner-join shapes map onto MERGE exactly.",
        example: "UPDATE t SET x = s.x FROM t LEFT JOIN s ON s.id = t.id",
        what_to_do: "Rewrite the statement by hand as MERGE INTO, or restructure it with inner joins.",
    }
    SX2512 {
        title: "top with ties or percent cannot be rewritten here",
        severity: Error,
        kind: Unsupported,
        meaning: "TOP n WITH TIES or TOP n PERCENT is used on a query shape the rewrite does not handle: a set operation, an ORDER BY ordinal that refers to `*` or to a column after it, or, in the portable profile, an unnamed expression in the select list or an ORDER BY key that is not an output column.",
        why: "Spark's LIMIT has neither option; the rewrite needs a window over the query's ORDER BY, and open-source Spark 4.1 has no QUALIFY clause, so the portable rewrite wraps the query and must name its output columns (a `*` is kept as `* EXCEPT` the rewrite's helper columns).",
        example: "SELECT TOP 5 WITH TIES * FROM a UNION SELECT * FROM b ORDER BY 1",
        what_to_do: "Rewrite the query with rank() or row_number() in a derived table and filter on it.",
    }
    SX2513 {
        title: "system catalog view not converted",
        severity: Error,
        kind: Unsupported,
        meaning: "A statement reads a SQL Server catalog view (`sys.tables`, `sys.columns`, `INFORMATION_SCHEMA.COLUMNS`, …). Unity Catalog has its own information schema with different views and columns, so the statement is kept as an unconverted copy.",
        why: "Mapping `sys.tables` to `main.sys.tables` would read a table that does not exist (or a user table of that name).",
        example: "SELECT name FROM sys.columns WHERE object_id = OBJECT_ID('dbo.Claim');",
        what_to_do: "Rewrite the query against `system.information_schema` (for example `system.information_schema.columns`), or drop it if it only checks existence before DDL (`DROP TABLE IF EXISTS` covers that idiom).",
    }
    SX3500 {
        title: "type unknown; an assumption was made",
        severity: Warning,
        kind: Semantic,
        meaning: "A rewrite that depends on an operand's type (string concatenation versus addition, integer versus fractional division) had to assume the type because it is not known from the input.",
        why: "T-SQL decides `+` and `/` by the operand types; Spark needs the decision spelled out.",
        example: "SELECT a / b FROM ext.t -- with no CREATE TABLE for ext.t",
        what_to_do: "Check the assumption named in the message; add the table's DDL to the input to let the converter decide.",
    }
    SX3510 {
        title: "top percent approximated with a window",
        severity: Warning,
        kind: Semantic,
        meaning: "TOP n PERCENT was rewritten to a QUALIFY on row_number() against ceil(n * count(*) / 100).",
        why: "Spark has no TOP PERCENT; the rewrite keeps T-SQL's rounding up, but without ORDER BY the chosen rows are arbitrary in both systems.",
        example: "SELECT TOP 10 PERCENT * FROM t ORDER BY x",
        what_to_do: "Check that the query has an ORDER BY that makes the selection deterministic.",
    }
    SX3511 {
        title: "update or delete from a join picks an arbitrary matching row",
        severity: Warning,
        kind: Semantic,
        meaning: "An UPDATE … FROM or DELETE … FROM with a join was rewritten (into MERGE, or a staging copy in the portable profile). When several source rows match one target row, T-SQL silently uses an arbitrary one; MERGE raises an error and the staging rewrite uses the greatest value.",
        why: "The join may not be one-to-one; the behaviours differ only in that case.",
        example: "UPDATE m SET m.Plan = s.Plan FROM dbo.Member m JOIN dbo.Stage s ON s.ID = m.ID",
        what_to_do: "Make sure the source has at most one row per target row (deduplicate it first if needed).",
    }
    SX3512 {
        title: "merge rewrite assumes one source row per target row",
        severity: Warning,
        kind: Semantic,
        meaning: "A MERGE with WHEN MATCHED clauses was rewritten into a staging copy built with a left join; if several source rows match one target row, T-SQL raises an error while the rewrite duplicates the row.",
        why: "Open-source Spark cannot run MERGE on plain tables.",
        example: "MERGE dbo.Member t USING dbo.Stage s ON t.ID = s.ID WHEN MATCHED THEN UPDATE SET t.Plan = s.Plan;",
        what_to_do: "Make sure the source has at most one row per target key.",
    }
    SX3513 {
        title: "table-valued function called by its own name on open-source spark",
        severity: Warning,
        kind: Semantic,
        meaning: "In the portable profile a call to a schema-qualified table-valued function that the input does not define was printed with the function's own name only (`dbo.tvf_Members(1)` → `tvf_members(1)`), so Spark looks for a temporary (session) function of that name.",
        why: "Open-source Spark 4.1 rejects a catalog or schema in a table-valued function call (`INVALID_TABLE_VALUED_FUNC_NAME`), so a persistent function cannot be called there; table-valued functions defined in the input are created as temporary functions in the portable profile.",
        example: "SELECT * FROM dbo.tvf_ActiveMembers('2024-01-01') -- with no CREATE FUNCTION dbo.tvf_ActiveMembers in the input",
        what_to_do: "Create the function as a temporary function (`CREATE TEMPORARY FUNCTION tvf_activemembers(…) RETURNS TABLE …`) in the session before the statement runs, or convert with the databricks profile, where the call keeps its catalog and schema.",
    }
    SX3514 {
        title: "two source tables map to the same target table",
        severity: Warning,
        kind: Semantic,
        meaning: "Two table names that are different in SQL Server normalise to the same Unity Catalog name (for example `dbo.[Claim Line]` and `dbo.Claim_Line` both become `main.dbo.claim_line`), so reads and writes of both go to one table.",
        why: "Unity Catalog names are lower-cased and limited to letters, digits and underscores; spaces and other characters are replaced by `_`.",
        example: "CREATE TABLE dbo.[Claim Line] (id INT); CREATE TABLE dbo.Claim_Line (id INT, x INT);",
        what_to_do: "Rename one of the tables in the source (or in the output) so that their normalised names differ.",
    }
    SX3515 {
        title: "variable printed like a column",
        severity: Warning,
        kind: Semantic,
        meaning: "A T-SQL variable `@name` is printed as `v_name`, and the input also has a column named `v_name`. In a statement that can see that column, Spark reads the column, not the variable, so a filter such as `WHERE v_id = @id` compares the column with itself.",
        why: "T-SQL tells variables from columns by the `@` sigil; Databricks SQL resolves an unqualified name to a column before a session or local variable.",
        example: "CREATE TABLE dbo.V (id INT, v_id INT); DECLARE @id INT = 5; SELECT * FROM dbo.V WHERE v_id = @id;",
        what_to_do: "Rename the variable (or the column) in the source or in the output so that the printed names differ.",
    }
    SX4500 {
        title: "database or server part of a table or function name dropped",
        severity: Info,
        kind: Informational,
        meaning: "A three- or four-part table or function name (`db.schema.table`, `server.db.schema.table`) was mapped to the configured catalog; the database and server parts were dropped and the schema kept.",
        why: "Unity Catalog has three levels (catalog.schema.table) and the catalog comes from the conversion options.",
        example: "SELECT * FROM ClaimsDB.dbo.Claims",
        what_to_do: "Nothing, unless tables of different databases share a schema and name; then map them to different catalogs or schemas.",
    }
    SX4501 {
        title: "table, function or schema name normalised",
        severity: Info,
        kind: Informational,
        meaning: "A table, function or schema name held characters that Unity Catalog / Spark do not accept in object names (only letters, digits and `_`); each run of other characters was replaced by `_` (`dbo.[Member Info]` → `dbo.member_info`). Every reference to the table uses the same target name, listed in the report's table mapping.",
        why: "Spark rejects such names (\"is not a valid name for tables/schemas\") even when they are quoted.",
        example: "CREATE TABLE dbo.[Member Info] (id INT)",
        what_to_do: "Nothing, unless two source names normalise to the same target; then rename one of them.",
    }
    SX4510 {
        title: "top with ties rewritten to qualify rank()",
        severity: Info,
        kind: Informational,
        meaning: "TOP n WITH TIES was rewritten to `QUALIFY rank() OVER (ORDER BY …) <= n`.",
        why: "Spark's LIMIT has no WITH TIES.",
        example: "SELECT TOP 3 WITH TIES * FROM t ORDER BY score DESC",
        what_to_do: "Nothing.",
    }
    SX4511 {
        title: "update or delete with a join rewritten to merge",
        severity: Info,
        kind: Informational,
        meaning: "An UPDATE … FROM / DELETE … FROM with inner joins was rewritten into MERGE INTO … WHEN MATCHED. With the target LEFT JOIN one other table (and only the ON and WHERE clauses using that table), it became a plain UPDATE / DELETE WHERE EXISTS (a joined row satisfies ON and WHERE) OR (no row satisfies ON AND the WHERE clause with that table's columns NULL), which changes exactly the rows T-SQL changes.",
        why: "Databricks UPDATE and DELETE have no FROM clause.",
        example: "DELETE a FROM dbo.T a JOIN dbo.S s ON s.ID = a.ID",
        what_to_do: "Nothing.",
    }
    SX4512 {
        title: "row-level dml rewritten through a staging copy",
        severity: Info,
        kind: Informational,
        meaning: "In the portable profile an UPDATE, DELETE or MERGE was rewritten into CREATE TABLE <t>__sx_stage AS SELECT <new contents>, INSERT OVERWRITE <t> SELECT * FROM the stage, and DROP TABLE of the stage (a DELETE without WHERE became TRUNCATE).",
        why: "Open-source Spark has no UPDATE, DELETE or MERGE on plain parquet tables, and cannot overwrite a table it reads in the same statement.",
        example: "DELETE FROM dbo.Member WHERE Active = 0",
        what_to_do: "Nothing; on Databricks convert with the databricks profile to keep the statement as written.",
    }
    SX4513 {
        title: "identity or non-constant default emulated in an insert",
        severity: Info,
        kind: Informational,
        meaning: "In the portable profile an INSERT into a table with an IDENTITY column or a non-constant DEFAULT (NEWID(), GETDATE()…) lists the omitted columns and computes them: an identity value is coalesce((SELECT max(id) FROM t), seed - increment) + increment * row_number() OVER (ORDER BY <source row order>), a default is its expression evaluated per row. The CREATE TABLE keeps only constant defaults.",
        why: "Open-source Spark has no identity columns and accepts only constant DEFAULT expressions.",
        example: "CREATE TABLE dbo.LoadRun (run_id INT IDENTITY(1, 1), note VARCHAR(20)); INSERT INTO dbo.LoadRun (note) VALUES ('x')",
        what_to_do: "Nothing for single-writer loads; concurrent inserts into the same table could compute the same identity value, and inserts written outside the converted code do not get the values.",
    }
}
