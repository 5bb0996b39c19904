//! The FROM clause of UPDATE / DELETE taken apart, and (Databricks profile) UPDATE /
//! DELETE with joins rewritten into MERGE INTO or a plain statement.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::visit::MAX_DEPTH;
use sqlxlate_ir::{
    BinaryOp, Expr, ExprKind, Ident, JoinKind, Merge, MergeAction, MergeClause, MergeMatch,
    Relation, Stmt, StmtKind, TableName,
};

use crate::build::*;
use crate::types::table_key;

use super::Cx;

/// An UPDATE/DELETE FROM clause taken apart: the target's alias, the other relations,
/// and every join condition plus the WHERE clause.
pub(super) struct Shape {
    pub(super) target_alias: Option<Ident>,
    pub(super) others: Vec<Relation>,
    pub(super) conds: Vec<Expr>,
}

fn flatten(r: &Relation, leaves: &mut Vec<Relation>, conds: &mut Vec<Expr>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match r {
        Relation::Join {
            kind: JoinKind::Inner | JoinKind::Cross,
            left,
            right,
            on,
            ..
        } => {
            if let Some(on) = on {
                conds.push(nested(on.clone()));
            }
            flatten(left, leaves, conds, depth + 1) && flatten(right, leaves, conds, depth + 1)
        }
        Relation::Join { .. } => false,
        Relation::Unconverted { .. } => false,
        other => {
            leaves.push(other.clone());
            true
        }
    }
}

/// `UPDATE/DELETE … FROM t AS p LEFT JOIN r AS a ON <on> WHERE <w>`, when nothing but
/// the WHERE clause (and ON) uses `a`: the rows T-SQL changes are exactly those with
/// `EXISTS (SELECT 1 FROM r AS a WHERE <on> AND <w>)` or, when no row of `r` matches,
/// `<w>` with every `a` column NULL. Returns that condition.
fn left_join_condition(
    target: &TableName,
    alias: &Option<Ident>,
    from: &[Relation],
    selection: &Option<Expr>,
    values: &[&Expr],
    span: Span,
) -> Option<(Option<Ident>, Expr)> {
    let [Relation::Join {
        kind: JoinKind::Left,
        left,
        right,
        on: Some(on),
        ..
    }] = from
    else {
        return None;
    };
    let Relation::Table {
        name,
        alias: talias,
        ..
    } = left.as_ref()
    else {
        return None;
    };
    let target_alias = match (alias, talias) {
        (Some(a), Some(t)) if a.value.eq_ignore_ascii_case(&t.value) => Some(t.clone()),
        (None, _) | (Some(_), None) if table_key(name) == table_key(target) => talias.clone(),
        _ => return None,
    };
    if table_key(name) != table_key(target) {
        return None;
    }
    let other = match right.as_ref() {
        Relation::Table { alias: Some(a), .. } | Relation::Derived { alias: Some(a), .. } => {
            a.value.to_lowercase()
        }
        _ => return None,
    };
    // Columns: qualified ones only (an unqualified name could belong to either side).
    let refs = |e: &Expr, other_allowed: bool| {
        let mut ok = true;
        let mut e = e.clone();
        sqlxlate_ir::visit::for_each_expr_mut(&mut e, &mut |x| {
            if let ExprKind::Column { qualifier, .. } = &x.kind {
                match qualifier.last() {
                    None => ok = false,
                    Some(q) if q.value.to_lowercase() == other && !other_allowed => ok = false,
                    _ => {}
                }
            }
            if matches!(
                x.kind,
                ExprKind::Subquery { .. } | ExprKind::Exists { .. } | ExprKind::InSubquery { .. }
            ) {
                ok = false;
            }
        });
        ok
    };
    if !values.iter().all(|v| refs(v, false)) {
        return None;
    }
    let w = selection.clone().unwrap_or_else(|| boolean(true, span));
    if !refs(&w, true) {
        return None;
    }
    let mut w_null = w.clone();
    sqlxlate_ir::visit::for_each_expr_mut(&mut w_null, &mut |x| {
        if let ExprKind::Column { qualifier, .. } = &x.kind {
            if qualifier
                .last()
                .is_some_and(|q| q.value.to_lowercase() == other)
            {
                *x = null(x.span);
            }
        }
    });
    let one = |cond: Expr| {
        query(select(
            vec![item(int(1, span), None)],
            vec![right.as_ref().clone()],
            Some(cond),
            span,
        ))
    };
    let matched = exists(
        one(bin(BinaryOp::And, nested(on.clone()), nested(w))),
        false,
    );
    let none = exists(one(on.clone()), true);
    let cond = bin(
        BinaryOp::Or,
        matched,
        nested(bin(BinaryOp::And, none, nested(w_null))),
    );
    Some((target_alias, cond))
}

