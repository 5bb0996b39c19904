//! The `sqlxlate` command: I/O, rendering and exit codes around the library.
//!
//! Exit status: 0 when everything converted; 1 when output was written but part of
//! the input is an unconverted remainder (any error diagnostic); 2 for usage errors,
//! I/O errors, unreadable input and unsupported languages or outputs.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config, Styles, StylesWriter};
use serde::Deserialize;
use sqlxlate::{Collation, Conversion, Options, Profile, SourceLanguage, Status, Target};

/// Converts legacy healthcare ETL code (T-SQL today) into Databricks SQL, and flags
/// precisely whatever it cannot convert.
#[derive(Parser, Debug)]
#[command(name = "sqlxlate", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Convert one input file (or standard input) into Databricks code.
    ///
    /// Without -o, the main output goes to standard output. Diagnostics go to standard
    /// error. Exit status: 0 everything converted, 1 converted with an unconverted
    /// remainder (output still written), 2 usage, I/O or unsupported input.
    Convert(ConvertArgs),
}

#[derive(Args, Debug)]
struct ConvertArgs {
    /// Input file, or `-` for standard input.
    input: String,
    /// Source language (default: from the file extension; `.sql` is T-SQL, and
    /// standard input is T-SQL).
    #[arg(long, value_enum)]
    from: Option<FromArg>,
    /// Output language.
    #[arg(long, value_enum)]
    to: Option<ToArg>,
    /// Target profile: `databricks` may use Databricks-only features; `portable` keeps
    /// the main output runnable on open-source Spark 4.1 and moves Databricks-only
    /// statements to a separate `<stem>.databricks-only.sql` output.
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// Unity Catalog catalog for permanent tables (default: `main`, or `spark_catalog`
    /// with `--profile portable`).
    #[arg(long, value_name = "NAME")]
    catalog: Option<String>,
    /// String comparison semantics of the source database: `ci` case- and
    /// trailing-space-insensitive (SQL Server's default), `cs` case-sensitive but
    /// trailing-space-insensitive, `binary` exact.
    #[arg(long, value_enum)]
    collation: Option<CollationArg>,
    /// Output directory: write every output file there (created if missing), named
    /// after the input (`encounter_metrics.sql`, `encounter_metrics.databricks-only.sql`).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: Option<PathBuf>,
    /// Write the JSON conversion report to FILE.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// How diagnostics are printed on standard error.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Read options from a JSON file, for example
    /// `{"profile": "portable", "catalog": "dev", "collation": "ci"}`. Command-line
    /// flags override it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FromArg {
    /// Microsoft SQL Server T-SQL.
    Tsql,
    /// SAS (not supported yet).
    Sas,
    /// Informatica PowerCenter XML (not supported yet).
    Informatica,
}

#[derive(Clone, Copy, Debug, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ToArg {
    /// A Databricks SQL notebook source file.
    DatabricksSql,
    /// A PySpark notebook source file (not available for T-SQL yet).
    Pyspark,
}

#[derive(Clone, Copy, Debug, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ProfileArg {
    /// May use Databricks-only features.
    Databricks,
    /// Main output runs on open-source Spark 4.1.
    Portable,
}

#[derive(Clone, Copy, Debug, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum CollationArg {
    /// Case- and trailing-space-insensitive (SQL Server default).
    Ci,
    /// Case-sensitive, trailing-space-insensitive.
    Cs,
    /// Exact binary comparison.
    Binary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FormatArg {
    /// Rendered diagnostics with source excerpts.
    Human,
    /// A JSON array of diagnostics (the report's `diagnostics` shape).
    Json,
}

/// The `--config` file: the same options as the flags, all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    from: Option<FromArg>,
    to: Option<ToArg>,
    profile: Option<ProfileArg>,
    catalog: Option<String>,
    collation: Option<CollationArg>,
    format: Option<FormatArg>,
}

