//! The conversion driver: decode → front-end → passes → back-end → report.
//!
//! The driver never fails: problems with the source come back as diagnostics inside
//! the [`Conversion`]. Diagnostics are sorted by (primary span start, code) with a
//! stable sort, so that the same input always lists them in the same order.

use sqlxlate_diagnostics::{codes, Diagnostic, Severity, Span};
use sqlxlate_ir::{Module, Profile, SourceLanguage, Stmt, StmtKind, Unconverted, Unit, UnitKind};

use crate::decode::SourceText;
use crate::report::{
    collation_name, diagnostics_report, InputReport, OutputReport, Report, ReportOptions,
    TableReport, Tool, REPORT_VERSION,
};
use crate::{Options, Target};

/// What an output file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputKind {
    /// The main converted code.
    Main,
    /// Statements that only run on Databricks (portable profile).
    DatabricksOnly,
}

impl OutputKind {
    /// The name used in reports (`main`, `databricks-only`).
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Main => "main",
            OutputKind::DatabricksOnly => "databricks-only",
        }
    }
}

/// Language of an output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputLanguage {
    /// Databricks SQL.
    DatabricksSql,
    /// PySpark.
    Pyspark,
}

impl OutputLanguage {
    /// The name used in reports (`databricks-sql`, `pyspark`).
    pub fn name(self) -> &'static str {
        match self {
            OutputLanguage::DatabricksSql => "databricks-sql",
            OutputLanguage::Pyspark => "pyspark",
        }
    }
}

/// One output file.
#[derive(Clone, Debug)]
pub struct OutputFile {
    /// File name relative to the output directory.
    pub path: String,
    /// Kind.
    pub kind: OutputKind,
    /// Language.
    pub language: OutputLanguage,
    /// Contents.
    pub contents: String,
}

/// The overall outcome of a conversion, for exit codes and dashboards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Everything converted (there may be warnings and infos).
    Converted,
    /// Output was produced, but part of the input is an unconverted remainder (at
    /// least one error diagnostic).
    Remainder,
    /// Nothing could be converted: the language or output is not supported. No files.
    NotConverted,
}

impl Status {
    /// The conventional process exit code: 0, 1 or 2.
    pub fn exit_code(self) -> i32 {
        match self {
            Status::Converted => 0,
            Status::Remainder => 1,
            Status::NotConverted => 2,
        }
    }
}

/// The result of converting one input.
#[derive(Debug)]
pub struct Conversion {
    /// The input path as given.
    pub path: String,
    /// The source language used.
    pub language: SourceLanguage,
    /// Output files, in the order they must run.
    pub files: Vec<OutputFile>,
    /// Diagnostics, sorted by position; spans are offsets into `source.text`.
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded source.
    pub source: SourceText,
    /// The IR after all passes (empty when nothing was converted).
    pub module: Module,
    /// The report.
    pub report: Report,
}

impl Conversion {
    /// The overall outcome.
    pub fn status(&self) -> Status {
        if self.files.is_empty() {
            Status::NotConverted
        } else if self
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
        {
            Status::Remainder
        } else {
            Status::Converted
        }
    }

    /// The main output file, if any.
    pub fn main_output(&self) -> Option<&OutputFile> {
        self.files.iter().find(|f| f.kind == OutputKind::Main)
    }

    /// Maps a decoded span to a byte range of the original input.
    pub fn original_range(&self, span: Span) -> std::ops::Range<usize> {
        self.source.original_range(span)
    }

    /// One-based line and column of a decoded offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.source.line_col(offset)
    }

    /// The diagnostics rendered as plain text (no colour), as the CLI prints them.
    pub fn render_diagnostics(&self) -> String {
        crate::render::render_plain(self.display_name(), &self.source.text, &self.diagnostics)
    }

    /// The input's name for people: the path as given, or `<stdin>` for `-`.
    pub fn display_name(&self) -> &str {
        if self.path == "-" || self.path.is_empty() {
            "<stdin>"
        } else {
            &self.path
        }
    }
}

/// The stem output files are named after: `encounter_metrics` for
/// `sql/encounter_metrics.sql`, `stdin` for `-` or an empty path.
pub fn output_stem(path: &str) -> String {
    if path.is_empty() || path == "-" {
        return "stdin".to_string();
    }
    std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "output".to_string())
}

