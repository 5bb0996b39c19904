//! Lowering helpers called by the grammar's actions (`grammars/tsql.lalrpop`): each
//! takes what a production recognised and builds the IR node, typed as SQL Server
//! types it. Errors are [`GErr`] values wrapped for lalrpop ([`R`]).

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{
    BinaryOp, Collation, Cte, DataType, Expr, ExprKind, GroupBy, Ident, JoinKind, LikeKind, Limit,
    Literal, ObjectName, OrderBy, Query, Relation, Select, SelectItem, SetExpr, SetOp, Stmt,
    StmtKind, TableKind, TableName, UnaryOp, WhenThen, WindowSpec,
};

use super::expr::{cast as cast_expr, literal_of, translate_like};
use super::functions::{call_takes_unit, date_unit, lower_call, CallParts};
use super::gram::{Cx, GErr, ParseError};
use super::lexer::T;
use super::query::{compound, cte_refers_to_itself, var_expr};
use super::types::map_type;

pub use super::expr::bin;

/// The result type of fallible actions.
pub type R<X> = Result<X, ParseError>;

fn user(error: GErr) -> ParseError {
    ParseError::User { error }
}

fn syntax(span: Span, message: impl Into<String>) -> ParseError {
    user(GErr {
        span,
        code: codes::SX1001.code,
        message: message.into(),
        hint: None,
    })
}

/// What the grammar's entry point returns.
pub enum Parsed {
    /// A statement.
    Stmt(Box<Stmt>),
    /// A condition (input started with `CondStart`).
    Cond(Expr),
}

// ---------- expressions ----------

/// Chains up to this length are built left-deep, as written.
const LEFT_DEEP_CHAIN: usize = 32;

/// `a op b op c …` for an associative `op` (AND, OR). Short chains are left-deep as
/// written; longer ones are balanced, so that the tree's depth grows with the
/// logarithm of the chain's length and the passes' depth limit is not reached by a
/// flat list of conditions.
pub fn chain(op: BinaryOp, mut terms: Vec<Expr>) -> Expr {
    fn balanced(op: BinaryOp, terms: &mut [Option<Expr>]) -> Expr {
        match terms.len() {
            1 => terms[0].take().unwrap_or_else(|| null(0, 0)),
            n => {
                let (a, b) = terms.split_at_mut(n / 2);
                bin(op, balanced(op, a), balanced(op, b))
            }
        }
    }
    if terms.len() > LEFT_DEEP_CHAIN {
        let mut v: Vec<Option<Expr>> = terms.into_iter().map(Some).collect();
        return balanced(op, &mut v);
    }
    let rest = terms.split_off(1.min(terms.len()));
    let first = terms.pop().unwrap_or_else(|| null(0, 0));
    rest.into_iter().fold(first, |a, b| bin(op, a, b))
}

/// `NOT e` (`NOT EXISTS` folds into the EXISTS node).
pub fn not(l: usize, e: Expr) -> Expr {
    let span = Span::new(l, l).cover(e.span);
    if let ExprKind::Exists { query, negated } = e.kind {
        return Expr::typed(
            ExprKind::Exists {
                query,
                negated: !negated,
            },
            span,
            DataType::Boolean,
        );
    }
    Expr::typed(
        ExprKind::Unary {
            op: UnaryOp::Not,
            expr: Box::new(e),
        },
        span,
        DataType::Boolean,
    )
}

/// A comparison.
pub fn cmp(op: BinaryOp, a: Expr, b: Expr) -> Expr {
    Expr {
        ty: DataType::Boolean,
        ..bin(op, a, b)
    }
}

/// `x = ALL (…)` / `ANY`: not supported.
pub fn all_any(l: usize, r: usize) -> R<Expr> {
    Err(user(GErr::unsupported(
        Span::new(l, r),
        "comparison with ALL / ANY / SOME is not supported yet",
        "rewrite with EXISTS or MIN/MAX",
    )))
}

/// `x IS [NOT] NULL`.
pub fn is_null(a: Expr, negated: bool, r: usize) -> Expr {
    let span = Span::new(a.span.start as usize, r);
    Expr::typed(
        ExprKind::IsNull {
            expr: Box::new(a),
            negated,
        },
        span,
        DataType::Boolean,
    )
}

