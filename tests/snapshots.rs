//! Fixture → snapshot tests: every `testdata/tsql/ok/*.sql` and `testdata/tsql/err/*.sql`
//! is converted with the Databricks profile, and the source, the outputs and the
//! rendered diagnostics are snapshotted together in `snapshots/`.
//!
//! Besides the snapshot, the test asserts the fixture's contract: inputs under `ok/`
//! produce no error diagnostic, inputs under `err/` produce at least one.
//!
//! To accept new or changed snapshots after reading them:
//! `INSTA_UPDATE=always cargo test --test snapshots` (or `cargo insta review`).

use sqlxlate::{Options, Profile, Severity};

/// The snapshot text of one fixture: labelled sections, deterministic, no colour.
fn snapshot_text(name: &str, bytes: &[u8]) -> (String, usize) {
    let options = Options {
        profile: Profile::Databricks,
        ..Options::default()
    };
    let conv = sqlxlate::convert(name, bytes, &options);
    let mut out = String::new();
    out.push_str("----- SOURCE\n");
    out.push_str(&conv.source.text.replace("\r\n", "\n"));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    for f in &conv.files {
        let label = match f.kind {
            sqlxlate::OutputKind::Main => "----- DATABRICKS SQL\n",
            sqlxlate::OutputKind::DatabricksOnly => "----- DATABRICKS-ONLY\n",
        };
        out.push_str(label);
        out.push_str(&f.contents);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str("----- DIAGNOSTICS\n");
    out.push_str(&conv.render_diagnostics());
    let errors = conv
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (out, errors)
}

fn run(dir: &str, expect_errors: bool) {
    let mut problems = Vec::new();
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../testdata/tsql", &format!("{dir}/*.sql"), |path| {
            let bytes = std::fs::read(path).unwrap();
            let name = format!(
                "testdata/tsql/{dir}/{}",
                path.file_name().unwrap().to_string_lossy()
            );
            let (text, errors) = snapshot_text(&name, &bytes);
            if expect_errors && errors == 0 {
                problems.push(format!("{name}: expected at least one error diagnostic, got none"));
            }
            if !expect_errors && errors > 0 {
                problems.push(format!(
                    "{name}: expected no error diagnostic, got {errors}:\n{text}"
                ));
            }
            // Name snapshots after the file itself (`tsql_ok@name.sql.snap`), so that
            // adding fixtures never renames existing snapshots.
            let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
            insta::with_settings!({ snapshot_suffix => file_name }, {
                insta::assert_snapshot!(format!("tsql_{dir}"), text);
            });
        });
    });
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn tsql_ok_inputs_convert_without_errors() {
    run("ok", false);
}

#[test]
fn tsql_err_inputs_report_errors() {
    run("err", true);
}
