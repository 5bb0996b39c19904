//! Concise builders for IR values in tests.

use sqlxlate_diagnostics::Span;
use sqlxlate_ir::*;

use crate::{databricks_sql, EmitOptions, SqlOutput};

pub fn sp() -> Span {
    Span::default()
}

pub fn id(s: &str) -> Ident {
    Ident::new(s, sp())
}

pub fn e(kind: ExprKind) -> Expr {
    Expr::new(kind, sp())
}

pub fn typed(mut x: Expr, ty: DataType) -> Expr {
    x.ty = ty;
    x
}

pub fn col(name: &str) -> Expr {
    e(ExprKind::Column {
        qualifier: vec![],
        name: id(name),
    })
}

pub fn qcol(q: &str, name: &str) -> Expr {
    e(ExprKind::Column {
        qualifier: vec![id(q)],
        name: id(name),
    })
}

pub fn int(n: i64) -> Expr {
    typed(
        e(ExprKind::Literal {
            value: Literal::Integer(n.to_string()),
        }),
        DataType::Int,
    )
}

pub fn str_(s: &str) -> Expr {
    typed(
        e(ExprKind::Literal {
            value: Literal::String {
                value: s.into(),
                national: false,
            },
        }),
        DataType::string(),
    )
}

pub fn nstr(s: &str) -> Expr {
    typed(
        e(ExprKind::Literal {
            value: Literal::String {
                value: s.into(),
                national: true,
            },
        }),
        DataType::string(),
    )
}

pub fn lit(l: Literal) -> Expr {
    e(ExprKind::Literal { value: l })
}

pub fn null() -> Expr {
    lit(Literal::Null)
}

pub fn var(n: &str) -> Expr {
    e(ExprKind::Variable { name: n.into() })
}

pub fn star() -> Expr {
    e(ExprKind::Star { qualifier: vec![] })
}

pub fn bin(op: BinaryOp, l: Expr, r: Expr) -> Expr {
    e(ExprKind::Binary {
        op,
        left: Box::new(l),
        right: Box::new(r),
    })
}

pub fn un(op: UnaryOp, x: Expr) -> Expr {
    e(ExprKind::Unary {
        op,
        expr: Box::new(x),
    })
}

pub fn f(func: Func, args: Vec<Expr>) -> Expr {
    e(ExprKind::Func { func, args })
}

pub fn nested(x: Expr) -> Expr {
    e(ExprKind::Nested { expr: Box::new(x) })
}

pub fn string_ty() -> DataType {
    DataType::string()
}

/// A permanent table mapped to `main.dbo.<name>`.
pub fn tbl(name: &str) -> TableName {
    TableName {
        source: ObjectName {
            parts: vec![id("dbo"), id(name)],
        },
        kind: TableKind::Permanent,
        target: Some(TargetName {
            catalog: Some("main".into()),
            schema: Some("dbo".into()),
            name: name.to_ascii_lowercase(),
            zone: None,
        }),
    }
}

/// A session-scoped table (`#name`).
pub fn temp(name: &str) -> TableName {
    TableName {
        source: ObjectName {
            parts: vec![id(&format!("#{name}"))],
        },
        kind: TableKind::Temp,
        target: Some(TargetName {
            catalog: None,
            schema: None,
            name: name.into(),
            zone: None,
        }),
    }
}

pub fn table(name: &str, alias: Option<&str>) -> Relation {
    Relation::Table {
        name: tbl(name),
        alias: alias.map(id),
        span: sp(),
    }
}

pub fn item(x: Expr, alias: Option<&str>) -> SelectItem {
    SelectItem {
        expr: x,
        alias: alias.map(id),
    }
}

pub fn select(items: Vec<SelectItem>, from: Vec<Relation>, selection: Option<Expr>) -> Select {
    Select {
        distinct: false,
        items,
        from,
        selection,
        group_by: None,
        having: None,
        qualify: None,
        span: sp(),
    }
}

pub fn query(s: Select) -> Query {
    Query {
        with: vec![],
        recursive: false,
        body: SetExpr::Select(Box::new(s)),
        order_by: vec![],
        limit: None,
        span: sp(),
    }
}

pub fn values(rows: Vec<Vec<Expr>>) -> Query {
    Query {
        with: vec![],
        recursive: false,
        body: SetExpr::Values(rows),
        order_by: vec![],
        limit: None,
        span: sp(),
    }
}

pub fn asc(x: Expr) -> OrderBy {
    OrderBy {
        expr: x,
        desc: false,
        nulls_first: None,
    }
}

pub fn st(kind: StmtKind) -> Stmt {
    Stmt::new(kind, sp())
}

pub fn q_stmt(q: Query) -> Stmt {
    st(StmtKind::Query(Box::new(q)))
}

pub fn module(stmts: Vec<Stmt>) -> Module {
    Module {
        language: SourceLanguage::Tsql,
        units: stmts
            .into_iter()
            .map(|s| Unit {
                kind: UnitKind::Statement(s),
                batch: 0,
            })
            .collect(),
        trivia: vec![],
        collation: Collation::CaseInsensitiveRtrim,
    }
}

pub fn run_with(m: &Module, profile: Profile, width: usize) -> SqlOutput {
    databricks_sql(m, &EmitOptions { profile, width })
}

/// Main output of statements, Databricks profile, without the notebook header.
pub fn dbx(stmts: Vec<Stmt>) -> String {
    body(&run_with(&module(stmts), Profile::Databricks, 100).main)
}

/// Main output of statements, portable profile, without the notebook header.
pub fn portable(stmts: Vec<Stmt>) -> String {
    body(&run_with(&module(stmts), Profile::Portable, 100).main)
}

pub fn body(s: &str) -> String {
    s.strip_prefix("-- Databricks notebook source\n\n")
        .unwrap_or(s)
        .trim_end()
        .to_string()
}

/// One expression printed as `SELECT <expr>` (Databricks profile, wide).
pub fn sql(x: Expr) -> String {
    let out = dbx(vec![q_stmt(query(select(
        vec![item(x, None)],
        vec![],
        None,
    )))]);
    out.strip_prefix("SELECT ").unwrap_or(&out).to_string()
}

/// Codes of the diagnostics raised for statements.
pub fn codes_of(stmts: Vec<Stmt>, profile: Profile) -> Vec<&'static str> {
    run_with(&module(stmts), profile, 100)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}
