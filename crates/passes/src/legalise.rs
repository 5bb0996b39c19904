//! Legalise pass (being written).
use sqlxlate_diagnostics::Diagnostic;
use sqlxlate_ir::Module;

use crate::types::SchemaCatalog;
use crate::PassOptions;

/// Runs the legalise pass.
pub fn run(module: &mut Module, options: &PassOptions, catalog: &SchemaCatalog) -> Vec<Diagnostic> {
    let _ = (module, options, catalog);
    Vec::new()
}
