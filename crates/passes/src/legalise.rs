//! Legalise pass: rewrites what the target profile cannot run.
//!
//! Both profiles:
//! - `TOP n WITH TIES` → `rank() OVER (ORDER BY <the query's ORDER BY>) <= n`, and
//!   `TOP n PERCENT` → `row_number() OVER (ORDER BY …) <= ceil(n * count(*) OVER () / 100.0)`
//!   (`rank()` when both). Databricks: as `Select.qualify`. Portable (open-source Spark
//!   4.1 has no QUALIFY): the query is wrapped:
//!   `SELECT <names> FROM (<query> + rank() … AS __sx_rank) AS __sx_top WHERE __sx_rank <= n ORDER BY <names>`.
//!
//! Databricks profile:
//! - `UPDATE … FROM t a JOIN s …` / `DELETE a FROM t a JOIN s …` (inner joins only) →
//!   `MERGE INTO t a USING <s> ON <join conditions AND where> WHEN MATCHED THEN UPDATE / DELETE`.
//!   When the FROM holds only the target, the statement becomes a plain UPDATE/DELETE.
//!
//! Portable profile (no UPDATE / DELETE / MERGE on plain tables, and no INSERT
//! OVERWRITE of a table the same statement reads): each row-level statement becomes
//! `CREATE TABLE <t>__sx_stage AS SELECT <new contents>`, `INSERT OVERWRITE <t> SELECT *
//! FROM <t>__sx_stage`, `DROP TABLE IF EXISTS <t>__sx_stage`; a DELETE without WHERE
//! becomes TRUNCATE. See the functions `update_contents`, `delete_contents` and
//! `merge_contents` for the exact shapes.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::visit::{self, VisitorMut, MAX_DEPTH};
use sqlxlate_ir::{
    AggFunc, Assignment, BinaryOp, DataType, Expr, ExprKind, Ident, InsertSource, JoinKind,
    Literal, Merge, MergeAction, MergeClause, MergeMatch, Module, ObjectKind, OrderBy, Profile,
    Query, Relation, SelectItem, SetExpr, SetOp, Stmt, StmtKind, TableName, Unit, UnitKind,
    WindowFunc, WindowSpec,
};

use crate::build::*;
use crate::types::{table_key, ColumnInfo, SchemaCatalog};
use crate::PassOptions;

/// Runs the legalise pass.
pub fn run(module: &mut Module, options: &PassOptions, catalog: &SchemaCatalog) -> Vec<Diagnostic> {
    let mut top = TopRewrite {
        profile: options.profile,
        diagnostics: Vec::new(),
    };
    visit::walk_module_mut(&mut top, module);
    let mut cx = Cx {
        profile: options.profile,
        catalog,
        diagnostics: top.diagnostics,
    };
    let units = std::mem::take(&mut module.units);
    for u in units {
        let batch = u.batch;
        match u.kind {
            UnitKind::Statement(s) => {
                for s in cx.stmt(s, 0) {
                    module.units.push(Unit {
                        kind: UnitKind::Statement(s),
                        batch,
                    });
                }
            }
            UnitKind::Procedure(mut p) => {
                p.body = cx.stmts(std::mem::take(&mut p.body), 1);
                module.units.push(Unit {
                    kind: UnitKind::Procedure(p),
                    batch,
                });
            }
            UnitKind::Function(mut f) => {
                if let sqlxlate_ir::FunctionBody::Statements(b) = &mut f.body {
                    *b = cx.stmts(std::mem::take(b), 1);
                }
                module.units.push(Unit {
                    kind: UnitKind::Function(f),
                    batch,
                });
            }
            kind @ UnitKind::Rule(_) => module.units.push(Unit { kind, batch }),
        }
    }
    cx.diagnostics
}

// ---------------------------------------------------------------------------------
// TOP … WITH TIES / PERCENT
// ---------------------------------------------------------------------------------