/// The input path as it appears in reports: as given, or only the file name when it
/// was absolute (reports never hold absolute paths).
pub fn report_path(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        p.file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        path.to_string()
    }
}

/// Converts one input file. `path` names the input (for language inference, output
/// names, the report and rendering; `-` for standard input); `bytes` is its content.
pub fn convert(path: &str, bytes: &[u8], options: &Options) -> Conversion {
    let source = crate::decode::decode(bytes);
    let language = options
        .from
        .or_else(|| crate::language_for_path(path))
        .unwrap_or(SourceLanguage::Tsql);
    let mut diagnostics = source.diagnostics.clone();
    let stem = output_stem(path);
    let mut files = Vec::new();
    let mut module = Module {
        language,
        units: Vec::new(),
        trivia: Vec::new(),
        collation: options.collation,
    };
    let mut tables = Vec::new();
    let mut collation_notes = Vec::new();

    match (language, options.to) {
        (SourceLanguage::Tsql, Target::DatabricksSql) => {
            let (m, front) = crate::tsql::lower(&source.text, options.collation);
            module = m;
            diagnostics.extend(front);
            let pass_options = sqlxlate_passes::PassOptions {
                catalog: options.effective_catalog(),
                profile: options.profile,
                collation: options.collation,
            };
            let pass_result = sqlxlate_passes::run(&mut module, &pass_options);
            diagnostics.extend(pass_result.diagnostics);
            tables = pass_result.tables;
            collation_notes = pass_result.collation_notes;
            let emit_options = sqlxlate_emit::EmitOptions {
                profile: options.profile,
                width: 100,
            };
            let mut emitted = sqlxlate_emit::databricks_sql(&module, &emit_options);
            diagnostics.extend(std::mem::take(&mut emitted.diagnostics));
            // A statement with an error inside is not live code: print it as a
            // commented-out copy of the original, preceded by its code. The first
            // emit's diagnostics are kept (they give the reasons); the second emit
            // only replaces the text.
            if comment_out_errored_units(&mut module, &source.text, &diagnostics) {
                emitted = sqlxlate_emit::databricks_sql(&module, &emit_options);
            }
            files.push(OutputFile {
                path: format!("{stem}.sql"),
                kind: OutputKind::Main,
                language: OutputLanguage::DatabricksSql,
                contents: emitted.main,
            });
            if let Some(only) = emitted.databricks_only {
                files.push(OutputFile {
                    path: format!("{stem}.databricks-only.sql"),
                    kind: OutputKind::DatabricksOnly,
                    language: OutputLanguage::DatabricksSql,
                    contents: only,
                });
            }
        }
        (SourceLanguage::Tsql, Target::Pyspark) => {
            diagnostics.push(
                Diagnostic::new(
                    codes::SX0004.code,
                    Span::new(0, 0),
                    "pyspark output is not available for t-sql yet",
                )
                .with_hint("use `--to databricks-sql` (the default) for t-sql input"),
            );
        }
        (SourceLanguage::Sas | SourceLanguage::Informatica, _) => {
            diagnostics.push(
                Diagnostic::new(
                    codes::SX0003.code,
                    Span::new(0, 0),
                    format!("{} input is not supported yet", language.name()),
                )
                .with_hint(
                    "only t-sql converts in this version; pass `--from tsql` if the file is t-sql",
                ),
            );
        }
    }

    diagnostics
        .sort_by(|a, b| (a.primary_span().start, a.code).cmp(&(b.primary_span().start, b.code)));

    let accounting = crate::report::account(&module, &source, &diagnostics);
    let report = Report {
        version: REPORT_VERSION,
        tool: Tool::default(),
        options: ReportOptions {
            from: language.name().to_string(),
            to: options.to.name().to_string(),
            profile: match options.profile {
                Profile::Databricks => "databricks",
                Profile::Portable => "portable",
            }
            .to_string(),
            catalog: options.effective_catalog(),
            collation: collation_name(options.collation).to_string(),
        },
        inputs: vec![InputReport {
            path: report_path(path),
            language: language.name().to_string(),
            encoding: source.encoding.name().to_string(),
            statements: accounting.statements,
            bytes: accounting.bytes,
            coverage_percent: accounting.coverage_percent,
        }],
        outputs: files
            .iter()
            .map(|f| OutputReport {
                path: f.path.clone(),
                kind: f.kind.name().to_string(),
                language: f.language.name().to_string(),
            })
            .collect(),
        tables: tables
            .iter()
            .map(|t| TableReport {
                source: t.source.clone(),
                target: t.target.clone(),
                access: t
                    .access
                    .iter()
                    .map(|a| {
                        match a {
                            sqlxlate_passes::Access::Read => "read",
                            sqlxlate_passes::Access::Write => "write",
                            sqlxlate_passes::Access::Create => "create",
                        }
                        .to_string()
                    })
                    .collect(),
            })
            .collect(),
        collation: collation_notes,
        diagnostics: diagnostics_report(&source, &diagnostics),
    };

    Conversion {
        path: path.to_string(),
        language,
        files,
        diagnostics,
        source,
        module,
        report,
    }
}

