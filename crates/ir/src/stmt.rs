use serde::Serialize;
use sqlxlate_diagnostics::Span;

use crate::{DataType, Expr, Ident, ObjectName, Query, Relation, TableName};

/// A source comment carried to the output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// Where.
    pub span: Span,
    /// The text without its delimiters (`--` or `/* */`), lines kept.
    pub text: String,
    /// True for a block comment.
    pub block: bool,
}

/// A statement with its span and the comments directly before it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stmt {
    /// What it does.
    pub kind: StmtKind,
    /// Where it came from (without leading comments).
    pub span: Span,
    /// Comments that belong to it (directly before it, or trailing on its last line).
    pub comments: Vec<Comment>,
}

impl Stmt {
    /// A statement without comments.
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt {
            kind,
            span,
            comments: Vec::new(),
        }
    }
}

/// A column definition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnDef {
    /// Name.
    pub name: Ident,
    /// Type (already mapped to the IR's meaning: TINYINT → SmallInt, BIT → Boolean, …).
    pub ty: DataType,
    /// The type as written in the source, for comments and the report.
    pub source_type: String,
    /// NOT NULL.
    pub not_null: bool,
    /// DEFAULT.
    pub default: Option<Expr>,
    /// IDENTITY(seed, increment).
    pub identity: Option<(i64, i64)>,
    /// Computed column expression (`AS expr`).
    pub computed: Option<Expr>,
    /// Where.
    pub span: Span,
}

/// Table constraints (informational on Delta).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Constraint {
    /// PRIMARY KEY.
    PrimaryKey {
        /// Constraint name.
        name: Option<Ident>,
        /// Columns.
        columns: Vec<Ident>,
        /// Where.
        span: Span,
    },
    /// UNIQUE.
    Unique {
        /// Constraint name.
        name: Option<Ident>,
        /// Columns.
        columns: Vec<Ident>,
        /// Where.
        span: Span,
    },
    /// FOREIGN KEY.
    ForeignKey {
        /// Constraint name.
        name: Option<Ident>,
        /// Columns.
        columns: Vec<Ident>,
        /// Referenced table.
        references: TableName,
        /// Referenced columns.
        ref_columns: Vec<Ident>,
        /// Where.
        span: Span,
    },
    /// CHECK.
    Check {
        /// Constraint name.
        name: Option<Ident>,
        /// Condition.
        expr: Expr,
        /// Where.
        span: Span,
    },
}

/// A table definition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableDef {
    /// Name.
    pub name: TableName,
    /// Columns in order.
    pub columns: Vec<ColumnDef>,
    /// Constraints.
    pub constraints: Vec<Constraint>,
}

/// An assignment `col = expr` in UPDATE or MERGE.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assignment {
    /// Target column (qualifier dropped).
    pub column: Ident,
    /// New value.
    pub value: Expr,
}

/// A MERGE action.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum MergeAction {
    /// UPDATE SET.
    Update {
        /// Assignments.
        assignments: Vec<Assignment>,
    },
    /// DELETE.
    Delete,
    /// INSERT.
    Insert {
        /// Columns (empty: all, in order).
        columns: Vec<Ident>,
        /// Values.
        values: Vec<Expr>,
    },
}

/// Which rows a MERGE clause applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeMatch {
    /// WHEN MATCHED.
    Matched,
    /// WHEN NOT MATCHED [BY TARGET].
    NotMatchedByTarget,
    /// WHEN NOT MATCHED BY SOURCE.
    NotMatchedBySource,
}

/// One WHEN clause of a MERGE.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MergeClause {
    /// Which rows.
    pub matched: MergeMatch,
    /// Extra condition (`AND …`).
    pub condition: Option<Expr>,
    /// What to do.
    pub action: MergeAction,
}

/// MERGE INTO.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Merge {
    /// Target.
    pub target: TableName,
    /// Target alias.
    pub target_alias: Option<Ident>,
    /// Source relation.
    pub source: Relation,
    /// Join condition.
    pub on: Expr,
    /// Clauses in order.
    pub clauses: Vec<MergeClause>,
}

/// Source of an INSERT.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "query", rename_all = "snake_case")]
pub enum InsertSource {
    /// A query or VALUES.
    Query(Box<Query>),
    /// DEFAULT VALUES.
    DefaultValues,
}

/// A declared variable.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VarDecl {
    /// Name without sigil.
    pub name: String,
    /// Type.
    pub ty: DataType,
    /// Initial value.
    pub init: Option<Expr>,
    /// Where.
    pub span: Span,
}

/// Kinds of droppable objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    /// TABLE.
    Table,
    /// VIEW.
    View,
    /// PROCEDURE.
    Procedure,
    /// FUNCTION.
    Function,
    /// SCHEMA.
    Schema,
    /// INDEX.
    Index,
}

