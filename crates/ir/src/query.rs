use serde::Serialize;
use sqlxlate_diagnostics::Span;

use crate::{Expr, Ident, TableName};

/// A relational query: the Dataflow unit of the design, written as composable
/// query blocks (scan = [`Relation::Table`], filter = `selection`, project = `items`,
/// join = [`Relation::Join`], aggregate = `group_by`, window = window expressions,
/// union = [`SetExpr::SetOp`], sort = `order_by`, limit = `limit`, values = [`SetExpr::Values`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Query {
    /// Common table expressions.
    pub with: Vec<Cte>,
    /// True if any CTE is recursive.
    pub recursive: bool,
    /// The body.
    pub body: SetExpr,
    /// ORDER BY.
    pub order_by: Vec<OrderBy>,
    /// Row limit.
    pub limit: Option<Limit>,
    /// Where it came from.
    pub span: Span,
}

/// A common table expression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cte {
    /// Name.
    pub name: Ident,
    /// Column aliases.
    pub columns: Vec<Ident>,
    /// Definition.
    pub query: Query,
}

/// Limit semantics.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Limit {
    /// Row count (or percent).
    pub count: Option<Expr>,
    /// Rows to skip first.
    pub offset: Option<Expr>,
    /// `count` is a percentage (TOP n PERCENT).
    pub percent: bool,
    /// Rows tied with the last one on the ORDER BY are kept (TOP … WITH TIES).
    pub with_ties: bool,
}

/// A set expression.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum SetExpr {
    /// A SELECT block.
    Select(Box<Select>),
    /// A set operation.
    SetOp {
        /// UNION / INTERSECT / EXCEPT.
        op: SetOp,
        /// ALL (keep duplicates).
        all: bool,
        /// Left input.
        left: Box<SetExpr>,
        /// Right input.
        right: Box<SetExpr>,
    },
    /// A parenthesised query.
    Query(Box<Query>),
    /// Literal rows.
    Values(Vec<Vec<Expr>>),
}

/// Set operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SetOp {
    /// UNION.
    Union,
    /// INTERSECT.
    Intersect,
    /// EXCEPT.
    Except,
}

/// A SELECT block.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Select {
    /// DISTINCT.
    pub distinct: bool,
    /// Output columns.
    pub items: Vec<SelectItem>,
    /// FROM (several entries are a cross join, as written with commas).
    pub from: Vec<Relation>,
    /// WHERE.
    pub selection: Option<Expr>,
    /// GROUP BY.
    pub group_by: Option<GroupBy>,
    /// HAVING.
    pub having: Option<Expr>,
    /// QUALIFY (produced by passes, for example from TOP … WITH TIES).
    pub qualify: Option<Expr>,
    /// Where it came from.
    pub span: Span,
}

/// One output column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SelectItem {
    /// Expression (may be [`crate::ExprKind::Star`]).
    pub expr: Expr,
    /// Alias (`expr AS a`, or `a = expr` in T-SQL).
    pub alias: Option<Ident>,
}

/// GROUP BY.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "exprs", rename_all = "snake_case")]
pub enum GroupBy {
    /// Plain grouping expressions.
    Exprs(Vec<Expr>),
    /// ROLLUP.
    Rollup(Vec<Expr>),
    /// CUBE.
    Cube(Vec<Expr>),
    /// GROUPING SETS.
    GroupingSets(Vec<Vec<Expr>>),
}

/// ORDER BY item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrderBy {
    /// Sort key.
    pub expr: Expr,
    /// Descending.
    pub desc: bool,
    /// NULLS FIRST (`Some(true)`), NULLS LAST (`Some(false)`), or the source default
    /// (`None`). T-SQL sorts NULL lowest, which Spark also does by default.
    pub nulls_first: Option<bool>,
}

/// Join kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JoinKind {
    /// INNER JOIN.
    Inner,
    /// LEFT OUTER JOIN.
    Left,
    /// RIGHT OUTER JOIN.
    Right,
    /// FULL OUTER JOIN.
    Full,
    /// CROSS JOIN.
    Cross,
    /// CROSS APPLY (lateral inner).
    CrossApply,
    /// OUTER APPLY (lateral left).
    OuterApply,
    /// LEFT SEMI JOIN.
    LeftSemi,
    /// LEFT ANTI JOIN.
    LeftAnti,
}

/// A FROM-clause relation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "node", content = "value", rename_all = "snake_case")]
pub enum Relation {
    /// A named table or view.
    Table {
        /// Name.
        name: TableName,
        /// Alias.
        alias: Option<Ident>,
        /// Where.
        span: Span,
    },
    /// A derived table.
    Derived {
        /// Subquery.
        query: Box<Query>,
        /// Alias.
        alias: Option<Ident>,
        /// Column aliases.
        columns: Vec<Ident>,
        /// Where.
        span: Span,
    },
    /// A table-valued function call (`STRING_SPLIT`, user TVFs, `OPENJSON`…).
    Function {
        /// The call (an [`crate::ExprKind::Func`] or [`crate::ExprKind::Call`]).
        call: Expr,
        /// Alias.
        alias: Option<Ident>,
        /// Column aliases.
        columns: Vec<Ident>,
        /// Where.
        span: Span,
    },
    /// A join.
    Join {
        /// Kind.
        kind: JoinKind,
        /// Left input.
        left: Box<Relation>,
        /// Right input.
        right: Box<Relation>,
        /// ON condition.
        on: Option<Expr>,
        /// Where.
        span: Span,
    },
    /// PIVOT.
    Pivot {
        /// Input.
        input: Box<Relation>,
        /// Aggregate expression.
        agg: Expr,
        /// Pivoted column.
        column: Ident,
        /// Pivot values (each becomes a column).
        values: Vec<Ident>,
        /// Alias.
        alias: Option<Ident>,
        /// Where.
        span: Span,
    },
    /// UNPIVOT.
    Unpivot {
        /// Input.
        input: Box<Relation>,
        /// Value column name.
        value_column: Ident,
        /// Name column name.
        name_column: Ident,
        /// Columns unpivoted.
        columns: Vec<Ident>,
        /// Alias.
        alias: Option<Ident>,
        /// Where.
        span: Span,
    },
    /// Part of a FROM clause that could not be converted (with a diagnostic).
    Unconverted {
        /// Original text.
        text: String,
        /// Diagnostic code.
        code: String,
        /// Where.
        span: Span,
    },
}

impl Relation {
    /// Where it came from.
    pub fn span(&self) -> Span {
        match self {
            Relation::Table { span, .. }
            | Relation::Derived { span, .. }
            | Relation::Function { span, .. }
            | Relation::Join { span, .. }
            | Relation::Pivot { span, .. }
            | Relation::Unpivot { span, .. }
            | Relation::Unconverted { span, .. } => *span,
        }
    }
}
