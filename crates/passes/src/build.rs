//! Small constructors for IR values, used by the rewrites and by the tests.
#![allow(dead_code)]

use sqlxlate_ir::{
    AggFunc, BinaryOp, DataType, Expr, ExprKind, Ident, Literal, ObjectName, Query, Relation,
    Select, SelectItem, SetExpr, Span, TableKind, TableName, UnaryOp, WindowFunc, WindowSpec,
};

/// An identifier at `span`.
pub fn ident(s: &str, span: Span) -> Ident {
    Ident::new(s, span)
}

/// A column reference `q.name` (no qualifier when `q` is `None`).
pub fn col(q: Option<&str>, name: &str, span: Span) -> Expr {
    Expr::new(
        ExprKind::Column {
            qualifier: q.map(|q| vec![Ident::new(q, span)]).unwrap_or_default(),
            name: Ident::new(name, span),
        },
        span,
    )
}

/// A column reference typed `ty`.
pub fn col_typed(q: Option<&str>, name: &str, ty: DataType, span: Span) -> Expr {
    let mut e = col(q, name, span);
    e.ty = ty;
    e
}

/// An integer literal typed INT.
pub fn int(n: i64, span: Span) -> Expr {
    Expr::typed(
        ExprKind::Literal {
            value: Literal::Integer(n.to_string()),
        },
        span,
        DataType::Int,
    )
}

/// A string literal.
pub fn string(s: &str, span: Span) -> Expr {
    Expr::typed(
        ExprKind::Literal {
            value: Literal::String {
                value: s.to_string(),
                national: false,
            },
        },
        span,
        DataType::String {
            max_len: Some(s.chars().count() as u32),
            fixed: false,
            collation: None,
        },
    )
}

/// A boolean literal.
pub fn boolean(b: bool, span: Span) -> Expr {
    Expr::typed(
        ExprKind::Literal {
            value: Literal::Boolean(b),
        },
        span,
        DataType::Boolean,
    )
}

/// NULL.
pub fn null(span: Span) -> Expr {
    Expr::new(
        ExprKind::Literal {
            value: Literal::Null,
        },
        span,
    )
}

/// A binary operation (untyped).
pub fn bin(op: BinaryOp, l: Expr, r: Expr) -> Expr {
    let span = l.span.cover(r.span);
    let ty = match op {
        BinaryOp::Eq
        | BinaryOp::NotEq
        | BinaryOp::Lt
        | BinaryOp::LtEq
        | BinaryOp::Gt
        | BinaryOp::GtEq
        | BinaryOp::And
        | BinaryOp::Or => DataType::Boolean,
        _ => DataType::Unknown,
    };
    Expr::typed(
        ExprKind::Binary {
            op,
            left: Box::new(l),
            right: Box::new(r),
        },
        span,
        ty,
    )
}

/// `a AND b` of a non-empty list; `None` for an empty one.
pub fn and_all(mut es: Vec<Expr>) -> Option<Expr> {
    if es.is_empty() {
        return None;
    }
    let first = es.remove(0);
    Some(
        es.into_iter()
            .fold(first, |acc, e| bin(BinaryOp::And, acc, e)),
    )
}

/// `a OR b` of a non-empty list; `None` for an empty one.
pub fn or_all(mut es: Vec<Expr>) -> Option<Expr> {
    if es.is_empty() {
        return None;
    }
    let first = es.remove(0);
    Some(
        es.into_iter()
            .fold(first, |acc, e| bin(BinaryOp::Or, acc, e)),
    )
}

/// `NOT e` (parenthesised).
pub fn not(e: Expr) -> Expr {
    let span = e.span;
    Expr::typed(
        ExprKind::Unary {
            op: UnaryOp::Not,
            expr: Box::new(nested(e)),
        },
        span,
        DataType::Boolean,
    )
}

/// `(e)`.
pub fn nested(e: Expr) -> Expr {
    let span = e.span;
    let ty = e.ty.clone();
    Expr::typed(ExprKind::Nested { expr: Box::new(e) }, span, ty)
}

