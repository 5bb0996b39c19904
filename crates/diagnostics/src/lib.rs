//! Diagnostics as data: spans, severities, labelled messages and the registry of
//! stable `SX` codes.
//!
//! Invariant: this crate renders nothing. Rendering (codespan-reporting, JSON) happens
//! at the CLI or API edge. Every code used anywhere must be listed in [`codes::ALL`]
//! with its documentation entry; `docs/diagnostics.md` is generated from that list.
#![warn(missing_docs)]

pub mod codes;

use serde::Serialize;

/// A half-open byte range `start..end` into the decoded source text of one input.
///
/// The driver maps spans back to byte offsets of the original file (see the
/// `sqlxlate` crate's decoder) before they leave the library in reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    /// True when the span is empty.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    /// As a `Range<usize>`.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Intentionally dropped or rewritten; nothing to do.
    Info,
    /// Converted, but behaviour may differ or needs review.
    Warning,
    /// Not converted: parse error or unsupported construct.
    Error,
}

/// The broad kind of a diagnostic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The input could not be read or decoded as intended.
    Input,
    /// The input could not be parsed.
    Parse,
    /// A construct was recognised but could not be converted (an unconverted remainder).
    Unsupported,
    /// Converted, but the target's behaviour may differ.
    Semantic,
    /// Intentionally dropped or rewritten, with a reason.
    Informational,
}

/// The registered description of one stable diagnostic code.
#[derive(Debug)]
pub struct CodeInfo {
    /// `SX` and four digits. Once published, a code keeps its meaning.
    pub code: &'static str,
    /// Short title, a lower-case fragment.
    pub title: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Broad kind.
    pub kind: Kind,
    /// *What it means.*
    pub meaning: &'static str,
    /// *Why* it is reported.
    pub why: &'static str,
    /// *Example* of input that triggers it.
    pub example: &'static str,
    /// *What to do.*
    pub what_to_do: &'static str,
}

/// One labelled span inside a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What about it (may be empty).
    pub message: String,
    /// The primary label is the one the diagnostic is about.
    pub primary: bool,
}

/// A diagnostic: a stable code, a severity, a message, labelled spans and a hint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, for example `SX0001`.
    pub code: &'static str,
    /// Severity (normally the code's default).
    pub severity: Severity,
    /// Lower-case fragment without a trailing full stop.
    pub message: String,
    /// Labelled spans; the first primary label is the main location.
    pub labels: Vec<Label>,
    /// What to do next, if anything.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity and a primary label at `span`.
    ///
    /// ```
    /// use sqlxlate_diagnostics::{Diagnostic, Span, codes};
    /// let d = Diagnostic::new(codes::SX0001.code, Span::new(0, 3), "bytes are not valid UTF-8");
    /// assert_eq!(d.code, "SX0001");
    /// ```
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        let severity = codes::lookup(code)
            .map(|c| c.severity)
            .unwrap_or(Severity::Error);
        Diagnostic {
            code,
            severity,
            message: message.into(),
            labels: vec![Label {
                span,
                message: String::new(),
                primary: true,
            }],
            hint: None,
        }
    }
    /// Sets the hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }
    /// Sets the message of the primary label.
    pub fn with_label_message(mut self, message: impl Into<String>) -> Diagnostic {
        if let Some(l) = self.labels.first_mut() {
            l.message = message.into();
        }
        self
    }
    /// Adds a secondary label.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }
    /// Overrides the severity.
    pub fn with_severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }
    /// The primary span (or an empty span at 0).
    pub fn primary_span(&self) -> Span {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map(|l| l.span)
            .unwrap_or_default()
    }
}

/// The diagnostics reference (`docs/diagnostics.md`), generated from [`codes::all`]:
/// one section per code with its title, severity and kind, then *What it means*,
/// *Why*, *Example* and *What to do*.
///
/// ```
/// let md = sqlxlate_diagnostics::docs_markdown();
/// assert!(md.contains("## SX0001"));
/// ```
pub fn docs_markdown() -> String {
    let mut out = String::new();
    out.push_str("# Diagnostics reference\n\n");
    out.push_str(
        "<!-- Generated from the code registry in crates/diagnostics/src/codes/. \
         Do not edit by hand: run `UPDATE_DOCS=1 cargo test --test diagnostics_docs`. -->\n\n",
    );
    out.push_str(
        "Every diagnostic sqlxlate reports has a stable code. Severity: **error** means the \
         statement was not converted (an unconverted remainder); **warning** means it was \
         converted but behaviour may differ; **info** means something was intentionally \
         dropped or rewritten.\n\n",
    );
    out.push_str("| Code | Severity | Title |\n|---|---|---|\n");
    let all = codes::all();
    for c in &all {
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} |\n",
            c.code,
            c.code.to_ascii_lowercase(),
            severity_word(c.severity),
            c.title
        ));
    }
    for c in &all {
        out.push_str(&format!("\n## {}\n\n", c.code));
        out.push_str(&format!("**{}**\n\n", c.title));
        out.push_str(&format!(
            "Severity: {}. Kind: {}.\n\n",
            severity_word(c.severity),
            kind_word(c.kind)
        ));
        for (heading, body) in [
            ("What it means", c.meaning),
            ("Why", c.why),
            ("Example", c.example),
            ("What to do", c.what_to_do),
        ] {
            out.push_str(&format!("*{heading}*\n\n{}\n\n", body.trim()));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Input => "input",
        Kind::Parse => "parse error",
        Kind::Unsupported => "unsupported construct",
        Kind::Semantic => "semantic difference",
        Kind::Informational => "informational",
    }
}
