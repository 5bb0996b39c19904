//! Executed checks: converted T-SQL runs on local Spark 4.1 and returns the rows the
//! original system returns.
//!
//! Each case is a folder `testdata/executed/tsql/<case>/` with `input.sql`,
//! `expected.csv` and `case.toml` (`from`, `ordered`, optional `null_equals_empty`).
//! The test converts every case with the portable profile (catalog `spark_catalog`)
//! into a scratch directory with a report, then starts `tests/spark_runner.py` ONCE
//! for all cases: one Spark session, state reset between cases. The runner prints one
//! JSON line per case; a case passes when its last result set matches expected.csv
//! after normalisation (see the runner's docstring).
//!
//! Python is `$SQLXLATE_PYTHON`, else `<repo>/.venv/bin/python` (made by
//! `tests/setup-spark.sh`). Without Python or pyspark the tests fail when `CI` is set,
//! and otherwise print a loud message and pass without running anything.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;
use sqlxlate::{Options, Profile, Severity};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The few keys of `case.toml` (`key = "string"` or `key = true|false`).
fn parse_case_toml(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
        .collect()
}

struct Case {
    name: String,
    dir: PathBuf,
    ordered: bool,
    null_equals_empty: bool,
}

fn cases() -> Vec<Case> {
    let base = root().join("testdata/executed/tsql");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let toml = std::fs::read_to_string(dir.join("case.toml")).unwrap_or_default();
            let keys = parse_case_toml(&toml);
            assert_eq!(
                keys.get("from").map(String::as_str),
                Some("tsql"),
                "{}: case.toml must say from = \"tsql\"",
                dir.display()
            );
            Case {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                ordered: keys.get("ordered").is_none_or(|v| v == "true"),
                null_equals_empty: keys.get("null_equals_empty").is_some_and(|v| v == "true"),
                dir,
            }
        })
        .collect()
}

fn python() -> Result<PathBuf, String> {
    let py = std::env::var_os("SQLXLATE_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv/bin/python"));
    if !py.exists() {
        return Err(format!("{} does not exist", py.display()));
    }
    let ok = Command::new(&py)
        .args(["-c", "import pyspark"])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", py.display()))?;
    if !ok.status.success() {
        return Err(format!(
            "`import pyspark` fails with {}: {}",
            py.display(),
            String::from_utf8_lossy(&ok.stderr)
        ));
    }
    Ok(py)
}

/// The outcome of the single runner invocation, shared by the tests of this file.
enum Run {
    /// No Python with pyspark here, and not in CI: nothing was run.
    Skipped(String),
    /// Results by case name, plus what conversion said about each case.
    Done {
        results: BTreeMap<String, Value>,
        conversion_notes: BTreeMap<String, String>,
        stderr_tail: String,
    },
}

fn run_once() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(run_all)
}

fn run_all() -> Run {
    let py = match python() {
        Ok(p) => p,
        Err(why) => {
            let msg = format!(
                "no usable Python with pyspark: {why}.\n\
                 Run `bash tests/setup-spark.sh` or set SQLXLATE_PYTHON."
            );
            if std::env::var_os("CI").is_some() {
                panic!("{msg}\n(CI is set, so executed tests must run.)");
            }
            // Written to the stderr handle directly: libtest captures `eprintln!` of
            // passing tests, and this must be seen.
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                format!("\n!!!!! EXECUTED TESTS SKIPPED !!!!!\n{msg}\n\n").as_bytes(),
            );
            return Run::Skipped(msg);
        }
    };
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("executed");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let options = Options {
        profile: Profile::Portable,
        catalog: Some("spark_catalog".to_string()),
        ..Options::default()
    };
    let mut manifest_cases = Vec::new();
    let mut conversion_notes = BTreeMap::new();
    for case in cases() {
        let input = case.dir.join("input.sql");
        let bytes = std::fs::read(&input).unwrap();
        let rel = input
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let conv = sqlxlate::convert(&rel, &bytes, &options);
        let out = scratch.join(&case.name);
        std::fs::create_dir_all(&out).unwrap();
        for f in &conv.files {
            std::fs::write(out.join(&f.path), &f.contents).unwrap();
        }
        let report = out.join("report.json");
        std::fs::write(&report, conv.report.to_json()).unwrap();
        if conv
            .diagnostics
            .iter()
            .any(|d| d.severity >= Severity::Warning)
        {
            conversion_notes.insert(case.name.clone(), conv.render_diagnostics());
        }
        manifest_cases.push(serde_json::json!({
            "name": case.name,
            "outdir": out,
            "report": report,
            "expected": case.dir.join("expected.csv"),
            "ordered": case.ordered,
            "null_equals_empty": case.null_equals_empty,
        }));
    }
    let manifest = scratch.join("manifest.json");
    std::fs::write(
        &manifest,
        serde_json::to_string_pretty(&serde_json::json!({
            "selftest": true,
            "cases": manifest_cases,
        }))
        .unwrap(),
    )
    .unwrap();
    // Spark writes metastore_db/ and derby.log into its working directory.
    let cwd = scratch.join("cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    let output = Command::new(&py)
        .arg(root().join("tests/spark_runner.py"))
        .arg("--manifest")
        .arg(&manifest)
        .current_dir(&cwd)
        .env("PYSPARK_PYTHON", &py)
        .output()
        .expect("start the Spark runner");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut results = BTreeMap::new();
    for line in stdout.lines() {
        if let Some(json) = line.strip_prefix("SQLXLATE_RESULT ") {
            let v: Value = serde_json::from_str(json).expect("runner prints valid JSON");
            let name = v["case"].as_str().unwrap_or("?").to_string();
            results.insert(name, v);
        }
    }
    let lines: Vec<&str> = stderr.lines().collect();
    let stderr_tail = lines[lines.len().saturating_sub(30)..].join("\n");
    if !output.status.success() {
        results.insert(
            "runner".to_string(),
            serde_json::json!({"case": "runner", "ok": false,
                "message": format!("spark_runner.py exited with {}", output.status)}),
        );
    }
    Run::Done {
        results,
        conversion_notes,
        stderr_tail,
    }
}

