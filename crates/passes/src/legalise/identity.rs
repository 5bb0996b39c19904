//! Portable profile: IDENTITY columns and non-constant DEFAULTs emulated in INSERT.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{
    AggFunc, BinaryOp, DataType, Expr, ExprKind, Ident, InsertSource, OrderBy, Relation,
    SelectItem, SetExpr, StmtKind, TableName, WindowFunc, WindowSpec,
};

use crate::build::*;
use crate::types::ColumnInfo;

use super::Cx;

/// A constant expression (a literal, possibly negated, parenthesised or cast).
pub(super) fn is_constant(e: &Expr, depth: usize) -> bool {
    if depth > 32 {
        return false;
    }
    match &e.kind {
        ExprKind::Literal { .. } => true,
        ExprKind::Nested { expr } | ExprKind::Unary { expr, .. } | ExprKind::Cast { expr, .. } => {
            is_constant(expr, depth + 1)
        }
        _ => false,
    }
}

impl Cx<'_> {
    /// Portable profile: an INSERT into a table of the module with IDENTITY columns or
    /// non-constant DEFAULTs computes the omitted columns itself:
    /// `INSERT INTO t (<given>, <omitted>) SELECT __sx_src.<given>…, <omitted values>
    /// FROM (<rows with an ordinal>) AS __sx_src(<given>, __sx_ord)`, where an identity
    /// value is `coalesce((SELECT max(id) FROM t), seed - increment) + increment *
    /// row_number() OVER (ORDER BY __sx_ord)` and a DEFAULT is its expression.
    pub(super) fn insert_portable(
        &mut self,
        target: TableName,
        columns: Vec<Ident>,
        source: InsertSource,
        overwrite: bool,
        span: Span,
    ) -> StmtKind {
        let unchanged = |target, columns, source| StmtKind::Insert {
            target,
            columns,
            source,
            overwrite,
        };
        let Some(cols) = self.catalog.columns(&target) else {
            return unchanged(target, columns, source);
        };
        let cols = cols.to_vec();
        let given: Vec<String> = if columns.is_empty() {
            if matches!(source, InsertSource::DefaultValues) {
                vec![]
            } else {
                cols.iter()
                    .filter(|c| c.identity.is_none())
                    .map(|c| c.name.clone())
                    .collect()
            }
        } else {
            columns.iter().map(|c| c.value.clone()).collect()
        };
        let is_given = |n: &str| given.iter().any(|g| g.eq_ignore_ascii_case(n));
        let omitted: Vec<&ColumnInfo> = cols
            .iter()
            .filter(|c| !is_given(&c.name) && (c.identity.is_some() || c.default.is_some()))
            .collect();
        let needed = omitted.iter().any(|c| {
            c.identity.is_some() || c.default.as_ref().is_some_and(|d| !is_constant(d, 0))
        });
        if !needed || overwrite {
            return unchanged(target, columns, source);
        }
        // The source rows, with an ordinal that keeps their order.
        let src = "__sx_src";
        let ord = "__sx_ord";
        let (from, order_key) = match source {
            InsertSource::DefaultValues => (vec![], int(1, span)),
            InsertSource::Query(q) => {
                let mut q = *q;
                let values_only = q.with.is_empty()
                    && q.order_by.is_empty()
                    && q.limit.is_none()
                    && matches!(q.body, SetExpr::Values(_));
                let mut aliases: Vec<Ident> = given.iter().map(|g| ident(g, span)).collect();
                let key = if values_only {
                    if let SetExpr::Values(rows) = &mut q.body {
                        for (i, r) in rows.iter_mut().enumerate() {
                            r.push(int(i as i64 + 1, span));
                        }
                    }
                    aliases.push(ident(ord, span));
                    col_typed(Some(src), ord, DataType::Int, span)
                } else {
                    int(1, span)
                };
                (
                    vec![Relation::Derived {
                        query: Box::new(q),
                        alias: Some(ident(src, span)),
                        columns: aliases,
                        span,
                    }],
                    key,
                )
            }
        };
        let mut items: Vec<SelectItem> = given
            .iter()
            .map(|g| {
                let ty = cols
                    .iter()
                    .find(|c| c.name.eq_ignore_ascii_case(g))
                    .map(|c| c.ty.clone())
                    .unwrap_or_default();
                item(col_typed(Some(src), g, ty, span), None)
            })
            .collect();
        let mut what = Vec::new();
        for c in &omitted {
            let value = if let Some((seed, inc)) = c.identity {
                let mut m = agg(
                    AggFunc::Max,
                    vec![col_typed(None, &c.name, c.ty.clone(), span)],
                    span,
                );
                m.ty = c.ty.clone();
                let mut last = subquery(query(select(
                    vec![item(m, None)],
                    vec![rel(target.clone(), None, span)],
                    None,
                    span,
                )));
                last.ty = c.ty.clone();
                let start = Expr::typed(
                    ExprKind::Func {
                        func: sqlxlate_ir::Func::Coalesce,
                        args: vec![last, int(seed.saturating_sub(inc), span)],
                    },
                    span,
                    DataType::BigInt,
                );
                let rn = window(
                    WindowFunc::RowNumber,
                    WindowSpec {
                        partition_by: vec![],
                        order_by: vec![OrderBy {
                            expr: order_key.clone(),
                            desc: false,
                            nulls_first: None,
                        }],
                        frame: None,
                    },
                    span,
                );
                let v = bin(BinaryOp::Add, start, bin(BinaryOp::Mul, int(inc, span), rn));
                what.push(format!("identity column {}", c.name));
                Expr::typed(
                    ExprKind::Cast {
                        expr: Box::new(v),
                        to: c.ty.clone(),
                        mode: sqlxlate_ir::CastMode::Strict,
                    },
                    span,
                    c.ty.clone(),
                )
            } else {
                what.push(format!("default of {}", c.name));
                c.default.clone().unwrap_or_else(|| null(span))
            };
            items.push(item(value, None));
        }
        self.diagnostics.push(
            Diagnostic::new(
                codes::SX4513.code,
                span,
                format!("insert computes the {} itself", what.join(", ")),
            )
            .with_hint("nothing to do for single-writer loads; do not insert into the table concurrently, since two inserts could compute the same identity value"),
        );
        let mut names: Vec<Ident> = given.iter().map(|g| ident(g, span)).collect();
        names.extend(omitted.iter().map(|c| ident(&c.name, span)));
        StmtKind::Insert {
            target,
            columns: names,
            source: InsertSource::Query(Box::new(query(select(items, from, None, span)))),
            overwrite,
        }
    }
}
