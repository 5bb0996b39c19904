//! The T-SQL front-end: lexer, batch splitting, parser glue and lowering to the IR.

use sqlxlate_diagnostics::Diagnostic;
use sqlxlate_ir::{Collation, Module, SourceLanguage};

/// Parses and lowers T-SQL source text into an IR module.
pub fn lower(text: &str, collation: Collation) -> (Module, Vec<Diagnostic>) {
    let _ = text;
    (
        Module {
            language: SourceLanguage::Tsql,
            units: Vec::new(),
            trivia: Vec::new(),
            collation,
        },
        Vec::new(),
    )
}