/// Replaces every top-level unit that has an error diagnostic inside its span by a
/// `StmtKind::Unconverted` copy of its original text, with the first error's code.
/// Consecutive units with the same span (one source statement that a profile
/// rewrote into several) become one unconverted unit. Returns whether anything changed.
fn comment_out_errored_units(module: &mut Module, text: &str, diagnostics: &[Diagnostic]) -> bool {
    // Error spans sorted by position, so each unit is a binary search (a file has as
    // many diagnostics as statements in the worst case: a linear scan per unit would be
    // quadratic).
    let mut errors: Vec<(Span, &Diagnostic)> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.primary_span(), d))
        .collect();
    errors.sort_by_key(|(p, d)| (*p, d.code));
    let first_error = |span: Span| {
        let i = errors.partition_point(|(p, _)| p.start < span.start);
        errors[i..]
            .iter()
            .take_while(|(p, _)| p.start <= span.end)
            .find(|(p, _)| p.end <= span.end)
            .map(|(_, d)| *d)
    };
    let mut changed = false;
    let mut units: Vec<Unit> = Vec::with_capacity(module.units.len());
    for unit in std::mem::take(&mut module.units) {
        let span = unit.span();
        if let Some(prev) = units.last() {
            // A further part of a source statement already commented out.
            if prev.span() == span && is_unconverted(prev) {
                if !is_unconverted(&unit) {
                    changed = true;
                }
                continue;
            }
        }
        if is_unconverted(&unit) || span.is_empty() {
            units.push(unit);
            continue;
        }
        let Some(err) = first_error(span) else {
            units.push(unit);
            continue;
        };
        let Some(original) = text.get(span.range()) else {
            units.push(unit);
            continue;
        };
        changed = true;
        let comments = match &unit.kind {
            UnitKind::Statement(s) => s.comments.clone(),
            _ => Vec::new(),
        };
        // Earlier parts of the same source statement (already pushed) go too.
        while units
            .last()
            .is_some_and(|u| u.span() == span && !is_unconverted(u))
        {
            units.pop();
        }
        let mut stmt = Stmt::new(
            StmtKind::Unconverted(Unconverted {
                code: err.code.to_string(),
                text: original.to_string(),
                span,
            }),
            span,
        );
        stmt.comments = comments;
        units.push(Unit {
            kind: UnitKind::Statement(stmt),
            batch: unit.batch,
        });
    }
    module.units = units;
    changed
}