/// ALTER TABLE actions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum AlterAction {
    /// ADD column(s).
    AddColumns(Vec<ColumnDef>),
    /// DROP COLUMN.
    DropColumns(Vec<Ident>),
    /// ALTER COLUMN new type / nullability.
    AlterColumn(ColumnDef),
    /// ADD CONSTRAINT.
    AddConstraint(Constraint),
    /// DROP CONSTRAINT.
    DropConstraint(Ident),
}

/// A statement or step that was not converted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unconverted {
    /// Diagnostic code giving the reason.
    pub code: String,
    /// The original text.
    pub text: String,
    /// Where.
    pub span: Span,
}

/// Statement kinds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum StmtKind {
    /// A query returning rows.
    Query(Box<Query>),
    /// Create a table from a query (`SELECT … INTO t`).
    CreateTableAs {
        /// New table.
        name: TableName,
        /// Contents.
        query: Box<Query>,
    },
    /// CREATE TABLE.
    CreateTable(TableDef),
    /// ALTER TABLE.
    AlterTable {
        /// Table.
        name: TableName,
        /// Actions.
        actions: Vec<AlterAction>,
    },
    /// DROP.
    Drop {
        /// What kind.
        object: ObjectKind,
        /// Objects.
        names: Vec<TableName>,
        /// IF EXISTS (also from the `IF OBJECT_ID(…) IS NOT NULL DROP …` idiom).
        if_exists: bool,
    },
    /// CREATE [OR ALTER] VIEW.
    CreateView {
        /// Name.
        name: TableName,
        /// Column aliases.
        columns: Vec<Ident>,
        /// Definition.
        query: Box<Query>,
        /// Replace an existing view.
        or_replace: bool,
    },
    /// CREATE INDEX (not meaningful on Delta).
    CreateIndex {
        /// Index name.
        name: Ident,
        /// Table.
        table: TableName,
        /// Key columns.
        columns: Vec<Ident>,
        /// UNIQUE.
        unique: bool,
    },
    /// INSERT INTO.
    Insert {
        /// Target.
        target: TableName,
        /// Column list (empty: all).
        columns: Vec<Ident>,
        /// Rows.
        source: InsertSource,
        /// Replace the table's contents (INSERT OVERWRITE; produced by passes).
        overwrite: bool,
    },
    /// UPDATE (with optional FROM / joins).
    Update {
        /// Target table.
        target: TableName,
        /// Alias the FROM clause uses for the target, if any.
        alias: Option<Ident>,
        /// SET.
        assignments: Vec<Assignment>,
        /// FROM (may contain the target itself under `alias`).
        from: Vec<Relation>,
        /// WHERE.
        selection: Option<Expr>,
    },
    /// DELETE (with optional FROM / joins).
    Delete {
        /// Target table.
        target: TableName,
        /// Alias.
        alias: Option<Ident>,
        /// FROM (second FROM in T-SQL).
        from: Vec<Relation>,
        /// WHERE.
        selection: Option<Expr>,
    },
    /// MERGE.
    Merge(Box<Merge>),
    /// TRUNCATE TABLE.
    Truncate {
        /// Table.
        name: TableName,
    },
    /// DECLARE variables.
    Declare(Vec<VarDecl>),
    /// SET a variable.
    SetVar {
        /// Name without sigil.
        name: String,
        /// Value.
        value: Expr,
    },
    /// Assign variables from a single-row query (`SELECT @a = x, @b = y FROM …`).
    SetVarsFromQuery {
        /// Variable names, in the order of the query's items.
        names: Vec<String>,
        /// The query.
        query: Box<Query>,
    },
    /// IF / ELSE.
    If {
        /// Condition.
        cond: Expr,
        /// Then branch.
        then_branch: Vec<Stmt>,
        /// Else branch.
        else_branch: Vec<Stmt>,
    },
    /// WHILE.
    While {
        /// Label for LEAVE/ITERATE.
        label: Option<String>,
        /// Condition.
        cond: Expr,
        /// Body.
        body: Vec<Stmt>,
    },
    /// BEGIN … END.
    Block(Vec<Stmt>),
    /// BREAK (leave the innermost loop).
    Break,
    /// CONTINUE (next iteration of the innermost loop).
    Continue,
    /// RETURN.
    Return(Option<Expr>),
    /// CALL a procedure.
    Call {
        /// Procedure.
        name: ObjectName,
        /// Positional and named arguments.
        args: Vec<(Option<String>, Expr)>,
    },
    /// Intentionally dropped, with the informational diagnostic code that says why.
    Dropped {
        /// Diagnostic code.
        code: String,
        /// Original text.
        text: String,
    },
    /// Not converted.
    Unconverted(Unconverted),
}
