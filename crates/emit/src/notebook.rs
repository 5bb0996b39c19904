//! The notebook: one cell per top-level unit, comments and trivia in source order.

use sqlxlate_diagnostics::codes;
use sqlxlate_ir::{
    FunctionBody, FunctionDef, Module, Param, ParamMode, Procedure, Rule, Stmt, StmtKind, Trivia,
    UnitKind,
};

use crate::doc::{hard, lines, t, D};
use crate::emitter::Emitter;
use crate::names;
use crate::stmt::{commented, uses_return};
use crate::types::column_type;

/// The first line of every notebook source.
pub(crate) const HEADER: &str = "-- Databricks notebook source";
/// The separator between cells.
pub(crate) const SEPARATOR: &str = "\n\n-- COMMAND ----------\n\n";

/// Joins cells into a notebook source.
pub(crate) fn notebook(cells: &[String]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    if !cells.is_empty() {
        out.push('\n');
        out.push_str(&cells.join(SEPARATOR));
        out.push('\n');
    }
    out
}

impl Emitter<'_> {
    /// Prints every unit of a module as cells.
    pub(crate) fn module_cells(&mut self, module: &Module) -> Vec<String> {
        let mut trivia: Vec<&sqlxlate_ir::Comment> = module
            .trivia
            .iter()
            .filter_map(|t| match t {
                Trivia::Comment(c) => Some(c),
                _ => None,
            })
            .collect();
        trivia.sort_by_key(|c| (c.span.start, c.span.end));
        let mut trivia = trivia.into_iter().peekable();
        let mut cells = Vec::new();
        // Comment lines waiting for the next cell (free comments and dropped statements).
        let mut pending: Vec<String> = Vec::new();
        for unit in &module.units {
            let start = unit.span().start;
            while let Some(c) = trivia.peek() {
                if c.span.start > start {
                    break;
                }
                pending.extend(Self::comment_lines(std::slice::from_ref(*c)));
                trivia.next();
            }
            self.depth_reported = false;
            let (comments, body_cells) = match &unit.kind {
                UnitKind::Statement(s) => {
                    if let StmtKind::Dropped { .. } = s.kind {
                        pending.extend(Self::comment_lines(&s.comments));
                        pending.extend(self.top_stmt(s));
                        continue;
                    }
                    (Self::comment_lines(&s.comments), self.top_stmt(s))
                }
                UnitKind::Procedure(p) => (Self::comment_lines(&p.comments), self.procedure(p)),
                UnitKind::Function(f) => (Self::comment_lines(&f.comments), self.function(f)),
                UnitKind::Rule(r) => (Self::comment_lines(&r.comments), vec![self.rule(r)]),
            };
            let mut first = true;
            for cell in body_cells {
                let mut lines_: Vec<String> = Vec::new();
                if first {
                    lines_.append(&mut pending);
                    lines_.extend(comments.iter().cloned());
                    first = false;
                }
                lines_.push(cell);
                cells.push(lines_.join("\n"));
            }
            if first {
                // The unit printed nothing: keep its comments for the next cell.
                pending.extend(comments);
            }
        }
        for c in trivia {
            pending.extend(Self::comment_lines(std::slice::from_ref(c)));
        }
        if !pending.is_empty() {
            cells.push(pending.join("\n"));
        }
        cells
    }

    fn params(&mut self, params: &[Param], with_mode: bool) -> String {
        params
            .iter()
            .map(|p| {
                let (ty, _) = column_type(&p.ty, self.collation);
                let mode = if with_mode {
                    match p.mode {
                        ParamMode::In => "IN ",
                        ParamMode::Out => "OUT ",
                        ParamMode::InOut => "INOUT ",
                    }
                } else {
                    ""
                };
                let mut s = format!("{mode}{} {ty}", names::variable(&p.name));
                if let Some(d) = &p.default {
                    let d = self.ex0(d);
                    s.push_str(&format!(" DEFAULT {}", self.render(&d)));
                }
                s
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `CREATE OR REPLACE PROCEDURE … LANGUAGE SQL AS BEGIN … END` (Databricks only).
    fn procedure(&mut self, p: &Procedure) -> Vec<String> {
        let params = self.params(&p.params, true);
        let needs_return = uses_return(&p.body, 0);
        let saved = self.return_label.take();
        self.return_label = Some("sx_body".to_string());
        let body = self.compound_body(&p.body);
        self.return_label = saved;
        let inner: D = if needs_return {
            t("sx_body: BEGIN")
                .append(hard().append(body).nest(2))
                .append(hard())
                .append(t("END sx_body;"))
        } else {
            body
        };
        let doc = t(format!(
            "CREATE OR REPLACE PROCEDURE {}({params})",
            names::routine(&p.name)
        ))
        .append(hard())
        .append(t("LANGUAGE SQL"))
        .append(hard())
        .append(t("SQL SECURITY INVOKER"))
        .append(hard())
        .append(t("AS BEGIN"))
        .append(hard().append(inner).nest(2))
        .append(hard())
        .append(t("END"));
        let text = self.render(&doc);
        if self.portable() {
            self.diag_hint(
                codes::SX4801.code,
                p.span,
                "procedure moved to the databricks-only output",
                "run the databricks-only output on Databricks after the main output",
            );
            self.databricks_only.push(text);
            return vec![format!(
                "-- [SX4801] procedure {} moved to the databricks-only output",
                names::routine(&p.name)
            )];
        }
        vec![text]
    }

    /// A SQL function: `CREATE OR REPLACE FUNCTION main.dbo.f(…) RETURNS T RETURN …`, or
    /// `CREATE OR REPLACE TEMPORARY FUNCTION f(…)` when the naming pass left the name
    /// unqualified (a portable table-valued function).
    fn function(&mut self, f: &FunctionDef) -> Vec<String> {
        let params = self.params(&f.params, false);
        let name = names::function(&f.name);
        let temporary = if names::is_catalog_function(&f.name) {
            ""
        } else {
            " TEMPORARY"
        };
        let body: D = match &f.body {
            FunctionBody::Scalar(e) => {
                let (ty, _) = column_type(&f.returns, self.collation);
                t(format!("RETURNS {ty}"))
                    .append(hard())
                    .append(t("RETURN "))
                    .append(self.ex0(e))
            }
            FunctionBody::Table(q) => {
                let cols = match &f.returns {
                    sqlxlate_ir::DataType::Table(cols) => cols
                        .iter()
                        .map(|(n, ty)| {
                            format!("{} {}", names::quote(n), column_type(ty, self.collation).0)
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => String::new(),
                };
                let head = if cols.is_empty() {
                    "RETURNS TABLE".to_string()
                } else {
                    format!("RETURNS TABLE ({cols})")
                };
                t(head)
                    .append(hard())
                    .append(t("RETURN "))
                    .append(self.query(q))
            }
            FunctionBody::Statements(_) => {
                self.diag_hint(
                    codes::SX2801.code,
                    f.span,
                    "function with a statement body has no SQL function form",
                    "rewrite it as a single RETURN expression or query, or as a procedure",
                );
                let mut l = vec![format!(
                    "-- [SX2801] not converted: function {name} has a statement body"
                )];
                let stub = format!("CREATE FUNCTION {name}({params}) …");
                l.extend(commented(&stub));
                return vec![l.join("\n")];
            }
        };
        let doc = t(format!(
            "CREATE OR REPLACE{temporary} FUNCTION {name}({params})"
        ))
        .append(hard())
        .append(body);
        vec![self.render(&doc)]
    }

    /// A business rule as a SQL function.
    fn rule(&mut self, r: &Rule) -> String {
        let params = r
            .params
            .iter()
            .map(|(n, ty)| format!("{} {}", names::quote(n), column_type(ty, self.collation).0))
            .collect::<Vec<_>>()
            .join(", ");
        let (ty, _) = column_type(&r.returns, self.collation);
        let body = self.ex0(&r.body);
        let doc = lines(vec![
            t(format!(
                "CREATE OR REPLACE TEMPORARY FUNCTION {}({params})",
                names::ident(&r.name)
            )),
            t(format!("RETURNS {ty}")),
            t(format!(
                "COMMENT {}",
                crate::expr::string_literal(&format!("rule from {}", r.original_name))
            )),
            t("RETURN ").append(body),
        ]);
        self.render(&doc)
    }
}

/// Keeps `Stmt` in the import list used by doc links.
#[allow(dead_code)]
fn _unused(_: &Stmt) {}
