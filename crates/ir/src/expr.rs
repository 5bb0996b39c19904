use serde::Serialize;
use sqlxlate_diagnostics::Span;

use crate::{DataType, Ident, ObjectName, OrderBy, Query};

/// A typed expression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it came from.
    pub span: Span,
    /// Inferred type ([`DataType::Unknown`] until the types pass runs, or if unknowable).
    pub ty: DataType,
}

impl Expr {
    /// A new expression of unknown type.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr {
            kind,
            span,
            ty: DataType::Unknown,
        }
    }
    /// A new expression with a known type.
    pub fn typed(kind: ExprKind, span: Span, ty: DataType) -> Expr {
        Expr { kind, span, ty }
    }
}

/// A literal value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "literal", content = "value", rename_all = "snake_case")]
pub enum Literal {
    /// NULL.
    Null,
    /// TRUE / FALSE.
    Boolean(bool),
    /// An integer, kept as written (may exceed i64).
    Integer(String),
    /// A decimal number, kept as written (`10.005`).
    Decimal(String),
    /// A floating-point number, kept as written (`1.5E3`).
    Float(String),
    /// A character string (unescaped).
    String {
        /// The value.
        value: String,
        /// `N'…'` in T-SQL.
        national: bool,
    },
    /// A binary string as hex digits without prefix (`0x0A0B` → `0A0B`).
    Binary(String),
    /// A typed date literal `YYYY-MM-DD`.
    Date(String),
    /// A typed timestamp literal.
    Timestamp(String),
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `NOT x`
    Not,
    /// `~x`
    BitNot,
}

/// Binary operators with explicit semantics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BinaryOp {
    /// Numeric addition. A front-end whose `+` also concatenates (T-SQL) emits
    /// `Add`; the types pass turns it into [`BinaryOp::Concat`] when an operand is a string.
    Add,
    /// Subtraction.
    Sub,
    /// Multiplication.
    Mul,
    /// Division with the result type of the operands: integer operands give an
    /// integer truncated toward zero (T-SQL). The types pass rewrites integer
    /// operands to [`BinaryOp::IntDiv`].
    Div,
    /// Integer division truncating toward zero.
    IntDiv,
    /// Fractional division (always a fraction, as Spark's `/`).
    FracDiv,
    /// Remainder with the sign of the dividend.
    Mod,
    /// String concatenation where a NULL operand makes the result NULL.
    Concat,
    /// String concatenation where NULL operands are ignored (Informatica `||`).
    ConcatIgnoreNull,
    /// Bitwise AND.
    BitAnd,
    /// Bitwise OR.
    BitOr,
    /// Bitwise XOR.
    BitXor,
    /// `=` (string operands compare under their collation).
    Eq,
    /// `<>` / `!=`.
    NotEq,
    /// `<`.
    Lt,
    /// `<=`.
    LtEq,
    /// `>`.
    Gt,
    /// `>=`.
    GtEq,
    /// Logical AND.
    And,
    /// Logical OR.
    Or,
}

/// Date and time units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateUnit {
    /// Year.
    Year,
    /// Quarter.
    Quarter,
    /// Month.
    Month,
    /// Day of year.
    DayOfYear,
    /// Day.
    Day,
    /// Week (T-SQL: weeks starting Sunday with DATEFIRST 7; not ISO).
    Week,
    /// ISO week.
    IsoWeek,
    /// Weekday number (Sunday = 1 with DATEFIRST 7).
    Weekday,
    /// Hour.
    Hour,
    /// Minute.
    Minute,
    /// Second.
    Second,
    /// Millisecond.
    Millisecond,
    /// Microsecond.
    Microsecond,
    /// Nanosecond.
    Nanosecond,
}

/// Hash algorithms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HashAlgo {
    /// MD5.
    Md5,
    /// SHA-1.
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-512.
    Sha512,
}

