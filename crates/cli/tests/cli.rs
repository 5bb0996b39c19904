//! End-to-end tests of the `sqlxlate` command: flags, files written, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sqlxlate"));
    c.env("NO_COLOR", "1");
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_with_stdin(mut cmd: Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A child that fails before reading its input closes the pipe: not an error here.
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn help_describes_the_convert_command() {
    let out = bin().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("convert"));
    let out = bin().args(["convert", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for flag in [
        "--from",
        "--to",
        "--profile",
        "--catalog",
        "--collation",
        "--output",
        "--report",
        "--format",
        "--config",
    ] {
        assert!(help.contains(flag), "missing {flag} in:\n{help}");
    }
    assert!(help.contains("Exit status"), "{help}");
}

#[test]
fn stdin_converts_to_stdout() {
    let mut cmd = bin();
    cmd.args(["convert", "-"]);
    let out = run_with_stdin(cmd, b"SELECT 1 AS one;\n");
    assert!(
        text(&out.stdout).starts_with("-- Databricks notebook source"),
        "stdout: {}",
        text(&out.stdout)
    );
    assert!(matches!(out.status.code(), Some(0 | 1)));
}

#[test]
fn output_dir_and_report_are_written() {
    let dir = scratch("outdir");
    let input = dir.join("encounter_metrics.sql");
    std::fs::write(&input, "SELECT 1 AS one;\n").unwrap();
    let out_dir = dir.join("out/nested");
    let report = dir.join("report.json");
    let out = bin()
        .arg("convert")
        .arg(&input)
        .args(["--profile", "portable", "-o"])
        .arg(&out_dir)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    let main = std::fs::read_to_string(out_dir.join("encounter_metrics.sql")).unwrap();
    assert!(main.starts_with("-- Databricks notebook source"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "sqlxlate");
    assert_eq!(json["options"]["profile"], "portable");
    assert_eq!(json["options"]["catalog"], "spark_catalog");
    assert_eq!(json["outputs"][0]["path"], "encounter_metrics.sql");
    assert_eq!(json["outputs"][0]["kind"], "main");
    // The input was given as an absolute path: the report keeps only its name.
    assert_eq!(json["inputs"][0]["path"], "encounter_metrics.sql");
}

#[test]
fn pyspark_for_tsql_is_a_usage_error() {
    let mut cmd = bin();
    cmd.args(["convert", "-", "--to", "pyspark"]);
    let out = run_with_stdin(cmd, b"SELECT 1;");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("SX0004") && err.contains("not available for t-sql"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn sas_input_is_not_supported_yet() {
    let dir = scratch("sas");
    let input = dir.join("claims.sas");
    std::fs::write(&input, "data x; set y; run;\n").unwrap();
    let out = bin().arg("convert").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("SX0003"));
}

#[test]
fn missing_input_and_bad_flags_exit_2() {
    let out = bin()
        .args(["convert", "/nonexistent/x.sql"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read /nonexistent/x.sql"));
    let out = bin()
        .args(["convert", "-", "--profile", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_format_prints_diagnostics_as_json_on_stderr() {
    let mut cmd = bin();
    cmd.args(["convert", "-", "--format", "json"]);
    // Invalid UTF-8 gives at least the SX0001 info diagnostic.
    let out = run_with_stdin(cmd, b"SELECT 'caf\xE9';\n");
    let diags: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    let first = diags
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "SX0001")
        .expect("SX0001 present");
    assert_eq!(first["severity"], "info");
    assert_eq!(first["labels"][0]["start"], 11);
    assert_eq!(first["labels"][0]["line"], 1);
    assert_eq!(first["labels"][0]["column"], 12);
}

#[test]
fn human_diagnostics_have_no_colour_when_not_a_terminal() {
    let mut cmd = bin();
    cmd.env_remove("NO_COLOR").args(["convert", "-"]);
    let out = run_with_stdin(cmd, b"SELECT 'caf\xE9';\n");
    let err = text(&out.stderr);
    assert!(err.contains("SX0001"), "{err}");
    assert!(!err.contains('\u{1b}'), "colour codes in: {err:?}");
}

#[test]
fn config_file_sets_options_and_flags_override_it() {
    let dir = scratch("config");
    let config = dir.join("sqlxlate.json");
    std::fs::write(&config, r#"{"profile": "portable", "catalog": "dev"}"#).unwrap();
    let report = dir.join("r.json");
    let mut cmd = bin();
    cmd.args(["convert", "-", "--collation", "cs", "--config"])
        .arg(&config)
        .arg("--report")
        .arg(&report);
    let out = run_with_stdin(cmd, b"SELECT 1;");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        text(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["options"]["profile"], "portable");
    assert_eq!(json["options"]["catalog"], "dev");
    assert_eq!(json["options"]["collation"], "cs");
    assert_eq!(json["inputs"][0]["path"], "-");

    std::fs::write(&config, r#"{"profil": "portable"}"#).unwrap();
    let mut cmd = bin();
    cmd.args(["convert", "-", "--config"]).arg(&config);
    let out = run_with_stdin(cmd, b"SELECT 1;");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid config"));
}

#[test]
fn output_into_the_input_folder_never_overwrites_the_input() {
    let dir = scratch("same-dir");
    let input = dir.join("x.sql");
    let original = "SELECT 1 AS one;\n";
    std::fs::write(&input, original).unwrap();
    let out = bin()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("refusing to overwrite the input file"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
    // The same folder written another way (`dir/.`) is still the input's folder.
    let out = bin()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(dir.join("."))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
}

#[test]
fn report_onto_the_input_is_refused() {
    let dir = scratch("same-report");
    let input = dir.join("x.sql");
    let original = "SELECT 1 AS one;\n";
    std::fs::write(&input, original).unwrap();
    let out = bin()
        .arg("convert")
        .arg(&input)
        .arg("--report")
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("with the report"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
}

#[test]
fn output_path_that_is_a_file_fails_before_converting() {
    let dir = scratch("out-file");
    let input = dir.join("x.sql");
    std::fs::write(&input, "SELECT 'caf\u{e9}' AS c; SELECT @@ROWCOUNT;\n").unwrap();
    let afile = dir.join("afile");
    std::fs::write(&afile, "keep").unwrap();
    let out = bin()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&afile)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("not a directory"), "{err}");
    assert!(
        !err.contains("SX"),
        "no diagnostics before the check: {err}"
    );
    assert_eq!(std::fs::read_to_string(&afile).unwrap(), "keep");
}

#[test]
fn empty_catalog_is_a_usage_error() {
    let mut cmd = bin();
    cmd.args(["convert", "-", "--catalog", ""]);
    let out = run_with_stdin(cmd, b"SELECT * FROM dbo.t;");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("catalog name must not be empty"));
    assert!(out.stdout.is_empty());

    let dir = scratch("empty-catalog");
    let config = dir.join("c.json");
    std::fs::write(&config, r#"{"catalog": ""}"#).unwrap();
    let mut cmd = bin();
    cmd.args(["convert", "-", "--config"]).arg(&config);
    let out = run_with_stdin(cmd, b"SELECT * FROM dbo.t;");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("catalog name must not be empty"));
}

#[test]
fn json_format_reports_cli_errors_as_json() {
    let out = bin()
        .args(["convert", "/nonexistent/x.sql", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v[0]["severity"], "fatal");
    assert!(v[0]["message"]
        .as_str()
        .unwrap()
        .contains("cannot read /nonexistent/x.sql"));

    let dir = scratch("json-config");
    let config = dir.join("c.json");
    std::fs::write(&config, "{broken").unwrap();
    let out = bin()
        .args(["convert", "-", "--format", "json", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert!(v[0]["message"].as_str().unwrap().contains("invalid config"));

    let out = bin()
        .args(["convert", "-", "--format", "json", "--profile", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v[0]["severity"], "fatal");
}

#[test]
fn report_onto_an_output_file_and_hard_links_to_the_input_are_refused() {
    let dir = scratch("report-onto-output");
    let input = dir.join("s1.sql");
    std::fs::write(&input, "SELECT 1 AS one;\n").unwrap();
    let out_dir = dir.join("o2");
    let out = bin()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out_dir)
        .arg("--report")
        .arg(out_dir.join("s1.sql"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("are the same file"));
    assert!(!out_dir.join("s1.sql").exists());

    // An output file that is a hard link to the input is the input.
    let linked = dir.join("linked");
    std::fs::create_dir_all(&linked).unwrap();
    std::fs::hard_link(&input, linked.join("s1.sql")).unwrap();
    let out = bin()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&linked)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "SELECT 1 AS one;\n"
    );

    // A report in a missing directory fails before any output is written.
    let out = bin()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(dir.join("o3"))
        .arg("--report")
        .arg(dir.join("missing").join("r.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("o3").join("s1.sql").exists());
}

#[test]
fn json_diagnostics_stay_valid_json_when_outputs_are_not_written() {
    let out = run_with_stdin(
        {
            let mut c = bin();
            c.args(["convert", "-", "--profile", "portable", "--format", "json"]);
            c
        },
        b"CREATE TABLE dbo.T (id INT IDENTITY(1,1), a INT);\n",
    );
    let stderr = text(&out.stderr);
    let v: serde_json::Value = serde_json::from_str(stderr.trim()).expect("stderr is JSON");
    assert!(v.is_array());
}
