//! Invariants that hold for every input (DESIGN.md, "Invariants"):
//!
//! - conversion never panics, whatever the bytes;
//! - no silent drop: every non-whitespace byte of the decoded text lies inside a unit
//!   (statement, procedure, function, rule), a comment, trivia (batch separators,
//!   punctuation), or an intentionally dropped or unconverted statement;
//! - every span lies inside the text, on character boundaries;
//! - the same input and options give byte-identical output and report.
//!
//! The accounting check runs on token soup from T-SQL keywords (proptest) and on every
//! file under `testdata/tsql/`.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sqlxlate::ir::{Trivia, UnitKind};
use sqlxlate::{Conversion, Options, Profile, Span};

fn options(profile: Profile) -> Options {
    Options {
        profile,
        ..Options::default()
    }
}

/// Every region the module accounts for.
fn covered_spans(conv: &Conversion) -> Vec<Span> {
    let m = &conv.module;
    let mut spans = Vec::new();
    for unit in &m.units {
        spans.push(unit.span());
        let comments = match &unit.kind {
            UnitKind::Statement(s) => &s.comments,
            UnitKind::Procedure(p) => &p.comments,
            UnitKind::Function(f) => &f.comments,
            UnitKind::Rule(r) => &r.comments,
        };
        spans.extend(comments.iter().map(|c| c.span));
        sqlxlate::report::for_each_stmt(unit, |s| {
            spans.push(s.span);
            spans.extend(s.comments.iter().map(|c| c.span));
            if let sqlxlate::ir::StmtKind::Unconverted(u) = &s.kind {
                spans.push(u.span);
            }
        });
    }
    spans.extend(m.trivia.iter().map(Trivia::span));
    spans
}

/// Returns a description of the first accounting problem, if any.
fn accounting_problem(conv: &Conversion) -> Option<String> {
    let text = &conv.source.text;
    let mut spans = covered_spans(conv);
    for s in &spans {
        if s.start > s.end
            || s.end as usize > text.len()
            || !text.is_char_boundary(s.start as usize)
            || !text.is_char_boundary(s.end as usize)
        {
            return Some(format!(
                "invalid span {s:?} for text of {} bytes",
                text.len()
            ));
        }
    }
    spans.sort();
    // Sweep the sorted spans once, checking each non-whitespace character.
    let mut next = 0;
    let mut covered_to = 0usize;
    for (i, ch) in text.char_indices() {
        while next < spans.len() && spans[next].start as usize <= i {
            covered_to = covered_to.max(spans[next].end as usize);
            next += 1;
        }
        if ch.is_whitespace() || i < covered_to {
            continue;
        }
        let (line, col) = conv.source.line_col(i);
        let from = text[..i].char_indices().rev().nth(20).map_or(0, |(j, _)| j);
        let to = text[i..]
            .char_indices()
            .nth(20)
            .map_or(text.len(), |(j, _)| i + j);
        return Some(format!(
            "byte {i} ({line}:{col}, {ch:?}) is not accounted for; context: {:?}",
            &text[from..to]
        ));
    }
    None
}

