//! T-SQL data types and their IR meaning (BIT → Boolean, MONEY → DECIMAL(19,4), …).

use sqlxlate_diagnostics::{codes, Diagnostic};
use sqlxlate_ir::DataType;

use super::lexer::T;
use super::parse::{PResult, Parser};

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

impl<'a> Parser<'a> {
    /// A data type; returns the IR type and the source spelling.
    pub fn data_type(&mut self, in_cast: bool) -> PResult<(DataType, String)> {
        let start = self.pos;
        let name = self.object_name("a data type")?;
        let mut upper = name.name().to_ascii_uppercase();
        if upper == "DOUBLE" && self.eat_word("PRECISION") {
            upper = "DOUBLE PRECISION".into();
        }
        if (upper == "CHAR" || upper == "CHARACTER") && self.eat_word("VARYING") {
            upper = "CHARACTER VARYING".into();
        }
        let mut args = Vec::new();
        let mut max = false;
        if self.peek() == T::LParen && !self.at_end() {
            self.bump();
            loop {
                if self.eat_word("MAX") {
                    max = true;
                } else {
                    let i = self.expect(T::Int, "a length or MAX")?;
                    args.push(self.text(i).parse::<u32>().unwrap_or(u32::MAX));
                }
                if !self.eat(T::Comma) {
                    break;
                }
            }
            self.expect(T::RParen, "`)`")?;
        }
        let span = self.span_from(start);
        let source = self.src[span.range()].to_string();
        let schema_ok = name.parts.len() == 1
            || (name.parts.len() == 2 && name.parts[0].value.eq_ignore_ascii_case("sys"));
        let ty = if schema_ok {
            map_type(&upper, &args, max, in_cast)
        } else {
            None
        };
        let ty = match ty {
            Some(t) => t,
            None => {
                self.diags.push(
                    Diagnostic::new(
                        codes::SX3002.code,
                        span,
                        format!("unknown data type `{source}` kept as an unknown type"),
                    )
                    .with_hint("replace the alias type by its base type"),
                );
                DataType::Unknown
            }
        };
        Ok((ty, source))
    }
}
