//! The machine-readable conversion report.
//!
//! The report is versioned (`"version": 1`) and deterministic: the same input and
//! options give byte-identical JSON. It holds no timestamps and no absolute paths;
//! offsets in it are byte offsets into the *original* input file (after mapping back
//! through the decoder), with one-based line and column numbers.
//!
//! Statement counts are per top-level IR unit:
//! - *unconverted* if the unit is, or contains, an `Unconverted` statement;
//! - *converted with warnings* if a warning or error diagnostic's primary span lies
//!   inside the unit;
//! - *converted* otherwise (intentionally dropped statements count as converted, and
//!   their bytes are listed under `dropped_with_reason`).
//!
//! `coverage_percent` is the share of statement bytes that were converted (everything
//! inside units except unconverted statements), rounded half up to one decimal.

use serde::{Deserialize, Serialize};
use sqlxlate_diagnostics::{Diagnostic, Severity, Span};
use sqlxlate_ir::{Collation, FunctionBody, Module, Stmt, StmtKind, Unit, UnitKind};

use crate::decode::SourceText;

/// The current report format version.
pub const REPORT_VERSION: u32 = 1;

/// The report of one conversion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Format version ([`REPORT_VERSION`]).
    pub version: u32,
    /// The tool that wrote it.
    pub tool: Tool,
    /// The options in effect.
    pub options: ReportOptions,
    /// One entry per input file.
    pub inputs: Vec<InputReport>,
    /// Output files, in the order they must run.
    pub outputs: Vec<OutputReport>,
    /// Tables used, source → target, in order of first appearance.
    pub tables: Vec<TableReport>,
    /// How the source collation was preserved, one sentence per measure.
    pub collation: Vec<String>,
    /// Diagnostics, sorted by position then code.
    pub diagnostics: Vec<DiagnosticReport>,
}

/// Name and version of the tool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    /// `sqlxlate`.
    pub name: String,
    /// The crate version.
    pub version: String,
}

impl Default for Tool {
    fn default() -> Self {
        Tool {
            name: "sqlxlate".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// The options in effect, as names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportOptions {
    /// Source language actually used (`tsql`, `sas`, `informatica`).
    pub from: String,
    /// Output language (`databricks-sql`, `pyspark`).
    pub to: String,
    /// Profile (`databricks`, `portable`).
    pub profile: String,
    /// Catalog for permanent tables.
    pub catalog: String,
    /// Source collation (`ci`, `cs`, `binary`).
    pub collation: String,
}

/// Statement counts of one input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementCounts {
    /// Top-level units.
    pub total: usize,
    /// Converted without warnings (including intentionally dropped statements).
    pub converted: usize,
    /// Converted, with at least one warning or error inside.
    pub converted_with_warnings: usize,
    /// Not converted (or containing an unconverted statement).
    pub unconverted: usize,
}

/// Byte counts of one input, in original-file bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteCounts {
    /// Size of the input file.
    pub total: usize,
    /// Bytes inside top-level units (statements, procedures, functions).
    pub statements: usize,
    /// Bytes of unconverted statements.
    pub unconverted: usize,
    /// Bytes of statements intentionally dropped with a reason.
    pub dropped_with_reason: usize,
}

/// What the report says about one input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputReport {
    /// The path as the user gave it (a file name when it was absolute; `-` for stdin).
    pub path: String,
    /// Source language.
    pub language: String,
    /// Encoding it was decoded from.
    pub encoding: String,
    /// Statement counts.
    pub statements: StatementCounts,
    /// Byte counts.
    pub bytes: ByteCounts,
    /// Converted share of statement bytes, in percent, one decimal.
    pub coverage_percent: f64,
}

/// One output file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputReport {
    /// File name, relative to the output directory.
    pub path: String,
    /// `main` or `databricks-only`.
    pub kind: String,
    /// `databricks-sql` or `pyspark`.
    pub language: String,
}

/// One table mapping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableReport {
    /// Source name as written, normalised.
    pub source: String,
    /// Target name as printed.
    pub target: String,
    /// `read`, `write`, `create`, sorted.
    pub access: Vec<String>,
}

/// One diagnostic, with original-file offsets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticReport {
    /// Stable code.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// Message.
    pub message: String,
    /// What to do, if anything.
    pub hint: Option<String>,
    /// Labelled spans.
    pub labels: Vec<LabelReport>,
}

/// One label of a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelReport {
    /// First byte in the original file.
    pub start: usize,
    /// One past the last byte in the original file.
    pub end: usize,
    /// One-based line of `start`.
    pub line: usize,
    /// One-based column of `start`, in characters.
    pub column: usize,
    /// Label text (may be empty).
    pub message: String,
    /// True for the primary label.
    pub primary: bool,
}