/// `x [NOT] IN (SELECT …)`.
pub fn in_query(a: Expr, q: Query, negated: bool, r: usize) -> Expr {
    let span = Span::new(a.span.start as usize, r);
    Expr::typed(
        ExprKind::InSubquery {
            expr: Box::new(a),
            query: Box::new(q),
            negated,
        },
        span,
        DataType::Boolean,
    )
}

/// `x [NOT] IN (a, b, …)`.
pub fn in_list(a: Expr, list: Vec<Expr>, negated: bool, r: usize) -> Expr {
    let span = Span::new(a.span.start as usize, r);
    Expr::typed(
        ExprKind::InList {
            expr: Box::new(a),
            list,
            negated,
        },
        span,
        DataType::Boolean,
    )
}

/// `x [NOT] BETWEEN lo AND hi`.
pub fn between(a: Expr, low: Expr, high: Expr, negated: bool) -> Expr {
    let span = a.span.cover(high.span);
    Expr::typed(
        ExprKind::Between {
            expr: Box::new(a),
            low: Box::new(low),
            high: Box::new(high),
            negated,
        },
        span,
        DataType::Boolean,
    )
}

/// `x [NOT] LIKE p [ESCAPE e]`; bracket classes turn the pattern into a regex.
pub fn like(a: Expr, pattern: Expr, escape: Option<Expr>, negated: bool) -> Expr {
    let end = escape.as_ref().map(|e| e.span).unwrap_or(pattern.span);
    let span = a.span.cover(end);
    let esc_char = escape.as_ref().and_then(|e| match &e.kind {
        ExprKind::Literal {
            value: Literal::String { value, .. },
        } => value.chars().next(),
        _ => None,
    });
    let (pattern, kind) = translate_like(pattern, esc_char);
    let escape = if kind == LikeKind::Regex {
        None
    } else {
        escape.map(Box::new)
    };
    Expr::typed(
        ExprKind::Like {
            expr: Box::new(a),
            pattern: Box::new(pattern),
            escape,
            kind,
            negated,
        },
        span,
        DataType::Boolean,
    )
}

/// A prefix operator; `-5` folds into a literal so that it keeps its literal type.
pub fn unary(op: UnaryOp, l: usize, e: Expr) -> Expr {
    let span = Span::new(l, l).cover(e.span);
    if op == UnaryOp::Neg {
        if let ExprKind::Literal { value } = &e.kind {
            let folded = match value {
                Literal::Integer(v) => Some(Literal::Integer(format!("-{v}"))),
                Literal::Decimal(v) => Some(Literal::Decimal(format!("-{v}"))),
                Literal::Float(v) => Some(Literal::Float(format!("-{v}"))),
                _ => None,
            };
            if let Some(l) = folded {
                let ty = e.ty.clone();
                return Expr::typed(ExprKind::Literal { value: l }, span, ty);
            }
        }
    }
    let ty = e.ty.clone();
    Expr::typed(
        ExprKind::Unary {
            op,
            expr: Box::new(e),
        },
        span,
        ty,
    )
}

/// `e COLLATE name`: the collation's meaning (binary, case-sensitive or the default).
pub fn collate(e: Expr, name: Ident) -> Expr {
    let upper = name.value.to_ascii_uppercase();
    let collation = if upper.contains("_BIN") {
        Collation::Binary
    } else if upper.contains("_CS") {
        Collation::BinaryRtrim
    } else {
        Collation::CaseInsensitiveRtrim
    };
    let span = e.span.cover(name.span);
    let ty = e.ty.clone();
    Expr::typed(
        ExprKind::Collate {
            expr: Box::new(e),
            collation,
            source_name: name.value,
        },
        span,
        ty,
    )
}

/// A literal token.
pub fn literal(cx: &Cx, t: T, l: usize, r: usize) -> Expr {
    literal_of(t, cx.text(l, r), Span::new(l, r))
}

/// `@name`.
pub fn variable(cx: &Cx, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::Variable {
            name: cx.text(l, r).get(1..).unwrap_or("").to_string(),
        },
        Span::new(l, r),
    )
}

/// `@@name`: no Databricks equivalent.
pub fn global_var(cx: &mut Cx, l: usize, r: usize) -> Expr {
    let span = Span::new(l, r);
    let text = cx.text(l, r).to_string();
    cx.push(
        Diagnostic::new(
            codes::SX2007.code,
            span,
            format!("`{text}` has no Databricks equivalent"),
        )
        .with_hint("restructure the logic (for example re-select the affected rows)"),
    );
    Expr::new(
        ExprKind::Unconverted {
            text,
            code: codes::SX2007.code.to_string(),
        },
        span,
    )
}