/// Canonical scalar operations. Each variant documents its semantics; back-ends
/// print the right target code for that meaning.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", content = "unit", rename_all = "snake_case")]
pub enum Func {
    // --- strings ---
    /// Upper-case.
    Upper,
    /// Lower-case.
    Lower,
    /// Remove leading and trailing spaces.
    Trim,
    /// Remove leading spaces.
    LTrim,
    /// Remove trailing spaces.
    RTrim,
    /// `(s, from, to)`: replace every occurrence, matching under the string's collation.
    Replace,
    /// `(s, start, len)`, 1-based; a start below 1 shortens the result by the
    /// missing positions and never counts from the end (T-SQL SUBSTRING).
    Substring,
    /// `(s, n)` leftmost n characters.
    Left,
    /// `(s, n)` rightmost n characters.
    Right,
    /// Reverse a string.
    Reverse,
    /// Character length ignoring trailing spaces (T-SQL LEN).
    LengthIgnoringTrailingSpaces,
    /// Character length including trailing spaces.
    CharLength,
    /// Storage length in bytes (T-SQL DATALENGTH; UTF-16 for national strings).
    OctetLength,
    /// Concatenation of all arguments where NULL counts as the empty string (T-SQL CONCAT).
    ConcatNullAsEmpty,
    /// `(sep, args…)` concatenation with a separator, skipping NULLs (CONCAT_WS).
    ConcatWs,
    /// `(needle, haystack[, start])` 1-based position or 0 (T-SQL CHARINDEX), under collation.
    Locate,
    /// `(pattern, s)` 1-based position of a LIKE-pattern match or 0 (T-SQL PATINDEX).
    PatternIndex,
    /// `(s, start, len, insert)`: delete and insert; NULL when start is out of range.
    Stuff,
    /// `(s, n)` repeat; NULL when n is negative (T-SQL REPLICATE).
    Repeat,
    /// `(n)` n spaces.
    Space,
    /// ASCII code of the first character.
    Ascii,
    /// Character from a code (T-SQL CHAR / NCHAR).
    Chr,
    /// `(s, from_chars, to_chars)` character translation.
    Translate,
    /// `(s, sep)` aggregate concatenation is [`AggFunc::StringAgg`]; this is `STRING_SPLIT` as a
    /// table-valued function's single column `value`.
    StringSplit,
    /// `(s[, quote])` T-SQL QUOTENAME.
    QuoteName,
    /// `(x, format[, culture])` .NET format strings (T-SQL FORMAT).
    Format,
    // --- nulls ---
    /// First non-NULL argument.
    Coalesce,
    /// `(a, b)`: `a` if not NULL else `b` converted to `a`'s type (T-SQL ISNULL).
    IfNullKeepFirstType,
    /// `(a, b)`: NULL when equal, else `a`.
    NullIf,
    // --- numbers ---
    /// Absolute value.
    Abs,
    /// Smallest integer not less than x.
    Ceiling,
    /// Largest integer not greater than x.
    Floor,
    /// `(x, digits)` round half away from zero.
    Round,
    /// `(x, digits)` truncate toward zero to `digits` (T-SQL ROUND(x, n, 1)).
    RoundTruncate,
    /// `(x, y)` x to the power y.
    Power,
    /// Square root.
    Sqrt,
    /// x * x.
    Square,
    /// e^x.
    Exp,
    /// Natural logarithm; `(x, base)` with a base.
    Ln,
    /// Base-10 logarithm.
    Log10,
    /// Sign (-1, 0, 1).
    Sign,
    /// π.
    Pi,
    /// Random number in [0, 1).
    Random,
    // --- dates ---
    /// Current timestamp of the session.
    CurrentTimestamp,
    /// Current UTC timestamp.
    CurrentTimestampUtc,
    /// Current date.
    CurrentDate,
    /// `(n, d)` add n units, keeping a DATE a DATE for day-or-larger units.
    DateAdd(DateUnit),
    /// `(a, b)`: number of unit **boundaries crossed** from a to b (T-SQL DATEDIFF).
    DateDiffBoundaries(DateUnit),
    /// `(d)`: integer part of a date (T-SQL DATEPART, YEAR(), MONTH(), DAY()).
    DatePart(DateUnit),
    /// `(d)`: name of a part (T-SQL DATENAME): month and weekday names in English.
    DateName(DateUnit),
    /// `(d[, months])` last day of the month, after adding months.
    EndOfMonth,
    /// `(y, m, d)` make a date; NULL on invalid input.
    DateFromParts,
    /// `(y, m, d, h, mi, s, ms)` make a timestamp.
    DateTimeFromParts,
    // --- conversion and misc ---
    /// `(style, expr)` T-SQL CONVERT with a style code, target type on the node's `ty`.
    ConvertStyle {
        /// The style code.
        style: i32,
        /// True for TRY_CONVERT (NULL on failure).
        try_: bool,
    },
    /// A new random UUID string.
    NewUuid,
    /// `(data)` hash as binary.
    Hash(HashAlgo),
    /// `(s)` 1 if the string converts to a number, else 0 (T-SQL ISNUMERIC).
    IsNumeric,
    /// `(s)` 1 if the string converts to a date, else 0 (T-SQL ISDATE).
    IsDate,
    /// `(name[, type])` object id lookup (T-SQL OBJECT_ID); only meaningful in existence tests.
    ObjectId,
    /// The greatest argument, ignoring NULLs.
    Greatest,
    /// The least argument, ignoring NULLs.
    Least,
}

