//! Walkers over the IR.
//!
//! Two visitor traits with the same shape: [`Visitor`] (shared references) and
//! [`VisitorMut`] (mutable references). Every hook has an empty default, so a pass
//! implements only what it needs. The `walk_*` functions drive a visitor through a
//! subtree; `walk_*_mut` are the mutable versions.
//!
//! Order of traversal:
//! - expressions: [`VisitorMut::enter_expr`] (pre-order; return `false` to skip the
//!   children), then the children left to right (including subqueries inside
//!   expressions), then [`VisitorMut::leave_expr`] (post-order, the place for
//!   bottom-up rewrites: a node may be replaced there).
//! - queries: `enter_query` (before the CTEs), the CTE definitions, the body,
//!   `enter_order_by`, the ORDER BY, `leave_order_by`, the LIMIT, then `leave_query`.
//! - SELECT blocks: the FROM clause first (so that relations, derived tables and
//!   their subqueries are visited before anything that refers to them), then
//!   `enter_select`, then items, WHERE, GROUP BY, HAVING, QUALIFY, then `leave_select`.
//! - every table reference is reported to [`VisitorMut::table`] with how the
//!   enclosing statement uses it ([`TableRole`]), in source order (a statement's
//!   target or created table before the tables it reads).
//! - statements: `enter_stmt` (return `false` to skip the children), the children
//!   including nested bodies, then `leave_stmt`.
//!
//! Depth: the walk is recursive but bounded. Each nested expression, query, relation
//! and statement counts one level; at [`MAX_DEPTH`] the subtree is not entered and
//! [`VisitorMut::too_deep`] is called once with its span instead, so hostile input
//! cannot overflow the stack.

use crate::{
    AlterAction, Constraint, Cte, Expr, ExprKind, FunctionBody, GroupBy, InsertSource, MergeAction,
    Module, OrderBy, Query, Relation, Select, SetExpr, Span, Stmt, StmtKind, TableName, UnitKind,
    WindowSpec,
};

/// Maximum nesting depth the walkers enter.
pub const MAX_DEPTH: usize = 256;

/// How a statement uses a table reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableRole {
    /// Read (FROM, JOIN, USING, subqueries, foreign-key references).
    Read,
    /// Written: INSERT / UPDATE / DELETE / MERGE target, TRUNCATE, DROP, ALTER, CREATE INDEX.
    Write,
    /// Created: CREATE TABLE, SELECT INTO, CREATE VIEW.
    Create,
}