fn is_unconverted(unit: &Unit) -> bool {
    matches!(&unit.kind, UnitKind::Statement(s) if matches!(s.kind, StmtKind::Unconverted(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_stems() {
        assert_eq!(
            output_stem("sql/encounter_metrics.sql"),
            "encounter_metrics"
        );
        assert_eq!(output_stem("-"), "stdin");
        assert_eq!(output_stem(""), "stdin");
        assert_eq!(output_stem("noext"), "noext");
    }

    #[test]
    fn report_paths_are_never_absolute() {
        assert_eq!(report_path("sql/a.sql"), "sql/a.sql");
        assert_eq!(report_path("/home/u/sql/a.sql"), "a.sql");
    }

    #[test]
    fn main_output_is_named_after_the_input() {
        let out = convert("x/encounter_metrics.sql", b"SELECT 1;", &Options::default());
        assert_eq!(out.files[0].path, "encounter_metrics.sql");
        assert_eq!(out.files[0].kind, OutputKind::Main);
        assert_eq!(out.report.outputs[0].path, "encounter_metrics.sql");
        assert_eq!(out.report.outputs[0].kind, "main");
        assert_eq!(out.report.inputs[0].path, "x/encounter_metrics.sql");
        assert_eq!(out.report.version, 1);
        assert_eq!(out.report.options.catalog, "main");
    }

    #[test]
    fn unsupported_language_gives_an_error_and_no_files() {
        let out = convert("claims.sas", b"data x; run;", &Options::default());
        assert!(out.files.is_empty());
        assert_eq!(out.status(), Status::NotConverted);
        assert_eq!(out.diagnostics[0].code, "SX0003");
        assert_eq!(out.report.options.from, "sas");
    }

    #[test]
    fn pyspark_for_tsql_is_refused() {
        let options = Options {
            to: Target::Pyspark,
            ..Options::default()
        };
        let out = convert("q.sql", b"SELECT 1;", &options);
        assert!(out.files.is_empty());
        assert_eq!(out.status().exit_code(), 2);
        assert_eq!(out.diagnostics[0].code, "SX0004");
    }

    #[test]
    fn windows_1252_input_reports_encoding_and_info() {
        let out = convert("q.sql", b"SELECT 'caf\xE9';", &Options::default());
        assert_eq!(out.report.inputs[0].encoding, "windows-1252");
        assert!(out.diagnostics.iter().any(|d| d.code == "SX0001"));
        assert_ne!(out.status(), Status::NotConverted);
    }

    #[test]
    fn report_json_is_deterministic() {
        let a = convert("q.sql", b"SELECT 1;\nGO\n", &Options::default());
        let b = convert("q.sql", b"SELECT 1;\nGO\n", &Options::default());
        assert_eq!(a.report.to_json(), b.report.to_json());
        assert!(a.report.to_json().starts_with("{\n  \"version\": 1,"));
    }

    #[test]
    fn statement_counts_do_not_depend_on_the_profile() {
        let src = b"CREATE TABLE dbo.t (a INT, b INT);\nUPDATE dbo.t SET b = 1 WHERE a = 2;\nSELECT a FROM dbo.t;\n";
        let d = convert("q.sql", src, &Options::default());
        let p = convert(
            "q.sql",
            src,
            &Options {
                profile: Profile::Portable,
                ..Options::default()
            },
        );
        let (sd, sp) = (&d.report.inputs[0], &p.report.inputs[0]);
        assert_eq!(sd.statements.total, 3);
        assert_eq!(sp.statements.total, 3);
        assert_eq!(sd.bytes.statements, sp.bytes.statements);
    }

    #[test]
    fn a_statement_with_an_error_is_commented_out_and_counted_unconverted() {
        let c = convert(
            "q.sql",
            b"EXEC dbo.usp_x @p = 1;\nSELECT 1 AS one;\n",
            &Options::default(),
        );
        let main = &c
            .main_output()
            .map(|f| f.contents.clone())
            .unwrap_or_default();
        assert!(main.contains("-- EXEC dbo.usp_x @p = 1;"), "{main}");
        assert!(!main.contains("CALL"), "{main}");
        let s = c.report.inputs[0].statements;
        assert_eq!((s.total, s.unconverted), (2, 1));
    }

    #[test]
    fn go_with_a_count_warns_at_the_separator() {
        let src = "INSERT INTO dbo.t VALUES (1);\nGO 3\nSELECT 1;\n";
        let c = convert("q.sql", src.as_bytes(), &Options::default());
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.code == codes::SX3004.code)
            .expect("SX3004");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(&src[d.primary_span().range()], "GO 3");
        let plain = convert("q.sql", b"SELECT 1;\nGO\nSELECT 2;\n", &Options::default());
        assert!(plain
            .diagnostics
            .iter()
            .all(|d| d.code != codes::SX3004.code));
    }
}