/// Aggregate functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AggFunc {
    /// COUNT(x) / COUNT(*) (with [`ExprKind::Star`] as the argument).
    Count,
    /// COUNT_BIG.
    CountBig,
    /// SUM.
    Sum,
    /// AVG as the target computes it (a fraction); the types pass wraps T-SQL's AVG of
    /// integers in a cast back to the integer type (T-SQL truncates toward zero).
    Avg,
    /// MIN (string arguments under collation).
    Min,
    /// MAX.
    Max,
    /// STDEV (sample).
    StdDev,
    /// STDEVP (population).
    StdDevPop,
    /// VAR (sample).
    Variance,
    /// VARP (population).
    VariancePop,
    /// `(x, sep)` STRING_AGG, ordered by `within_group`.
    StringAgg,
    /// GROUPING(col).
    Grouping,
    /// GROUPING_ID(cols…).
    GroupingId,
}

/// Window (ranking and offset) functions that are not aggregates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowFunc {
    /// ROW_NUMBER().
    RowNumber,
    /// RANK().
    Rank,
    /// DENSE_RANK().
    DenseRank,
    /// NTILE(n).
    Ntile,
    /// PERCENT_RANK().
    PercentRank,
    /// CUME_DIST().
    CumeDist,
    /// LAG(x[, n[, default]]).
    Lag,
    /// LEAD(x[, n[, default]]).
    Lead,
    /// FIRST_VALUE(x).
    FirstValue,
    /// LAST_VALUE(x).
    LastValue,
}

/// A window frame bound.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameBound {
    /// UNBOUNDED PRECEDING.
    UnboundedPreceding,
    /// n PRECEDING.
    Preceding(u64),
    /// CURRENT ROW.
    CurrentRow,
    /// n FOLLOWING.
    Following(u64),
    /// UNBOUNDED FOLLOWING.
    UnboundedFollowing,
}

/// ROWS or RANGE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameUnits {
    /// Physical rows.
    Rows,
    /// Logical range.
    Range,
}

/// A window frame.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WindowFrame {
    /// ROWS or RANGE.
    pub units: FrameUnits,
    /// Start bound.
    pub start: FrameBound,
    /// End bound (`None`: CURRENT ROW).
    pub end: Option<FrameBound>,
}

/// An `OVER (…)` clause.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct WindowSpec {
    /// PARTITION BY.
    pub partition_by: Vec<Expr>,
    /// ORDER BY.
    pub order_by: Vec<OrderBy>,
    /// Frame.
    pub frame: Option<WindowFrame>,
}

/// One `WHEN … THEN …` arm.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhenThen {
    /// Condition (or value for a simple CASE).
    pub when: Expr,
    /// Result.
    pub then: Expr,
}

/// What a cast does when the value does not convert.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CastMode {
    /// Raise an error (CAST / CONVERT).
    Strict,
    /// Give NULL (TRY_CAST / TRY_CONVERT).
    Try,
}

/// Kinds of pattern match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LikeKind {
    /// SQL LIKE with `%` and `_` only (pattern already free of `[]` classes).
    Like,
    /// A regular expression (Java syntax), whole-string anchored by the front-end.
    Regex,
}