macro_rules! visitor {
    ($(#[$doc:meta])* $trait:ident, $modname:ident, $($m:ident)?) => {
        $(#[$doc])*
        #[allow(unused_variables)]
        pub trait $trait {
            /// Before an expression's children; return `false` to skip them
            /// (`leave_expr` is still called).
            fn enter_expr(&mut self, e: &$($m)? Expr) -> bool {
                true
            }
            /// After an expression's children.
            fn leave_expr(&mut self, e: &$($m)? Expr) {}
            /// Before a query (its CTEs are not visited yet).
            fn enter_query(&mut self, q: &$($m)? Query) {}
            /// After a query's body, before its ORDER BY (called even when it is empty).
            fn enter_order_by(&mut self, q: &$($m)? Query) {}
            /// After a query's ORDER BY.
            fn leave_order_by(&mut self, q: &$($m)? Query) {}
            /// After a query.
            fn leave_query(&mut self, q: &$($m)? Query) {}
            /// After a SELECT's FROM clause, before its other clauses.
            fn enter_select(&mut self, s: &$($m)? Select) {}
            /// After a SELECT block.
            fn leave_select(&mut self, s: &$($m)? Select) {}
            /// Before a FROM-clause relation.
            fn enter_relation(&mut self, r: &$($m)? Relation) {}
            /// After a FROM-clause relation.
            fn leave_relation(&mut self, r: &$($m)? Relation) {}
            /// Every table reference, with how it is used.
            fn table(&mut self, t: &$($m)? TableName, role: TableRole) {}
            /// Before a statement; return `false` to skip its children
            /// (`leave_stmt` is still called).
            fn enter_stmt(&mut self, s: &$($m)? Stmt) -> bool {
                true
            }
            /// After a statement.
            fn leave_stmt(&mut self, s: &$($m)? Stmt) {}
            /// A subtree was not entered because it is nested deeper than [`MAX_DEPTH`].
            fn too_deep(&mut self, span: Span) {}
        }

        /// Walk functions for this visitor kind.
        pub mod $modname {
            use super::*;

            /// Walks a whole module: every unit, in order.
            pub fn walk_module<V: $trait + ?Sized>(v: &mut V, m: &$($m)? Module) {
                for u in & $($m)? m.units {
                    match & $($m)? u.kind {
                        UnitKind::Statement(s) => walk_stmt(v, s, 0),
                        UnitKind::Procedure(p) => {
                            for prm in & $($m)? p.params {
                                if let Some(d) = & $($m)? prm.default {
                                    walk_expr(v, d, 1);
                                }
                            }
                            walk_stmts(v, & $($m)? p.body, 1);
                        }
                        UnitKind::Function(f) => {
                            for prm in & $($m)? f.params {
                                if let Some(d) = & $($m)? prm.default {
                                    walk_expr(v, d, 1);
                                }
                            }
                            match & $($m)? f.body {
                                FunctionBody::Scalar(e) => walk_expr(v, e, 1),
                                FunctionBody::Table(q) => walk_query(v, q, 1),
                                FunctionBody::Statements(b) => walk_stmts(v, b, 1),
                            }
                        }
                        UnitKind::Rule(r) => walk_expr(v, & $($m)? r.body, 1),
                    }
                }
            }

            /// Walks a list of statements.
            pub fn walk_stmts<V: $trait + ?Sized>(v: &mut V, stmts: &$($m)? Vec<Stmt>, depth: usize) {
                for s in stmts {
                    walk_stmt(v, s, depth);
                }
            }

            /// Walks one statement and everything inside it.
            pub fn walk_stmt<V: $trait + ?Sized>(v: &mut V, s: &$($m)? Stmt, depth: usize) {
                if depth >= MAX_DEPTH {
                    v.too_deep(s.span);
                    return;
                }
                let d = depth + 1;
                if v.enter_stmt(s) {
                    match & $($m)? s.kind {
                        StmtKind::Query(q) => walk_query(v, q, d),
                        StmtKind::CreateTableAs { name, query } => {
                            // Source order: `SELECT … INTO t FROM …` names t first.
                            v.table(name, TableRole::Create);
                            walk_query(v, query, d);
                        }
                        StmtKind::CreateTable(def) => {
                            v.table(& $($m)? def.name, TableRole::Create);
                            for c in & $($m)? def.columns {
                                if let Some(e) = & $($m)? c.default {
                                    walk_expr(v, e, d);
                                }
                                if let Some(e) = & $($m)? c.computed {
                                    walk_expr(v, e, d);
                                }
                            }
                            for c in & $($m)? def.constraints {
                                walk_constraint(v, c, d);
                            }
                        }
                        StmtKind::AlterTable { name, actions } => {
                            v.table(name, TableRole::Write);
                            for a in actions {
                                match a {
                                    AlterAction::AddColumns(cols) => {
                                        for c in cols {
                                            if let Some(e) = & $($m)? c.default {
                                                walk_expr(v, e, d);
                                            }
                                            if let Some(e) = & $($m)? c.computed {
                                                walk_expr(v, e, d);
                                            }
                                        }
                                    }
                                    AlterAction::AlterColumn(c) => {
                                        if let Some(e) = & $($m)? c.default {
                                            walk_expr(v, e, d);
                                        }
                                    }
                                    AlterAction::AddConstraint(c) => walk_constraint(v, c, d),
                                    AlterAction::DropColumns(_) | AlterAction::DropConstraint(_) => {}
                                }
                            }
                        }
                        StmtKind::Drop { names, .. } => {
                            for n in names {
                                v.table(n, TableRole::Write);
                            }
                        }
                        StmtKind::CreateView { name, query, .. } => {
                            v.table(name, TableRole::Create);
                            walk_query(v, query, d);
                        }
                        StmtKind::CreateIndex { table, .. } => v.table(table, TableRole::Write),
                        StmtKind::Insert { target, source, .. } => {
                            v.table(target, TableRole::Write);
                            if let InsertSource::Query(q) = source {
                                walk_query(v, q, d);
                            }
                        }
                        StmtKind::Update { target, assignments, from, selection, .. } => {
                            v.table(target, TableRole::Write);
                            for r in from {
                                walk_relation(v, r, d);
                            }
                            for a in assignments {
                                walk_expr(v, & $($m)? a.value, d);
                            }
                            if let Some(e) = selection {
                                walk_expr(v, e, d);
                            }
                        }
                        StmtKind::Delete { target, from, selection, .. } => {
                            v.table(target, TableRole::Write);
                            for r in from {
                                walk_relation(v, r, d);
                            }
                            if let Some(e) = selection {
                                walk_expr(v, e, d);
                            }
                        }
                        StmtKind::Merge(mg) => {
                            v.table(& $($m)? mg.target, TableRole::Write);
                            walk_relation(v, & $($m)? mg.source, d);
                            walk_expr(v, & $($m)? mg.on, d);
                            for c in & $($m)? mg.clauses {
                                if let Some(e) = & $($m)? c.condition {
                                    walk_expr(v, e, d);
                                }
                                match & $($m)? c.action {
                                    MergeAction::Update { assignments } => {
                                        for a in assignments {
                                            walk_expr(v, & $($m)? a.value, d);
                                        }
                                    }
                                    MergeAction::Delete => {}
                                    MergeAction::Insert { values, .. } => {
                                        for e in values {
                                            walk_expr(v, e, d);
                                        }
                                    }
                                }
                            }
                        }
                        StmtKind::Truncate { name } => v.table(name, TableRole::Write),
                        StmtKind::Declare(decls) => {
                            for dcl in decls {
                                if let Some(e) = & $($m)? dcl.init {
                                    walk_expr(v, e, d);
                                }
                            }
                        }
                        StmtKind::SetVar { value, .. } => walk_expr(v, value, d),
                        StmtKind::SetVarsFromQuery { query, .. } => walk_query(v, query, d),
                        StmtKind::If { cond, then_branch, else_branch } => {
                            walk_expr(v, cond, d);
                            walk_stmts(v, then_branch, d);
                            walk_stmts(v, else_branch, d);
                        }
                        StmtKind::While { cond, body, .. } => {
                            walk_expr(v, cond, d);
                            walk_stmts(v, body, d);
                        }
                        StmtKind::Block(body) => walk_stmts(v, body, d),
                        StmtKind::Return(e) => {
                            if let Some(e) = e {
                                walk_expr(v, e, d);
                            }
                        }
                        StmtKind::Call { args, .. } => {
                            for (_, e) in args {
                                walk_expr(v, e, d);
                            }
                        }
                        StmtKind::Break
                        | StmtKind::Continue
                        | StmtKind::Dropped { .. }
                        | StmtKind::Unconverted(_) => {}
                    }
                }
                v.leave_stmt(s);
            }

            fn walk_constraint<V: $trait + ?Sized>(v: &mut V, c: &$($m)? Constraint, d: usize) {
                match c {
                    Constraint::ForeignKey { references, .. } => v.table(references, TableRole::Read),
                    Constraint::Check { expr, .. } => walk_expr(v, expr, d),
                    Constraint::PrimaryKey { .. } | Constraint::Unique { .. } => {}
                }
            }

            /// Walks a query: CTEs, body, ORDER BY and LIMIT.
            pub fn walk_query<V: $trait + ?Sized>(v: &mut V, q: &$($m)? Query, depth: usize) {
                if depth >= MAX_DEPTH {
                    v.too_deep(q.span);
                    return;
                }
                let d = depth + 1;
                v.enter_query(q);
                for c in & $($m)? q.with {
                    walk_cte(v, c, d);
                }
                walk_set_expr(v, & $($m)? q.body, d);
                v.enter_order_by(q);
                walk_order_by(v, & $($m)? q.order_by, d);
                v.leave_order_by(q);
                if let Some(l) = & $($m)? q.limit {
                    if let Some(e) = & $($m)? l.count {
                        walk_expr(v, e, d);
                    }
                    if let Some(e) = & $($m)? l.offset {
                        walk_expr(v, e, d);
                    }
                }
                v.leave_query(q);
            }

            fn walk_cte<V: $trait + ?Sized>(v: &mut V, c: &$($m)? Cte, d: usize) {
                walk_query(v, & $($m)? c.query, d);
            }

            fn walk_order_by<V: $trait + ?Sized>(v: &mut V, o: &$($m)? Vec<OrderBy>, d: usize) {
                for ob in o {
                    walk_expr(v, & $($m)? ob.expr, d);
                }
            }

            /// Walks a set expression (SELECT, set operation, parenthesised query, VALUES).
            pub fn walk_set_expr<V: $trait + ?Sized>(v: &mut V, s: &$($m)? SetExpr, depth: usize) {
                if depth >= MAX_DEPTH {
                    v.too_deep(Span::default());
                    return;
                }
                let d = depth + 1;
                match s {
                    SetExpr::Select(sel) => walk_select(v, sel, d),
                    SetExpr::SetOp { left, right, .. } => {
                        walk_set_expr(v, left, d);
                        walk_set_expr(v, right, d);
                    }
                    SetExpr::Query(q) => walk_query(v, q, d),
                    SetExpr::Values(rows) => {
                        for row in rows {
                            for e in row {
                                walk_expr(v, e, d);
                            }
                        }
                    }
                }
            }

            /// Walks a SELECT block: FROM, then `enter_select`, then the other clauses.
            pub fn walk_select<V: $trait + ?Sized>(v: &mut V, s: &$($m)? Select, depth: usize) {
                if depth >= MAX_DEPTH {
                    v.too_deep(s.span);
                    return;
                }
                let d = depth + 1;
                for r in & $($m)? s.from {
                    walk_relation(v, r, d);
                }
                v.enter_select(s);
                for it in & $($m)? s.items {
                    walk_expr(v, & $($m)? it.expr, d);
                }
                if let Some(e) = & $($m)? s.selection {
                    walk_expr(v, e, d);
                }
                if let Some(g) = & $($m)? s.group_by {
                    match g {
                        GroupBy::Exprs(es) | GroupBy::Rollup(es) | GroupBy::Cube(es) => {
                            for e in es {
                                walk_expr(v, e, d);
                            }
                        }
                        GroupBy::GroupingSets(sets) => {
                            for es in sets {
                                for e in es {
                                    walk_expr(v, e, d);
                                }
                            }
                        }
                    }
                }
                if let Some(e) = & $($m)? s.having {
                    walk_expr(v, e, d);
                }
                if let Some(e) = & $($m)? s.qualify {
                    walk_expr(v, e, d);
                }
                v.leave_select(s);
            }

            /// Walks a FROM-clause relation.
            pub fn walk_relation<V: $trait + ?Sized>(v: &mut V, r: &$($m)? Relation, depth: usize) {
                if depth >= MAX_DEPTH {
                    v.too_deep(r.span());
                    return;
                }
                let d = depth + 1;
                v.enter_relation(r);
                match r {
                    Relation::Table { name, .. } => v.table(name, TableRole::Read),
                    Relation::Derived { query, .. } => walk_query(v, query, d),
                    Relation::Function { call, .. } => walk_expr(v, call, d),
                    Relation::Join { left, right, on, .. } => {
                        walk_relation(v, left, d);
                        walk_relation(v, right, d);
                        if let Some(e) = on {
                            walk_expr(v, e, d);
                        }
                    }
                    Relation::Pivot { input, agg, .. } => {
                        walk_relation(v, input, d);
                        walk_expr(v, agg, d);
                    }
                    Relation::Unpivot { input, .. } => walk_relation(v, input, d),
                    Relation::Unconverted { .. } => {}
                }
                v.leave_relation(r);
            }

            fn walk_window<V: $trait + ?Sized>(v: &mut V, w: &$($m)? WindowSpec, d: usize) {
                for e in & $($m)? w.partition_by {
                    walk_expr(v, e, d);
                }
                walk_order_by(v, & $($m)? w.order_by, d);
            }

            /// Walks an expression: `enter_expr`, children (subqueries included), `leave_expr`.
            pub fn walk_expr<V: $trait + ?Sized>(v: &mut V, e: &$($m)? Expr, depth: usize) {
                if depth >= MAX_DEPTH {
                    v.too_deep(e.span);
                    return;
                }
                let d = depth + 1;
                if v.enter_expr(e) {
                    match & $($m)? e.kind {
                        ExprKind::Literal { .. }
                        | ExprKind::Column { .. }
                        | ExprKind::Variable { .. }
                        | ExprKind::Star { .. }
                        | ExprKind::StarExcept { .. }
                        | ExprKind::Unconverted { .. } => {}
                        ExprKind::Unary { expr, .. }
                        | ExprKind::Cast { expr, .. }
                        | ExprKind::IsNull { expr, .. }
                        | ExprKind::Collate { expr, .. }
                        | ExprKind::Nested { expr } => walk_expr(v, expr, d),
                        ExprKind::Binary { left, right, .. } => {
                            walk_expr(v, left, d);
                            walk_expr(v, right, d);
                        }
                        ExprKind::Func { args, .. } | ExprKind::Call { args, .. } => {
                            for a in args {
                                walk_expr(v, a, d);
                            }
                        }
                        ExprKind::Agg { args, within_group, over, .. } => {
                            for a in args {
                                walk_expr(v, a, d);
                            }
                            walk_order_by(v, within_group, d);
                            if let Some(w) = over {
                                walk_window(v, w, d);
                            }
                        }
                        ExprKind::Window { args, over, .. } => {
                            for a in args {
                                walk_expr(v, a, d);
                            }
                            walk_window(v, over, d);
                        }
                        ExprKind::Case { operand, whens, else_ } => {
                            if let Some(o) = operand {
                                walk_expr(v, o, d);
                            }
                            for w in whens {
                                walk_expr(v, & $($m)? w.when, d);
                                walk_expr(v, & $($m)? w.then, d);
                            }
                            if let Some(x) = else_ {
                                walk_expr(v, x, d);
                            }
                        }
                        ExprKind::InList { expr, list, .. } => {
                            walk_expr(v, expr, d);
                            for a in list {
                                walk_expr(v, a, d);
                            }
                        }
                        ExprKind::InSubquery { expr, query, .. } => {
                            walk_expr(v, expr, d);
                            walk_query(v, query, d);
                        }
                        ExprKind::Exists { query, .. } | ExprKind::Subquery { query } => {
                            walk_query(v, query, d)
                        }
                        ExprKind::Between { expr, low, high, .. } => {
                            walk_expr(v, expr, d);
                            walk_expr(v, low, d);
                            walk_expr(v, high, d);
                        }
                        ExprKind::Like { expr, pattern, escape, .. } => {
                            walk_expr(v, expr, d);
                            walk_expr(v, pattern, d);
                            if let Some(x) = escape {
                                walk_expr(v, x, d);
                            }
                        }
                    }
                }
                v.leave_expr(e);
            }
        }
    };
}

visitor!(
    /// A read-only visitor; see the module documentation for the order of calls.
    Visitor, shared,
);
visitor!(
    /// A mutating visitor; see the module documentation for the order of calls.
    /// Nodes may be replaced in `leave_*` hooks (their children were already visited).
    VisitorMut, mutable, mut
);

pub use mutable::{
    walk_expr as walk_expr_mut, walk_module as walk_module_mut, walk_query as walk_query_mut,
    walk_relation as walk_relation_mut, walk_select as walk_select_mut,
    walk_set_expr as walk_set_expr_mut, walk_stmt as walk_stmt_mut, walk_stmts as walk_stmts_mut,
};
pub use shared::{
    walk_expr, walk_module, walk_query, walk_relation, walk_select, walk_set_expr, walk_stmt,
    walk_stmts,
};

/// Calls `f` on every expression under `e` (post-order, `e` last), including
/// expressions inside subqueries.
///
/// ```
/// use sqlxlate_ir::{Expr, ExprKind, Literal, Span, visit::for_each_expr_mut};
/// let mut e = Expr::new(ExprKind::Literal { value: Literal::Integer("1".into()) }, Span::default());
/// let mut n = 0;
/// for_each_expr_mut(&mut e, &mut |_| n += 1);
/// assert_eq!(n, 1);
/// ```
pub fn for_each_expr_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    struct F<'a>(&'a mut dyn FnMut(&mut Expr));
    impl VisitorMut for F<'_> {
        fn leave_expr(&mut self, e: &mut Expr) {
            (self.0)(e)
        }
    }
    walk_expr_mut(&mut F(f), e, 0);
}

