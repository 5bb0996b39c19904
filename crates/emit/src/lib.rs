//! Back-ends: print the IR as target code.
//!
//! Invariant: back-ends see only the IR, never tokens; output is deterministic.
#![warn(missing_docs)]

use sqlxlate_diagnostics::Diagnostic;
use sqlxlate_ir::{Module, Profile};

/// Options for the back-ends.
#[derive(Clone, Debug)]
pub struct EmitOptions {
    /// Target profile.
    pub profile: Profile,
    /// Preferred line width.
    pub width: usize,
}

/// Databricks SQL output of one module.
#[derive(Clone, Debug, Default)]
pub struct SqlOutput {
    /// The main notebook source.
    pub main: String,
    /// Statements that only run on Databricks (portable profile), as a notebook source, if any.
    pub databricks_only: Option<String>,
    /// Diagnostics raised while printing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Prints a module as a Databricks SQL notebook source file.
pub fn databricks_sql(module: &Module, options: &EmitOptions) -> SqlOutput {
    let _ = (module, options);
    SqlOutput {
        main: "-- Databricks notebook source\n".to_string(),
        ..SqlOutput::default()
    }
}
