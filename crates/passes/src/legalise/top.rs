//! TOP … WITH TIES / PERCENT → a window over the query's ORDER BY (QUALIFY on
//! Databricks, a wrapping query in the portable profile).

use sqlxlate_diagnostics::{codes, Diagnostic};
use sqlxlate_ir::visit::VisitorMut;
use sqlxlate_ir::{
    BinaryOp, DataType, Expr, ExprKind, Literal, OrderBy, Profile, Query, Relation, SelectItem,
    SetExpr, WindowFunc, WindowSpec,
};

use crate::build::*;

pub(super) struct TopRewrite {
    pub(super) profile: Profile,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl VisitorMut for TopRewrite {
    fn leave_query(&mut self, q: &mut Query) {
        let Some(limit) = &q.limit else { return };
        if !limit.with_ties && !limit.percent {
            return;
        }
        let span = q.span;
        match self.rewrite_top(q) {
            Ok(()) => {}
            Err(why) => self.diagnostics.push(
                Diagnostic::new(
                    codes::SX2512.code,
                    span,
                    format!("top with ties or percent not rewritten: {why}"),
                )
                .with_hint("rewrite the query with rank() or row_number() in a derived table"),
            ),
        }
    }
}

/// Replaces ordinal ORDER BY keys (`ORDER BY 2`) and select-list aliases with the
/// select item's expression, so the keys can be used inside a window.
fn resolve_order_keys(order: &[OrderBy], items: &[SelectItem]) -> Result<Vec<OrderBy>, String> {
    let mut out = Vec::new();
    for o in order {
        let mut o = o.clone();
        match &o.expr.kind {
            ExprKind::Literal {
                value: Literal::Integer(n),
            } => {
                let k: usize = n.parse().map_err(|_| "bad ORDER BY ordinal".to_string())?;
                let it = k
                    .checked_sub(1)
                    .and_then(|i| items.get(i))
                    .ok_or_else(|| "ORDER BY ordinal out of range".to_string())?;
                // Each `*` up to the ordinal stands for an unknown number of columns.
                if items[..k]
                    .iter()
                    .any(|it| matches!(it.expr.kind, ExprKind::Star { .. }))
                {
                    return Err("ORDER BY ordinal refers to `*` or a column after it".into());
                }
                o.expr = it.expr.clone();
            }
            ExprKind::Column { qualifier, name } if qualifier.is_empty() => {
                let n = name.value.to_lowercase();
                if let Some(it) = items.iter().find(|it| {
                    it.alias.as_ref().is_some_and(|a| a.value.to_lowercase() == n)
                        && !matches!(&it.expr.kind, ExprKind::Column { name: c, .. } if c.value.to_lowercase() == n)
                }) {
                    o.expr = it.expr.clone();
                }
            }
            _ => {}
        }
        out.push(o);
    }
    Ok(out)
}

fn item_name(it: &SelectItem) -> Option<String> {
    match (&it.alias, &it.expr.kind) {
        (Some(a), _) => Some(a.value.clone()),
        (None, ExprKind::Column { name, .. }) => Some(name.value.clone()),
        _ => None,
    }
}

impl TopRewrite {
    fn rewrite_top(&mut self, q: &mut Query) -> Result<(), String> {
        let Some(limit) = q.limit.clone() else {
            return Ok(());
        };
        let Some(n) = limit.count.clone() else {
            return Err("TOP without a count".into());
        };
        if limit.offset.is_some() {
            return Err("TOP combined with OFFSET".into());
        }
        let span = q.span;
        let SetExpr::Select(sel) = &mut q.body else {
            return Err("the query is a set operation".into());
        };
        let keys = resolve_order_keys(&q.order_by, &sel.items)?;
        let over = WindowSpec {
            partition_by: vec![],
            order_by: keys,
            frame: None,
        };
        let func = if limit.with_ties {
            WindowFunc::Rank
        } else {
            WindowFunc::RowNumber
        };
        // The portable wrapper must name the output columns and the ORDER BY keys;
        // checked before anything is changed. A select list with `*` cannot be named
        // without the schema: its wrapper keeps `* EXCEPT` the helper columns and orders
        // by the window itself, which orders exactly as the query's ORDER BY.
        let star = sel
            .items
            .iter()
            .any(|it| matches!(it.expr.kind, ExprKind::Star { .. }));
        let portable = if self.profile == Profile::Portable && star {
            let unnamed = sel.items.iter().any(|it| {
                !matches!(it.expr.kind, ExprKind::Star { .. }) && item_name(it).is_none()
            });
            if unnamed {
                return Err("a select item without a name (an unnamed expression)".to_string());
            }
            None
        } else if self.profile == Profile::Portable {
            let names: Vec<String> = sel
                .items
                .iter()
                .map(item_name)
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| {
                    "a select item without a name (an unnamed expression)".to_string()
                })?;
            // The outer ORDER BY must name output columns.
            let mut outer_order = Vec::new();
            for o in &q.order_by {
                let name = match &o.expr.kind {
                    ExprKind::Literal {
                        value: Literal::Integer(k),
                    } => k
                        .parse::<usize>()
                        .ok()
                        .and_then(|k| k.checked_sub(1))
                        .and_then(|i| names.get(i).cloned()),
                    ExprKind::Column { name, .. } => names
                        .iter()
                        .find(|n| n.to_lowercase() == name.value.to_lowercase())
                        .cloned(),
                    _ => None,
                }
                .ok_or_else(|| "an ORDER BY key that is not an output column".to_string())?;
                outer_order.push(OrderBy {
                    expr: col(Some("__sx_top"), &name, o.expr.span),
                    desc: o.desc,
                    nulls_first: o.nulls_first,
                });
            }
            Some((names, outer_order))
        } else {
            None
        };
        let rank = window(func, over, span);
        let bound = if limit.percent {
            // ceil(n * count(*) OVER () / 100.0): T-SQL rounds the row count up.
            let mut total = count_star(span);
            if let ExprKind::Agg { over, .. } = &mut total.kind {
                *over = Some(Box::new(WindowSpec::default()));
            }
            // A window cannot appear in the portable wrapper's WHERE: the count becomes
            // an inner column there.
            if self.profile == Profile::Portable {
                sel.items.push(item(total, Some("__sx_count")));
                total = col(Some("__sx_top"), "__sx_count", span);
            }
            let hundred = Expr::typed(
                ExprKind::Literal {
                    value: Literal::Decimal("100.0".into()),
                },
                span,
                DataType::Decimal {
                    precision: 4,
                    scale: 1,
                },
            );
            let frac = bin(
                BinaryOp::FracDiv,
                bin(BinaryOp::Mul, nested(n.clone()), total),
                hundred,
            );
            Expr::typed(
                ExprKind::Func {
                    func: sqlxlate_ir::Func::Ceiling,
                    args: vec![frac],
                },
                span,
                DataType::BigInt,
            )
        } else {
            n.clone()
        };
        match self.profile {
            Profile::Databricks => {
                let cond = bin(BinaryOp::LtEq, rank, bound);
                sel.qualify = Some(match sel.qualify.take() {
                    Some(old) => bin(BinaryOp::And, nested(old), cond),
                    None => cond,
                });
                q.limit = None;
            }
            Profile::Portable => {
                let has_order = !q.order_by.is_empty();
                sel.items.push(item(rank, Some("__sx_rank")));
                let inner = Query {
                    with: std::mem::take(&mut q.with),
                    recursive: q.recursive,
                    body: std::mem::replace(&mut q.body, SetExpr::Values(vec![])),
                    order_by: vec![],
                    limit: None,
                    span,
                };
                let (items, outer_order) = match portable {
                    Some((names, outer_order)) => (
                        names
                            .iter()
                            .map(|n| item(col(Some("__sx_top"), n, span), None))
                            .collect(),
                        outer_order,
                    ),
                    None => {
                        let mut helpers = vec![ident("__sx_rank", span)];
                        if limit.percent {
                            helpers.push(ident("__sx_count", span));
                        }
                        let all_but_helpers = Expr::new(
                            ExprKind::StarExcept {
                                qualifier: vec![],
                                except: helpers,
                            },
                            span,
                        );
                        let by_rank = OrderBy {
                            expr: col(Some("__sx_top"), "__sx_rank", span),
                            desc: false,
                            nulls_first: None,
                        };
                        (
                            vec![item(all_but_helpers, None)],
                            if has_order { vec![by_rank] } else { vec![] },
                        )
                    }
                };
                let outer = select(
                    items,
                    vec![Relation::Derived {
                        query: Box::new(inner),
                        alias: Some(ident("__sx_top", span)),
                        columns: vec![],
                        span,
                    }],
                    Some(bin(
                        BinaryOp::LtEq,
                        col(Some("__sx_top"), "__sx_rank", span),
                        bound,
                    )),
                    span,
                );
                q.body = SetExpr::Select(Box::new(outer));
                q.order_by = outer_order;
                q.limit = None;
                q.recursive = false;
            }
        }
        if limit.with_ties {
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX4510.code,
                    span,
                    "top with ties rewritten to a rank() filter",
                )
                .with_hint("nothing to do; rank() keeps every row tied with the last one, as with ties does"),
            );
        }
        if limit.percent {
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX3510.code,
                    span,
                    "top percent rewritten to a row count filter over count(*)",
                )
                .with_hint("make sure the ORDER BY makes the selection deterministic"),
            );
        }
        Ok(())
    }
}
