//! sqlxlate: deterministic conversion of legacy healthcare ETL (T-SQL today; SAS and
//! Informatica PowerCenter next) into Databricks SQL, with diagnostics for everything
//! not converted.
//!
//! ```
//! let options = sqlxlate::Options::default();
//! let out = sqlxlate::convert("q.sql", b"SELECT 1 AS one;", &options);
//! assert!(out.files[0].contents.starts_with("-- Databricks notebook source"));
//! ```
//!
//! The library is pure: no process exit, no terminal output, no global state. Source
//! problems come back as [`Diagnostic`]s inside the [`Conversion`], never as `Err`.
#![warn(missing_docs)]

pub mod decode;
mod driver;
pub mod render;
pub mod report;
pub mod tsql;

pub use driver::{
    convert, output_stem, report_path, Conversion, OutputFile, OutputKind, OutputLanguage, Status,
};
pub use sqlxlate_diagnostics as diagnostics;
pub use sqlxlate_diagnostics::{codes, Diagnostic, Label, Severity, Span};
pub use sqlxlate_ir as ir;
pub use sqlxlate_ir::{Collation, Profile, SourceLanguage};

/// What to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Target {
    /// A Databricks SQL notebook source file.
    #[default]
    DatabricksSql,
    /// A PySpark notebook source file (not yet available for T-SQL).
    Pyspark,
}

impl Target {
    /// Parses a name used on the command line (`databricks-sql`, `pyspark`).
    pub fn from_name(name: &str) -> Option<Target> {
        match name {
            "databricks-sql" => Some(Target::DatabricksSql),
            "pyspark" => Some(Target::Pyspark),
            _ => None,
        }
    }
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Target::DatabricksSql => "databricks-sql",
            Target::Pyspark => "pyspark",
        }
    }
}

/// Conversion options.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Source language; inferred from the file extension when `None`.
    pub from: Option<SourceLanguage>,
    /// Output kind.
    pub to: Target,
    /// Target profile.
    pub profile: Profile,
    /// Unity Catalog catalog for permanent tables. Default: `main` in the Databricks
    /// profile, `spark_catalog` (open-source Spark's session catalog) in the portable one.
    pub catalog: Option<String>,
    /// String comparison semantics of the source (default: SQL Server's default,
    /// case-insensitive and trailing-space-insensitive).
    pub collation: Collation,
}

impl Options {
    /// The catalog in effect.
    pub fn effective_catalog(&self) -> String {
        match (&self.catalog, self.profile) {
            (Some(c), _) => c.clone(),
            (None, Profile::Databricks) => "main".to_string(),
            (None, Profile::Portable) => "spark_catalog".to_string(),
        }
    }
}

/// Infers the source language from a file name's extension.
///
/// ```
/// use sqlxlate::{language_for_path, SourceLanguage};
/// assert_eq!(language_for_path("proc.SQL"), Some(SourceLanguage::Tsql));
/// ```
pub fn language_for_path(path: &str) -> Option<SourceLanguage> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "sql" | "tsql" | "prc" | "udf" | "viw" | "tab" => Some(SourceLanguage::Tsql),
        "sas" => Some(SourceLanguage::Sas),
        "xml" => Some(SourceLanguage::Informatica),
        _ => None,
    }
}