/// Calls `f` on every expression under `e` (post-order, `e` last), including
/// expressions inside subqueries.
pub fn for_each_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    struct F<'a>(&'a mut dyn FnMut(&Expr));
    impl Visitor for F<'_> {
        fn leave_expr(&mut self, e: &Expr) {
            (self.0)(e)
        }
    }
    walk_expr(&mut F(f), e, 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BinaryOp, Ident, Literal, ObjectName, SelectItem, TableKind, TableName as Tn};

    fn sp() -> Span {
        Span::default()
    }
    fn lit(n: &str) -> Expr {
        Expr::new(
            ExprKind::Literal {
                value: Literal::Integer(n.into()),
            },
            sp(),
        )
    }
    fn table(name: &str) -> Tn {
        Tn {
            source: ObjectName {
                parts: vec![Ident::new(name, sp())],
            },
            kind: TableKind::Permanent,
            target: None,
        }
    }
    fn select_from(name: &str, items: Vec<Expr>) -> Query {
        Query {
            with: vec![],
            recursive: false,
            body: SetExpr::Select(Box::new(Select {
                distinct: false,
                items: items
                    .into_iter()
                    .map(|expr| SelectItem { expr, alias: None })
                    .collect(),
                from: vec![Relation::Table {
                    name: table(name),
                    alias: None,
                    span: sp(),
                }],
                selection: None,
                group_by: None,
                having: None,
                qualify: None,
                span: sp(),
            })),
            order_by: vec![],
            limit: None,
            span: sp(),
        }
    }

    #[derive(Default)]
    struct Rec {
        tables: Vec<(String, TableRole)>,
        exprs: usize,
        deep: usize,
    }
    impl Visitor for Rec {
        fn leave_expr(&mut self, _: &Expr) {
            self.exprs += 1;
        }
        fn table(&mut self, t: &Tn, role: TableRole) {
            self.tables.push((t.source.dotted(), role));
        }
        fn too_deep(&mut self, _: Span) {
            self.deep += 1;
        }
    }

    #[test]
    fn walks_subqueries_inside_expressions_with_roles() {
        let sub = Expr::new(
            ExprKind::Subquery {
                query: Box::new(select_from("s", vec![lit("1")])),
            },
            sp(),
        );
        let stmt = Stmt::new(
            StmtKind::Insert {
                target: table("t"),
                columns: vec![],
                source: InsertSource::Query(Box::new(select_from("u", vec![sub]))),
                overwrite: false,
            },
            sp(),
        );
        let mut r = Rec::default();
        walk_stmt(&mut r, &stmt, 0);
        assert_eq!(
            r.tables,
            vec![
                ("t".to_string(), TableRole::Write),
                ("u".to_string(), TableRole::Read),
                ("s".to_string(), TableRole::Read)
            ]
        );
        assert_eq!(r.exprs, 2);
    }

    #[test]
    fn deep_nesting_stops_at_max_depth() {
        let mut e = lit("1");
        for _ in 0..(MAX_DEPTH * 4) {
            e = Expr::new(
                ExprKind::Binary {
                    op: BinaryOp::Add,
                    left: Box::new(e),
                    right: Box::new(lit("1")),
                },
                sp(),
            );
        }
        let mut r = Rec::default();
        walk_expr(&mut r, &e, 0);
        assert!(r.deep >= 1);
        assert!(r.exprs <= MAX_DEPTH * 2 + 2, "{}", r.exprs);
        // The mutable walker behaves the same.
        let mut n = 0;
        for_each_expr_mut(&mut e, &mut |_| n += 1);
        assert!(n <= MAX_DEPTH * 2 + 2, "{n}");
        // Dropping a deeply nested Box chain is recursive too; forget it in the test.
        std::mem::forget(e);
    }
}
