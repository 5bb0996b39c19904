//! The printer's state: options, diagnostics, nesting depth and loop labels.

use sqlxlate_diagnostics::{Diagnostic, Span};
use sqlxlate_ir::{Collation, Profile};

use crate::EmitOptions;

/// Deepest expression or query nesting the printer follows.
pub(crate) const MAX_DEPTH: u32 = 256;

/// Where a statement is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// A notebook cell of its own.
    TopLevel,
    /// Inside a compound (`BEGIN … END`) block.
    Block,
}

/// Printer state for one module.
pub(crate) struct Emitter<'a> {
    /// Options.
    pub(crate) options: &'a EmitOptions,
    /// The module's default string semantics.
    pub(crate) collation: Collation,
    /// Diagnostics raised while printing.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Current nesting depth.
    pub(crate) depth: u32,
    /// Set once the depth limit was reported, to report it once per statement.
    pub(crate) depth_reported: bool,
    /// Labels of the enclosing loops, innermost last.
    pub(crate) loops: Vec<String>,
    /// Label of the outermost compound block, for RETURN.
    pub(crate) return_label: Option<String>,
    /// Counter for generated labels.
    pub(crate) label_counter: u32,
    /// Cells for the databricks-only output (portable profile).
    pub(crate) databricks_only: Vec<String>,
    /// Tables defined earlier in the module: printed name and columns, in order.
    pub(crate) tables: Vec<(String, Vec<sqlxlate_ir::ColumnDef>)>,
    /// Set while printing a SELECT that is a branch of a set operation: its computed
    /// string items get the module collation (taken by the SELECT, not inherited).
    pub(crate) collate_branch_items: bool,
    /// Set while printing the source of an INSERT into a table with DATETIME /
    /// SMALLDATETIME columns: per inserted position, the rounding SQL Server applies
    /// when it stores the value (taken by the VALUES list or SELECT that is printed next).
    pub(crate) insert_rounding: Vec<Rounding>,
}

/// How SQL Server rounds a value stored in a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rounding {
    /// Stored as written.
    None,
    /// DATETIME: 1/300 s.
    Datetime,
    /// SMALLDATETIME: the minute.
    SmallDatetime,
}

impl Rounding {
    /// The rounding of a column of this source type.
    pub(crate) fn of(source_type: &str) -> Rounding {
        match source_type.trim().to_ascii_uppercase().as_str() {
            "DATETIME" => Rounding::Datetime,
            "SMALLDATETIME" => Rounding::SmallDatetime,
            _ => Rounding::None,
        }
    }

    /// Wraps the printed value `x` (a TIMESTAMP_NTZ) in the rounding expression.
    pub(crate) fn wrap(self, x: &str) -> Option<String> {
        let day = format!("CAST(CAST({x} AS DATE) AS TIMESTAMP_NTZ)");
        let us = format!("timestampdiff(MICROSECOND, {day}, {x})");
        match self {
            Rounding::None => None,
            // ticks of 1/300 s, rounded; shown in whole milliseconds (.000/.003/.007).
            Rounding::Datetime => Some(format!(
                "timestampadd(MILLISECOND, ((({us}) * 3 + 5000) div 10000 * 20 + 3) div 6, {day})"
            )),
            // 29.998 s rounds down, 29.999 s up.
            Rounding::SmallDatetime => Some(format!(
                "timestampadd(MINUTE, (({us}) + 30001000) div 60000000, {day})"
            )),
        }
    }
}

impl<'a> Emitter<'a> {
    /// A new printer.
    pub(crate) fn new(options: &'a EmitOptions, collation: Collation) -> Emitter<'a> {
        Emitter {
            options,
            collation,
            diagnostics: Vec::new(),
            depth: 0,
            depth_reported: false,
            loops: Vec::new(),
            return_label: None,
            label_counter: 0,
            databricks_only: Vec::new(),
            tables: Vec::new(),
            collate_branch_items: false,
            insert_rounding: Vec::new(),
        }
    }

    /// True in the portable profile.
    pub(crate) fn portable(&self) -> bool {
        self.options.profile == Profile::Portable
    }

    /// Records a diagnostic. Every diagnostic of the emitter says what to do, so there
    /// is no variant without a hint.
    pub(crate) fn diag_hint(
        &mut self,
        code: &'static str,
        span: Span,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::new(code, span, message).with_hint(hint));
    }

    /// Enters one nesting level; false (and a diagnostic, once) when too deep.
    pub(crate) fn enter(&mut self, span: Span) -> bool {
        if self.depth >= MAX_DEPTH {
            if !self.depth_reported {
                self.depth_reported = true;
                self.diag_hint(
                    sqlxlate_diagnostics::codes::SX2802.code,
                    span,
                    "expression nested more than 256 levels deep",
                    "split the expression with a CTE or a variable",
                );
            }
            return false;
        }
        self.depth += 1;
        true
    }

    /// Leaves a nesting level.
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// A fresh label for a loop or block.
    pub(crate) fn fresh_label(&mut self, base: &str) -> String {
        self.label_counter += 1;
        format!("{base}_{}", self.label_counter)
    }

    /// Renders a document at the configured width.
    pub(crate) fn render(&self, doc: &crate::doc::D) -> String {
        crate::doc::render(doc, self.options.width)
    }
}

#[cfg(test)]
mod tests {
    use super::Rounding;

    #[test]
    fn rounding_by_source_type() {
        assert_eq!(Rounding::of("datetime"), Rounding::Datetime);
        assert_eq!(Rounding::of("SMALLDATETIME"), Rounding::SmallDatetime);
        assert_eq!(Rounding::of("DATETIME2(3)"), Rounding::None);
        assert_eq!(Rounding::None.wrap("x"), None);
        let w = Rounding::SmallDatetime.wrap("x").unwrap_or_default();
        assert!(w.starts_with("timestampadd(MINUTE, "));
    }
}
