//! Portable profile: UPDATE, DELETE and MERGE rewritten through a staging copy of the
//! target table (see `update_contents`, `delete_contents` and `merge_contents`).

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{
    AggFunc, Assignment, BinaryOp, DataType, Expr, ExprKind, InsertSource, JoinKind, Literal,
    Merge, MergeAction, MergeClause, MergeMatch, ObjectKind, Query, Relation, SetExpr, SetOp, Stmt,
    StmtKind, TableName,
};

use crate::build::*;
use crate::types::ColumnInfo;

use super::merge::{shape, Shape};
use super::Cx;

fn stage_name(t: &TableName) -> TableName {
    let mut s = t.clone();
    if let Some(last) = s.source.parts.last_mut() {
        last.value = format!("{}__sx_stage", last.value);
    }
    if let Some(tg) = &mut s.target {
        tg.name = format!("{}__sx_stage", tg.name);
    }
    s
}

/// True when every column reference in `e` belongs to the target (qualified by its
/// alias, or unqualified and one of its columns) and `e` has no subquery.
fn only_target_refs(e: &Expr, alias: &str, cols: &[ColumnInfo]) -> bool {
    let mut ok = true;
    sqlxlate_ir::visit::for_each_expr(e, &mut |x| match &x.kind {
        ExprKind::Column { qualifier, name } => {
            let fine = match qualifier.last() {
                Some(q) => q.value.eq_ignore_ascii_case(alias),
                None => cols
                    .iter()
                    .any(|c| c.name.eq_ignore_ascii_case(&name.value)),
            };
            ok &= fine;
        }
        ExprKind::Subquery { .. } | ExprKind::Exists { .. } | ExprKind::InSubquery { .. } => {
            ok = false
        }
        _ => {}
    });
    ok
}

fn is_target_column(e: &Expr, alias: &str, cols: &[ColumnInfo]) -> bool {
    match &e.kind {
        ExprKind::Column { qualifier, name } => match qualifier.last() {
            Some(q) => q.value.eq_ignore_ascii_case(alias),
            None => cols
                .iter()
                .any(|c| c.name.eq_ignore_ascii_case(&name.value)),
        },
        _ => false,
    }
}

/// An assigned value that uses the joined sources, made valid inside the new-contents
/// query: each source column reference becomes
/// `(SELECT max(<col>) FROM <sources> WHERE <conds>)`. Spark rejects outer (target)
/// references inside an aggregate of a correlated subquery, so a value mixing target
/// and source columns cannot be aggregated as a whole. With one matching source row
/// (the case T-SQL defines) this is exact.
fn source_values(value: &Expr, alias: &str, cols: &[ColumnInfo], sh: &Shape, span: Span) -> Expr {
    let mut v = value.clone();
    sqlxlate_ir::visit::for_each_expr_mut(&mut v, &mut |x| {
        if matches!(x.kind, ExprKind::Column { .. }) && !is_target_column(x, alias, cols) {
            let ty = x.ty.clone();
            let mut m = agg(AggFunc::Max, vec![x.clone()], span);
            m.ty = ty.clone();
            let mut s = subquery(correlated(m, &sh.others, &sh.conds, span));
            s.ty = ty;
            *x = s;
        }
    });
    v
}

fn qual_col(q: &Option<String>, name: &str, span: Span, ty: &DataType) -> Expr {
    col_typed(q.as_deref(), name, ty.clone(), span)
}