struct TopRewrite {
    profile: Profile,
    diagnostics: Vec<Diagnostic>,
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
                if matches!(it.expr.kind, ExprKind::Star { .. }) {
                    return Err("ORDER BY ordinal refers to `*`".into());
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
        // checked before anything is changed.
        let portable = if self.profile == Profile::Portable {
            let names: Vec<String> = sel
                .items
                .iter()
                .map(item_name)
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| {
                    "a select item without a name (`*` or an unnamed expression)".to_string()
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
                let (names, outer_order) = portable.unwrap_or_default();
                sel.items.push(item(rank, Some("__sx_rank")));
                let inner = Query {
                    with: std::mem::take(&mut q.with),
                    recursive: q.recursive,
                    body: std::mem::replace(&mut q.body, SetExpr::Values(vec![])),
                    order_by: vec![],
                    limit: None,
                    span,
                };
                let outer = select(
                    names
                        .iter()
                        .map(|n| item(col(Some("__sx_top"), n, span), None))
                        .collect(),
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
            self.diagnostics.push(Diagnostic::new(
                codes::SX4510.code,
                span,
                "top with ties rewritten to a rank() filter",
            ));
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

// ---------------------------------------------------------------------------------
// Row-level DML
// ---------------------------------------------------------------------------------

struct Cx<'a> {
    profile: Profile,
    catalog: &'a SchemaCatalog,
    diagnostics: Vec<Diagnostic>,
}

/// An UPDATE/DELETE FROM clause taken apart: the target's alias, the other relations,
/// and every join condition plus the WHERE clause.
struct Shape {
    target_alias: Option<Ident>,
    others: Vec<Relation>,
    conds: Vec<Expr>,
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

fn shape(
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

/// A constant expression (a literal, possibly negated, parenthesised or cast).
fn is_constant(e: &Expr, depth: usize) -> bool {
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
    fn insert_portable(
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
        self.diagnostics.push(Diagnostic::new(
            codes::SX4513.code,
            span,
            format!("insert computes the {} itself", what.join(", ")),
        ));
        let mut names: Vec<Ident> = given.iter().map(|g| ident(g, span)).collect();
        names.extend(omitted.iter().map(|c| ident(&c.name, span)));
        StmtKind::Insert {
            target,
            columns: names,
            source: InsertSource::Query(Box::new(query(select(items, from, None, span)))),
            overwrite,
        }
    }

    fn stmts(&mut self, v: Vec<Stmt>, depth: usize) -> Vec<Stmt> {
        let mut out = Vec::with_capacity(v.len());
        for s in v {
            out.extend(self.stmt(s, depth));
        }
        out
    }

    fn stmt(&mut self, s: Stmt, depth: usize) -> Vec<Stmt> {
        if depth > MAX_DEPTH {
            return vec![s];
        }
        let Stmt {
            kind,
            span,
            comments,
        } = s;
        let mut out = match kind {
            StmtKind::If {
                cond,
                then_branch,
                else_branch,
            } => vec![Stmt::new(
                StmtKind::If {
                    cond,
                    then_branch: self.stmts(then_branch, depth + 1),
                    else_branch: self.stmts(else_branch, depth + 1),
                },
                span,
            )],
            StmtKind::While { label, cond, body } => vec![Stmt::new(
                StmtKind::While {
                    label,
                    cond,
                    body: self.stmts(body, depth + 1),
                },
                span,
            )],
            StmtKind::Block(body) => vec![Stmt::new(
                StmtKind::Block(self.stmts(body, depth + 1)),
                span,
            )],
            k @ (StmtKind::Update { .. } | StmtKind::Delete { .. } | StmtKind::Merge(_)) => {
                self.dml(k, span)
            }
            StmtKind::Declare(decls)
                if decls.iter().any(|d| matches!(d.ty, DataType::Table(_))) =>
            {
                // A table variable is a session-scoped table (like a #temp table).
                let mut out = Vec::new();
                let mut scalars = Vec::new();
                for d in decls {
                    let DataType::Table(cols) = &d.ty else {
                        scalars.push(d);
                        continue;
                    };
                    if !scalars.is_empty() {
                        out.push(Stmt::new(
                            StmtKind::Declare(std::mem::take(&mut scalars)),
                            span,
                        ));
                    }
                    let name = TableName {
                        source: sqlxlate_ir::ObjectName {
                            parts: vec![ident(&format!("@{}", d.name), d.span)],
                        },
                        kind: sqlxlate_ir::TableKind::Variable,
                        target: Some(sqlxlate_ir::TargetName {
                            catalog: None,
                            schema: None,
                            name: format!("tv_{}", d.name.to_lowercase()),
                            zone: None,
                        }),
                    };
                    let columns = cols
                        .iter()
                        .map(|(n, t)| sqlxlate_ir::ColumnDef {
                            name: ident(n, d.span),
                            ty: t.clone(),
                            source_type: String::new(),
                            not_null: false,
                            default: None,
                            identity: None,
                            computed: None,
                            span: d.span,
                        })
                        .collect();
                    out.push(Stmt::new(
                        StmtKind::CreateTable(sqlxlate_ir::TableDef {
                            name,
                            columns,
                            constraints: vec![],
                        }),
                        span,
                    ));
                }
                if !scalars.is_empty() {
                    out.push(Stmt::new(StmtKind::Declare(scalars), span));
                }
                out
            }
            StmtKind::CreateTable(mut def) if self.profile == Profile::Portable => {
                // Open-source Spark accepts only constant DEFAULTs; inserts compute the others.
                for c in &mut def.columns {
                    if c.default.as_ref().is_some_and(|d| !is_constant(d, 0)) {
                        c.default = None;
                    }
                }
                vec![Stmt::new(StmtKind::CreateTable(def), span)]
            }
            StmtKind::Insert {
                target,
                columns,
                source,
                overwrite,
            } if self.profile == Profile::Portable => {
                let k = self.insert_portable(target, columns, source, overwrite, span);
                vec![Stmt::new(k, span)]
            }
            k => vec![Stmt::new(k, span)],
        };
        if let Some(first) = out.first_mut() {
            first.comments = comments;
        }
        out
    }

    fn dml(&mut self, k: StmtKind, span: Span) -> Vec<Stmt> {
        match self.profile {
            Profile::Databricks => self.dml_databricks(k, span),
            Profile::Portable => match self.dml_portable(&k, span) {
                Ok(stmts) => {
                    self.diagnostics.push(Diagnostic::new(
                        codes::SX4512.code,
                        span,
                        if matches!(
                            stmts.first().map(|s| &s.kind),
                            Some(StmtKind::Truncate { .. })
                        ) {
                            "delete without where rewritten to truncate".to_string()
                        } else {
                            "row-level dml rewritten through a staging copy of the table"
                                .to_string()
                        },
                    ));
                    stmts
                }
                Err(why) => {
                    self.diagnostics.push(
                        Diagnostic::new(
                            codes::SX2510.code,
                            span,
                            format!("cannot run on open-source spark: {why}"),
                        )
                        .with_hint("add the table's CREATE TABLE to the input, or convert with the databricks profile"),
                    );
                    vec![Stmt::new(k, span)]
                }
            },
        }
    }

    fn join_warning(&mut self, span: Span) {
        self.diagnostics.push(
            Diagnostic::new(
                codes::SX3511.code,
                span,
                "several source rows may match one target row: t-sql uses an arbitrary one",
            )
            .with_hint("make sure the source has at most one row per target row"),
        );
    }

    fn dml_databricks(&mut self, k: StmtKind, span: Span) -> Vec<Stmt> {
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
            self.diagnostics.push(Diagnostic::new(
                codes::SX4511.code,
                span,
                "update or delete with a left join rewritten to exists conditions",
            ));
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
        self.diagnostics.push(Diagnostic::new(
            codes::SX4511.code,
            span,
            "update or delete with a join rewritten to merge",
        ));
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

    fn dml_portable(&mut self, k: &StmtKind, span: Span) -> Result<Vec<Stmt>, String> {
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

    fn columns(&self, t: &TableName) -> Result<Vec<ColumnInfo>, String> {
        self.catalog
            .columns(t)
            .map(|c| c.to_vec())
            .ok_or_else(|| {
                format!(
                    "the columns of `{}` are unknown (no CREATE TABLE in the input), and the rewrite through a staging copy must list them",
                    t.source.dotted()
                )
            })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sqlprint;
    use crate::tests::{module_of, opts, stmt_kinds};
    use sqlxlate_ir::{ColumnDef, TableDef, TableKind};

    pub(super) fn sp() -> Span {
        Span::new(3, 9)
    }
    pub(super) fn coldef(name: &str, ty: DataType) -> ColumnDef {
        crate::tests::coldef_at(name, ty, sp())
    }
    pub(super) fn t(parts: &[&str]) -> TableName {
        table_name(parts, TableKind::Permanent, sp())
    }
    fn vstr(n: u32) -> DataType {
        DataType::String {
            max_len: Some(n),
            fixed: false,
            collation: None,
        }
    }
    pub(super) fn values(rows: Vec<Vec<Expr>>) -> InsertSource {
        InsertSource::Query(Box::new(Query {
            with: vec![],
            recursive: false,
            body: SetExpr::Values(rows),
            order_by: vec![],
            limit: None,
            span: sp(),
        }))
    }
    pub(super) fn assign(c: &str, v: Expr) -> Assignment {
        Assignment {
            column: ident(c, sp()),
            value: v,
        }
    }

    /// The conformance case `tsql/dml_update_merge`, lowered by hand.
    fn dml_update_merge() -> Vec<StmtKind> {
        let member = StmtKind::CreateTable(TableDef {
            name: t(&["dbo", "Member"]),
            columns: vec![
                coldef("MemberID", DataType::Int),
                coldef("PlanCode", vstr(10)),
                coldef("Active", DataType::Boolean),
            ],
            constraints: vec![],
        });
        let stage = StmtKind::CreateTable(TableDef {
            name: t(&["dbo", "MemberStage"]),
            columns: vec![
                coldef("MemberID", DataType::Int),
                coldef("PlanCode", vstr(10)),
            ],
            constraints: vec![],
        });
        let ins1 = StmtKind::Insert {
            target: t(&["dbo", "Member"]),
            columns: vec![],
            source: values(vec![
                vec![int(1, sp()), string("GOLD", sp()), int(1, sp())],
                vec![int(2, sp()), string("SILVER", sp()), int(1, sp())],
                vec![int(3, sp()), string("BRONZE", sp()), int(1, sp())],
            ]),
            overwrite: false,
        };
        let ins2 = StmtKind::Insert {
            target: t(&["dbo", "MemberStage"]),
            columns: vec![],
            source: values(vec![
                vec![int(2, sp()), string("GOLD", sp())],
                vec![int(4, sp()), string("SILVER", sp())],
            ]),
            overwrite: false,
        };
        let upd = StmtKind::Update {
            target: t(&["m"]),
            alias: None,
            assignments: vec![assign("PlanCode", col(Some("s"), "PlanCode", sp()))],
            from: vec![Relation::Join {
                kind: JoinKind::Inner,
                left: Box::new(rel(t(&["dbo", "Member"]), Some("m"), sp())),
                right: Box::new(rel(t(&["dbo", "MemberStage"]), Some("s"), sp())),
                on: Some(bin(
                    BinaryOp::Eq,
                    col(Some("s"), "MemberID", sp()),
                    col(Some("m"), "MemberID", sp()),
                )),
                span: sp(),
            }],
            selection: None,
        };
        let merge = StmtKind::Merge(Box::new(Merge {
            target: t(&["dbo", "Member"]),
            target_alias: Some(ident("t", sp())),
            source: rel(t(&["dbo", "MemberStage"]), Some("s"), sp()),
            on: bin(
                BinaryOp::Eq,
                col(Some("t"), "MemberID", sp()),
                col(Some("s"), "MemberID", sp()),
            ),
            clauses: vec![
                MergeClause {
                    matched: MergeMatch::NotMatchedByTarget,
                    condition: None,
                    action: MergeAction::Insert {
                        columns: vec![
                            ident("MemberID", sp()),
                            ident("PlanCode", sp()),
                            ident("Active", sp()),
                        ],
                        values: vec![
                            col(Some("s"), "MemberID", sp()),
                            col(Some("s"), "PlanCode", sp()),
                            int(1, sp()),
                        ],
                    },
                },
                MergeClause {
                    matched: MergeMatch::NotMatchedBySource,
                    condition: None,
                    action: MergeAction::Update {
                        assignments: vec![assign("Active", int(0, sp()))],
                    },
                },
            ],
        }));
        let del = StmtKind::Delete {
            target: t(&["dbo", "Member"]),
            alias: None,
            from: vec![],
            selection: Some(bin(
                BinaryOp::And,
                bin(
                    BinaryOp::Eq,
                    col(None, "PlanCode", sp()),
                    string("bronze", sp()),
                ),
                bin(BinaryOp::Eq, col(None, "Active", sp()), int(0, sp())),
            )),
        };
        let mut sel = query(select(
            vec![
                item(col(None, "MemberID", sp()), None),
                item(col(None, "PlanCode", sp()), None),
                item(col(None, "Active", sp()), None),
            ],
            vec![rel(t(&["dbo", "Member"]), None, sp())],
            None,
            sp(),
        ));
        sel.order_by.push(OrderBy {
            expr: col(None, "MemberID", sp()),
            desc: false,
            nulls_first: None,
        });
        vec![
            member,
            stage,
            ins1,
            ins2,
            upd,
            merge,
            del,
            StmtKind::Query(Box::new(sel)),
        ]
    }

    fn printed(m: &Module) -> Vec<String> {
        stmt_kinds(m).iter().map(sqlprint::stmt).collect()
    }

    #[test]
    fn portable_profile_rewrites_update_merge_delete_through_staging() {
        let mut m = module_of(dml_update_merge());
        let r = crate::run(&mut m, &opts(Profile::Portable));
        let sql = printed(&m);
        if std::env::var_os("SX_PRINT_SQL").is_some() {
            for s in &sql {
                println!("{s};");
            }
        }
        assert_eq!(sql.len(), 5 + 3 * 3);
        assert_eq!(
            sql[4],
            "CREATE TABLE spark_catalog.dbo.member__sx_stage AS SELECT m.MemberID AS MemberID, \
             CASE WHEN (SELECT count(*) FROM spark_catalog.dbo.memberstage AS s WHERE (s.MemberID = m.MemberID)) > 0 \
             THEN s.PlanCode ELSE m.PlanCode END AS PlanCode, m.Active AS Active \
             FROM spark_catalog.dbo.member AS m"
                .replace("THEN s.PlanCode", "THEN (SELECT max(s.PlanCode) FROM spark_catalog.dbo.memberstage AS s WHERE (s.MemberID = m.MemberID))")
        );
        assert_eq!(
            sql[5],
            "INSERT OVERWRITE spark_catalog.dbo.member SELECT * FROM spark_catalog.dbo.member__sx_stage"
        );
        assert_eq!(
            sql[6],
            "DROP TABLE IF EXISTS spark_catalog.dbo.member__sx_stage"
        );
        assert_eq!(
            sql[7],
            "CREATE TABLE spark_catalog.dbo.member__sx_stage AS \
             SELECT t.MemberID AS MemberID, t.PlanCode AS PlanCode, \
             CASE WHEN NOT ((SELECT count(*) FROM spark_catalog.dbo.memberstage AS s WHERE (t.MemberID = s.MemberID)) > 0) \
             THEN FALSE ELSE t.Active END AS Active \
             FROM spark_catalog.dbo.member AS t \
             UNION ALL SELECT s.MemberID AS MemberID, s.PlanCode AS PlanCode, TRUE AS Active \
             FROM spark_catalog.dbo.memberstage AS s \
             WHERE NOT EXISTS (SELECT 1 FROM spark_catalog.dbo.member AS t WHERE (t.MemberID = s.MemberID))"
        );
        assert_eq!(
            sql[10],
            "CREATE TABLE spark_catalog.dbo.member__sx_stage AS SELECT * FROM spark_catalog.dbo.member \
             WHERE NOT (coalesce((PlanCode = 'bronze' AND Active = FALSE), FALSE))"
        );
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["SX3511", "SX4512", "SX4512", "SX4512"]);
    }

    #[test]
    fn databricks_profile_turns_update_from_join_into_merge() {
        let mut m = module_of(dml_update_merge());
        let r = crate::run(&mut m, &opts(Profile::Databricks));
        let sql = printed(&m);
        assert_eq!(
            sql[4],
            "MERGE INTO main.dbo.member AS m USING main.dbo.memberstage AS s ON (s.MemberID = m.MemberID) \
             WHEN MATCHED THEN UPDATE SET PlanCode = s.PlanCode"
        );
        // MERGE and DELETE stay as they are (with BIT literals made boolean).
        assert!(
            sql[5].ends_with("WHEN NOT MATCHED BY SOURCE THEN UPDATE SET Active = FALSE"),
            "{}",
            sql[5]
        );
        assert!(
            sql[5].contains("VALUES (s.MemberID, s.PlanCode, TRUE)"),
            "{}",
            sql[5]
        );
        assert_eq!(
            sql[6],
            "DELETE FROM main.dbo.member WHERE PlanCode = 'bronze' AND Active = FALSE"
        );
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["SX4511", "SX3511"]);
    }

    #[test]
    fn portable_insert_computes_identity_and_non_constant_defaults() {
        let mut id = coldef("run_id", DataType::Int);
        id.identity = Some((1, 1));
        let mut g = coldef("guid", DataType::string());
        g.default = Some(Expr::typed(
            ExprKind::Func {
                func: sqlxlate_ir::Func::NewUuid,
                args: vec![],
            },
            sp(),
            DataType::string(),
        ));
        let create = StmtKind::CreateTable(TableDef {
            name: t(&["dbo", "Run"]),
            columns: vec![id, g, coldef("note", vstr(20))],
            constraints: vec![],
        });
        let ins = StmtKind::Insert {
            target: t(&["dbo", "Run"]),
            columns: vec![ident("note", sp())],
            source: values(vec![vec![string("a", sp())], vec![string("b", sp())]]),
            overwrite: false,
        };
        let mut m = module_of(vec![create.clone(), ins.clone()]);
        let r = crate::run(&mut m, &opts(Profile::Portable));
        let kinds = stmt_kinds(&m);
        let StmtKind::CreateTable(def) = &kinds[0] else {
            panic!("{:?}", kinds[0]);
        };
        assert!(def.columns[1].default.is_none());
        let StmtKind::Insert { columns, .. } = &kinds[1] else {
            panic!("{:?}", kinds[1]);
        };
        let names: Vec<&str> = columns.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(names, vec!["note", "run_id", "guid"]);
        let sql = printed(&m);
        assert!(
            sql[1].starts_with("INSERT INTO spark_catalog.dbo.run SELECT __sx_src.note, "),
            "{}",
            sql[1]
        );
        assert!(
            sql[1].contains("row_number() OVER (ORDER BY __sx_src.__sx_ord)"),
            "{}",
            sql[1]
        );
        assert!(sql[1].contains("('a', 1), ('b', 2)"), "{}", sql[1]);
        assert!(r.diagnostics.iter().any(|d| d.code == "SX4513"));
        // The Databricks profile keeps the statement.
        let mut m = module_of(vec![create, ins]);
        crate::run(&mut m, &opts(Profile::Databricks));
        assert!(
            printed(&m)[1].contains("VALUES ('a'), ('b')"),
            "{}",
            printed(&m)[1]
        );
    }

    #[test]
    fn databricks_update_from_left_join_becomes_exists_conditions() {
        let upd = StmtKind::Update {
            target: t(&["dbo", "Provider"]),
            alias: Some(ident("p", sp())),
            assignments: vec![assign("Dormant", int(1, sp()))],
            from: vec![Relation::Join {
                kind: JoinKind::Left,
                left: Box::new(rel(t(&["dbo", "Provider"]), Some("p"), sp())),
                right: Box::new(rel(t(&["dbo", "Claim"]), Some("c"), sp())),
                on: Some(bin(
                    BinaryOp::Eq,
                    col(Some("c"), "NPI", sp()),
                    col(Some("p"), "NPI", sp()),
                )),
                span: sp(),
            }],
            selection: Some(is_null(col(Some("c"), "ClaimID", sp()), false)),
        };
        let mut m = module_of(vec![upd]);
        let r = crate::run(&mut m, &opts(Profile::Databricks));
        let sql = printed(&m);
        assert!(
            sql[0].starts_with("UPDATE main.dbo.provider AS p SET Dormant = 1 WHERE EXISTS"),
            "{}",
            sql[0]
        );
        assert!(sql[0].contains("NOT EXISTS"), "{}", sql[0]);
        assert!(sql[0].contains("NULL IS NULL"), "{}", sql[0]);
        assert!(r.diagnostics.iter().all(|d| d.code != "SX2511"));
    }

    #[test]
    fn unknown_schema_update_is_left_with_an_error_in_portable() {
        let upd = StmtKind::Update {
            target: t(&["ext", "Claims"]),
            alias: None,
            assignments: vec![assign("Status", string("X", sp()))],
            from: vec![],
            selection: None,
        };
        let del_all = StmtKind::Delete {
            target: t(&["ext", "Claims"]),
            alias: None,
            from: vec![],
            selection: None,
        };
        let mut m = module_of(vec![upd, del_all]);
        let r = crate::run(&mut m, &opts(Profile::Portable));
        let sql = printed(&m);
        assert!(sql[0].starts_with("UPDATE spark_catalog.ext.claims SET Status = 'X'"));
        assert_eq!(sql[1], "TRUNCATE TABLE spark_catalog.ext.claims");
        assert_eq!(r.diagnostics[0].code, "SX2510");
        assert_eq!(
            r.diagnostics[0].severity,
            sqlxlate_diagnostics::Severity::Error
        );
    }

    fn top_query(with_ties: bool, percent: bool) -> StmtKind {
        let mut q = query(select(
            vec![
                item(col(None, "id", sp()), None),
                item(col(None, "score", sp()), Some("s")),
            ],
            vec![rel(t(&["T"]), None, sp())],
            None,
            sp(),
        ));
        q.order_by.push(OrderBy {
            expr: col(None, "s", sp()),
            desc: true,
            nulls_first: None,
        });
        q.limit = Some(sqlxlate_ir::Limit {
            count: Some(int(3, sp())),
            offset: None,
            percent,
            with_ties,
        });
        StmtKind::Query(Box::new(q))
    }

    #[test]
    fn top_with_ties_becomes_qualify_rank_on_databricks() {
        let mut m = module_of(vec![top_query(true, false)]);
        let r = crate::run(&mut m, &opts(Profile::Databricks));
        assert_eq!(
            printed(&m)[0],
            "SELECT id, score AS s FROM main.dbo.t QUALIFY rank() OVER (ORDER BY score DESC) <= 3 ORDER BY s DESC"
        );
        assert_eq!(r.diagnostics[0].code, "SX4510");
    }

    #[test]
    fn top_percent_is_wrapped_in_portable() {
        let mut m = module_of(vec![top_query(false, true)]);
        let r = crate::run(&mut m, &opts(Profile::Portable));
        assert_eq!(
            printed(&m)[0],
            "SELECT __sx_top.id, __sx_top.s FROM (SELECT id, score AS s, count(*) OVER () AS __sx_count, \
             row_number() OVER (ORDER BY score DESC) AS __sx_rank FROM spark_catalog.dbo.t) AS __sx_top \
             WHERE __sx_top.__sx_rank <= ceil((3) * __sx_top.__sx_count / 100.0) ORDER BY __sx_top.s DESC"
        );
        assert_eq!(r.diagnostics[0].code, "SX3510");
    }
}

#[cfg(test)]
mod more_tests {
    use super::tests::{assign, coldef, sp, t, values};
    use super::*;
    use crate::sqlprint;
    use crate::tests::{module_of, opts, stmt_kinds};
    use sqlxlate_ir::TableDef;

    fn eq(a: Expr, b: Expr) -> Expr {
        bin(BinaryOp::Eq, a, b)
    }

    /// A MERGE with every clause kind, conditions and a DELETE; a DELETE with a join; an
    /// UPDATE with WHERE. Expected final rows of dbo.A: (3, c, 0), (4, d, NULL).
    fn scenario() -> Vec<StmtKind> {
        let a = StmtKind::CreateTable(TableDef {
            name: t(&["dbo", "A"]),
            columns: vec![
                coldef("id", DataType::Int),
                coldef("v", DataType::string()),
                coldef("n", DataType::Int),
            ],
            constraints: vec![],
        });
        let b = StmtKind::CreateTable(TableDef {
            name: t(&["dbo", "B"]),
            columns: vec![
                coldef("id", DataType::Int),
                coldef("v", DataType::string()),
                coldef("flag", DataType::Boolean),
            ],
            constraints: vec![],
        });
        let ia = StmtKind::Insert {
            target: t(&["dbo", "A"]),
            columns: vec![],
            source: values(vec![
                vec![int(1, sp()), string("a", sp()), int(10, sp())],
                vec![int(2, sp()), string("b", sp()), int(20, sp())],
                vec![int(3, sp()), string("c", sp()), int(30, sp())],
                vec![int(4, sp()), string("d", sp()), null(sp())],
            ]),
            overwrite: false,
        };
        let ib = StmtKind::Insert {
            target: t(&["dbo", "B"]),
            columns: vec![],
            source: values(vec![
                vec![int(1, sp()), string("x", sp()), int(1, sp())],
                vec![int(2, sp()), string("y", sp()), int(0, sp())],
                vec![int(5, sp()), string("z", sp()), int(1, sp())],
            ]),
            overwrite: false,
        };
        let upd = StmtKind::Update {
            target: t(&["dbo", "A"]),
            alias: None,
            assignments: vec![assign(
                "n",
                bin(BinaryOp::Add, col(None, "n", sp()), int(1, sp())),
            )],
            from: vec![],
            selection: Some(eq(col(None, "v", sp()), string("B", sp()))),
        };
        let merge = StmtKind::Merge(Box::new(Merge {
            target: t(&["dbo", "A"]),
            target_alias: Some(ident("t", sp())),
            source: rel(t(&["dbo", "B"]), Some("s"), sp()),
            on: eq(col(Some("t"), "id", sp()), col(Some("s"), "id", sp())),
            clauses: vec![
                MergeClause {
                    matched: MergeMatch::Matched,
                    condition: Some(eq(col(Some("s"), "flag", sp()), int(1, sp()))),
                    action: MergeAction::Update {
                        assignments: vec![assign("v", col(Some("s"), "v", sp()))],
                    },
                },
                MergeClause {
                    matched: MergeMatch::Matched,
                    condition: None,
                    action: MergeAction::Delete,
                },
                MergeClause {
                    matched: MergeMatch::NotMatchedByTarget,
                    condition: None,
                    action: MergeAction::Insert {
                        columns: vec![ident("id", sp()), ident("v", sp())],
                        values: vec![col(Some("s"), "id", sp()), col(Some("s"), "v", sp())],
                    },
                },
                MergeClause {
                    matched: MergeMatch::NotMatchedBySource,
                    condition: Some(bin(BinaryOp::Gt, col(Some("t"), "n", sp()), int(25, sp()))),
                    action: MergeAction::Update {
                        assignments: vec![assign("n", int(0, sp()))],
                    },
                },
            ],
        }));
        let del = StmtKind::Delete {
            target: t(&["a"]),
            alias: None,
            from: vec![Relation::Join {
                kind: JoinKind::Inner,
                left: Box::new(rel(t(&["dbo", "A"]), Some("a"), sp())),
                right: Box::new(rel(t(&["dbo", "B"]), Some("b"), sp())),
                on: Some(eq(col(Some("b"), "id", sp()), col(Some("a"), "id", sp()))),
                span: sp(),
            }],
            selection: Some(eq(col(Some("b"), "flag", sp()), int(1, sp()))),
        };
        let mut top = query(select(
            vec![
                item(col(None, "id", sp()), None),
                item(col(None, "n", sp()), None),
            ],
            vec![rel(t(&["dbo", "A"]), None, sp())],
            None,
            sp(),
        ));
        top.order_by.push(OrderBy {
            expr: col(None, "id", sp()),
            desc: true,
            nulls_first: None,
        });
        top.limit = Some(sqlxlate_ir::Limit {
            count: Some(int(1, sp())),
            offset: None,
            percent: false,
            with_ties: true,
        });
        vec![
            a,
            b,
            ia,
            ib,
            upd,
            merge,
            del,
            StmtKind::Query(Box::new(top)),
        ]
    }

    #[test]
    fn portable_merge_with_every_clause_kind() {
        let mut m = module_of(scenario());
        let r = crate::run(&mut m, &opts(Profile::Portable));
        let sql: Vec<String> = stmt_kinds(&m).iter().map(sqlprint::stmt).collect();
        if std::env::var_os("SX_PRINT_SQL").is_some() {
            for s in &sql {
                println!("{s};");
            }
        }
        assert_eq!(
            sql[4],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT id AS id, v AS v, \
             CASE WHEN (v = 'B') THEN n + 1 ELSE n END AS n FROM spark_catalog.dbo.a"
        );
        assert_eq!(
            sql[7],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT t.id AS id, \
             CASE WHEN s.__sx_matched IS NOT NULL AND (s.flag = TRUE) THEN s.v \
             WHEN s.__sx_matched IS NOT NULL THEN t.v \
             WHEN s.__sx_matched IS NULL AND (t.n > 25) THEN t.v ELSE t.v END AS v, \
             CASE WHEN s.__sx_matched IS NOT NULL AND (s.flag = TRUE) THEN t.n \
             WHEN s.__sx_matched IS NOT NULL THEN t.n \
             WHEN s.__sx_matched IS NULL AND (t.n > 25) THEN 0 ELSE t.n END AS n \
             FROM spark_catalog.dbo.a AS t LEFT JOIN (SELECT *, TRUE AS __sx_matched FROM spark_catalog.dbo.b AS s) AS s \
             ON (t.id = s.id) \
             WHERE NOT (CASE WHEN s.__sx_matched IS NOT NULL AND (s.flag = TRUE) THEN FALSE \
             WHEN s.__sx_matched IS NOT NULL THEN TRUE \
             WHEN s.__sx_matched IS NULL AND (t.n > 25) THEN FALSE ELSE FALSE END) \
             UNION ALL SELECT s.id AS id, s.v AS v, NULL AS n FROM spark_catalog.dbo.b AS s \
             WHERE NOT EXISTS (SELECT 1 FROM spark_catalog.dbo.a AS t WHERE (t.id = s.id))"
        );
        assert_eq!(
            sql[10],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT * FROM spark_catalog.dbo.a AS a \
             WHERE NOT EXISTS (SELECT 1 FROM spark_catalog.dbo.b AS b WHERE (b.id = a.id) AND (b.flag = TRUE))"
        );
        assert!(r.diagnostics.iter().any(|d| d.code == "SX3512"));
    }

    #[test]
    fn update_join_value_mixing_target_and_source_columns() {
        let mut stmts = scenario();
        stmts.truncate(4);
        stmts.push(StmtKind::Update {
            target: t(&["m"]),
            alias: None,
            assignments: vec![assign(
                "n",
                bin(
                    BinaryOp::Add,
                    col(Some("m"), "n", sp()),
                    col(Some("s"), "id", sp()),
                ),
            )],
            from: vec![Relation::Join {
                kind: JoinKind::Inner,
                left: Box::new(rel(t(&["dbo", "A"]), Some("m"), sp())),
                right: Box::new(rel(t(&["dbo", "B"]), Some("s"), sp())),
                on: Some(eq(col(Some("s"), "id", sp()), col(Some("m"), "id", sp()))),
                span: sp(),
            }],
            selection: None,
        });
        let mut m = module_of(stmts);
        crate::run(&mut m, &opts(Profile::Portable));
        let sql: Vec<String> = stmt_kinds(&m).iter().map(sqlprint::stmt).collect();
        assert_eq!(
            sql[4],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT m.id AS id, m.v AS v, \
             CASE WHEN (SELECT count(*) FROM spark_catalog.dbo.b AS s WHERE (s.id = m.id)) > 0 \
             THEN m.n + (SELECT max(s.id) FROM spark_catalog.dbo.b AS s WHERE (s.id = m.id)) ELSE m.n END AS n \
             FROM spark_catalog.dbo.a AS m"
        );
    }
}