/// A failure that ends the run with exit status 2.
struct Fatal(String);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with status 0; a usage error is
            // printed as JSON when `--format json` appears on the command line.
            if e.use_stderr() && json_requested_on_command_line() {
                print_fatal_json(&e.kind().to_string(), e.render().to_string().trim_end());
                return ExitCode::from(2);
            }
            e.exit();
        }
    };
    match cli.command {
        Command::Convert(args) => {
            let mut json_errors = args.format == Some(FormatArg::Json);
            match run_convert(&args, &mut json_errors) {
                Ok(code) => ExitCode::from(code),
                Err(Fatal(msg)) => {
                    if json_errors {
                        print_fatal_json("fatal", &msg);
                    } else {
                        eprintln!("error: {msg}");
                    }
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// Whether the raw arguments ask for `--format json` (used only when clap itself
/// rejected the command line, so the arguments were not parsed).
fn json_requested_on_command_line() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().any(|(i, a)| {
        a == "--format=json" || (a == "--format" && args.get(i + 1).is_some_and(|v| v == "json"))
    })
}

/// Prints a fatal error as JSON on standard error: a one-element array in the shape
/// of the diagnostics array, so a consumer of `--format json` can always parse stderr.
fn print_fatal_json(kind: &str, msg: &str) {
    let value = serde_json::json!([{
        "severity": "fatal",
        "kind": kind,
        "message": msg,
        "exit_code": 2,
    }]);
    let text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| String::from("[]"));
    eprintln!("{text}");
}

fn run_convert(args: &ConvertArgs, json_errors: &mut bool) -> Result<u8, Fatal> {
    let config = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Fatal(format!("cannot read config {}: {e}", path.display())))?;
            serde_json::from_str::<ConfigFile>(&text)
                .map_err(|e| Fatal(format!("invalid config {}: {e}", path.display())))?
        }
        None => ConfigFile::default(),
    };
    if args.format.is_none() && config.format == Some(FormatArg::Json) {
        *json_errors = true;
    }
    let catalog = args.catalog.clone().or(config.catalog);
    if catalog.as_deref().is_some_and(|c| c.trim().is_empty()) {
        return Err(Fatal(String::from(
            "the catalog name must not be empty (use --catalog NAME, or leave it out for the default)",
        )));
    }
    if let Some(dir) = &args.output {
        if dir.exists() && !dir.is_dir() {
            return Err(Fatal(format!(
                "output path {} is not a directory (-o takes a directory)",
                dir.display()
            )));
        }
    }
    let options = Options {
        from: args.from.or(config.from).map(|f| match f {
            FromArg::Tsql => SourceLanguage::Tsql,
            FromArg::Sas => SourceLanguage::Sas,
            FromArg::Informatica => SourceLanguage::Informatica,
        }),
        to: match args.to.or(config.to) {
            Some(ToArg::Pyspark) => Target::Pyspark,
            Some(ToArg::DatabricksSql) | None => Target::DatabricksSql,
        },
        profile: match args.profile.or(config.profile) {
            Some(ProfileArg::Portable) => Profile::Portable,
            Some(ProfileArg::Databricks) | None => Profile::Databricks,
        },
        catalog,
        collation: match args.collation.or(config.collation) {
            Some(CollationArg::Cs) => Collation::BinaryRtrim,
            Some(CollationArg::Binary) => Collation::Binary,
            Some(CollationArg::Ci) | None => Collation::CaseInsensitiveRtrim,
        },
    };
    let format = args.format.or(config.format).unwrap_or(FormatArg::Human);

    let bytes = if args.input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Fatal(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        std::fs::read(&args.input).map_err(|e| Fatal(format!("cannot read {}: {e}", args.input)))?
    };

    let conv = sqlxlate::convert(&args.input, &bytes, &options);
    check_not_overwriting_input(args, &conv)?;
    print_diagnostics(&conv, format)?;

    let status = conv.status();
    if status == Status::NotConverted {
        return Ok(2);
    }

    match &args.output {
        Some(dir) => write_outputs(dir, &conv)?,
        None => {
            if let Some(main) = conv.main_output() {
                let mut out = std::io::stdout().lock();
                out.write_all(main.contents.as_bytes())
                    .and_then(|_| out.flush())
                    .map_err(|e| Fatal(format!("cannot write standard output: {e}")))?;
            }
            let others: Vec<&str> = conv
                .files
                .iter()
                .filter(|f| f.kind != sqlxlate::OutputKind::Main)
                .map(|f| f.path.as_str())
                .collect();
            if !others.is_empty() && format == FormatArg::Human {
                eprintln!(
                    "note: {} not written; use -o DIR to write every output file",
                    others.join(", ")
                );
            }
        }
    }
    if let Some(path) = &args.report {
        std::fs::write(path, conv.report.to_json())
            .map_err(|e| Fatal(format!("cannot write report {}: {e}", path.display())))?;
    }
    if format == FormatArg::Human {
        print_summary(&conv);
    }
    Ok(status.exit_code() as u8)
}

