//! Data types as Databricks SQL spells them.

use sqlxlate_ir::{Collation, DataType};

/// The collation name Databricks and Spark 4 use for a collation meaning.
pub(crate) fn collation_name(c: Collation) -> &'static str {
    match c {
        Collation::Binary => "UTF8_BINARY",
        Collation::CaseInsensitiveRtrim => "UTF8_LCASE_RTRIM",
        Collation::BinaryRtrim => "UTF8_BINARY_RTRIM",
    }
}

/// Prints a type without collation (casts, variables, parameters).
/// Returns the text and whether it is an approximation (TIME as STRING, unknown types).
pub(crate) fn data_type(ty: &DataType) -> (String, TypeNote) {
    let s = match ty {
        DataType::Unknown => return ("STRING".into(), TypeNote::Unknown),
        DataType::Boolean => "BOOLEAN",
        DataType::TinyInt => "TINYINT",
        DataType::SmallInt => "SMALLINT",
        DataType::Int => "INT",
        DataType::BigInt => "BIGINT",
        DataType::Decimal { precision, scale } => {
            return (format!("DECIMAL({precision},{scale})"), TypeNote::Exact)
        }
        DataType::Float => "FLOAT",
        DataType::Double => "DOUBLE",
        DataType::String { .. } => "STRING",
        DataType::Date => "DATE",
        DataType::Time => return ("STRING".into(), TypeNote::Time),
        DataType::TimestampNtz => "TIMESTAMP_NTZ",
        DataType::Timestamp => "TIMESTAMP",
        DataType::Binary { .. } => "BINARY",
        DataType::Table(_) => return ("STRING".into(), TypeNote::Table),
    };
    (s.into(), TypeNote::Exact)
}

/// Prints a column type with its collation: `STRING COLLATE UTF8_LCASE_RTRIM` for strings
/// under a non-binary collation (`None` on the type means the module default).
pub(crate) fn column_type(ty: &DataType, default: Collation) -> (String, TypeNote) {
    let (s, note) = data_type(ty);
    if let DataType::String { collation, .. } = ty {
        let c = collation.unwrap_or(default);
        if c != Collation::Binary {
            return (format!("{s} COLLATE {}", collation_name(c)), note);
        }
    }
    (s, note)
}

/// Whether a printed type is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TypeNote {
    /// Printed as the same type.
    Exact,
    /// TIME printed as STRING.
    Time,
    /// A table type (only meaningful for table variables).
    Table,
    /// Not known; printed as STRING.
    Unknown,
}
