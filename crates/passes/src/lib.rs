//! IR → IR passes.
//!
//! Invariant: passes see only the IR (never tokens or printers) and return
//! diagnostics as data. Each pass lives in its own file.
#![warn(missing_docs)]

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
    let _ = (module, options);
    PassResult::default()
}