/// `NULL`.
pub fn null(l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::Literal {
            value: Literal::Null,
        },
        Span::new(l, r),
    )
}

/// `( e )`.
pub fn nested(e: Expr, l: usize, r: usize) -> Expr {
    let ty = e.ty.clone();
    Expr::typed(ExprKind::Nested { expr: Box::new(e) }, Span::new(l, r), ty)
}

/// `( SELECT … )`.
pub fn subquery(q: Query, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Subquery { query: Box::new(q) }, Span::new(l, r))
}

/// `EXISTS ( SELECT … )`.
pub fn exists(q: Query, l: usize, r: usize) -> Expr {
    Expr::typed(
        ExprKind::Exists {
            query: Box::new(q),
            negated: false,
        },
        Span::new(l, r),
        DataType::Boolean,
    )
}

/// `CASE [operand] WHEN … THEN … [ELSE …] END`.
pub fn case(
    operand: Option<Expr>,
    whens: Vec<(Expr, Expr)>,
    else_: Option<Expr>,
    l: usize,
    r: usize,
) -> Expr {
    Expr::new(
        ExprKind::Case {
            operand: operand.map(Box::new),
            whens: whens
                .into_iter()
                .map(|(when, then)| WhenThen { when, then })
                .collect(),
            else_: else_.map(Box::new),
        },
        Span::new(l, r),
    )
}

/// `CAST(e AS t)` / `TRY_CAST`.
pub fn cast(_cx: &Cx, e: Expr, t: (DataType, String), try_: bool, l: usize, r: usize) -> Expr {
    cast_expr(e, t.0, try_, Span::new(l, r))
}

/// `CONVERT(t, e [, style])` / `TRY_CONVERT`: a literal style selects a format.
pub fn convert(
    _cx: &Cx,
    t: (DataType, String),
    e: Expr,
    style: Option<Expr>,
    try_: bool,
    l: usize,
    r: usize,
) -> R<Expr> {
    let span = Span::new(l, r);
    let to = t.0;
    let Some(s) = style else {
        return Ok(cast_expr(e, to, try_, span));
    };
    let code = match &s.kind {
        ExprKind::Literal {
            value: Literal::Integer(v),
        } => v.parse::<i32>().ok(),
        _ => None,
    };
    match code {
        Some(style) => Ok(Expr::typed(
            ExprKind::Func {
                func: sqlxlate_ir::Func::ConvertStyle { style, try_ },
                args: vec![s, e],
            },
            span,
            to,
        )),
        None => Err(user(GErr::unsupported(
            s.span,
            "CONVERT with a non-literal style is not supported",
            "use a literal style number",
        ))),
    }
}

/// `CURRENT_TIMESTAMP`.
pub fn current_timestamp(l: usize, r: usize) -> Expr {
    Expr::typed(
        ExprKind::Func {
            func: sqlxlate_ir::Func::CurrentTimestamp,
            args: vec![],
        },
        Span::new(l, r),
        DataType::TimestampNtz,
    )
}

/// A column reference (or a niladic function written without parentheses).
pub fn column(cx: &mut Cx, mut parts: Vec<Ident>, l: usize, r: usize) -> Expr {
    let span = Span::new(l, r);
    if parts.len() == 1 && !parts[0].quoted {
        let upper = parts[0].value.to_ascii_uppercase();
        if upper == "CURRENT_DATE" {
            return Expr::typed(
                ExprKind::Func {
                    func: sqlxlate_ir::Func::CurrentDate,
                    args: vec![],
                },
                span,
                DataType::Date,
            );
        }
        if matches!(
            upper.as_str(),
            "CURRENT_USER" | "SESSION_USER" | "SYSTEM_USER"
        ) {
            cx.push(
                Diagnostic::new(
                    codes::SX3001.code,
                    span,
                    format!("unknown function `{}` passed through", parts[0].value),
                )
                .with_hint("check that it exists on Databricks (current_user())"),
            );
            return Expr::new(
                ExprKind::Call {
                    name: ObjectName { parts },
                    args: vec![],
                },
                span,
            );
        }
    }
    let name = parts
        .pop()
        .unwrap_or_else(|| Ident::new("", Span::default()));
    Expr::new(
        ExprKind::Column {
            qualifier: parts,
            name,
        },
        span,
    )
}

