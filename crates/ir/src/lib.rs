//! The shared typed IR of sqlxlate.
//!
//! One IR serves every front-end (T-SQL today; SAS and Informatica next). A [`Module`]
//! is one input file: a list of [`Unit`]s in source order, plus the trivia (comments,
//! batch separators) and the intentionally dropped regions, so that every input byte
//! is accounted for.
//!
//! Invariants:
//! - The IR knows nothing of tokens, parsers or printers.
//! - Every node that came from source carries its [`Span`] (decoded-text byte offsets).
//! - Function calls are canonical operations ([`Func`]) with explicit semantics, not
//!   source spellings; two sources with the same meaning meet in the same node.
//! - Collections whose order reaches output are `Vec` or `IndexMap`, never `HashMap`.
#![warn(missing_docs)]

mod expr;
mod module;
mod names;
mod query;
mod stmt;
mod types;
pub mod visit;

pub use expr::*;
pub use module::*;
pub use names::*;
pub use query::*;
pub use stmt::*;
pub use types::*;

pub use sqlxlate_diagnostics::Span;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every enum shape must serialise: internally tagged enums cannot hold sequences,
    /// so the IR uses adjacent tagging throughout.
    #[test]
    fn ir_with_sequences_in_enums_serialises() {
        let span = Span::new(0, 1);
        let stmt = Stmt::new(
            StmtKind::Block(vec![
                Stmt::new(StmtKind::Declare(vec![]), span),
                Stmt::new(StmtKind::Return(None), span),
            ]),
            span,
        );
        let module = Module {
            language: SourceLanguage::Tsql,
            units: vec![Unit {
                kind: UnitKind::Statement(stmt),
                batch: 0,
            }],
            trivia: vec![],
            collation: Collation::default(),
        };
        let json = serde_json::to_string(&module).expect("serialises");
        assert!(json.contains("\"block\""));
        let ty = DataType::Table(vec![("a".into(), DataType::Int)]);
        assert!(serde_json::to_string(&ty)
            .expect("serialises")
            .contains("table"));
    }
}
