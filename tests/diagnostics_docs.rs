//! `docs/diagnostics.md` is generated from the code registry and must not drift from
//! it; every `SX` code used in the source tree must be registered.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn diagnostics_docs_match_the_registry() {
    let path = root().join("docs/diagnostics.md");
    let generated = sqlxlate::diagnostics::docs_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/diagnostics.md is out of date with the code registry.\n\
         Update it with: UPDATE_DOCS=1 cargo test --test diagnostics_docs"
    );
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            collect_rs(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs" || e == "lalrpop") {
            out.push(p);
        }
    }
}

/// Finds `SX` followed by exactly four digits, not inside a longer word and not a bound
/// of a range (`SX0001–SX0099` in documentation).
fn codes_in(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 6 <= b.len() {
        let word_before = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if &b[i..i + 2] == b"SX"
            && !word_before
            && b[i + 2..i + 6].iter().all(u8::is_ascii_digit)
            && b.get(i + 6).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            let before = &text[..i];
            let after = &text[i + 6..];
            let in_range = ["–", "-", ".."]
                .iter()
                .any(|d| before.ends_with(d) || after.starts_with(d));
            if !in_range {
                found.push(text[i..i + 6].to_string());
            }
            i += 6;
        } else {
            i += 1;
        }
    }
    found
}

#[test]
fn every_code_used_in_the_source_is_registered() {
    let mut files = Vec::new();
    for dir in ["src", "crates", "grammars"] {
        collect_rs(&root().join(dir), &mut files);
    }
    assert!(!files.is_empty());
    let mut missing = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for code in codes_in(&text) {
            // Test-only placeholder codes in the 9xxx range are never registered.
            if code.starts_with("SX9") {
                continue;
            }
            if sqlxlate::codes::lookup(&code).is_none() {
                missing.push(format!(
                    "{code} in {}",
                    f.strip_prefix(root()).unwrap_or(f).display()
                ));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "codes used but not registered:\n{}",
        missing.join("\n")
    );
}

#[test]
fn registry_is_sorted_unique_and_documented() {
    let all = sqlxlate::codes::all();
    for w in all.windows(2) {
        assert!(
            w[0].code < w[1].code,
            "duplicate or unsorted: {}",
            w[1].code
        );
    }
    for c in &all {
        assert_eq!(c.code.len(), 6, "{}", c.code);
        for (what, text) in [
            ("title", c.title),
            ("meaning", c.meaning),
            ("why", c.why),
            ("example", c.example),
            ("what_to_do", c.what_to_do),
        ] {
            assert!(!text.trim().is_empty(), "{} has an empty {what}", c.code);
        }
        assert!(
            !c.title.ends_with('.'),
            "{}: titles have no full stop",
            c.code
        );
    }
}

#[test]
fn code_scanner_finds_codes_only_as_whole_words() {
    assert_eq!(
        codes_in("codes::SX0001.code, \"SX2001\""),
        vec!["SX0001", "SX2001"]
    );
    assert!(codes_in("XSX0001 SX00012 SX001").is_empty());
    assert!(codes_in("SX0100–SX0199 SX2000-SX2499").is_empty());
}