fn deterministic(path: &str, bytes: &[u8], profile: Profile) -> Result<(), String> {
    let a = sqlxlate::convert(path, bytes, &options(profile));
    let b = sqlxlate::convert(path, bytes, &options(profile));
    let files = |c: &Conversion| {
        c.files
            .iter()
            .map(|f| (f.path.clone(), f.contents.clone()))
            .collect::<Vec<_>>()
    };
    if files(&a) != files(&b) {
        return Err("outputs differ between two runs".into());
    }
    if a.report.to_json() != b.report.to_json() {
        return Err("reports differ between two runs".into());
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP",
    "BY",
    "ORDER",
    "HAVING",
    "INSERT",
    "INTO",
    "VALUES",
    "UPDATE",
    "SET",
    "DELETE",
    "MERGE",
    "USING",
    "WHEN",
    "MATCHED",
    "THEN",
    "NOT",
    "CREATE",
    "TABLE",
    "PROCEDURE",
    "PROC",
    "AS",
    "BEGIN",
    "END",
    "IF",
    "ELSE",
    "WHILE",
    "DECLARE",
    "GO",
    "CASE",
    "AND",
    "OR",
    "NULL",
    "IS",
    "IN",
    "EXISTS",
    "JOIN",
    "LEFT",
    "ON",
    "TOP",
    "DISTINCT",
    "UNION",
    "ALL",
    "WITH",
    "NOCOUNT",
    "EXEC",
    "RETURN",
    "TRY",
    "CATCH",
    "INT",
    "VARCHAR(10)",
    "DATETIME",
    "DATEDIFF",
    "(",
    ")",
    ",",
    ";",
    ".",
    "=",
    "<>",
    "+",
    "-",
    "*",
    "/",
    "%",
    "@x",
    "@@ROWCOUNT",
    "#tmp",
    "##g",
    "[Order Details]",
    "\"q\"",
    "dbo.Member",
    "t",
    "m.id",
    "1",
    "2.50",
    "'abc'",
    "N'é'",
    "''''",
    "0x1F",
    "-- note\n",
    "/* c */",
    "/* open",
    "'open",
    "\n",
    "\r\n",
    "\t",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..60).prop_map(|ws| ws.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for profile in [Profile::Databricks, Profile::Portable] {
            let conv = sqlxlate::convert("fuzz.sql", &bytes, &options(profile));
            // Rendering and the report must not panic either.
            let _ = conv.render_diagnostics();
            let _ = conv.report.to_json();
        }
    }

    #[test]
    fn output_is_deterministic_on_token_soup(src in token_soup()) {
        for profile in [Profile::Databricks, Profile::Portable] {
            prop_assert_eq!(deterministic("soup.sql", src.as_bytes(), profile), Ok(()));
        }
    }

    #[test]
    fn every_byte_is_accounted_for_in_token_soup(src in token_soup()) {
        let conv = sqlxlate::convert("soup.sql", src.as_bytes(), &options(Profile::Databricks));
        prop_assert_eq!(accounting_problem(&conv), None, "input: {:?}", src);
    }
}

fn testdata_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "sql") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    walk(&root.join("testdata/tsql"), &mut out);
    walk(&root.join("testdata/executed/tsql"), &mut out);
    walk(&root.join("examples/tsql"), &mut out);
    out.sort();
    out
}

#[test]
fn every_byte_is_accounted_for_in_testdata() {
    let files = testdata_files();
    assert!(!files.is_empty(), "no T-SQL test inputs found");
    let mut problems = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let name = f.display().to_string();
        for profile in [Profile::Databricks, Profile::Portable] {
            let conv = sqlxlate::convert(&name, &bytes, &options(profile));
            if let Some(p) = accounting_problem(&conv) {
                problems.push(format!("{name} ({profile:?}): {p}"));
            }
            if let Err(e) = deterministic(&name, &bytes, profile) {
                problems.push(format!("{name} ({profile:?}): {e}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn accounting_check_detects_a_silent_drop() {
    // The stub-independent half of the check: an empty module accounts for nothing,
    // so any non-whitespace input must be reported, and whitespace alone must not.
    let mut conv = sqlxlate::convert("x.sql", b"  \r\n\t ", &options(Profile::Databricks));
    conv.module.units.clear();
    conv.module.trivia.clear();
    assert_eq!(accounting_problem(&conv), None);
    let mut conv = sqlxlate::convert("x.sql", b"\n  SELECT 1;", &options(Profile::Databricks));
    conv.module.units.clear();
    conv.module.trivia.clear();
    let p = accounting_problem(&conv).expect("a problem");
    assert!(p.starts_with("byte 3 (2:3, 'S')"), "{p}");
}
