//! IR → IR passes.
//!
//! Invariant: passes see only the IR (never tokens or printers) and return
//! diagnostics as data. Each pass lives in its own file.
#![warn(missing_docs)]

use sqlxlate_diagnostics::Diagnostic;
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

/// Runs every pass in order over the module.
pub fn run(module: &mut Module, options: &PassOptions) -> Vec<Diagnostic> {
    let _ = (module, options);
    Vec::new()
}