impl Cx<'_> {
    /// The three statements that replace a table's contents through a staging copy.
    fn staged(&self, target: &TableName, contents: Query, span: Span) -> Vec<Stmt> {
        let stage = stage_name(target);
        let copy_back = query(select(
            vec![item(star(None, span), None)],
            vec![rel(stage.clone(), None, span)],
            None,
            span,
        ));
        vec![
            Stmt::new(
                StmtKind::CreateTableAs {
                    name: stage.clone(),
                    query: Box::new(contents),
                },
                span,
            ),
            Stmt::new(
                StmtKind::Insert {
                    target: target.clone(),
                    columns: vec![],
                    source: InsertSource::Query(Box::new(copy_back)),
                    overwrite: true,
                },
                span,
            ),
            Stmt::new(
                StmtKind::Drop {
                    object: ObjectKind::Table,
                    names: vec![stage],
                    if_exists: true,
                },
                span,
            ),
        ]
    }

    pub(super) fn dml_portable(&mut self, k: &StmtKind, span: Span) -> Result<Vec<Stmt>, String> {
        match k {
            StmtKind::Update {
                target,
                alias,
                assignments,
                from,
                selection,
            } => {
                let cols = self.columns(target)?;
                let sh = shape(target, alias, from, selection).ok_or_else(|| {
                    "the FROM clause uses joins other than inner joins".to_string()
                })?;
                if !sh.others.is_empty() {
                    self.join_warning(span);
                }
                let q = update_contents(target, &cols, assignments, sh, span)?;
                Ok(self.staged(target, q, span))
            }
            StmtKind::Delete {
                target,
                alias,
                from,
                selection,
            } => {
                if from.is_empty() && selection.is_none() {
                    return Ok(vec![Stmt::new(
                        StmtKind::Truncate {
                            name: target.clone(),
                        },
                        span,
                    )]);
                }
                let sh = shape(target, alias, from, selection).ok_or_else(|| {
                    "the FROM clause uses joins other than inner joins".to_string()
                })?;
                if !sh.others.is_empty() {
                    self.join_warning(span);
                }
                let q = delete_contents(target, sh, span);
                Ok(self.staged(target, q, span))
            }
            StmtKind::Merge(m) => {
                let cols = self.columns(&m.target)?;
                if m.clauses.iter().any(|c| c.matched == MergeMatch::Matched) {
                    self.diagnostics.push(
                        Diagnostic::new(
                            codes::SX3512.code,
                            span,
                            "merge rewrite assumes at most one source row per target row",
                        )
                        .with_hint("make sure the source has at most one row per target key"),
                    );
                }
                let q = merge_contents(m, &cols, span)?;
                Ok(self.staged(&m.target, q, span))
            }
            _ => Err("not a row-level statement".into()),
        }
    }
}

/// `(SELECT <what> FROM <others> WHERE <conds>)` as a correlated subquery.
fn correlated(what: Expr, others: &[Relation], conds: &[Expr], span: Span) -> Query {
    query(select(
        vec![item(what, None)],
        others.to_vec(),
        and_all(conds.to_vec()),
        span,
    ))
}

/// New contents for UPDATE:
///
/// ```text
/// SELECT CASE WHEN <matched> THEN <new> ELSE a.c END AS c, a.d AS d, …
/// FROM t [AS a]
/// ```
/// Without a join, `<matched>` is the WHERE clause (absent: the new value directly) and
/// `<new>` the assigned value. With joined sources, `<matched>` is
/// `(SELECT count(*) FROM <sources> WHERE <join conditions AND where>) > 0` and `<new>`
/// is the assigned value with every source column reference `s.x` replaced by
/// `(SELECT max(s.x) FROM <sources> WHERE <join conditions AND where>)` (T-SQL picks an
/// arbitrary row when several match; this picks the greatest value per column).
fn update_contents(
    target: &TableName,
    cols: &[ColumnInfo],
    assignments: &[Assignment],
    sh: Shape,
    span: Span,
) -> Result<Query, String> {
    for a in assignments {
        if !cols
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(&a.column.value))
        {
            return Err(format!(
                "column `{}` is not in the table's definition",
                a.column.value
            ));
        }
    }
    let joined = !sh.others.is_empty();
    let alias_name = sh.target_alias.as_ref().map(|a| a.value.clone());
    let q = if joined {
        Some(
            alias_name
                .clone()
                .unwrap_or_else(|| target.source.name().to_string()),
        )
    } else {
        alias_name.clone()
    };
    let matched = if joined {
        Some(bin(
            BinaryOp::Gt,
            subquery(correlated(count_star(span), &sh.others, &sh.conds, span)),
            Expr::typed(
                ExprKind::Literal {
                    value: Literal::Integer("0".into()),
                },
                span,
                DataType::Int,
            ),
        ))
    } else {
        and_all(sh.conds.clone())
    };
    let qname = q.clone().unwrap_or_default();
    let mut items = Vec::new();
    for c in cols {
        let old = qual_col(&q, &c.name, span, &c.ty);
        let e = match assignments
            .iter()
            .find(|a| a.column.value.eq_ignore_ascii_case(&c.name))
        {
            None => old,
            Some(a) => {
                let new = if !joined || only_target_refs(&a.value, &qname, cols) {
                    a.value.clone()
                } else {
                    source_values(&a.value, &qname, cols, &sh, span)
                };
                match &matched {
                    Some(m) => case(vec![(m.clone(), new)], Some(old), span),
                    None => new,
                }
            }
        };
        items.push(item(e, Some(&c.name)));
    }
    Ok(query(select(
        items,
        vec![rel(target.clone(), q.as_deref(), span)],
        None,
        span,
    )))
}

