//! The conversion driver: decode → front-end → passes → back-end → report.

use sqlxlate_diagnostics::Diagnostic;

use crate::decode::SourceText;
use crate::report::Report;
use crate::{Options, SourceLanguage};

/// What an output file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputKind {
    /// The main converted code.
    Main,
    /// Statements that only run on Databricks (portable profile).
    DatabricksOnly,
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

/// The result of converting one input.
#[derive(Debug)]
pub struct Conversion {
    /// Output files, in the order they must run.
    pub files: Vec<OutputFile>,
    /// Diagnostics, sorted by position; spans are offsets into `source.text`.
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded source.
    pub source: SourceText,
    /// The report.
    pub report: Report,
}

/// Converts one input file.
pub fn convert(path: &str, bytes: &[u8], options: &Options) -> Conversion {
    let source = crate::decode::decode(bytes);
    let language = options
        .from
        .or_else(|| crate::language_for_path(path))
        .unwrap_or(SourceLanguage::Tsql);
    let _ = language;
    let (mut module, mut diagnostics) = crate::tsql::lower(&source.text, options.collation);
    let pass_options = sqlxlate_passes::PassOptions {
        catalog: options.effective_catalog(),
        profile: options.profile,
        collation: options.collation,
    };
    let pass_result = sqlxlate_passes::run(&mut module, &pass_options);
    diagnostics.extend(pass_result.diagnostics);
    let emitted = sqlxlate_emit::databricks_sql(
        &module,
        &sqlxlate_emit::EmitOptions {
            profile: options.profile,
            width: 100,
        },
    );
    diagnostics.extend(emitted.diagnostics);
    let files = vec![OutputFile {
        path: "main.sql".to_string(),
        kind: OutputKind::Main,
        language: OutputLanguage::DatabricksSql,
        contents: emitted.main,
    }];
    Conversion {
        files,
        diagnostics,
        source,
        report: Report {},
    }
}
