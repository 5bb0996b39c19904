//! Query and assignment building blocks shared by the grammar's actions: variable
//! references, compound assignment (`x += e`), and recursive-CTE detection.

use sqlxlate_diagnostics::Span;
use sqlxlate_ir::{Expr, ExprKind, Query, Relation, SetExpr};

/// A reference to variable `name` (without its `@`).
pub fn var_expr(name: &str, span: Span) -> Expr {
    Expr::new(
        ExprKind::Variable {
            name: name.to_string(),
        },
        span,
    )
}

/// `x op= e` → `x op e`.
pub fn compound(op: &str, target: Expr, e: Expr) -> Expr {
    use sqlxlate_ir::BinaryOp as B;
    let op = match op.as_bytes().first() {
        Some(b'+') => B::Add,
        Some(b'-') => B::Sub,
        Some(b'*') => B::Mul,
        Some(b'/') => B::Div,
        Some(b'%') => B::Mod,
        Some(b'&') => B::BitAnd,
        Some(b'|') => B::BitOr,
        _ => B::BitXor,
    };
    super::expr::bin(op, target, e)
}

/// True when the CTE's query mentions its own name as a table (a recursive CTE).
pub fn cte_refers_to_itself(name: &str, q: &Query) -> bool {
    fn in_set(name: &str, s: &SetExpr) -> bool {
        match s {
            SetExpr::Select(sel) => sel.from.iter().any(|r| in_rel(name, r)),
            SetExpr::SetOp { left, right, .. } => in_set(name, left) || in_set(name, right),
            SetExpr::Query(q) => in_set(name, &q.body),
            SetExpr::Values(_) => false,
        }
    }
    fn in_rel(name: &str, r: &Relation) -> bool {
        match r {
            Relation::Table { name: t, .. } => {
                t.source.parts.len() == 1 && t.source.name().eq_ignore_ascii_case(name)
            }
            Relation::Join { left, right, .. } => in_rel(name, left) || in_rel(name, right),
            Relation::Derived { query, .. } => in_set(name, &query.body),
            Relation::Pivot { input, .. } | Relation::Unpivot { input, .. } => in_rel(name, input),
            _ => false,
        }
    }
    in_set(name, &q.body)
}
