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