impl Report {
    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The name used for a collation in options and reports.
pub fn collation_name(c: Collation) -> &'static str {
    match c {
        Collation::CaseInsensitiveRtrim => "ci",
        Collation::BinaryRtrim => "cs",
        Collation::Binary => "binary",
    }
}

/// The name of a severity in reports.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// Converts diagnostics to their report form (original offsets, lines, columns).
pub fn diagnostics_report(
    source: &SourceText,
    diagnostics: &[Diagnostic],
) -> Vec<DiagnosticReport> {
    diagnostics
        .iter()
        .map(|d| DiagnosticReport {
            code: d.code.to_string(),
            severity: severity_name(d.severity).to_string(),
            message: d.message.clone(),
            hint: d.hint.clone(),
            labels: d
                .labels
                .iter()
                .map(|l| {
                    let (line, column) = source.line_col(l.span.start as usize);
                    LabelReport {
                        start: source.to_original(l.span.start as usize),
                        end: source.to_original(l.span.end as usize),
                        line,
                        column,
                        message: l.message.clone(),
                        primary: l.primary,
                    }
                })
                .collect(),
        })
        .collect()
}

/// How one top-level unit converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitStatus {
    /// Converted without warnings.
    Converted,
    /// Converted with at least one warning or error inside its span.
    ConvertedWithWarnings,
    /// Is, or contains, an unconverted statement.
    Unconverted,
}

/// Calls `f` on every statement of a unit, outermost first, without recursion.
pub fn for_each_stmt(unit: &Unit, mut f: impl FnMut(&Stmt)) {
    let mut stack: Vec<&Stmt> = Vec::new();
    match &unit.kind {
        UnitKind::Statement(s) => stack.push(s),
        UnitKind::Procedure(p) => stack.extend(p.body.iter().rev()),
        UnitKind::Function(func) => {
            if let FunctionBody::Statements(body) = &func.body {
                stack.extend(body.iter().rev());
            }
        }
        UnitKind::Rule(_) => {}
    }
    while let Some(s) = stack.pop() {
        f(s);
        match &s.kind {
            StmtKind::If {
                then_branch,
                else_branch,
                ..
            } => {
                stack.extend(else_branch.iter().rev());
                stack.extend(then_branch.iter().rev());
            }
            StmtKind::While { body, .. } | StmtKind::Block(body) => stack.extend(body.iter().rev()),
            _ => {}
        }
    }
}

/// Per-unit statuses and byte counts.
pub struct Accounting {
    /// One status per unit, in module order.
    pub statuses: Vec<UnitStatus>,
    /// Statement counts.
    pub statements: StatementCounts,
    /// Byte counts.
    pub bytes: ByteCounts,
    /// Converted share of statement bytes, percent, one decimal.
    pub coverage_percent: f64,
}

/// Counts statements and bytes of a module (see the module documentation).
pub fn account(module: &Module, source: &SourceText, diagnostics: &[Diagnostic]) -> Accounting {
    let orig_len = |span: Span| {
        let r = source.original_range(span);
        r.end.saturating_sub(r.start)
    };
    let mut warn_spans: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.primary_span())
        .collect();
    warn_spans.sort();
    let mut statements = StatementCounts::default();
    let mut bytes = ByteCounts {
        total: source.original_len,
        ..ByteCounts::default()
    };
    let mut error_spans: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.primary_span())
        .collect();
    error_spans.sort();
    let has_inside = |spans: &[Span], span: Span| {
        let i = spans.partition_point(|w| w.start < span.start);
        spans[i..]
            .iter()
            .take_while(|w| w.start <= span.end)
            .any(|w| w.end <= span.end)
    };
    let mut statuses: Vec<UnitStatus> = Vec::with_capacity(module.units.len());
    let mut prev_span: Option<Span> = None;
    for unit in &module.units {
        let span = unit.span();
        // One source statement that a profile rewrote into several units (same
        // span) counts once: the counts do not depend on the profile.
        if prev_span == Some(span) {
            if let Some(&last) = statuses.last() {
                statuses.push(last);
                continue;
            }
        }
        prev_span = Some(span);
        let mut unconverted = false;
        for_each_stmt(unit, |s| match &s.kind {
            StmtKind::Unconverted(u) => {
                unconverted = true;
                bytes.unconverted += orig_len(u.span.cover(s.span));
            }
            StmtKind::Dropped { .. } => bytes.dropped_with_reason += orig_len(s.span),
            _ => {}
        });
        bytes.statements += orig_len(span);
        let status = if unconverted {
            UnitStatus::Unconverted
        } else if has_inside(&error_spans, span) {
            // An error inside means the statement is not (fully) converted.
            bytes.unconverted += orig_len(span);
            UnitStatus::Unconverted
        } else {
            if has_inside(&warn_spans, span) {
                UnitStatus::ConvertedWithWarnings
            } else {
                UnitStatus::Converted
            }
        };
        statements.total += 1;
        match status {
            UnitStatus::Converted => statements.converted += 1,
            UnitStatus::ConvertedWithWarnings => statements.converted_with_warnings += 1,
            UnitStatus::Unconverted => statements.unconverted += 1,
        }
        statuses.push(status);
    }
    bytes.unconverted = bytes.unconverted.min(bytes.statements);
    Accounting {
        statuses,
        statements,
        coverage_percent: coverage(bytes.statements - bytes.unconverted, bytes.statements),
        bytes,
    }
}

