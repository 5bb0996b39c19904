//! The machine-readable conversion report.

/// The report (filled in by the driver).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Report {}