/// A path made absolute without requiring it to exist: its longest existing ancestor,
/// canonicalised, joined with the rest.
fn resolved(p: &Path) -> Option<std::path::PathBuf> {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(p)
    };
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(cur) {
            return Some(rest.iter().rev().fold(c, |acc, part| acc.join(part)));
        }
        rest.push(cur.file_name()?.to_os_string());
        cur = cur.parent()?;
    }
}

/// True when `a` and `b` name the same file: the same resolved path, or (for files
/// that exist) the same device and inode, which also catches hard links.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            if x.dev() == y.dev() && x.ino() == y.ino() {
                return true;
            }
        }
    }
    matches!((resolved(a), resolved(b)), (Some(x), Some(y)) if x == y)
}

/// Refuses to run when an output file or the report would replace the input file
/// itself (for example `convert sql/x.sql -o sql/`), or when the report would replace
/// an output file; checks that the report's directory exists. All before writing.
fn check_not_overwriting_input(args: &ConvertArgs, conv: &Conversion) -> Result<(), Fatal> {
    let input = (args.input != "-").then(|| Path::new(&args.input));
    if let Some(dir) = &args.output {
        for f in &conv.files {
            let path = dir.join(&f.path);
            if input.is_some_and(|i| same_file(&path, i)) {
                return Err(Fatal(format!(
                    "refusing to overwrite the input file {} with the converted output; \
                     choose another output directory with -o",
                    path.display()
                )));
            }
            if args.report.as_deref().is_some_and(|r| same_file(&path, r)) {
                return Err(Fatal(format!(
                    "the report and the output file {} are the same file; choose another --report path",
                    path.display()
                )));
            }
        }
    }
    if let Some(report) = &args.report {
        if input.is_some_and(|i| same_file(report, i)) {
            return Err(Fatal(format!(
                "refusing to overwrite the input file {} with the report; choose another --report path",
                report.display()
            )));
        }
        let parent = match report.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let created = args
            .output
            .as_deref()
            .is_some_and(|d| resolved(d) == resolved(parent));
        if !parent.is_dir() && !created {
            return Err(Fatal(format!(
                "cannot write report {}: directory {} does not exist",
                report.display(),
                parent.display()
            )));
        }
    }
    Ok(())
}

fn write_outputs(dir: &Path, conv: &Conversion) -> Result<(), Fatal> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Fatal(format!(
            "cannot create output directory {}: {e}",
            dir.display()
        ))
    })?;
    for f in &conv.files {
        let path = dir.join(&f.path);
        std::fs::write(&path, &f.contents)
            .map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

fn color_choice() -> ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color || !std::io::stderr().is_terminal() {
        ColorChoice::Never
    } else {
        ColorChoice::Auto
    }
}

fn print_diagnostics(conv: &Conversion, format: FormatArg) -> Result<(), Fatal> {
    match format {
        FormatArg::Json => {
            let json = serde_json::to_string_pretty(&conv.report.diagnostics)
                .map_err(|e| Fatal(format!("cannot serialise diagnostics: {e}")))?;
            eprintln!("{json}");
        }
        FormatArg::Human => {
            let file = SimpleFile::new(conv.display_name(), conv.source.text.as_str());
            let config = Config::default();
            let styles = Styles::default();
            let mut stream = StandardStream::stderr(color_choice());
            for d in &conv.diagnostics {
                let cs = sqlxlate::render::to_codespan(&conv.source.text, d);
                let mut writer = StylesWriter::new(&mut stream, &styles);
                if term::emit_to_write_style(&mut writer, &config, &file, &cs).is_err() {
                    eprintln!("{}: {}", d.code, d.message);
                }
            }
        }
    }
    Ok(())
}

fn print_summary(conv: &Conversion) {
    let Some(input) = conv.report.inputs.first() else {
        return;
    };
    let s = input.statements;
    eprintln!(
        "{}: {} statements: {} converted, {} with warnings, {} unconverted; coverage {:.1}%",
        conv.display_name(),
        s.total,
        s.converted,
        s.converted_with_warnings,
        s.unconverted,
        input.coverage_percent
    );
}