/// `coalesce(e, FALSE)`: a predicate where NULL counts as false.
pub fn is_true(e: Expr) -> Expr {
    let span = e.span;
    Expr::typed(
        ExprKind::Func {
            func: sqlxlate_ir::Func::Coalesce,
            args: vec![e, boolean(false, span)],
        },
        span,
        DataType::Boolean,
    )
}

/// `e IS [NOT] NULL`.
pub fn is_null(e: Expr, negated: bool) -> Expr {
    let span = e.span;
    Expr::typed(
        ExprKind::IsNull {
            expr: Box::new(e),
            negated,
        },
        span,
        DataType::Boolean,
    )
}

/// `CASE WHEN w THEN t … ELSE e END`.
pub fn case(whens: Vec<(Expr, Expr)>, else_: Option<Expr>, span: Span) -> Expr {
    let ty = whens
        .iter()
        .map(|(_, t)| t.ty.clone())
        .chain(else_.iter().map(|e| e.ty.clone()))
        .find(|t| *t != DataType::Unknown)
        .unwrap_or_default();
    Expr::typed(
        ExprKind::Case {
            operand: None,
            whens: whens
                .into_iter()
                .map(|(when, then)| sqlxlate_ir::WhenThen { when, then })
                .collect(),
            else_: else_.map(Box::new),
        },
        span,
        ty,
    )
}

/// An aggregate call.
pub fn agg(func: AggFunc, args: Vec<Expr>, span: Span) -> Expr {
    Expr::new(
        ExprKind::Agg {
            func,
            distinct: false,
            args,
            within_group: vec![],
            over: None,
        },
        span,
    )
}

/// `count(*)`.
pub fn count_star(span: Span) -> Expr {
    let mut e = agg(
        AggFunc::Count,
        vec![Expr::new(ExprKind::Star { qualifier: vec![] }, span)],
        span,
    );
    e.ty = DataType::BigInt;
    e
}

/// A window function call.
pub fn window(func: WindowFunc, over: WindowSpec, span: Span) -> Expr {
    Expr::typed(
        ExprKind::Window {
            func,
            args: vec![],
            over: Box::new(over),
        },
        span,
        DataType::BigInt,
    )
}

/// `*` or `q.*`.
pub fn star(q: Option<&str>, span: Span) -> Expr {
    Expr::new(
        ExprKind::Star {
            qualifier: q.map(|q| vec![Ident::new(q, span)]).unwrap_or_default(),
        },
        span,
    )
}

/// A scalar subquery.
pub fn subquery(q: Query) -> Expr {
    let span = q.span;
    Expr::new(ExprKind::Subquery { query: Box::new(q) }, span)
}

/// `[NOT] EXISTS (q)`.
pub fn exists(q: Query, negated: bool) -> Expr {
    let span = q.span;
    Expr::typed(
        ExprKind::Exists {
            query: Box::new(q),
            negated,
        },
        span,
        DataType::Boolean,
    )
}

/// A table name as written (`dbo.T` from `["dbo", "T"]`).
pub fn table_name(parts: &[&str], kind: TableKind, span: Span) -> TableName {
    TableName {
        source: ObjectName {
            parts: parts.iter().map(|p| Ident::new(*p, span)).collect(),
        },
        kind,
        target: None,
    }
}

/// A table relation.
pub fn rel(name: TableName, alias: Option<&str>, span: Span) -> Relation {
    Relation::Table {
        name,
        alias: alias.map(|a| Ident::new(a, span)),
        span,
    }
}

/// A select item.
pub fn item(expr: Expr, alias: Option<&str>) -> SelectItem {
    let span = expr.span;
    SelectItem {
        expr,
        alias: alias.map(|a| Ident::new(a, span)),
    }
}

/// A SELECT block.
pub fn select(
    items: Vec<SelectItem>,
    from: Vec<Relation>,
    selection: Option<Expr>,
    span: Span,
) -> Select {
    Select {
        distinct: false,
        items,
        from,
        selection,
        group_by: None,
        having: None,
        qualify: None,
        span,
    }
}

/// A query around one SELECT block.
pub fn query(s: Select) -> Query {
    let span = s.span;
    Query {
        with: vec![],
        recursive: false,
        body: SetExpr::Select(Box::new(s)),
        order_by: vec![],
        limit: None,
        span,
    }
}