pub(super) fn shape(
    target: &TableName,
    alias: &Option<Ident>,
    from: &[Relation],
    selection: &Option<Expr>,
) -> Option<Shape> {
    let mut leaves = Vec::new();
    let mut conds = Vec::new();
    for r in from {
        if !flatten(r, &mut leaves, &mut conds, 0) {
            return None;
        }
    }
    let key = table_key(target);
    let by_alias = alias.as_ref().and_then(|a| {
        let a = a.value.to_lowercase();
        leaves.iter().position(
            |l| matches!(l, Relation::Table { alias: Some(x), .. } if x.value.to_lowercase() == a),
        )
    });
    let pos = by_alias.or_else(|| {
        leaves
            .iter()
            .position(|l| matches!(l, Relation::Table { name, .. } if table_key(name) == key))
    });
    let mut target_alias = alias.clone();
    if let Some(p) = pos {
        if let Relation::Table { alias: Some(a), .. } = &leaves[p] {
            target_alias = Some(a.clone());
        }
        leaves.remove(p);
    }
    if let Some(w) = selection {
        conds.push(nested(w.clone()));
    }
    Some(Shape {
        target_alias,
        others: leaves,
        conds,
    })
}

/// The relations of a shape as one relation (cross joins; the conditions stay apart).
fn join_all(mut rels: Vec<Relation>, span: Span) -> Option<Relation> {
    if rels.is_empty() {
        return None;
    }
    let first = rels.remove(0);
    Some(rels.into_iter().fold(first, |acc, r| Relation::Join {
        kind: JoinKind::Cross,
        left: Box::new(acc),
        right: Box::new(r),
        on: None,
        span,
    }))
}

impl Cx<'_> {
    pub(super) fn join_warning(&mut self, span: Span) {
        self.diagnostics.push(
            Diagnostic::new(
                codes::SX3511.code,
                span,
                "several source rows may match one target row: t-sql uses an arbitrary one",
            )
            .with_hint("make sure the source has at most one row per target row"),
        );
    }

    pub(super) fn dml_databricks(&mut self, k: StmtKind, span: Span) -> Vec<Stmt> {
        let (target, alias, from, selection, action) = match k {
            StmtKind::Update {
                target,
                alias,
                assignments,
                from,
                selection,
            } if !from.is_empty() => (
                target,
                alias,
                from,
                selection,
                MergeAction::Update { assignments },
            ),
            StmtKind::Delete {
                target,
                alias,
                from,
                selection,
            } if !from.is_empty() => (target, alias, from, selection, MergeAction::Delete),
            k => return vec![Stmt::new(k, span)],
        };
        let values: Vec<&Expr> = match &action {
            MergeAction::Update { assignments } => assignments.iter().map(|a| &a.value).collect(),
            _ => vec![],
        };
        if let Some((target_alias, cond)) =
            left_join_condition(&target, &alias, &from, &selection, &values, span)
        {
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX4511.code,
                    span,
                    "update or delete with a left join rewritten to exists conditions",
                )
                .with_hint("nothing to do; the rewrite changes exactly the rows t-sql changes"),
            );
            let k = match action {
                MergeAction::Update { assignments } => StmtKind::Update {
                    target,
                    alias: target_alias,
                    assignments,
                    from: vec![],
                    selection: Some(cond),
                },
                _ => StmtKind::Delete {
                    target,
                    alias: target_alias,
                    from: vec![],
                    selection: Some(cond),
                },
            };
            return vec![Stmt::new(k, span)];
        }
        let Some(sh) = shape(&target, &alias, &from, &selection) else {
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX2511.code,
                    span,
                    "update or delete from a join that is not an inner join cannot be rewritten to merge",
                )
                .with_hint("rewrite the statement as MERGE INTO by hand"),
            );
            return vec![Stmt::new(
                rebuild(target, alias, from, selection, action),
                span,
            )];
        };
        if sh.others.is_empty() {
            // Only the target in FROM: a plain UPDATE / DELETE with its alias.
            let selection = and_all(sh.conds);
            let k = match action {
                MergeAction::Update { assignments } => StmtKind::Update {
                    target,
                    alias: sh.target_alias,
                    assignments,
                    from: vec![],
                    selection,
                },
                _ => StmtKind::Delete {
                    target,
                    alias: sh.target_alias,
                    from: vec![],
                    selection,
                },
            };
            return vec![Stmt::new(k, span)];
        }
        let source = match join_all(sh.others, span) {
            Some(r) => r,
            None => return vec![],
        };
        let on = and_all(sh.conds).unwrap_or_else(|| boolean(true, span));
        self.diagnostics.push(
            Diagnostic::new(
                codes::SX4511.code,
                span,
                "update or delete with a join rewritten to merge",
            )
            .with_hint(
                "nothing to do; see the warning on this statement about duplicate source rows",
            ),
        );
        self.join_warning(span);
        vec![Stmt::new(
            StmtKind::Merge(Box::new(Merge {
                target,
                target_alias: sh.target_alias,
                source,
                on,
                clauses: vec![MergeClause {
                    matched: MergeMatch::Matched,
                    condition: None,
                    action,
                }],
            })),
            span,
        )]
    }
}

fn rebuild(
    target: TableName,
    alias: Option<Ident>,
    from: Vec<Relation>,
    selection: Option<Expr>,
    action: MergeAction,
) -> StmtKind {
    match action {
        MergeAction::Update { assignments } => StmtKind::Update {
            target,
            alias,
            assignments,
            from,
            selection,
        },
        _ => StmtKind::Delete {
            target,
            alias,
            from,
            selection,
        },
    }
}
