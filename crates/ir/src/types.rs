use serde::Serialize;

/// How strings compare: the collation semantics of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Collation {
    /// Binary, case- and trailing-space-sensitive (Spark's default `UTF8_BINARY`).
    Binary,
    /// Case-insensitive and trailing-space-insensitive (SQL Server's default `…_CI_AS`),
    /// `UTF8_LCASE_RTRIM` on Databricks and Spark 4.
    #[default]
    CaseInsensitiveRtrim,
    /// Case-sensitive but trailing-space-insensitive (`…_CS_AS`), `UTF8_BINARY_RTRIM`.
    BinaryRtrim,
}

/// A data type.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum DataType {
    /// Not known (yet).
    #[default]
    Unknown,
    /// Boolean (T-SQL BIT).
    Boolean,
    /// 1-byte signed integer (never produced from T-SQL TINYINT, which is unsigned).
    TinyInt,
    /// 2-byte integer.
    SmallInt,
    /// 4-byte integer.
    Int,
    /// 8-byte integer.
    BigInt,
    /// Exact decimal.
    Decimal {
        /// Total digits.
        precision: u8,
        /// Digits after the point.
        scale: u8,
    },
    /// 4-byte float.
    Float,
    /// 8-byte float.
    Double,
    /// Character string.
    String {
        /// Declared maximum length in characters, `None` for unbounded / MAX.
        max_len: Option<u32>,
        /// Fixed-length (CHAR/NCHAR) in the source: blank-padded there.
        fixed: bool,
        /// Comparison semantics; `None` means the module default.
        collation: Option<Collation>,
    },
    /// Calendar date.
    Date,
    /// Time of day.
    Time,
    /// Timestamp without time zone (T-SQL DATETIME, DATETIME2, SMALLDATETIME).
    TimestampNtz,
    /// Timestamp with time zone semantics (T-SQL DATETIMEOFFSET; the offset is lost).
    Timestamp,
    /// Binary string.
    Binary {
        /// Declared maximum length in bytes.
        max_len: Option<u32>,
    },
    /// A table type (table variables, table-valued results): column names and types.
    Table(Vec<(String, DataType)>),
}

impl DataType {
    /// True for the integer types.
    pub fn is_integer(&self) -> bool {
        matches!(
            self,
            DataType::TinyInt | DataType::SmallInt | DataType::Int | DataType::BigInt
        )
    }
    /// True for every numeric type.
    pub fn is_numeric(&self) -> bool {
        self.is_integer()
            || matches!(
                self,
                DataType::Decimal { .. } | DataType::Float | DataType::Double
            )
    }
    /// True for character strings.
    pub fn is_string(&self) -> bool {
        matches!(self, DataType::String { .. })
    }
    /// An unbounded string with the module default collation.
    pub fn string() -> DataType {
        DataType::String {
            max_len: None,
            fixed: false,
            collation: None,
        }
    }
}
