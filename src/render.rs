//! Rendering diagnostics for people, with codespan-reporting.
//!
//! This is the API edge of the library: it turns diagnostics (data) into text. It never
//! touches a terminal itself: [`render_plain`] returns a `String` without colour (for
//! snapshots and logs), and [`to_codespan`] gives the codespan diagnostic so that a
//! caller (the CLI) can write it to a colour-capable stream of its choice.

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use sqlxlate_diagnostics::{codes, Diagnostic, Severity, Span};

/// Converts a diagnostic to codespan's form. Spans are clamped to `text` and to
/// character boundaries, so rendering cannot fail on a bad span.
pub fn to_codespan(text: &str, d: &Diagnostic) -> CsDiagnostic<()> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut notes = Vec::new();
    // codespan prints the whole source line under each label: on a minified or
    // generated one-line script that is quadratic in the line's length. Labels on
    // lines longer than this are given as a position instead.
    const LONG_LINE: usize = 400;
    let labels = d
        .labels
        .iter()
        .filter(|l| {
            let r = clamp(text, l.span);
            let line_start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[r.start..]
                .find('\n')
                .map_or(text.len(), |i| r.start + i);
            if line_end - line_start <= LONG_LINE {
                return true;
            }
            let line = text[..r.start].matches('\n').count() + 1;
            let col = text[line_start..r.start].chars().count() + 1;
            let what = if l.message.is_empty() {
                String::new()
            } else {
                format!(" ({})", l.message)
            };
            notes.push(format!(
                "at line {line}, column {col}{what}; the line is too long to show"
            ));
            false
        })
        .map(|l| {
            let range = clamp(text, l.span);
            let label = if l.primary {
                CsLabel::primary((), range)
            } else {
                CsLabel::secondary((), range)
            };
            label.with_message(l.message.clone())
        })
        .collect();
    if let Some(h) = &d.hint {
        notes.push(format!("hint: {h}"));
    }
    if codes::lookup(d.code).is_some() {
        notes.push(format!(
            "see docs/diagnostics.md#{}",
            d.code.to_ascii_lowercase()
        ));
    }
    CsDiagnostic::new(severity)
        .with_code(d.code)
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

fn clamp(text: &str, span: Span) -> std::ops::Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start as usize);
    let end = floor(span.end as usize).max(start);
    start..end
}

/// Renders diagnostics as plain text (no colour), one after the other, against the
/// decoded `text` of the file called `name`.
pub fn render_plain(name: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let file = SimpleFile::new(name, text);
    let config = Config::default();
    let mut out = String::new();
    for d in diagnostics {
        // Spans are clamped above, so codespan cannot fail on them; if it still does,
        // fall back to a one-line form rather than losing the diagnostic.
        if term::emit_to_string(&mut out, &config, &file, &to_codespan(text, d)).is_err() {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                severity_word(d.severity),
                d.code,
                d.message
            ));
        }
    }
    out
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_given_as_a_position_not_printed() {
        let text = format!("SELECT 1; {}SELECT x;\n", "SELECT 2; ".repeat(100));
        let at = text.rfind('x').unwrap_or(0);
        let d = Diagnostic::new("SX1001", Span::new(at, at + 1), "odd");
        let out = render_plain("t.sql", &text, &[d]);
        assert!(out.contains("at line 1, column 1018"), "{out}");
        assert!(!out.contains("SELECT 2;"), "{out}");
    }

    #[test]
    fn renders_code_message_location_and_hint() {
        let text = "SELECT 1;\nSELECT x;\n";
        let d = Diagnostic::new("SX0001", Span::new(17, 18), "something odd")
            .with_label_message("here")
            .with_hint("do this");
        let out = render_plain("q.sql", text, &[d]);
        assert!(out.contains("note[SX0001]: something odd"), "{out}");
        assert!(out.contains("q.sql:2:8"), "{out}");
        assert!(out.contains("hint: do this"), "{out}");
        assert!(!out.contains('\u{1b}'), "no colour codes");
    }

    #[test]
    fn out_of_range_and_mid_char_spans_do_not_fail() {
        let text = "é";
        let d = Diagnostic::new("SX0001", Span::new(1, 99), "m");
        let out = render_plain("q.sql", text, &[d]);
        assert!(out.contains("SX0001"));
    }
}