/// `t.*`.
pub fn star(qualifier: Vec<Ident>, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Star { qualifier }, Span::new(l, r))
}

/// A bare `*` select item.
pub fn bare_star(l: usize, r: usize) -> Expr {
    star(Vec::new(), l, r)
}

/// The argument list of a call.
#[derive(Default)]
pub struct Args {
    /// Arguments (`*` is one `Star` argument).
    pub args: Vec<Expr>,
    /// `DISTINCT` before the arguments.
    pub distinct: bool,
}

impl Args {
    /// `(*)`.
    pub fn star(l: usize, r: usize) -> Args {
        Args {
            args: vec![bare_star(l, r)],
            distinct: false,
        }
    }
    /// `([DISTINCT] a, b, …)`.
    pub fn list(args: Vec<Expr>, distinct: bool) -> Args {
        Args { args, distinct }
    }
}

/// A function call.
pub fn call(
    cx: &mut Cx,
    parts: Vec<Ident>,
    a: Args,
    within_group: Option<Vec<OrderBy>>,
    over: Option<WindowSpec>,
    l: usize,
    r: usize,
) -> R<Expr> {
    let span = Span::new(l, r);
    let mut args = a.args;
    let mut unit = None;
    if call_takes_unit(&parts) {
        let first = if args.is_empty() {
            None
        } else {
            Some(args.remove(0))
        };
        let word = match first.as_ref().map(|e| &e.kind) {
            Some(ExprKind::Column { qualifier, name }) if qualifier.is_empty() => {
                name.value.clone()
            }
            Some(ExprKind::Literal {
                value: Literal::String { value, .. },
            }) => value.clone(),
            _ => {
                let at = first.as_ref().map(|e| e.span).unwrap_or(span);
                return Err(syntax(at, "expected a date unit"));
            }
        };
        match date_unit(&word) {
            Some(u) => unit = Some(u),
            None => {
                let at = first.as_ref().map(|e| e.span).unwrap_or(span);
                return Err(user(GErr::unsupported(
                    at,
                    format!("date unit `{word}` is not supported"),
                    "use one of year, quarter, month, dayofyear, day, week, weekday, hour, minute, second, millisecond, microsecond, nanosecond, iso_week",
                )));
            }
        }
    }
    lower_call(
        cx.src,
        &mut cx.diags,
        CallParts {
            parts,
            unit,
            args,
            distinct: a.distinct,
            within_group,
            over,
            span,
        },
    )
    .map_err(user)
}

/// `PARSE(e AS t [USING culture])` / `TRY_PARSE`: a cast; the culture is ignored.
pub fn parse_call(
    _cx: &mut Cx,
    parts: Vec<Ident>,
    e: Expr,
    t: (DataType, String),
    l: usize,
    r: usize,
) -> R<Expr> {
    let span = Span::new(l, r);
    let name = parts
        .last()
        .map(|p| p.value.to_ascii_uppercase())
        .unwrap_or_default();
    let try_ = match (parts.len(), name.as_str()) {
        (1, "PARSE") => false,
        (1, "TRY_PARSE") => true,
        _ => {
            return Err(syntax(
                span,
                "`AS` inside a call is only allowed in CAST, TRY_CAST, PARSE and TRY_PARSE",
            ))
        }
    };
    Ok(cast_expr(e, t.0, try_, span))
}

/// A number token as an unsigned count (saturating).
pub fn count(cx: &Cx, l: usize, r: usize) -> u64 {
    cx.text(l, r).parse().unwrap_or(u64::MAX)
}

// ---------- data types ----------

/// A type as written.
pub struct TypeSpec {
    /// The (possibly schema-qualified) name.
    pub name: Vec<Ident>,
    /// A second word (`DOUBLE PRECISION`, `CHAR VARYING`).
    pub second: Option<Span>,
    /// `(n)`, `(p, s)`, `(MAX)`.
    pub args: Option<Vec<TypeArg>>,
    /// Where.
    pub span: Span,
}

/// One type argument.
pub enum TypeArg {
    /// A length, precision or scale.
    Num(u64),
    /// A word (only `MAX` is valid).
    Word(Ident),
}

