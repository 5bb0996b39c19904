//! Variables whose printed name is also a column name. T-SQL keeps `@id` and a column
//! `v_id` apart by the sigil; the output prints the variable as `v_id`, and Spark
//! resolves a column before a variable, so a statement that can see that column would
//! silently read the column instead.

use indexmap::{IndexMap, IndexSet};
use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::visit::{self, Visitor};
use sqlxlate_ir::{Expr, ExprKind, Module, Stmt, StmtKind};

#[derive(Default)]
struct Names {
    /// Column names (lower-case) declared or referenced anywhere in the module.
    columns: IndexSet<String>,
    /// Variables (lower-case) with where they first appear.
    variables: IndexMap<String, (String, Span)>,
}

impl Visitor for Names {
    fn enter_expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Column { name, .. } => {
                self.columns.insert(name.value.to_lowercase());
            }
            ExprKind::Variable { name } => {
                self.variables
                    .entry(name.to_lowercase())
                    .or_insert_with(|| (name.clone(), e.span));
            }
            _ => {}
        }
        true
    }
    fn enter_stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::CreateTable(def) => {
                for c in &def.columns {
                    self.columns.insert(c.name.value.to_lowercase());
                }
            }
            StmtKind::Declare(vars) => {
                for v in vars {
                    self.variables
                        .entry(v.name.to_lowercase())
                        .or_insert_with(|| (v.name.clone(), v.span));
                }
            }
            _ => {}
        }
        true
    }
}

/// Warns (SX3515) once per variable whose printed name `v_<name>` is a column name
/// of the module.
pub fn run(module: &Module) -> Vec<Diagnostic> {
    let mut n = Names::default();
    visit::walk_module(&mut n, module);
    n.variables
        .values()
        .filter(|(name, _)| n.columns.contains(&format!("v_{}", name.to_lowercase())))
        .map(|(name, span)| {
            Diagnostic::new(
                codes::SX3515.code,
                *span,
                format!("variable `@{name}` is printed as `v_{name}`, which is also a column name; Spark reads the column where both are visible"),
            )
            .with_hint("rename the variable (or the column) so that the printed names differ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::col;
    use sqlxlate_ir::{Collation, SourceLanguage, Unit, UnitKind};

    fn var(name: &str) -> Expr {
        Expr::new(ExprKind::Variable { name: name.into() }, Span::default())
    }

    #[test]
    fn a_variable_printed_like_a_column_is_reported_once() {
        let sp = Span::default();
        let mut m = Module {
            language: SourceLanguage::Tsql,
            units: Vec::new(),
            trivia: Vec::new(),
            collation: Collation::default(),
        };
        for e in [var("id"), col(None, "v_id", sp), var("Id"), var("other")] {
            m.units.push(Unit {
                kind: UnitKind::Statement(Stmt::new(
                    StmtKind::SetVar {
                        name: "x".into(),
                        value: e,
                    },
                    sp,
                )),
                batch: 0,
            });
        }
        let d = run(&m);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("`@id`"));
    }
}
