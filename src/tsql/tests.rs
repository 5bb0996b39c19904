//! Front-end tests: batches, statement boundaries, recovery, byte accounting, and the
//! conformance inputs as smoke tests.

use super::lower;
use sqlxlate_diagnostics::{Diagnostic, Severity, Span};
use sqlxlate_ir::*;

pub(crate) fn run(src: &str) -> (Module, Vec<Diagnostic>) {
    let r = lower(src, Collation::default());
    check_accounting(src, &r.0);
    r
}

fn errors(d: &[Diagnostic]) -> Vec<&Diagnostic> {
    d.iter().filter(|d| d.severity == Severity::Error).collect()
}

pub(crate) fn stmts(m: &Module) -> Vec<&Stmt> {
    m.units
        .iter()
        .filter_map(|u| match &u.kind {
            UnitKind::Statement(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn comment_spans(s: &Stmt, out: &mut Vec<Span>) {
    out.extend(s.comments.iter().map(|c| c.span));
    let kids: Vec<&Stmt> = match &s.kind {
        StmtKind::Block(b) => b.iter().collect(),
        StmtKind::While { body, .. } => body.iter().collect(),
        StmtKind::If {
            then_branch,
            else_branch,
            ..
        } => then_branch.iter().chain(else_branch.iter()).collect(),
        _ => vec![],
    };
    for k in kids {
        comment_spans(k, out);
    }
}

/// Every non-whitespace byte lies in a unit span, a comment span or a trivia span.
pub(crate) fn check_accounting(src: &str, m: &Module) {
    let mut spans: Vec<Span> = Vec::new();
    for u in &m.units {
        spans.push(u.span());
        if let UnitKind::Statement(s) = &u.kind {
            comment_spans(s, &mut spans);
        }
    }
    spans.extend(m.trivia.iter().map(|t| t.span()));
    let mut covered = vec![false; src.len()];
    for s in spans {
        for b in &mut covered[s.range()] {
            *b = true;
        }
    }
    for (i, c) in src.bytes().enumerate() {
        if !c.is_ascii_whitespace() {
            assert!(
                covered[i],
                "byte {i} ({:?}) not accounted for in {:?}",
                c as char,
                &src[i.saturating_sub(20)..(i + 20).min(src.len())]
            );
        }
    }
}

#[test]
fn conformance_inputs_lower_without_errors() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/executed/tsql");
    let shared = "/work/shared/conformance/tsql";
    let base = if std::path::Path::new(dir).exists() { dir } else { shared };
    let Ok(rd) = std::fs::read_dir(base) else {
        return;
    };
    let mut n = 0;
    for e in rd.flatten() {
        let p = e.path().join("input.sql");
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let (m, d) = run(&src);
        assert!(errors(&d).is_empty(), "{}: {:#?}", p.display(), errors(&d));
        assert!(!m.units.is_empty());
        n += 1;
    }
    let _ = n;
}