/// Maps a written type to the IR type; unknown types are kept as `Unknown` with a
/// warning. `in_cast` selects SQL Server's default string length (30 in CAST, else 1).
pub fn data_type(cx: &mut Cx, t: TypeSpec, in_cast: bool) -> R<(DataType, String)> {
    let mut upper = t
        .name
        .last()
        .map(|p| p.value.to_ascii_uppercase())
        .unwrap_or_default();
    if let Some(s) = t.second {
        let w = cx
            .text(s.start as usize, s.end as usize)
            .to_ascii_uppercase();
        upper = match (upper.as_str(), w.as_str()) {
            ("DOUBLE", "PRECISION") => "DOUBLE PRECISION".into(),
            ("CHAR" | "CHARACTER", "VARYING") => "CHARACTER VARYING".into(),
            _ => {
                return Err(syntax(
                    s,
                    format!("expected `(` or the end of the type, found `{w}`"),
                ))
            }
        };
    }
    let mut args = Vec::new();
    let mut max = false;
    for a in t.args.unwrap_or_default() {
        match a {
            TypeArg::Num(n) => args.push(u32::try_from(n).unwrap_or(u32::MAX)),
            TypeArg::Word(w) if w.value.eq_ignore_ascii_case("MAX") => max = true,
            TypeArg::Word(w) => {
                return Err(syntax(
                    w.span,
                    format!("expected a length or MAX, found `{}`", w.value),
                ))
            }
        }
    }
    let source = cx
        .text(t.span.start as usize, t.span.end as usize)
        .to_string();
    let schema_ok =
        t.name.len() == 1 || (t.name.len() == 2 && t.name[0].value.eq_ignore_ascii_case("sys"));
    let ty = if schema_ok {
        map_type(&upper, &args, max, in_cast)
    } else {
        None
    };
    let ty = match ty {
        Some(ty) => ty,
        None => {
            cx.push(
                Diagnostic::new(
                    codes::SX3002.code,
                    t.span,
                    format!("unknown data type `{source}` kept as an unknown type"),
                )
                .with_hint("replace the alias type by its base type"),
            );
            DataType::Unknown
        }
    };
    Ok((ty, source))
}

// ---------- queries ----------

/// What a SELECT block carried besides the IR `Select`.
#[derive(Default)]
pub struct Extras {
    /// `SELECT … INTO t`.
    pub into: Option<TableName>,
    /// `@var = expr` items: variable names in item order.
    pub assigns: Vec<String>,
}

/// A set expression with the TOP of a lone SELECT (which belongs on the query) and
/// the extras of its first SELECT block.
pub struct Sets {
    /// The body.
    pub body: SetExpr,
    /// TOP of a lone SELECT.
    pub top: Option<Limit>,
    /// INTO and assignments of the first block.
    pub extras: Extras,
}

/// One select-list item.
pub enum Item {
    /// `@v = e`.
    Assign(String, Expr),
    /// An output column.
    Column(SelectItem),
}

/// `@v op= e`.
pub fn compound_item(cx: &Cx, l: usize, r: usize, ol: usize, or: usize, e: Expr) -> Item {
    let name = cx.text(l + 1, r).to_string();
    let target = var_expr(&name, Span::new(l, r));
    Item::Assign(name, compound(cx.text(ol, or), target, e))
}

/// The parts of a SELECT block.
pub struct Block {
    pub distinct: bool,
    pub top: Option<Limit>,
    pub items: Vec<Item>,
    pub into: Option<TableName>,
    pub from: Vec<Relation>,
    pub selection: Option<Expr>,
    pub group_by: Option<GroupBy>,
    pub having: Option<Expr>,
    pub span: Span,
}

/// A SELECT block.
pub fn select_block(b: Block) -> Sets {
    let mut extras = Extras {
        into: b.into,
        assigns: Vec::new(),
    };
    let items = b
        .items
        .into_iter()
        .map(|i| match i {
            Item::Assign(name, expr) => {
                extras.assigns.push(name);
                SelectItem { expr, alias: None }
            }
            Item::Column(c) => c,
        })
        .collect();
    Sets {
        body: SetExpr::Select(Box::new(Select {
            distinct: b.distinct,
            items,
            from: b.from,
            selection: b.selection,
            group_by: b.group_by,
            having: b.having,
            qualify: None,
            span: b.span,
        })),
        top: b.top,
        extras,
    }
}