/// `part / whole` in percent, rounded half up to one decimal, computed in integers so
/// that it is the same on every platform; 100.0 when `whole` is 0.
pub fn coverage(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    let (part, whole) = (part as u128, whole as u128);
    let tenths = (part * 2000 + whole) / (2 * whole);
    tenths as f64 / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlxlate_ir::{SourceLanguage, Unconverted};

    fn stmt(kind: StmtKind, start: usize, end: usize) -> Stmt {
        Stmt::new(kind, Span::new(start, end))
    }

    fn unit(s: Stmt) -> Unit {
        Unit {
            kind: UnitKind::Statement(s),
            batch: 0,
        }
    }

    #[test]
    fn coverage_rounds_half_up_to_one_decimal() {
        assert_eq!(coverage(0, 0), 100.0);
        assert_eq!(coverage(1, 3), 33.3);
        assert_eq!(coverage(2, 3), 66.7);
        assert_eq!(coverage(1, 2000), 0.1); // 0.05 rounds up
        assert_eq!(coverage(10, 10), 100.0);
    }

    #[test]
    fn units_are_counted_by_status_and_bytes() {
        // 0..9 `SELECT 1;`, 10..28 dropped, 29..40 unconverted inside a block, 41..50 warned.
        let text = "SELECT 1;\nSET NOCOUNT ON;   \nBEGIN XYZ; END\nSELECT 2;\n";
        let source = crate::decode::decode(text.as_bytes());
        let module = Module {
            language: SourceLanguage::Tsql,
            units: vec![
                unit(stmt(StmtKind::Break, 0, 9)),
                unit(stmt(
                    StmtKind::Dropped {
                        code: "SX9002".into(),
                        text: "SET NOCOUNT ON;".into(),
                    },
                    10,
                    25,
                )),
                unit(stmt(
                    StmtKind::Block(vec![stmt(
                        StmtKind::Unconverted(Unconverted {
                            code: "SX9001".into(),
                            text: "XYZ;".into(),
                            span: Span::new(35, 39),
                        }),
                        35,
                        39,
                    )]),
                    29,
                    43,
                )),
                unit(stmt(StmtKind::Break, 44, 53)),
            ],
            trivia: vec![],
            collation: Collation::default(),
        };
        let warn =
            Diagnostic::new("SX9999", Span::new(51, 52), "w").with_severity(Severity::Warning);
        let info = Diagnostic::new("SX9998", Span::new(0, 3), "i").with_severity(Severity::Info);
        let acc = account(&module, &source, &[warn, info]);
        assert_eq!(
            acc.statuses,
            vec![
                UnitStatus::Converted,
                UnitStatus::Converted,
                UnitStatus::Unconverted,
                UnitStatus::ConvertedWithWarnings
            ]
        );
        assert_eq!(
            acc.statements,
            StatementCounts {
                total: 4,
                converted: 2,
                converted_with_warnings: 1,
                unconverted: 1
            }
        );
        assert_eq!(acc.bytes.total, text.len());
        assert_eq!(acc.bytes.statements, 9 + 15 + 14 + 9);
        assert_eq!(acc.bytes.unconverted, 4);
        assert_eq!(acc.bytes.dropped_with_reason, 15);
        assert_eq!(acc.coverage_percent, coverage(43, 47));
    }

    #[test]
    fn diagnostic_labels_use_original_offsets_and_lines() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(b"SELECT 1;\r\nSELECT x;");
        let source = crate::decode::decode(&bytes);
        let at = source.text.find('x').unwrap();
        let d = Diagnostic::new("SX9999", Span::new(at, at + 1), "m").with_hint("h");
        let r = diagnostics_report(&source, &[d]);
        assert_eq!(r[0].labels[0].start, at + 3);
        assert_eq!(r[0].labels[0].end, at + 4);
        assert_eq!((r[0].labels[0].line, r[0].labels[0].column), (2, 8));
        assert_eq!(r[0].severity, "error");
        assert_eq!(r[0].hint.as_deref(), Some("h"));
    }
}
