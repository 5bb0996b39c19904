//! Codes raised by the T-SQL front-end (SX0100–SX0199, SX1000–SX4499).

crate::declare_codes! {
    SX0100 {
        title: "unrecognised character",
        severity: Error,
        kind: Parse,
        meaning: "The lexer met a character that starts no T-SQL token.",
        why: "The statement around it cannot be parsed reliably, so it is kept unconverted.",
        example: "SELECT a ` b FROM t;",
        what_to_do: "Remove or fix the character; if it came from an editor or encoding problem, re-save the file as UTF-8.",
    }
    SX0101 {
        title: "unterminated string, quoted identifier or comment",
        severity: Error,
        kind: Parse,
        meaning: "A string literal, `[identifier]`, `\"identifier\"` or `/* comment */` runs to the end of the input without being closed.",
        why: "Everything after the opening delimiter belongs to it, so nothing after it can be converted.",
        example: "SELECT 'abc FROM t;",
        what_to_do: "Close the literal, identifier or comment.",
    }
    SX0102 {
        title: "sqlcmd command not converted",
        severity: Error,
        kind: Unsupported,
        meaning: "A sqlcmd-mode line (`:setvar`, `:r`, `:on error` …) was found; it is a command of the sqlcmd tool, not T-SQL.",
        why: "Databricks has no sqlcmd preprocessor; included files and variables are not expanded by the converter.",
        example: ":setvar DbName Claims",
        what_to_do: "Expand the sqlcmd variables and included files before converting, or convert the included files separately.",
    }
    SX0103 {
        title: "sqlcmd variable reference",
        severity: Error,
        kind: Unsupported,
        meaning: "A `$(name)` sqlcmd variable reference appears inside a statement.",
        why: "The value is supplied by sqlcmd at run time; the converter cannot know it, so the statement is kept unconverted.",
        example: "USE $(DbName);",
        what_to_do: "Substitute the variable's value in the source (or use a Databricks widget / session variable by hand).",
    }
    SX1001 {
        title: "syntax error",
        severity: Error,
        kind: Parse,
        meaning: "The statement could not be parsed as T-SQL; it is kept as an unconverted copy and parsing continues with the next statement.",
        why: "Either the statement is malformed or it uses syntax the converter does not know yet.",
        example: "SELECT a FROM WHERE b = 1;",
        what_to_do: "Check the statement at the label. If it runs on SQL Server, report the construct so it can be supported.",
    }
    SX1002 {
        title: "nesting too deep",
        severity: Error,
        kind: Parse,
        meaning: "Expressions, subqueries or blocks are nested more deeply than the converter's limit.",
        why: "The limit protects the converter against stack exhaustion on hostile or generated input.",
        example: "SELECT ((((((((…1…))))))));  -- hundreds of levels",
        what_to_do: "Simplify the statement (for example with CTEs or intermediate variables).",
    }
    SX2001 {
        title: "procedure, function or trigger not converted yet",
        severity: Error,
        kind: Unsupported,
        meaning: "CREATE/ALTER PROCEDURE, FUNCTION or TRIGGER is recognised, but routine conversion is not implemented yet; the whole definition up to the end of its batch is kept unconverted.",
        why: "Routine bodies need parameter, scope and control-flow conversion that a later version provides.",
        example: "CREATE PROCEDURE dbo.p AS BEGIN SELECT 1; END",
        what_to_do: "Convert the body by hand as a Databricks SQL procedure (`CREATE PROCEDURE … LANGUAGE SQL`) or run its statements as a script.",
    }
    SX2002 {
        title: "cursor not converted",
        severity: Error,
        kind: Unsupported,
        meaning: "A cursor statement (DECLARE … CURSOR, OPEN, FETCH, CLOSE, DEALLOCATE) is not converted.",
        why: "Cursor loops are usually set operations in disguise; a mechanical translation would be slow and is not implemented yet.",
        example: "DECLARE c CURSOR FOR SELECT id FROM t;",
        what_to_do: "Rewrite the loop as a set-based statement, or as a `FOR r AS query DO … END FOR` loop in Databricks SQL scripting.",
    }
    SX2003 {
        title: "transaction control not converted",
        severity: Error,
        kind: Unsupported,
        meaning: "BEGIN TRANSACTION, COMMIT, ROLLBACK or SAVE TRANSACTION is not converted.",
        why: "Delta tables commit each statement atomically; multi-statement transactions exist only on recent Databricks runtimes with catalog-managed tables.",
        example: "BEGIN TRAN; UPDATE t SET a = 1; COMMIT;",
        what_to_do: "Check whether the statements need to be atomic; if so, restructure them (for example into one MERGE) or use `BEGIN ATOMIC` on Databricks.",
    }
    SX2004 {
        title: "EXEC not converted",
        severity: Error,
        kind: Unsupported,
        meaning: "An EXEC of dynamic SQL (a string or variable), `sp_executesql`, or an EXEC whose result is captured is not converted.",
        why: "Dynamic SQL builds T-SQL text at run time, which cannot be converted statically.",
        example: "EXEC ('SELECT * FROM ' + @t);",
        what_to_do: "Replace the dynamic statement by static SQL, or by `EXECUTE IMMEDIATE` with Databricks SQL text.",
    }
    SX2005 {
        title: "statement not supported",
        severity: Error,
        kind: Unsupported,
        meaning: "The statement is recognised but has no conversion (for example GRANT, RAISERROR, THROW, WAITFOR, GOTO, TRY/CATCH blocks).",
        why: "The construct has no direct Databricks equivalent or its conversion is not implemented yet.",
        example: "RAISERROR('failed', 16, 1);",
        what_to_do: "Convert the statement by hand; Databricks SQL scripting offers SIGNAL and exception handlers for error handling.",
    }
    SX2007 {
        title: "construct not supported",
        severity: Error,
        kind: Unsupported,
        meaning: "Part of a statement uses a construct the converter does not support yet (for example FOR XML, OPTION hints with semantics, OPENQUERY).",
        why: "The construct has no direct equivalent or its conversion is not implemented yet.",
        example: "SELECT a FROM t FOR XML PATH('');",
        what_to_do: "Convert the statement by hand, or rewrite it with standard constructs.",
    }
    SX2008 {
        title: "call to an unconverted procedure",
        severity: Error,
        kind: Unsupported,
        meaning: "An `EXEC proc …` call was converted to `CALL`, but procedures are not converted yet, so the called procedure does not exist on the target.",
        why: "The call is kept (as CALL, Databricks only) so that the control flow stays visible, but it cannot run until the procedure is converted.",
        example: "EXEC dbo.usp_RebuildMemberMonths @StartDate = '2024-01-01';",
        what_to_do: "Convert the procedure by hand (Databricks SQL `CREATE PROCEDURE … LANGUAGE SQL`), or inline its statements in place of the call.",
    }
    SX3001 {
        title: "unknown function passed through",
        severity: Warning,
        kind: Semantic,
        meaning: "A function that is neither a known T-SQL built-in nor schema-qualified is passed through unchanged as a call.",
        why: "It may be a user-defined function called without a schema or a built-in the converter does not map; on Databricks it may not exist or may behave differently.",
        example: "SELECT SOUNDEX(name) FROM t;",
        what_to_do: "Check that a function of that name and meaning exists on Databricks, or define it as a SQL UDF.",
    }
    SX3002 {
        title: "unknown data type",
        severity: Warning,
        kind: Semantic,
        meaning: "A column or variable type is not a known T-SQL type (perhaps a user-defined alias type); it is kept as an unknown type.",
        why: "The target type cannot be chosen without the alias definition.",
        example: "CREATE TABLE t (id dbo.MyIdType);",
        what_to_do: "Replace the alias type by its base type in the source, or fix the type in the output.",
    }
    SX3003 {
        title: "TOP without ORDER BY",
        severity: Warning,
        kind: Semantic,
        meaning: "A query uses TOP without an ORDER BY, so which rows it returns is not defined.",
        why: "SQL Server and Spark choose different rows; results may differ between the source and the target, or between runs.",
        example: "SELECT TOP 1 id FROM dbo.Claim;",
        what_to_do: "Add an ORDER BY that makes the choice deterministic, if the choice matters.",
    }
    SX3004 {
        title: "batch repeat count ignored",
        severity: Warning,
        kind: Semantic,
        meaning: "A batch separator `GO n` asks SSMS or sqlcmd to run the batch before it n times; the converted batch appears once in the output and runs once.",
        why: "A notebook has no batch repeat: repeating a batch that inserts rows or advances a counter gives different results when it runs only once.",
        example: "INSERT INTO dbo.Sequence DEFAULT VALUES;\nGO 3",
        what_to_do: "If the repetition matters, run the cell n times, or wrap the statements in a `FOR` / `WHILE` loop in a compound block; otherwise remove the count.",
    }
    SX3005 {
        title: "variables assigned from a query that may return several rows or none",
        severity: Warning,
        kind: Semantic,
        meaning: "`SELECT @v = col FROM …` was converted to `SET VAR v = (SELECT col FROM …)`. In T-SQL the variable takes the value of the last row read, and keeps its old value when no row is read; the converted statement raises an error when the query returns several rows and sets NULL when it returns none.",
        why: "Databricks SQL assigns variables from a scalar subquery, which must return at most one row; there is no \"last row wins\" assignment and no \"no row, no change\".",
        example: "SELECT @LastClaim = ClaimID FROM dbo.Claim WHERE MemberID = @MemberID;\nSELECT @List = @List + Code + ';' FROM dbo.Dx;",
        what_to_do: "Make the query return exactly one row (an aggregate such as MAX(), or TOP 1 with an ORDER BY); accumulate strings with STRING_AGG; wrap the assignment in an IF EXISTS when no row must keep the old value.",
    }
    SX4001 {
        title: "session setting dropped",
        severity: Info,
        kind: Informational,
        meaning: "A `SET` session option (NOCOUNT, ANSI_NULLS, QUOTED_IDENTIFIER, XACT_ABORT, …) was dropped.",
        why: "These options control SQL Server session behaviour that has no Databricks counterpart (or Databricks behaves like the usual setting).",
        example: "SET NOCOUNT ON;",
        what_to_do: "Nothing, unless the script relies on non-default settings such as `SET ANSI_NULLS OFF`.",
    }
    SX4002 {
        title: "USE dropped",
        severity: Info,
        kind: Informational,
        meaning: "`USE database` was dropped; table names are mapped to Unity Catalog names by the naming options instead.",
        why: "The target catalog and schema come from the conversion options, not from the source's current database.",
        example: "USE Claims;",
        what_to_do: "Set the catalog option if the tables live in another catalog.",
    }
    SX4003 {
        title: "PRINT dropped",
        severity: Info,
        kind: Informational,
        meaning: "A `PRINT` statement was dropped.",
        why: "PRINT only writes a message to the client; it has no effect on data.",
        example: "PRINT 'loading members';",
        what_to_do: "Nothing; add logging by hand if the messages matter.",
    }
    SX4004 {
        title: "table or query hint dropped",
        severity: Info,
        kind: Informational,
        meaning: "A table hint (`WITH (NOLOCK)`, `(INDEX(…))`) or query hint (`OPTION (…)`) was dropped.",
        why: "Hints steer SQL Server's locking and optimiser; Delta reads are snapshot-isolated and Spark plans queries itself.",
        example: "SELECT * FROM dbo.Claim WITH (NOLOCK);",
        what_to_do: "Nothing. Note that NOLOCK's dirty reads do not happen on Delta.",
    }
    SX4005 {
        title: "existence test rewritten to IF EXISTS",
        severity: Info,
        kind: Informational,
        meaning: "The idiom `IF OBJECT_ID('x') IS NOT NULL DROP TABLE x` was rewritten to `DROP TABLE IF EXISTS x`.",
        why: "Databricks has no OBJECT_ID; `DROP … IF EXISTS` has the same effect.",
        example: "IF OBJECT_ID('dbo.Stage', 'U') IS NOT NULL DROP TABLE dbo.Stage;",
        what_to_do: "Nothing.",
    }
    SX4006 {
        title: "physical storage option dropped",
        severity: Info,
        kind: Informational,
        meaning: "A storage clause (`ON [PRIMARY]`, `WITH (PAD_INDEX = …)`, `TEXTIMAGE_ON`, an inline INDEX) or an index / statistics maintenance statement (`ALTER INDEX … REBUILD`, `UPDATE STATISTICS`) was dropped.",
        why: "File groups and index storage options do not exist on Delta tables.",
        example: "CREATE TABLE t (id INT) ON [PRIMARY];",
        what_to_do: "Nothing; consider liquid clustering for large tables.",
    }
}