fn wrap_top(body: SetExpr, top: Option<Limit>) -> SetExpr {
    match top {
        None => body,
        Some(limit) => {
            let span = match &body {
                SetExpr::Select(s) => s.span,
                _ => Span::default(),
            };
            SetExpr::Query(Box::new(Query {
                with: vec![],
                recursive: false,
                body,
                order_by: vec![],
                limit: Some(limit),
                span,
            }))
        }
    }
}

/// `a UNION [ALL] b`, `EXCEPT`, `INTERSECT`.
pub fn set_op((op, all): (SetOp, bool), a: Sets, b: Sets) -> Sets {
    Sets {
        body: SetExpr::SetOp {
            op,
            all,
            left: Box::new(wrap_top(a.body, a.top)),
            right: Box::new(wrap_top(b.body, b.top)),
        },
        top: None,
        extras: a.extras,
    }
}

/// `( query )` as a set-operation term.
pub fn paren_term(q: Query) -> Sets {
    Sets {
        body: SetExpr::Query(Box::new(q)),
        top: None,
        extras: Extras::default(),
    }
}

/// `VALUES (…), (…)`.
pub fn values(rows: Vec<Vec<Expr>>) -> Sets {
    Sets {
        body: SetExpr::Values(rows),
        top: None,
        extras: Extras::default(),
    }
}

/// A full query. `m` is where the set expression ends.
#[allow(clippy::too_many_arguments)]
pub fn query(
    cx: &mut Cx,
    with: Vec<Cte>,
    body: Sets,
    order_by: Vec<OrderBy>,
    offset: Option<Limit>,
    hint: Option<Span>,
    l: usize,
    m: usize,
    r: usize,
) -> (Query, Extras) {
    let recursive = with
        .iter()
        .any(|c| cte_refers_to_itself(&c.name.value, &c.query));
    if let Some(t) = &body.top {
        if order_by.is_empty() && !t.percent {
            cx.push(
                Diagnostic::new(
                    codes::SX3003.code,
                    Span::new(l, m),
                    "TOP without ORDER BY picks arbitrary rows",
                )
                .with_hint("add an ORDER BY that makes the choice deterministic"),
            );
        }
    }
    if let Some(h) = hint {
        cx.push(Diagnostic::new(codes::SX4004.code, h, "query hint dropped"));
    }
    let limit = offset.or(body.top);
    (
        Query {
            with,
            recursive,
            body: body.body,
            order_by,
            limit,
            span: Span::new(l, r),
        },
        body.extras,
    )
}

/// A join.
pub fn join(kind: JoinKind, left: Relation, right: Relation, on: Option<Expr>) -> Relation {
    let span = left.span().cover(right.span());
    let span = match &on {
        Some(e) => span.cover(e.span),
        None => span,
    };
    Relation::Join {
        kind,
        left: Box::new(left),
        right: Box::new(right),
        on,
        span,
    }
}

/// `HASH` / `LOOP` / `MERGE` between the join type and JOIN: dropped.
pub fn join_hint(cx: &mut Cx, l: usize, r: usize) -> R<()> {
    let w = cx.text(l, r);
    let span = Span::new(l, r);
    if !(w.eq_ignore_ascii_case("HASH")
        || w.eq_ignore_ascii_case("LOOP")
        || w.eq_ignore_ascii_case("MERGE"))
    {
        return Err(syntax(span, format!("expected `JOIN`, found `{w}`")));
    }
    cx.push(Diagnostic::new(
        codes::SX4004.code,
        span,
        "join hint dropped",
    ));
    Ok(())
}

/// A table reference with its alias and hints.
pub fn table(
    cx: &mut Cx,
    name: TableName,
    alias: Option<Ident>,
    hint: Option<Span>,
    l: usize,
    r: usize,
) -> Relation {
    if let Some(h) = hint {
        cx.push(Diagnostic::new(codes::SX4004.code, h, "table hint dropped"));
    }
    Relation::Table {
        name,
        alias,
        span: Span::new(l, r),
    }
}

