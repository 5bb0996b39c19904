//! IR → IR passes.
//!
//! Invariant: passes see only the IR (never tokens or printers) and return
//! diagnostics as data. Each pass lives in its own file and runs in this order:
//! [`naming`] (table targets and mappings), [`types`] (type inference and T-SQL
//! type-driven rewrites), [`collation`] (string comparison semantics), [`legalise`]
//! (profile-dependent rewrites of what the target cannot run).
//!
//! Every pass walks the IR with the depth-bounded walkers of `sqlxlate_ir::visit`, or
//! recurses with an explicit depth cap, and never panics on user input.
//!
//! What the emitter can rely on after the passes:
//! - every `TableName.target` is set: permanent `{catalog, schema, name}` lower-cased;
//!   temp tables, table variables and CTE references with `catalog` and `schema` `None`
//!   (CTE references keep the CTE's name as written);
//! - a schema-qualified `ExprKind::Call` / `FunctionDef` name *is* the target name
//!   (`catalog.schema.name`, lower-cased), except portable table-valued functions, which
//!   keep only their own name (see [`naming`]);
//! - `BinaryOp::Add` on strings is `Concat`; `Div` is `IntDiv` (Spark `DIV`) or
//!   `FracDiv` (Spark `/`); inserted casts are `ExprKind::Cast { mode: Strict }` whose
//!   `to` never carries a collation;
//! - string types of CREATE TABLE columns, DECLAREd variables and routine parameters carry
//!   `collation: Some(..)` unless the source collation is binary; `ExprKind::Collate`
//!   with an empty `source_name` was inserted by the collation pass;
//! - `Select.qualify` is only produced in the Databricks profile; `Insert { overwrite:
//!   true }`, `CreateTableAs` and `Drop { if_exists: true }` of `<t>__sx_stage` tables
//!   only in the portable profile; see [`legalise`] for the exact shapes;
//! - `ExprKind::StarExcept` is only produced by the portable TOP rewrite.
#![warn(missing_docs)]

mod build;
mod clash;
pub mod collation;
pub mod legalise;
pub mod naming;
#[cfg(test)]
mod sqlprint;
pub mod types;

use serde::Serialize;
use sqlxlate_diagnostics::{Diagnostic, Span};
use sqlxlate_ir::{Collation, Module, Profile};

/// Options every pass may read.
#[derive(Clone, Debug)]
pub struct PassOptions {
    /// Unity Catalog catalog for permanent tables.
    pub catalog: String,
    /// Target profile.
    pub profile: Profile,
    /// Source collation.
    pub collation: Collation,
}

/// How a statement uses a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Read.
    Read,
    /// Written (insert, update, delete, merge, truncate, drop).
    Write,
    /// Created.
    Create,
}

/// One source → target table mapping, with every way the module uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TableMapping {
    /// Source name as written, normalised (`dbo.Member`, `#stage`).
    pub source: String,
    /// Target name as printed (`main.dbo.member`, `stage` for a temp view).
    pub target: String,
    /// Accesses, sorted, without duplicates.
    pub access: Vec<Access>,
    /// First place it appears.
    pub first_span: Span,
}

/// What the passes found besides diagnostics.
#[derive(Clone, Debug, Default)]
pub struct PassResult {
    /// Diagnostics raised by the passes.
    pub diagnostics: Vec<Diagnostic>,
    /// Every table mapping, in order of first appearance.
    pub tables: Vec<TableMapping>,
    /// How the source collation was preserved, one sentence per measure taken.
    pub collation_notes: Vec<String>,
}

/// Runs every pass in order over the module.
pub fn run(module: &mut Module, options: &PassOptions) -> PassResult {
    let mut result = PassResult::default();
    let (tables, diags) = naming::run(module, options);
    result.tables = tables;
    result.diagnostics.extend(diags);
    let (catalog, diags) = types::run(module, options);
    result.diagnostics.extend(diags);
    let (notes, diags) = collation::run(module, options);
    result.collation_notes = notes;
    result.diagnostics.extend(diags);
    result.diagnostics.extend(clash::run(module));
    result
        .diagnostics
        .extend(legalise::run(module, options, &catalog));
    result
}

#[cfg(test)]
pub(crate) mod tests {
    use sqlxlate_ir::{
        Collation, Module, Profile, SourceLanguage, Span, Stmt, StmtKind, Unit, UnitKind,
    };

    /// A plain nullable column definition for tests.
    pub(crate) fn coldef_at(
        name: &str,
        ty: sqlxlate_ir::DataType,
        span: Span,
    ) -> sqlxlate_ir::ColumnDef {
        sqlxlate_ir::ColumnDef {
            name: crate::build::ident(name, span),
            ty,
            source_type: String::new(),
            not_null: false,
            default: None,
            identity: None,
            computed: None,
            span,
        }
    }

    use crate::PassOptions;

    pub fn opts(profile: Profile) -> PassOptions {
        PassOptions {
            catalog: match profile {
                Profile::Databricks => "main".into(),
                Profile::Portable => "spark_catalog".into(),
            },
            profile,
            collation: Collation::CaseInsensitiveRtrim,
        }
    }

