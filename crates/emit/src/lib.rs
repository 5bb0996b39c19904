//! Back-ends: print the IR as target code.
//!
//! Invariant: back-ends see only the IR, never tokens; output is deterministic (no hash
//! map iteration reaches the output).
//!
//! The Databricks SQL back-end prints a notebook source: `-- Databricks notebook source`,
//! then one cell per top-level unit. Control flow at the top level becomes a SQL
//! scripting compound block (`BEGIN … END`) cell. In the portable profile the main
//! output runs on open-source Spark 4.1 and Databricks-only statements (identity,
//! informational constraints, procedures, CALL) go to [`SqlOutput::databricks_only`].
//!
//! Files by concern: `names.rs` (quoting, target names), `types.rs`, `expr.rs` (literals,
//! operators with Spark precedence, predicates), `funcs.rs` (every [`sqlxlate_ir::Func`],
//! aggregates, windows), `query.rs`, `stmt.rs` (DDL, DML, variables, SQL scripting),
//! `notebook.rs` (cells, comments, routines). Every printed form was run on Spark 4.1.
//!
//! Choices worth knowing:
//! - DATEDIFF counts boundaries with calendar arithmetic (`datediff` on dates, `year`/`month`,
//!   `hour`/`minute`/`second` differences), so neither the session time zone nor daylight
//!   saving changes the result.
//! - Spark 4.1 rejects collated strings in LIKE, RLIKE, `split`, `regexp_*` and BETWEEN:
//!   the printer compares `rtrim(x) COLLATE UTF8_BINARY` with ILIKE / `(?i)` patterns and
//!   expands string BETWEEN into two comparisons.
//! - Variables and routine parameters of string type carry the module collation, because a
//!   plain STRING compared with a collated column has an indeterminate collation.
//! - SQL scripting only accepts DECLARE at the start of a compound block, and Spark 4.1 only
//!   accepts a label on a nested block: declarations are hoisted, initial values become SET,
//!   and RETURN becomes `LEAVE` of a labelled inner block.
#![warn(missing_docs)]

mod doc;
mod emitter;
mod expr;
mod funcs;
mod names;
mod notebook;
mod query;
mod stmt;
mod types;

#[cfg(test)]
mod tests;

use sqlxlate_diagnostics::Diagnostic;
use sqlxlate_ir::{Module, Profile};

/// Options for the back-ends.
#[derive(Clone, Debug)]
pub struct EmitOptions {
    /// Target profile.
    pub profile: Profile,
    /// Preferred line width.
    pub width: usize,
}

/// Databricks SQL output of one module.
#[derive(Clone, Debug, Default)]
pub struct SqlOutput {
    /// The main notebook source.
    pub main: String,
    /// Statements that only run on Databricks (portable profile), as a notebook source, if any.
    pub databricks_only: Option<String>,
    /// Diagnostics raised while printing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Prints a module as a Databricks SQL notebook source file.
///
/// ```
/// use sqlxlate_emit::{databricks_sql, EmitOptions};
/// use sqlxlate_ir::{Collation, Module, Profile, SourceLanguage};
/// let module = Module { language: SourceLanguage::Tsql, units: vec![], trivia: vec![], collation: Collation::default() };
/// let out = databricks_sql(&module, &EmitOptions { profile: Profile::Databricks, width: 100 });
/// assert_eq!(out.main, "-- Databricks notebook source\n");
/// ```
pub fn databricks_sql(module: &Module, options: &EmitOptions) -> SqlOutput {
    let mut e = emitter::Emitter::new(options, module.collation);
    let cells = e.module_cells(module);
    let main = notebook::notebook(&cells);
    let databricks_only = if e.databricks_only.is_empty() {
        None
    } else {
        Some(notebook::notebook(&e.databricks_only))
    };
    SqlOutput {
        main,
        databricks_only,
        diagnostics: e.diagnostics,
    }
}