/// New contents for DELETE:
///
/// ```text
/// SELECT * FROM t [AS a] WHERE NOT coalesce(<where>, FALSE)          -- no join
/// SELECT * FROM t [AS a] WHERE NOT EXISTS (SELECT 1 FROM <sources> WHERE <conds>)
/// ```
/// Rows where the predicate is NULL are kept, as T-SQL keeps them.
fn delete_contents(target: &TableName, sh: Shape, span: Span) -> Query {
    // With joined sources the target needs a name the correlated conditions can use:
    // its alias, or its own name (`Member.ID` in `… WHERE Member.ID = s.ID`).
    let alias = sh
        .target_alias
        .as_ref()
        .map(|a| a.value.clone())
        .or_else(|| (!sh.others.is_empty()).then(|| target.source.name().to_string()));
    let keep = if sh.others.is_empty() {
        and_all(sh.conds).map(|p| not(is_true(p)))
    } else {
        Some(exists(
            correlated(int(1, span), &sh.others, &sh.conds, span),
            true,
        ))
    };
    query(select(
        vec![item(star(None, span), None)],
        vec![rel(target.clone(), alias.as_deref(), span)],
        keep,
        span,
    ))
}

/// The alias a relation answers to.
fn relation_alias(r: &Relation) -> Option<String> {
    match r {
        Relation::Table { alias: Some(a), .. }
        | Relation::Derived { alias: Some(a), .. }
        | Relation::Function { alias: Some(a), .. } => Some(a.value.clone()),
        Relation::Table { name, .. } => Some(name.source.name().to_string()),
        _ => None,
    }
}

