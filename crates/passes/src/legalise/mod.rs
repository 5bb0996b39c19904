//! Legalise pass: rewrites what the target profile cannot run.
//!
//! Both profiles:
//! - `TOP n WITH TIES` → `rank() OVER (ORDER BY <the query's ORDER BY>) <= n`, and
//!   `TOP n PERCENT` → `row_number() OVER (ORDER BY …) <= ceil(n * count(*) OVER () / 100.0)`
//!   (`rank()` when both). Databricks: as `Select.qualify`. Portable (open-source Spark
//!   4.1 has no QUALIFY): the query is wrapped:
//!   `SELECT <names> FROM (<query> + rank() … AS __sx_rank) AS __sx_top WHERE __sx_rank <= n ORDER BY <names>`;
//!   with `*` in the select list (whose names need the schema) the wrapper is
//!   `SELECT * EXCEPT (__sx_rank[, __sx_count]) … ORDER BY __sx_top.__sx_rank`, the window
//!   ordering exactly as the query's ORDER BY.
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
//!
//! One file per rewrite: `top` (TOP WITH TIES / PERCENT), `merge` (UPDATE / DELETE
//! with joins → MERGE on Databricks, and the FROM-clause analysis both profiles share),
//! `staging` (portable UPDATE / DELETE / MERGE through a staging copy), `identity`
//! (portable IDENTITY and non-constant DEFAULT emulation in INSERT). This file holds the
//! driver: the statement walk that dispatches to them.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::visit::{self, MAX_DEPTH};
use sqlxlate_ir::{DataType, Module, Profile, Stmt, StmtKind, TableName, Unit, UnitKind};

use crate::build::*;
use crate::types::{ColumnInfo, SchemaCatalog};
use crate::PassOptions;

mod identity;
mod merge;
mod staging;
#[cfg(test)]
mod tests;
mod top;

use identity::is_constant;
use top::TopRewrite;

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

/// The statement-level rewrites' state; its methods live in the file of their rewrite.
struct Cx<'a> {
    profile: Profile,
    catalog: &'a SchemaCatalog,
    diagnostics: Vec<Diagnostic>,
}

impl Cx<'_> {
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
                    self.diagnostics.push(
                        Diagnostic::new(
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
                        )
                        .with_hint("nothing to do; convert with the databricks profile to keep the statement as written on Delta tables"),
                    );
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