fn describe(v: &Value) -> String {
    let mut s = format!("  {}\n", v["message"].as_str().unwrap_or(""));
    if let Some(cell) = v["cell"].as_str() {
        s.push_str(&format!(
            "  failing cell ({}):\n{}\n  Spark said:\n{}\n",
            v["file"].as_str().unwrap_or("?"),
            indent(cell),
            indent(v["error"].as_str().unwrap_or(""))
        ));
    }
    if v.get("expected_rows").is_some() {
        let rows = |k: &str| -> String {
            v[k].as_array()
                .map(|rs| {
                    rs.iter()
                        .map(|r| {
                            let cells: Vec<String> = r
                                .as_array()
                                .map(|c| {
                                    c.iter()
                                        .map(|x| x.as_str().unwrap_or("").to_string())
                                        .collect()
                                })
                                .unwrap_or_default();
                            format!("    | {}", cells.join(" | "))
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default()
        };
        s.push_str(&format!(
            "  expected {}:\n{}\n  actual {}:\n{}\n",
            v["expected_header"],
            rows("expected_rows"),
            v["actual_header"],
            rows("actual_rows")
        ));
    }
    if let Some(tb) = v["traceback"].as_str() {
        s.push_str(&indent(tb));
    }
    s
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(selftest: bool) {
    let (results, conversion_notes, stderr_tail) = match run_once() {
        Run::Skipped(why) => {
            eprintln!("executed tests skipped: {why}");
            return;
        }
        Run::Done {
            results,
            conversion_notes,
            stderr_tail,
        } => (results, conversion_notes, stderr_tail),
    };
    let expected: Vec<String> = if selftest {
        results
            .keys()
            .filter(|k| k.starts_with("selftest: "))
            .cloned()
            .collect()
    } else {
        cases().into_iter().map(|c| c.name).collect()
    };
    if selftest {
        assert!(
            !expected.is_empty(),
            "the runner reported no selftest results; its stderr ends with:\n{stderr_tail}"
        );
    }
    let mut failures = Vec::new();
    let mut passed = 0;
    for name in &expected {
        match results.get(name) {
            Some(v) if v["ok"] == Value::Bool(true) => passed += 1,
            Some(v) => {
                let mut f = format!("FAIL {name}\n{}", describe(v));
                if let Some(notes) = conversion_notes.get(name) {
                    f.push_str(&format!("  conversion diagnostics:\n{}\n", indent(notes)));
                }
                failures.push(f);
            }
            None => failures.push(format!(
                "FAIL {name}: no result from the runner; its stderr ends with:\n{stderr_tail}"
            )),
        }
    }
    if let Some(v) = results.get("runner") {
        failures.push(format!("FAIL runner\n{}", describe(v)));
    }
    eprintln!("executed: {passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn spark_runner_selftest_passes() {
    check(true);
}

#[test]
fn executed_tsql_cases_match_expected_rows() {
    assert!(!cases().is_empty(), "no cases under testdata/executed/tsql");
    check(false);
}

#[test]
fn case_toml_parses_the_documented_keys() {
    let k = parse_case_toml(
        "from = \"tsql\"\nordered = false # rows in any order\nnull_equals_empty = true\n",
    );
    assert_eq!(k["from"], "tsql");
    assert_eq!(k["ordered"], "false");
    assert_eq!(k["null_equals_empty"], "true");
}