/// A table-valued function in FROM.
#[allow(clippy::too_many_arguments)]
pub fn tvf(
    cx: &mut Cx,
    parts: Vec<Ident>,
    args: Args,
    alias: Option<Ident>,
    columns: Option<Vec<Ident>>,
    l: usize,
    m: usize,
    r: usize,
) -> R<Relation> {
    let call = call(cx, parts, args, None, None, l, m)?;
    if !matches!(call.kind, ExprKind::Func { .. } | ExprKind::Call { .. }) {
        return Err(user(GErr::unsupported(
            call.span,
            "this function cannot be used as a table",
            "use a table-valued function",
        )));
    }
    let columns = if alias.is_some() {
        columns.unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(Relation::Function {
        call,
        alias,
        columns,
        span: Span::new(l, r),
    })
}

/// A derived table `( query ) [AS] alias [(columns)]`.
pub fn derived(
    q: Query,
    alias: Option<Ident>,
    columns: Option<Vec<Ident>>,
    l: usize,
    r: usize,
) -> Relation {
    Relation::Derived {
        query: Box::new(q),
        alias,
        columns: columns.unwrap_or_default(),
        span: Span::new(l, r),
    }
}

/// `#t` / `##t`. The sigil stays in the name as written; `kind` says what it means.
pub fn temp_table(cx: &Cx, l: usize, r: usize) -> TableName {
    let raw = cx.text(l, r);
    let kind = if raw.starts_with("##") {
        TableKind::GlobalTemp
    } else {
        TableKind::Temp
    };
    TableName {
        source: ObjectName {
            parts: vec![Ident::new(raw, Span::new(l, r))],
        },
        kind,
        target: None,
    }
}

/// `@t` (a table variable).
pub fn var_table(cx: &Cx, l: usize, r: usize) -> TableName {
    TableName {
        source: ObjectName {
            parts: vec![Ident::new(cx.text(l, r), Span::new(l, r))],
        },
        kind: TableKind::Variable,
        target: None,
    }
}

/// A permanent table's dotted name.
pub fn perm_table(parts: Vec<Ident>) -> TableName {
    TableName {
        source: ObjectName { parts },
        kind: TableKind::Permanent,
        target: None,
    }
}

/// One element of GROUPING SETS written without parentheses (or with one column in
/// them).
pub fn grouping_set(e: Expr) -> Vec<Expr> {
    match e.kind {
        ExprKind::Nested { expr } => vec![*expr],
        kind => vec![Expr { kind, ..e }],
    }
}

// ---------- statements ----------

/// True when a variable-assigning query reads a table and nothing guarantees one row:
/// no `TOP 1`, and not every item is an aggregate without GROUP BY.
fn single_row_unknown(q: &Query) -> bool {
    let SetExpr::Select(s) = &q.body else {
        return true;
    };
    if s.from.is_empty() {
        return false;
    }
    let top_one = matches!(&q.limit, Some(Limit { count: Some(c), offset: None, .. })
        if matches!(&c.kind, ExprKind::Literal { value: Literal::Integer(v) } if v == "1"));
    let all_aggregates = s.group_by.is_none()
        && s.items
            .iter()
            .all(|i| matches!(i.expr.kind, ExprKind::Agg { over: None, .. }));
    !(top_one || all_aggregates)
}

/// A SELECT statement: a query, `SELECT … INTO t` or `SELECT @v = …`.
pub fn select_statement(cx: &mut Cx, (q, extras): (Query, Extras), l: usize, r: usize) -> R<Stmt> {
    let span = Span::new(l, r);
    if !extras.assigns.is_empty() {
        let n_items = match &q.body {
            SetExpr::Select(s) => s.items.len(),
            _ => 0,
        };
        if n_items != extras.assigns.len() {
            return Err(user(GErr::unsupported(
                span,
                "a SELECT that both assigns variables and returns columns",
                "assign every item to a variable, or split the statement",
            )));
        }
        if single_row_unknown(&q) {
            cx.push(
                Diagnostic::new(
                    codes::SX3005.code,
                    span,
                    "T-SQL keeps the last row's value (or the old value when no row is read); the converted assignment fails on several rows and sets NULL on none",
                )
                .with_hint("make the query return exactly one row (MAX(), or TOP 1 with ORDER BY), or accumulate with STRING_AGG"),
            );
        }
        return Ok(Stmt::new(
            StmtKind::SetVarsFromQuery {
                names: extras.assigns,
                query: Box::new(q),
            },
            span,
        ));
    }
    if let Some(name) = extras.into {
        return Ok(Stmt::new(
            StmtKind::CreateTableAs {
                name,
                query: Box::new(q),
            },
            span,
        ));
    }
    Ok(Stmt::new(StmtKind::Query(Box::new(q)), span))
}