/// New contents for MERGE, as `<kept and updated target rows> UNION ALL <inserted rows>`.
///
/// Kept and updated rows, with WHEN MATCHED clauses (T-SQL allows at most one matching
/// source row per target row there):
/// ```text
/// SELECT CASE WHEN <m> AND <cond1> THEN <v1 or a.c> WHEN NOT <m> AND <cond2> THEN … ELSE a.c END AS c, …
/// FROM t AS a LEFT JOIN (SELECT *, TRUE AS __sx_matched FROM <source> AS s) AS s ON <on>
/// WHERE NOT (CASE WHEN <m> AND <cond1> THEN <clause 1 deletes> … ELSE FALSE END)
/// ```
/// with `<m>` = `s.__sx_matched IS NOT NULL`. Without WHEN MATCHED clauses there is no
/// join and `<m>` = `(SELECT count(*) FROM <source> WHERE <on>) > 0`. Clauses apply in
/// order, the first whose condition holds wins. Inserted rows:
/// ```text
/// SELECT CASE WHEN <cond1> THEN <value or default or NULL> … END AS c, …
/// FROM <source> AS s
/// WHERE NOT EXISTS (SELECT 1 FROM t AS a WHERE <on>) AND (coalesce(<cond1>, FALSE) OR …)
/// ```
fn merge_contents(m: &Merge, cols: &[ColumnInfo], span: Span) -> Result<Query, String> {
    let talias = m
        .target_alias
        .as_ref()
        .map(|a| a.value.clone())
        .unwrap_or_else(|| m.target.source.name().to_string());
    let salias =
        relation_alias(&m.source).ok_or_else(|| "the MERGE source has no alias".to_string())?;
    for c in &m.clauses {
        if let MergeAction::Update { assignments } = &c.action {
            for a in assignments {
                if !cols
                    .iter()
                    .any(|k| k.name.eq_ignore_ascii_case(&a.column.value))
                {
                    return Err(format!(
                        "column `{}` is not in the table's definition",
                        a.column.value
                    ));
                }
            }
        }
        if let MergeAction::Insert { columns, .. } = &c.action {
            for a in columns {
                if !cols.iter().any(|k| k.name.eq_ignore_ascii_case(&a.value)) {
                    return Err(format!(
                        "column `{}` is not in the table's definition",
                        a.value
                    ));
                }
            }
        }
    }
    let has_matched = m.clauses.iter().any(|c| c.matched == MergeMatch::Matched);
    let tq = Some(talias.clone());
    let on = nested(m.on.clone());
    let target_rel = rel(m.target.clone(), Some(&talias), span);

    // Part A: existing rows.
    let (from, matched_flag, unmatched_flag) = if has_matched {
        let inner = query(select(
            vec![
                item(star(None, span), None),
                item(boolean(true, span), Some("__sx_matched")),
            ],
            vec![m.source.clone()],
            None,
            span,
        ));
        let joined = Relation::Join {
            kind: JoinKind::Left,
            left: Box::new(target_rel.clone()),
            right: Box::new(Relation::Derived {
                query: Box::new(inner),
                alias: Some(ident(&salias, span)),
                columns: vec![],
                span,
            }),
            on: Some(on.clone()),
            span,
        };
        let flag = col(Some(&salias), "__sx_matched", span);
        (joined, is_null(flag.clone(), true), is_null(flag, false))
    } else {
        let cnt = bin(
            BinaryOp::Gt,
            subquery(correlated(
                count_star(span),
                std::slice::from_ref(&m.source),
                std::slice::from_ref(&on),
                span,
            )),
            Expr::typed(
                ExprKind::Literal {
                    value: Literal::Integer("0".into()),
                },
                span,
                DataType::Int,
            ),
        );
        (target_rel.clone(), cnt.clone(), not(cnt))
    };
    let row_clauses: Vec<(Expr, &MergeClause)> = m
        .clauses
        .iter()
        .filter(|c| c.matched != MergeMatch::NotMatchedByTarget)
        .map(|c| {
            let flag = if c.matched == MergeMatch::Matched {
                matched_flag.clone()
            } else {
                unmatched_flag.clone()
            };
            let when = match &c.condition {
                Some(cond) => bin(BinaryOp::And, flag, nested(cond.clone())),
                None => flag,
            };
            (when, c)
        })
        .collect();
    let mut items_a = Vec::new();
    for c in cols {
        let old = qual_col(&tq, &c.name, span, &c.ty);
        let arms: Vec<(Expr, Expr)> = row_clauses
            .iter()
            .map(|(when, cl)| {
                let v = match &cl.action {
                    MergeAction::Update { assignments } => assignments
                        .iter()
                        .find(|a| a.column.value.eq_ignore_ascii_case(&c.name))
                        .map(|a| a.value.clone())
                        .unwrap_or_else(|| old.clone()),
                    _ => old.clone(),
                };
                (when.clone(), v)
            })
            .collect();
        let assigned = row_clauses.iter().any(|(_, cl)| {
            matches!(&cl.action, MergeAction::Update { assignments }
                if assignments.iter().any(|a| a.column.value.eq_ignore_ascii_case(&c.name)))
        });
        let e = if assigned {
            case(arms, Some(old), span)
        } else {
            old
        };
        items_a.push(item(e, Some(&c.name)));
    }
    let deletes = row_clauses
        .iter()
        .any(|(_, cl)| matches!(cl.action, MergeAction::Delete));
    let where_a = if deletes {
        let arms = row_clauses
            .iter()
            .map(|(when, cl)| {
                (
                    when.clone(),
                    boolean(matches!(cl.action, MergeAction::Delete), span),
                )
            })
            .collect();
        Some(not(case(arms, Some(boolean(false, span)), span)))
    } else {
        None
    };
    let part_a = select(items_a, vec![from], where_a, span);

    // Part B: inserted rows.
    let inserts: Vec<&MergeClause> = m
        .clauses
        .iter()
        .filter(|c| c.matched == MergeMatch::NotMatchedByTarget)
        .collect();
    let body = if inserts.is_empty() {
        SetExpr::Select(Box::new(part_a))
    } else {
        let mut items_b = Vec::new();
        for c in cols {
            let value_of = |cl: &MergeClause| -> Expr {
                if let MergeAction::Insert { columns, values } = &cl.action {
                    let pos = if columns.is_empty() {
                        cols.iter().position(|k| k.name == c.name)
                    } else {
                        columns
                            .iter()
                            .position(|k| k.value.eq_ignore_ascii_case(&c.name))
                    };
                    if let Some(v) = pos.and_then(|p| values.get(p)) {
                        return v.clone();
                    }
                }
                c.default.clone().unwrap_or_else(|| null(span))
            };
            let e = if inserts.len() == 1 && inserts[0].condition.is_none() {
                value_of(inserts[0])
            } else {
                let arms = inserts
                    .iter()
                    .map(|cl| {
                        (
                            cl.condition
                                .clone()
                                .map(nested)
                                .unwrap_or_else(|| boolean(true, span)),
                            value_of(cl),
                        )
                    })
                    .collect();
                case(arms, None, span)
            };
            items_b.push(item(e, Some(&c.name)));
        }
        let not_there = exists(
            correlated(
                int(1, span),
                std::slice::from_ref(&target_rel),
                std::slice::from_ref(&on),
                span,
            ),
            true,
        );
        let mut filters = vec![not_there];
        if inserts.iter().all(|c| c.condition.is_some()) {
            let any = or_all(
                inserts
                    .iter()
                    .filter_map(|c| c.condition.clone())
                    .map(is_true)
                    .collect(),
            );
            if let Some(any) = any {
                filters.push(nested(any));
            }
        }
        let part_b = select(items_b, vec![m.source.clone()], and_all(filters), span);
        SetExpr::SetOp {
            op: SetOp::Union,
            all: true,
            left: Box::new(SetExpr::Select(Box::new(part_a))),
            right: Box::new(SetExpr::Select(Box::new(part_b))),
        }
    };
    Ok(Query {
        with: vec![],
        recursive: false,
        body,
        order_by: vec![],
        limit: None,
        span,
    })
}