/// Expression kinds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "node", content = "value", rename_all = "snake_case")]
pub enum ExprKind {
    /// A literal.
    Literal {
        /// The value.
        value: Literal,
    },
    /// A column reference, optionally qualified by a table alias or name.
    Column {
        /// Qualifier parts (`t`, or `dbo.T`).
        qualifier: Vec<Ident>,
        /// Column name.
        name: Ident,
    },
    /// A procedural or session variable (`@x` in T-SQL, without the `@`).
    Variable {
        /// Name without sigil.
        name: String,
    },
    /// `*` or `t.*` (also the argument of COUNT(*)).
    Star {
        /// Qualifier parts.
        qualifier: Vec<Ident>,
    },
    /// `*` or `t.*` without some columns: `* EXCEPT (a, b)` (Databricks and Spark 4.1).
    /// Produced by passes only (for example the portable TOP PERCENT / WITH TIES
    /// rewrite, which must drop its helper columns without knowing the others).
    StarExcept {
        /// Qualifier parts.
        qualifier: Vec<Ident>,
        /// Columns left out.
        except: Vec<Ident>,
    },
    /// Unary operation.
    Unary {
        /// Operator.
        op: UnaryOp,
        /// Operand.
        expr: Box<Expr>,
    },
    /// Binary operation.
    Binary {
        /// Operator.
        op: BinaryOp,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// A canonical scalar operation.
    Func {
        /// The operation.
        func: Func,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// A call to a user-defined function (or one the front-end left unmapped, with a diagnostic).
    Call {
        /// Function name as written. The naming pass replaces a schema-qualified name
        /// with its target name (`catalog.schema.name`, lower-cased), which back-ends
        /// print as is.
        name: ObjectName,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// An aggregate.
    Agg {
        /// Which.
        func: AggFunc,
        /// DISTINCT.
        distinct: bool,
        /// Arguments.
        args: Vec<Expr>,
        /// WITHIN GROUP (ORDER BY …).
        within_group: Vec<OrderBy>,
        /// OVER (…) when used as a window aggregate.
        over: Option<Box<WindowSpec>>,
    },
    /// A ranking or offset window function.
    Window {
        /// Which.
        func: WindowFunc,
        /// Arguments.
        args: Vec<Expr>,
        /// OVER (…).
        over: Box<WindowSpec>,
    },
    /// CASE.
    Case {
        /// Operand of a simple CASE.
        operand: Option<Box<Expr>>,
        /// Arms.
        whens: Vec<WhenThen>,
        /// ELSE.
        else_: Option<Box<Expr>>,
    },
    /// CAST to the type in `ty` of this node.
    Cast {
        /// Value.
        expr: Box<Expr>,
        /// Target type.
        to: DataType,
        /// Error behaviour.
        mode: CastMode,
    },
    /// `x [NOT] IN (list)`.
    InList {
        /// Tested value.
        expr: Box<Expr>,
        /// Candidates.
        list: Vec<Expr>,
        /// NOT IN.
        negated: bool,
    },
    /// `x [NOT] IN (subquery)`.
    InSubquery {
        /// Tested value.
        expr: Box<Expr>,
        /// Subquery.
        query: Box<Query>,
        /// NOT IN.
        negated: bool,
    },
    /// `[NOT] EXISTS (subquery)`.
    Exists {
        /// Subquery.
        query: Box<Query>,
        /// NOT EXISTS.
        negated: bool,
    },
    /// A scalar subquery.
    Subquery {
        /// Subquery.
        query: Box<Query>,
    },
    /// `x [NOT] BETWEEN lo AND hi`.
    Between {
        /// Tested value.
        expr: Box<Expr>,
        /// Low bound.
        low: Box<Expr>,
        /// High bound.
        high: Box<Expr>,
        /// NOT BETWEEN.
        negated: bool,
    },
    /// Pattern match.
    Like {
        /// Tested value.
        expr: Box<Expr>,
        /// Pattern (already translated to `kind`'s syntax when a literal).
        pattern: Box<Expr>,
        /// ESCAPE character.
        escape: Option<Box<Expr>>,
        /// LIKE or regular expression.
        kind: LikeKind,
        /// NOT LIKE.
        negated: bool,
    },
    /// `x IS [NOT] NULL`.
    IsNull {
        /// Tested value.
        expr: Box<Expr>,
        /// IS NOT NULL.
        negated: bool,
    },
    /// `x COLLATE name` with an explicit source collation.
    Collate {
        /// Value.
        expr: Box<Expr>,
        /// The collation meaning.
        collation: crate::Collation,
        /// The source collation name as written.
        source_name: String,
    },
    /// Parenthesised expression, kept so printing can keep the author's grouping.
    Nested {
        /// Inner expression.
        expr: Box<Expr>,
    },
    /// Part of an expression that could not be converted (with a diagnostic).
    Unconverted {
        /// The original text.
        text: String,
        /// Diagnostic code.
        code: String,
    },
}
