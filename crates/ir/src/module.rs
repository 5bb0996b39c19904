use serde::Serialize;
use sqlxlate_diagnostics::Span;

use crate::{Comment, DataType, Expr, Ident, ObjectName, Stmt};

/// Source languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceLanguage {
    /// Microsoft SQL Server T-SQL.
    Tsql,
    /// SAS.
    Sas,
    /// Informatica PowerCenter XML.
    Informatica,
}

impl SourceLanguage {
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            SourceLanguage::Tsql => "tsql",
            SourceLanguage::Sas => "sas",
            SourceLanguage::Informatica => "informatica",
        }
    }
}

/// One input file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Module {
    /// Language.
    pub language: SourceLanguage,
    /// Units in source order.
    pub units: Vec<Unit>,
    /// Regions that are neither units nor their comments: batch separators, stray
    /// semicolons, comments that belong to no statement.
    pub trivia: Vec<Trivia>,
    /// Default string comparison semantics of the source.
    pub collation: crate::Collation,
}

/// A non-statement region of the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Trivia {
    /// A comment that belongs to no unit (kept in the output at its position).
    Comment(Comment),
    /// A batch separator (`GO`, `GO n`).
    BatchSeparator {
        /// Where.
        span: Span,
        /// Repeat count of `GO n`.
        count: u32,
    },
    /// Punctuation such as a stray `;`.
    Punctuation {
        /// Where.
        span: Span,
    },
}

impl Trivia {
    /// Where.
    pub fn span(&self) -> Span {
        match self {
            Trivia::Comment(c) => c.span,
            Trivia::BatchSeparator { span, .. } | Trivia::Punctuation { span } => *span,
        }
    }
}

/// A top-level unit of a module.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unit {
    /// What it is.
    pub kind: UnitKind,
    /// Batch number (T-SQL `GO` batches; 0 elsewhere).
    pub batch: u32,
}

impl Unit {
    /// Where it came from.
    pub fn span(&self) -> Span {
        match &self.kind {
            UnitKind::Statement(s) => s.span,
            UnitKind::Procedure(p) => p.span,
            UnitKind::Function(f) => f.span,
            UnitKind::Rule(r) => r.span,
        }
    }
}

/// Unit kinds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum UnitKind {
    /// A script-level statement (query, write, DDL, control flow, dropped or unconverted).
    Statement(Stmt),
    /// A stored procedure.
    Procedure(Procedure),
    /// A user-defined function.
    Function(FunctionDef),
    /// A named business rule.
    Rule(Rule),
}

/// Parameter direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamMode {
    /// IN.
    In,
    /// OUT.
    Out,
    /// INOUT (T-SQL OUTPUT).
    InOut,
}

/// A routine parameter.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Param {
    /// Name without sigil.
    pub name: String,
    /// Type.
    pub ty: DataType,
    /// Default value.
    pub default: Option<Expr>,
    /// Direction.
    pub mode: ParamMode,
    /// Where.
    pub span: Span,
}

/// A stored procedure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Procedure {
    /// Name.
    pub name: ObjectName,
    /// Parameters.
    pub params: Vec<Param>,
    /// Body.
    pub body: Vec<Stmt>,
    /// Where.
    pub span: Span,
    /// Comments before it.
    pub comments: Vec<Comment>,
}

/// What a function returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum FunctionBody {
    /// A scalar expression.
    Scalar(Expr),
    /// An inline table-valued query.
    Table(Box<crate::Query>),
    /// A procedural body.
    Statements(Vec<Stmt>),
}

/// A user-defined function.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FunctionDef {
    /// Name. The naming pass replaces a schema-qualified name with its target name
    /// (`catalog.schema.name`, lower-cased), as for calls.
    pub name: ObjectName,
    /// Parameters.
    pub params: Vec<Param>,
    /// Return type.
    pub returns: DataType,
    /// Body.
    pub body: FunctionBody,
    /// Where.
    pub span: Span,
    /// Comments before it.
    pub comments: Vec<Comment>,
}

/// A named, pure business rule lifted from the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    /// Target name of the rule.
    pub name: Ident,
    /// The name the source gave the computed value (column alias, variable, port).
    pub original_name: String,
    /// Typed parameters.
    pub params: Vec<(String, DataType)>,
    /// Body.
    pub body: Expr,
    /// Result type.
    pub returns: DataType,
    /// Where.
    pub span: Span,
    /// Comments that documented it.
    pub comments: Vec<Comment>,
}

/// The target profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// May use Databricks-only features.
    #[default]
    Databricks,
    /// The main output must run on open-source Spark 4.1; Databricks-only statements go
    /// to a separate output of kind `databricks-only`.
    Portable,
}
