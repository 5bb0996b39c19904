//! The registry of stable diagnostic codes.
//!
//! Codes are grouped by the part of the converter that raises them, one file each,
//! so that work on different parts does not collide:
//!
//! | range | raised by | file |
//! |---|---|---|
//! | SX0001–SX0099 | decoding and input | `input.rs` |
//! | SX0100–SX0199 | T-SQL lexer and batch splitting | `tsql.rs` |
//! | SX1000–SX1999 | T-SQL parse errors | `tsql.rs` |
//! | SX2000–SX2499 | T-SQL lowering: unsupported constructs | `tsql.rs` |
//! | SX3000–SX3499 | T-SQL lowering: semantic differences | `tsql.rs` |
//! | SX4000–SX4499 | T-SQL lowering: informational drops and rewrites | `tsql.rs` |
//! | SX2500–SX2799, SX3500–SX3799, SX4500–SX4799 | passes | `passes.rs` |
//! | SX2800–SX2999, SX3800–SX3999, SX4800–SX4999 | Databricks SQL back-end | `emit.rs` |
//!
//! Once published, a code keeps its meaning. Add a new code rather than changing one.

mod emit;
mod input;
mod passes;
mod tsql;

#[allow(unused_imports)]
pub use emit::*;
pub use input::*;
#[allow(unused_imports)]
pub use passes::*;
#[allow(unused_imports)]
pub use tsql::*;

use crate::CodeInfo;

/// Every registered code, sorted by code.
pub fn all() -> Vec<&'static CodeInfo> {
    let mut v: Vec<&'static CodeInfo> = Vec::new();
    v.extend_from_slice(input::CODES);
    v.extend_from_slice(tsql::CODES);
    v.extend_from_slice(passes::CODES);
    v.extend_from_slice(emit::CODES);
    v.sort_by_key(|c| c.code);
    v
}

/// Finds a code's registration.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    all().into_iter().find(|c| c.code == code)
}

/// Declares codes: `code! { SX0001 { title: …, severity: …, kind: …, meaning: …, why: …, example: …, what_to_do: … } … }`
/// produces one `pub static` per code and a `CODES` slice.
#[macro_export]
macro_rules! declare_codes {
    ($( $name:ident { title: $title:expr, severity: $sev:ident, kind: $kind:ident, meaning: $meaning:expr, why: $why:expr, example: $example:expr, what_to_do: $todo:expr $(,)? } )*) => {
        $(
            #[doc = $title]
            pub static $name: $crate::CodeInfo = $crate::CodeInfo {
                code: stringify!($name),
                title: $title,
                severity: $crate::Severity::$sev,
                kind: $crate::Kind::$kind,
                meaning: $meaning,
                why: $why,
                example: $example,
                what_to_do: $todo,
            };
        )*
        /// The codes declared in this file.
        pub(crate) static CODES: &[&$crate::CodeInfo] = &[$(&$name),*];
    };
}
