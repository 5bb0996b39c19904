//! T-SQL data types and their IR meaning (BIT → Boolean, MONEY → DECIMAL(19,4), …).

use sqlxlate_ir::DataType;

/// Maps a T-SQL type name (upper-case) with its arguments to the IR type.
/// `len` is `Some(None)` for `(MAX)`. In a CAST, a missing string length means 30,
/// elsewhere 1 (SQL Server's defaults).
pub fn map_type(name: &str, args: &[u32], max: bool, in_cast: bool) -> Option<DataType> {
    let a0 = args.first().copied();
    let strlen = |default: u32| {
        if max {
            None
        } else {
            Some(a0.unwrap_or(default))
        }
    };
    let default_len = if in_cast { 30 } else { 1 };
    Some(match name {
        "BIT" => DataType::Boolean,
        "TINYINT" | "SMALLINT" => DataType::SmallInt,
        "INT" | "INTEGER" => DataType::Int,
        "BIGINT" => DataType::BigInt,
        "DECIMAL" | "NUMERIC" | "DEC" => DataType::Decimal {
            precision: a0.unwrap_or(18).min(38) as u8,
            scale: args.get(1).copied().unwrap_or(0).min(38) as u8,
        },
        "MONEY" => DataType::Decimal {
            precision: 19,
            scale: 4,
        },
        "SMALLMONEY" => DataType::Decimal {
            precision: 10,
            scale: 4,
        },
        "FLOAT" => match a0 {
            Some(n) if n <= 24 => DataType::Float,
            _ => DataType::Double,
        },
        "REAL" => DataType::Float,
        "DOUBLE PRECISION" => DataType::Double,
        "CHAR" | "NCHAR" | "CHARACTER" => DataType::String {
            max_len: strlen(default_len),
            fixed: true,
            collation: None,
        },
        "VARCHAR" | "NVARCHAR" | "CHARACTER VARYING" | "CHAR VARYING" => DataType::String {
            max_len: strlen(default_len),
            fixed: false,
            collation: None,
        },
        "TEXT" | "NTEXT" | "XML" => DataType::string(),
        "SYSNAME" => DataType::String {
            max_len: Some(128),
            fixed: false,
            collation: None,
        },
        "UNIQUEIDENTIFIER" => DataType::String {
            max_len: Some(36),
            fixed: false,
            collation: None,
        },
        "DATE" => DataType::Date,
        "TIME" => DataType::Time,
        "DATETIME" | "DATETIME2" | "SMALLDATETIME" => DataType::TimestampNtz,
        "DATETIMEOFFSET" => DataType::Timestamp,
        "BINARY" | "VARBINARY" => DataType::Binary {
            max_len: strlen(default_len),
        },
        "IMAGE" => DataType::Binary { max_len: None },
        "ROWVERSION" | "TIMESTAMP" => DataType::Binary { max_len: Some(8) },
        _ => return None,
    })
}