    pub fn module_of(stmts: Vec<StmtKind>) -> Module {
        Module {
            language: SourceLanguage::Tsql,
            units: stmts
                .into_iter()
                .enumerate()
                .map(|(i, k)| Unit {
                    kind: UnitKind::Statement(Stmt::new(k, Span::new(i * 10, i * 10 + 5))),
                    batch: 0,
                })
                .collect(),
            trivia: vec![],
            collation: Collation::CaseInsensitiveRtrim,
        }
    }

    pub fn stmt_kinds(m: &Module) -> Vec<StmtKind> {
        m.units
            .iter()
            .filter_map(|u| match &u.kind {
                UnitKind::Statement(s) => Some(s.kind.clone()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod robustness {
    use crate::build::*;
    use crate::tests::{module_of, opts};
    use sqlxlate_ir::{BinaryOp, Profile, Span, StmtKind, TableKind};

    #[test]
    fn deeply_nested_input_gives_a_diagnostic_not_a_crash() {
        // Built fresh per profile: cloning (and dropping) a deep tree is itself
        // recursive, which is the front-end's nesting cap's business, not the passes'.
        let sp = Span::new(0, 1);
        for p in [Profile::Databricks, Profile::Portable] {
            let mut e = col(None, "x", sp);
            for _ in 0..300 {
                e = nested(bin(BinaryOp::Add, e, int(1, sp)));
            }
            let q = query(select(
                vec![item(e, None)],
                vec![rel(table_name(&["T"], TableKind::Permanent, sp), None, sp)],
                None,
                sp,
            ));
            let mut m = module_of(vec![StmtKind::Query(Box::new(q))]);
            let r = crate::run(&mut m, &opts(p));
            assert!(r.diagnostics.iter().any(|d| d.code == "SX2500"));
            assert_eq!(r.tables.len(), 1);
        }
    }

    #[test]
    fn passes_are_deterministic() {
        let sp = Span::new(0, 1);
        let q = query(select(
            vec![item(
                bin(BinaryOp::Div, col(None, "a", sp), col(None, "b", sp)),
                None,
            )],
            vec![
                rel(table_name(&["B"], TableKind::Permanent, sp), None, sp),
                rel(table_name(&["#a"], TableKind::Temp, sp), None, sp),
            ],
            None,
            sp,
        ));
        let run = || {
            let mut m = module_of(vec![StmtKind::Query(Box::new(q.clone()))]);
            let r = crate::run(&mut m, &opts(Profile::Portable));
            (
                format!("{m:?}"),
                format!("{:?}", r.diagnostics),
                format!("{:?}", r.tables),
            )
        };
        assert_eq!(run(), run());
    }
}

#[cfg(test)]
mod hints {
    /// Every `Diagnostic::new(…)` in the non-test sources of `dir`, with the statement
    /// it starts (up to the next `;`), for the hint check.
    fn diagnostic_statements(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("source directory")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if name != "tests" {
                    diagnostic_statements(&path, out);
                }
                continue;
            }
            if !name.ends_with(".rs") || name == "tests.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source file");
            // Inline unit tests at the end of a file build diagnostics without hints
            // freely; `#[cfg(test)] mod tests;` declarations are not where a file ends.
            let end = text
                .match_indices("#[cfg(test)]\nmod ")
                .map(|(at, _)| at)
                .find(|&at| {
                    text[at..]
                        .lines()
                        .nth(1)
                        .is_some_and(|l| l.trim_end().ends_with('{'))
                })
                .unwrap_or(text.len());
            let text = &text[..end];
            for (at, _) in text.match_indices("Diagnostic::new(") {
                out.push((
                    format!("{}:{at}", path.display()),
                    statement_at(&text[at..]).to_string(),
                ));
            }
        }
    }

    /// The text up to the first `;` outside a string literal.
    fn statement_at(text: &str) -> &str {
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in text.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                ';' if !in_string => return &text[..i],
                _ => {}
            }
        }
        text
    }

    /// Hints say what to do (DESIGN: "a hint" is part of every diagnostic); a pass that
    /// raises a diagnostic without one fails here.
    #[test]
    fn every_pass_diagnostic_has_a_hint() {
        let mut found = Vec::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        diagnostic_statements(&src, &mut found);
        // Every pass file raises diagnostics; a scan that misses one is broken.
        for file in [
            "naming.rs",
            "types/mod.rs",
            "legalise/mod.rs",
            "legalise/top.rs",
        ] {
            assert!(
                found.iter().any(|(at, _)| at.contains(file)),
                "the scan found nothing in {file}: {found:?}"
            );
        }
        let missing: Vec<_> = found
            .iter()
            .filter(|(_, stmt)| !stmt.contains(".with_hint("))
            .map(|(at, stmt)| format!("{at}: {stmt}"))
            .collect();
        assert!(
            missing.is_empty(),
            "diagnostics without a hint:\n{}",
            missing.join("\n")
        );
    }
}
