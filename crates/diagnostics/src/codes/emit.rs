//! Codes raised by the Databricks SQL back-end (SX2800–SX2999, SX3800–SX3999, SX4800–SX4999).

crate::declare_codes! {
    SX2800 {
        title: "update or delete with a from clause was not rewritten",
        severity: Error,
        kind: Unsupported,
        meaning: "An UPDATE or DELETE still has a FROM clause (joins) when it reaches the printer; Databricks has no UPDATE … FROM or DELETE … FROM.",
        why: "The legalise pass rewrites these into MERGE INTO; when it could not, printing the statement without its joins would change which rows are touched.",
        example: "UPDATE m SET m.PlanCode = s.PlanCode FROM dbo.Member m JOIN dbo.MemberStage s ON s.MemberID = m.MemberID",
        what_to_do: "Rewrite the statement as MERGE INTO target USING source ON … WHEN MATCHED THEN UPDATE SET …; the original is kept in the output as a comment.",
    }
    SX2801 {
        title: "construct cannot be printed in this position",
        severity: Error,
        kind: Unsupported,
        meaning: "The IR holds a construct the Databricks SQL printer has no form for where it appears (for example BREAK outside a loop, a table-typed variable, a function whose body is a list of statements).",
        why: "Printing something that does not run, or that runs differently, would be a silent change.",
        example: "DECLARE @t TABLE (id INT)",
        what_to_do: "Rewrite the construct by hand (a temporary view for a table variable, a SQL UDF with a single RETURN expression); the original is kept as a comment.",
    }
    SX2802 {
        title: "expression or query nested too deeply",
        severity: Error,
        kind: Unsupported,
        meaning: "An expression or query is nested more than 256 levels deep; the printer stops there.",
        why: "Unbounded recursion on hostile or generated input could exhaust the stack.",
        example: "An expression with 300 nested parentheses.",
        what_to_do: "Simplify the expression (split it with a CTE or a variable).",
    }
    SX3800 {
        title: "row limit in percent or with ties printed as a plain limit",
        severity: Warning,
        kind: Semantic,
        meaning: "A TOP n PERCENT or TOP n WITH TIES limit reached the printer; it was printed as LIMIT n.",
        why: "Spark has no percentage limit and no WITH TIES; the passes normally rewrite these (QUALIFY rank() <= n).",
        example: "SELECT TOP 10 PERCENT * FROM t ORDER BY x",
        what_to_do: "Check the row count: use QUALIFY with rank() or percent_rank() to reproduce the source semantics.",
    }
    SX3801 {
        title: "time of day printed as a string",
        severity: Warning,
        kind: Semantic,
        meaning: "A TIME value or column was given the type STRING: Spark and Databricks have no time-of-day type.",
        why: "Comparisons and arithmetic on the string differ from those on a time value.",
        example: "CREATE TABLE t (start_time TIME)",
        what_to_do: "Keep the value as 'HH:mm:ss' text (it sorts correctly), or store it as a TIMESTAMP_NTZ on a fixed date.",
    }
    SX3802 {
        title: "conversion style approximated",
        severity: Warning,
        kind: Semantic,
        meaning: "A CONVERT style code has no exact Spark pattern, or converts between types where the style does not apply; the printer used a close pattern or a plain CAST.",
        why: "Date formatting and parsing differ: T-SQL pads some fields with spaces, Spark with zeros; unknown styles fall back to CAST.",
        example: "CONVERT(varchar(30), d, 100)",
        what_to_do: "Check the converted text against the source for a few values; adjust the date_format pattern if needed.",
    }
    SX3803 {
        title: "format string approximated",
        severity: Warning,
        kind: Semantic,
        meaning: "T-SQL FORMAT uses .NET format strings; the printer passed the format to date_format or format_number, whose patterns are similar but not identical.",
        why: "Culture-specific formats and some custom specifiers have no Spark equivalent.",
        example: "FORMAT(d, 'dd MMM yyyy')",
        what_to_do: "Check the pattern against Spark's datetime and DecimalFormat patterns.",
    }
    SX3804 {
        title: "return outside a procedure",
        severity: Warning,
        kind: Semantic,
        meaning: "A RETURN in a script was printed as LEAVE of the enclosing compound block (or dropped at the top level); a returned value was dropped.",
        why: "A T-SQL RETURN ends the whole batch; a Databricks notebook runs each cell on its own, so later cells still run.",
        example: "IF @n = 0 RETURN;",
        what_to_do: "Move the statements that must not run into the IF's ELSE branch, or into one compound block.",
    }
    SX3805 {
        title: "object id lookup has no target equivalent",
        severity: Warning,
        kind: Semantic,
        meaning: "OBJECT_ID was used outside the existence-test idioms the converter rewrites; it was printed as NULL.",
        why: "Databricks has no object ids.",
        example: "SELECT OBJECT_ID('dbo.T')",
        what_to_do: "Use DROP … IF EXISTS, CREATE OR REPLACE, or a lookup in information_schema.tables.",
    }
    SX3806 {
        title: "session-scoped table printed as a temporary view",
        severity: Warning,
        kind: Semantic,
        meaning: "SELECT … INTO a session-scoped table (#temp) was printed as CREATE OR REPLACE TEMPORARY VIEW; the view is not materialised and recomputes on every read.",
        why: "Open-source Spark and older runtimes have no temporary tables; a temporary view has the same name scope.",
        example: "SELECT * INTO #stage FROM dbo.T",
        what_to_do: "If the source tables change before the view is read, or it is read often, write it to a real table (or CACHE TABLE the view).",
    }
    SX3807 {
        title: "pattern index with a non-literal pattern",
        severity: Warning,
        kind: Semantic,
        meaning: "PATINDEX with a pattern that is not a literal was printed as regexp_instr on the pattern as given, which is a LIKE pattern, not a regular expression.",
        why: "The LIKE pattern can only be translated to a regular expression when it is known at conversion time.",
        example: "PATINDEX(@p, s)",
        what_to_do: "Translate the pattern to a Java regular expression where it is built.",
    }
    SX3808 {
        title: "computed column printed as a plain column",
        severity: Warning,
        kind: Semantic,
        meaning: "In the portable profile a computed column becomes a plain column of its type; its GENERATED ALWAYS AS form is in the databricks-only output.",
        why: "Generated columns need Delta; open-source Spark tables cannot compute them.",
        example: "CREATE TABLE t (a INT, b INT, s AS a + b)",
        what_to_do: "Compute the value where rows are inserted, or run the databricks-only output on Databricks.",
    }
    SX3809 {
        title: "table definition for a session-scoped name",
        severity: Warning,
        kind: Semantic,
        meaning: "CREATE TABLE for a session-scoped table (#temp, @table) reached the printer and was printed as a permanent table with the bare name.",
        why: "Spark has no temporary tables; the passes normally turn these into temporary views.",
        example: "CREATE TABLE #stage (id INT)",
        what_to_do: "Drop the table at the end of the script, or write the rows with CREATE OR REPLACE TEMPORARY VIEW … AS SELECT.",
    }
    SX4800 {
        title: "index dropped",
        severity: Info,
        kind: Informational,
        meaning: "CREATE INDEX was dropped: Delta tables have no secondary indexes.",
        why: "Delta uses data skipping, liquid clustering and Z-ordering instead of indexes.",
        example: "CREATE INDEX ix_member_plan ON dbo.Member (PlanCode)",
        what_to_do: "Consider ALTER TABLE … CLUSTER BY (the index columns) for columns used in selective filters or joins.",
    }
    SX4801 {
        title: "databricks-only construct moved to a separate output",
        severity: Info,
        kind: Informational,
        meaning: "In the portable profile, a statement or clause that only runs on Databricks (identity columns, informational constraints, generated columns, CALL, procedures) was moved to the databricks-only output.",
        why: "The main output must run on open-source Spark 4.1.",
        example: "CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY)",
        what_to_do: "Run the databricks-only output on Databricks after the main output.",
    }
    SX4802 {
        title: "create table as printed as drop and create",
        severity: Info,
        kind: Informational,
        meaning: "In the portable profile, SELECT … INTO a permanent table was printed as DROP TABLE IF EXISTS followed by CREATE TABLE … AS.",
        why: "Open-source Spark cannot CREATE OR REPLACE a table in the session catalog.",
        example: "SELECT * INTO dbo.Copy FROM dbo.T",
        what_to_do: "Nothing; on Databricks the profile prints CREATE OR REPLACE TABLE.",
    }
    SX4803 {
        title: "temp table materialised",
        severity: Info,
        kind: Informational,
        meaning: "A temp table (#t, ##t), created by SELECT … INTO or CREATE TABLE, was printed as a materialised table: in the portable profile a real table in the scratch schema `sx_session` of the catalog (dropped first if it exists), on Databricks a temporary table (DROP TABLE IF EXISTS, then CREATE TEMPORARY TABLE; temporary tables need a Databricks SQL warehouse or Databricks Runtime 18.1 or later).",
        why: "A T-SQL temp table is a snapshot taken when it is filled and can be updated later; a temporary view would recompute from the sources and cannot be the target of DML.",
        example: "SELECT * INTO #stage FROM dbo.T",
        what_to_do: "On Databricks, use a runtime that supports temporary tables; in the portable profile, drop the scratch schema `sx_session` when the script is done if the tables should not outlive the session.",
    }
}
