//! Canonical operations ([`Func`]), aggregates and window functions.

use sqlxlate_diagnostics::codes;
use sqlxlate_ir::{
    AggFunc, CastMode, Collation, DataType, DateUnit, Expr, ExprKind, FrameBound, FrameUnits, Func,
    HashAlgo, Literal, OrderBy, WindowFunc, WindowSpec,
};

use crate::doc::{call, comma_sep, join, line, parens, t, D};
use crate::emitter::Emitter;
use crate::expr::{prec, string_literal, P};

/// True for an integer literal whose value is at least `min`.
fn int_literal_at_least(e: &Expr, min: i64) -> bool {
    match &e.kind {
        ExprKind::Literal {
            value: Literal::Integer(s),
        } => s.parse::<i64>().map(|v| v >= min).unwrap_or(false),
        _ => false,
    }
}

/// The string value of a string literal.
fn string_lit(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Literal {
            value: Literal::String { value, .. },
        } => Some(value),
        ExprKind::Nested { expr } => string_lit(expr),
        _ => None,
    }
}

/// True for a national (UTF-16 in the source) string literal.
fn national_literal(e: &Expr) -> bool {
    matches!(
        &e.kind,
        ExprKind::Literal {
            value: Literal::String { national: true, .. }
        }
    )
}

/// Escapes the characters that have a meaning in a Java regular expression.
pub(crate) fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Translates a T-SQL LIKE pattern (`%`, `_`, `[…]`) into a Java regular expression with
/// the anchoring PATINDEX implies: anchored at the start unless it begins with `%`, at the
/// end unless it ends with `%`.
pub(crate) fn like_to_regex(p: &str) -> String {
    let mut body = p;
    let start_anchor = !body.starts_with('%');
    body = body.strip_prefix('%').unwrap_or(body);
    let end_anchor = !body.ends_with('%') || body.is_empty();
    body = body.strip_suffix('%').unwrap_or(body);
    let mut out = String::from("(?s)");
    if start_anchor {
        out.push('^');
    }
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '%' => out.push_str(".*"),
            '_' => out.push('.'),
            '[' => {
                let mut class = String::from("[");
                let mut closed = false;
                let mut first = true;
                while let Some(&d) = chars.peek() {
                    chars.next();
                    if d == ']' && !first {
                        closed = true;
                        break;
                    }
                    if d == '\\' || d == '[' || d == '&' {
                        class.push('\\');
                    }
                    class.push(d);
                    first = d == '^' && class.len() == 2;
                }
                if closed {
                    class.push(']');
                    out.push_str(&class);
                } else {
                    out.push_str(&regex_escape(&format!("[{}", &class[1..])));
                }
            }
            c => out.push_str(&regex_escape(&c.to_string())),
        }
    }
    if end_anchor {
        out.push('$');
    }
    out
}

/// Spark's unit keyword for `timestampadd`.
fn unit_keyword(u: DateUnit) -> &'static str {
    match u {
        DateUnit::Year => "YEAR",
        DateUnit::Quarter => "QUARTER",
        DateUnit::Month => "MONTH",
        DateUnit::DayOfYear | DateUnit::Day | DateUnit::Weekday => "DAY",
        DateUnit::Week | DateUnit::IsoWeek => "WEEK",
        DateUnit::Hour => "HOUR",
        DateUnit::Minute => "MINUTE",
        DateUnit::Second => "SECOND",
        DateUnit::Millisecond => "MILLISECOND",
        DateUnit::Microsecond | DateUnit::Nanosecond => "MICROSECOND",
    }
}

/// The Spark datetime pattern for a T-SQL CONVERT style, and whether it is exact.
pub(crate) fn style_pattern(style: i32) -> Option<(&'static str, bool)> {
    Some(match style {
        0 | 100 => ("MMM d yyyy h:mma", false),
        1 => ("MM/dd/yy", true),
        101 => ("MM/dd/yyyy", true),
        2 => ("yy.MM.dd", true),
        102 => ("yyyy.MM.dd", true),
        3 => ("dd/MM/yy", true),
        103 => ("dd/MM/yyyy", true),
        4 => ("dd.MM.yy", true),
        104 => ("dd.MM.yyyy", true),
        5 => ("dd-MM-yy", true),
        105 => ("dd-MM-yyyy", true),
        6 => ("dd MMM yy", true),
        106 => ("dd MMM yyyy", true),
        7 => ("MMM dd, yy", true),
        107 => ("MMM dd, yyyy", true),
        8 | 24 | 108 => ("HH:mm:ss", true),
        9 | 109 => ("MMM d yyyy h:mm:ss:SSSa", false),
        10 => ("MM-dd-yy", true),
        110 => ("MM-dd-yyyy", true),
        11 => ("yy/MM/dd", true),
        111 => ("yyyy/MM/dd", true),
        12 => ("yyMMdd", true),
        112 => ("yyyyMMdd", true),
        13 | 113 => ("dd MMM yyyy HH:mm:ss:SSS", true),
        14 | 114 => ("HH:mm:ss:SSS", true),
        20 | 120 => ("yyyy-MM-dd HH:mm:ss", true),
        21 | 25 | 121 => ("yyyy-MM-dd HH:mm:ss.SSS", true),
        23 => ("yyyy-MM-dd", true),
        126 | 127 => ("yyyy-MM-dd'T'HH:mm:ss.SSS", false),
        _ => return None,
    })
}

/// The length of text a fixed-width pattern produces, if fixed.
fn pattern_width(p: &str) -> Option<usize> {
    if p.contains("MMM") || p.contains('a') || p.contains(" d ") || p.contains(" h") {
        return None;
    }
    Some(p.chars().filter(|c| *c != '\'').count())
}

/// True for a string-typed expression or a string literal.
fn stringy(e: &Expr) -> bool {
    e.ty.is_string() || string_lit(e).is_some()
}

fn is_datetime(ty: &DataType) -> bool {
    matches!(
        ty,
        DataType::Date | DataType::TimestampNtz | DataType::Timestamp
    )
}

impl Emitter<'_> {
    fn arg(&mut self, args: &[Expr], i: usize) -> D {
        match args.get(i) {
            Some(e) => self.ex0(e),
            None => t("NULL"),
        }
    }

    fn arg_at(&mut self, args: &[Expr], i: usize, min: u8) -> D {
        match args.get(i) {
            Some(e) => self.ex(e, min),
            None => t("NULL"),
        }
    }

    /// A string argument for functions that reject collated strings (regular expressions,
    /// parsing): `x COLLATE UTF8_BINARY` when the module collation is not binary.
    pub(crate) fn binary_collated(&mut self, e: Option<&Expr>) -> D {
        let Some(e) = e else { return t("NULL") };
        if self.collation == Collation::Binary || string_lit(e).is_some() {
            return self.ex0(e);
        }
        self.ex(e, prec::ATOM).append(t(" COLLATE UTF8_BINARY"))
    }

    /// True when the value is UTF-16 in the source: a national literal, or a column whose
    /// every definition seen in this module is NCHAR / NVARCHAR / NTEXT.
    pub(crate) fn is_national(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Literal { .. } => national_literal(e),
            ExprKind::Nested { expr } => self.is_national(expr),
            ExprKind::Column { name, .. } => {
                let mut found = false;
                for (_, cols) in &self.tables {
                    for c in cols {
                        if c.name.value.eq_ignore_ascii_case(&name.value) {
                            let st = c
                                .source_type
                                .trim_start()
                                .trim_start_matches('[')
                                .to_ascii_uppercase();
                            if !(st.starts_with("NCHAR")
                                || st.starts_with("NVARCHAR")
                                || st.starts_with("NTEXT"))
                            {
                                return false;
                            }
                            found = true;
                        }
                    }
                }
                found
            }
            _ => false,
        }
    }

    /// A string operand of a concatenation: CHAR(n) values are blank-padded to n.
    pub(crate) fn concat_operand(&mut self, e: &Expr, min: u8) -> D {
        match &e.ty {
            DataType::String {
                max_len: Some(n),
                fixed: true,
                ..
            } if !matches!(e.kind, ExprKind::Literal { .. }) => {
                let d = self.ex0(e);
                call("rpad", vec![d, t(n.to_string()), t("' '")])
            }
            _ => self.ex(e, min),
        }
    }

    fn simple(&mut self, name: &str, args: &[Expr]) -> P {
        let docs = args.iter().map(|a| self.ex0(a)).collect();
        P::atom(call(name, docs))
    }

    /// `CAST(d AS DATE)` unless `e` is already a date.
    fn as_date(&mut self, e: Option<&Expr>) -> D {
        match e {
            Some(e) if e.ty == DataType::Date => self.ex0(e),
            Some(e) => {
                let d = self.ex0(e);
                t("CAST(").append(d).append(t(" AS DATE)")).group()
            }
            None => t("NULL"),
        }
    }

    /// Prints a canonical operation.
    pub(crate) fn func(&mut self, f: &Func, args: &[Expr], node: &Expr) -> P {
        use Func::*;
        match f {
            Upper => self.simple("upper", args),
            Lower => self.simple("lower", args),
            Trim => self.simple("trim", args),
            LTrim => self.simple("ltrim", args),
            RTrim => self.simple("rtrim", args),
            Replace => self.simple("replace", args),
            Left => self.simple("left", args),
            Right => self.simple("right", args),
            Reverse => self.simple("reverse", args),
            CharLength => self.simple("char_length", args),
            Space => self.simple("space", args),
            Ascii => self.simple("ascii", args),
            Chr => self.simple("chr", args),
            Translate => self.simple("translate", args),
            ConcatWs => self.simple("concat_ws", args),
            Coalesce => self.simple("coalesce", args),
            NullIf if self.collation != Collation::Binary && args.iter().any(stringy) => {
                // Spark 4.1 loses the collation inside nullif ("indeterminate collation").
                let a = self.arg_at(args, 0, prec::BIT_OR);
                let b = self.arg_at(args, 1, prec::BIT_OR);
                P::atom(case_when(
                    a.clone().append(t(" = ")).append(b),
                    t("NULL"),
                    a,
                ))
            }
            NullIf => self.simple("nullif", args),
            Abs => self.simple("abs", args),
            Ceiling => self.simple("ceil", args),
            Floor => self.simple("floor", args),
            Round => self.simple("round", &args[..args.len().min(2)]),
            Sqrt => self.simple("sqrt", args),
            Exp => self.simple("exp", args),
            Log10 => self.simple("log10", args),
            Pi => P::atom(t("pi()")),
            Random => self.simple("rand", args),
            Greatest => self.simple("greatest", args),
            Least => self.simple("least", args),
            CurrentTimestamp => P::atom(t("current_timestamp()")),
            CurrentTimestampUtc => P::atom(t("convert_timezone('UTC', current_timestamp())")),
            CurrentDate => P::atom(t("current_date()")),
            NewUuid => P::atom(t("upper(uuid())")),
            Substring => self.substring(args),
            LengthIgnoringTrailingSpaces => {
                let s = self.arg(args, 0);
                P::atom(call("length", vec![call("rtrim", vec![s])]))
            }
            OctetLength => {
                let s = self.arg(args, 0);
                if args.first().map(|a| self.is_national(a)).unwrap_or(false) {
                    P::atom(call(
                        "octet_length",
                        vec![call("encode", vec![s, t("'UTF-16LE'")])],
                    ))
                } else if let Some(DataType::String {
                    max_len: Some(n),
                    fixed: true,
                    ..
                }) = args.first().map(|a| &a.ty)
                {
                    // CHAR(n) is blank-padded to n in the source.
                    P::atom(call(
                        "octet_length",
                        vec![call("rpad", vec![s, t(n.to_string()), t("' '")])],
                    ))
                } else {
                    P::atom(call("octet_length", vec![s]))
                }
            }
            ConcatNullAsEmpty => self.concat_null_as_empty(args),
            Locate => {
                let mut docs = vec![self.arg(args, 0), self.arg(args, 1)];
                if let Some(start) = args.get(2) {
                    let s = self.ex0(start);
                    // CHARINDEX treats a start below 1 as 1; Spark's locate returns 0 then.
                    docs.push(if int_literal_at_least(start, 1) {
                        s
                    } else {
                        call("greatest", vec![s, t("1")])
                    });
                }
                P::atom(call("locate", docs))
            }
            PatternIndex => self.pattern_index(args, node),
            Stuff => {
                let s = self.arg(args, 0);
                let start = self.arg_at(args, 1, prec::BIT_OR);
                let len = self.arg_at(args, 2, prec::BIT_OR);
                let ins = self.arg(args, 3);
                let cond = start
                    .clone()
                    .append(t(" < 1 OR "))
                    .append(start.clone())
                    .append(t(" > "))
                    .append(call("length", vec![s.clone()]))
                    .append(t(" OR "))
                    .append(len.clone())
                    .append(t(" < 0"));
                let overlay = t("overlay(")
                    .append(s)
                    .append(t(" PLACING "))
                    .append(call("coalesce", vec![ins, t("''")]))
                    .append(t(" FROM "))
                    .append(start)
                    .append(t(" FOR "))
                    .append(len)
                    .append(t(")"));
                P::atom(case_when(cond, t("NULL"), overlay))
            }
            Repeat => {
                let s = self.arg(args, 0);
                if args
                    .get(1)
                    .map(|n| int_literal_at_least(n, 0))
                    .unwrap_or(false)
                {
                    let n = self.arg(args, 1);
                    return P::atom(call("repeat", vec![s, n]));
                }
                let n = self.arg_at(args, 1, prec::BIT_OR);
                P::atom(case_when(
                    n.clone().append(t(" < 0")),
                    t("NULL"),
                    call("repeat", vec![s, n]),
                ))
            }
            StringSplit => {
                let s = self.split_call(args);
                P::atom(call("explode", vec![s]))
            }
            QuoteName => {
                let q = args.get(1).and_then(string_lit).unwrap_or("[");
                let (open, close) = match q {
                    "\"" => ("\"", "\""),
                    "'" => ("'", "'"),
                    "`" => ("`", "`"),
                    "(" | ")" => ("(", ")"),
                    "<" | ">" => ("<", ">"),
                    "{" | "}" => ("{", "}"),
                    _ => ("[", "]"),
                };
                let s = self.arg(args, 0);
                let escaped = call(
                    "replace",
                    vec![
                        s,
                        t(string_literal(close)),
                        t(string_literal(&format!("{close}{close}"))),
                    ],
                );
                P::atom(call(
                    "concat",
                    vec![t(string_literal(open)), escaped, t(string_literal(close))],
                ))
            }
            Format => {
                self.diag_hint(
                    codes::SX3803.code,
                    node.span,
                    "format string passed to a Spark formatting function",
                    "check the pattern against Spark's datetime and number format patterns",
                );
                let x = self.arg(args, 0);
                // .NET standard numeric formats `N2` (grouped) and `F2` (fixed point) are
                // numeric whatever the argument's inferred type.
                let numeric_fmt = match args.get(1).map(|a| &a.kind) {
                    Some(ExprKind::Literal {
                        value: Literal::String { value, .. },
                    }) => {
                        let mut cs = value.chars();
                        match (cs.next(), cs.as_str()) {
                            (Some(k @ ('N' | 'n' | 'F' | 'f')), digits)
                                if digits.len() <= 2
                                    && digits.chars().all(|c| c.is_ascii_digit()) =>
                            {
                                Some((k.to_ascii_uppercase(), digits.parse::<u32>().unwrap_or(2)))
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                match numeric_fmt {
                    Some(('N', d)) => P::atom(call("format_number", vec![x, t(d.to_string())])),
                    Some((_, d)) => P::atom(call(
                        "format_string",
                        vec![t(string_literal(&format!("%.{d}f"))), x],
                    )),
                    None => {
                        let fmt = self.arg(args, 1);
                        let name = match args.first().map(|a| &a.ty) {
                            Some(ty) if ty.is_numeric() => "format_number",
                            _ => "date_format",
                        };
                        P::atom(call(name, vec![x, fmt]))
                    }
                }
            }
            IfNullKeepFirstType => {
                let a = self.arg(args, 0);
                let first_ty = args.first().map(|a| a.ty.clone()).unwrap_or_default();
                let second = args.get(1);
                let b = match second {
                    // ISNULL converts the replacement to the first argument's type: a
                    // VARCHAR(n) keeps n characters, a CHAR(n) is blank-padded to n.
                    Some(b)
                        if matches!(
                            first_ty,
                            DataType::String {
                                max_len: Some(_),
                                ..
                            }
                        ) && !matches!(
                            b.kind,
                            ExprKind::Literal {
                                value: Literal::Null
                            }
                        ) =>
                    {
                        let (n, fixed) = match &first_ty {
                            DataType::String {
                                max_len: Some(n),
                                fixed,
                                ..
                            } => (*n, *fixed),
                            _ => (0, false),
                        };
                        let d = self.ex0(b);
                        let d = if b.ty.is_string() {
                            d
                        } else {
                            t("CAST(").append(d).append(t(" AS STRING)"))
                        };
                        if fixed {
                            call("rpad", vec![d, t(n.to_string()), t("' '")])
                        } else {
                            call("left", vec![d, t(n.to_string())])
                        }
                    }
                    Some(b)
                        if first_ty != DataType::Unknown
                            && b.ty != first_ty
                            && !(first_ty.is_string() && b.ty.is_string())
                            && !matches!(
                                b.kind,
                                ExprKind::Literal {
                                    value: Literal::Null
                                }
                            ) =>
                    {
                        let d = self.ex0(b);
                        self.cast_doc(d, &first_ty, CastMode::Strict, b)
                    }
                    _ => self.arg(args, 1),
                };
                P::atom(call("coalesce", vec![a, b]))
            }
            RoundTruncate => {
                let x = self.arg_at(args, 0, prec::BIT_OR);
                let n = self.arg(args, 1);
                let body = case_when(
                    x.clone().append(t(" >= 0")),
                    call("floor", vec![x.clone(), n.clone()]),
                    call("ceil", vec![x, n]),
                );
                match args.first() {
                    Some(a) if a.ty != DataType::Unknown => {
                        P::atom(self.cast_doc(body, &a.ty.clone(), CastMode::Strict, a))
                    }
                    _ => P::atom(body),
                }
            }
            Power => {
                let p = self.simple("power", args);
                self.keep_integer_type(p, args)
            }
            Square => {
                let x = self.arg(args, 0);
                P::atom(call("power", vec![x, t("2")]))
            }
            Ln => {
                if args.len() >= 2 {
                    let x = self.arg(args, 0);
                    let base = self.arg(args, 1);
                    P::atom(call("log", vec![base, x]))
                } else {
                    self.simple("ln", args)
                }
            }
            Sign => {
                let p = self.simple("sign", args);
                self.keep_integer_type(p, args)
            }
            DateAdd(unit) => self.date_add(*unit, args),
            DateDiffBoundaries(unit) => self.date_diff(*unit, args),
            DatePart(unit) => self.date_part(*unit, args.first()),
            DateName(unit) => match unit {
                DateUnit::Month => {
                    let d = self.arg(args, 0);
                    P::atom(call("date_format", vec![d, t("'MMMM'")]))
                }
                DateUnit::Weekday => {
                    let d = self.arg(args, 0);
                    P::atom(call("date_format", vec![d, t("'EEEE'")]))
                }
                u => {
                    let part = self.date_part(*u, args.first()).doc;
                    P::atom(t("CAST(").append(part).append(t(" AS STRING)")))
                }
            },
            EndOfMonth => {
                let d = self.arg(args, 0);
                if args.len() >= 2 {
                    let n = self.arg(args, 1);
                    P::atom(call("last_day", vec![call("add_months", vec![d, n])]))
                } else {
                    P::atom(call("last_day", vec![d]))
                }
            }
            DateFromParts => {
                // make_date raises on invalid parts under ANSI; try_make_timestamp_ntz gives NULL.
                let mut docs: Vec<D> = (0..3).map(|i| self.arg(args, i)).collect();
                docs.extend([t("0"), t("0"), t("0")]);
                P::atom(
                    t("CAST(")
                        .append(call("try_make_timestamp_ntz", docs))
                        .append(t(" AS DATE)")),
                )
            }
            DateTimeFromParts => {
                let mut docs: Vec<D> = (0..5).map(|i| self.arg(args, i)).collect();
                let s = self.arg_at(args, 5, prec::ADD + 1);
                if args.len() >= 7 {
                    let ms = self.arg_at(args, 6, prec::MUL + 1);
                    docs.push(s.append(t(" + ")).append(ms).append(t(" / 1000.0")));
                } else {
                    docs.push(s);
                }
                P::atom(call("make_timestamp_ntz", docs))
            }
            ConvertStyle { style, try_ } => self.convert_style(*style, *try_, args, node),
            Hash(algo) => {
                let x = self.arg(args, 0);
                let x = if args.first().map(|a| self.is_national(a)).unwrap_or(false) {
                    call("encode", vec![x, t("'UTF-16LE'")])
                } else {
                    x
                };
                let h = match algo {
                    HashAlgo::Md5 => call("md5", vec![x]),
                    HashAlgo::Sha1 => call("sha1", vec![x]),
                    HashAlgo::Sha256 => call("sha2", vec![x, t("256")]),
                    HashAlgo::Sha512 => call("sha2", vec![x, t("512")]),
                };
                P::atom(call("unhex", vec![h]))
            }
            IsNumeric => {
                // ISNUMERIC also accepts a currency symbol and thousands separators.
                let s = self.binary_collated(args.first());
                let cleaned = call("regexp_replace", vec![s, t("'^[$€£¥]|,'"), t("''")]);
                P::atom(case_when(
                    t("try_cast(")
                        .append(cleaned)
                        .append(t(" AS DOUBLE) IS NOT NULL")),
                    t("1"),
                    t("0"),
                ))
            }
            IsDate => {
                // ISO forms through a cast, plus the language-neutral yyyyMMdd forms.
                let s = self.binary_collated(args.first());
                let mut tries = vec![t("try_cast(")
                    .append(s.clone())
                    .append(t(" AS TIMESTAMP_NTZ)"))];
                for p in ["yyyyMMdd HH:mm:ss", "yyyyMMdd HH:mm", "yyyyMMdd"] {
                    tries.push(call(
                        "try_to_timestamp",
                        vec![s.clone(), t(string_literal(p))],
                    ));
                }
                P::atom(case_when(
                    call("coalesce", tries).append(t(" IS NOT NULL")),
                    t("1"),
                    t("0"),
                ))
            }
            ObjectId => {
                self.diag_hint(
                    codes::SX3805.code,
                    node.span,
                    "object id lookup printed as NULL",
                    "use DROP … IF EXISTS or CREATE OR REPLACE instead of testing OBJECT_ID",
                );
                P::atom(t("CAST(NULL AS INT)"))
            }
        }
    }

    /// Casts an integer-typed result back to the first argument's integer type.
    fn keep_integer_type(&mut self, p: P, args: &[Expr]) -> P {
        match args.first() {
            Some(a) if a.ty.is_integer() => {
                let ty = a.ty.clone();
                P::atom(self.cast_doc(p.doc, &ty, CastMode::Strict, a))
            }
            _ => p,
        }
    }

    fn substring(&mut self, args: &[Expr]) -> P {
        let s = self.arg(args, 0);
        let Some(start_e) = args.get(1) else {
            return P::atom(call("substring", vec![s]));
        };
        if int_literal_at_least(start_e, 1) || args.len() < 3 {
            let rest = args[1..].iter().map(|a| self.ex0(a)).collect::<Vec<_>>();
            let mut docs = vec![s];
            docs.extend(rest);
            return P::atom(call("substring", docs));
        }
        // T-SQL: a start below 1 shortens the result and never counts from the end.
        let start = self.ex0(start_e);
        let start_tight = self.ex(start_e, prec::ATOM);
        let len = self.arg_at(args, 2, prec::ADD);
        let clamped = call("greatest", vec![start.clone(), t("1")]);
        let new_len = call(
            "greatest",
            vec![
                len.append(t(" - ("))
                    .append(clamped.clone())
                    .append(t(" - "))
                    .append(start_tight)
                    .append(t(")")),
                t("0"),
            ],
        );
        P::atom(call("substring", vec![s, clamped, new_len]))
    }

    fn concat_null_as_empty(&mut self, args: &[Expr]) -> P {
        let all_strings = args.iter().all(|a| {
            a.ty.is_string()
                || matches!(
                    a.kind,
                    ExprKind::Literal {
                        value: Literal::Null
                    }
                )
        });
        if all_strings {
            let mut docs = vec![t("''")];
            docs.extend(args.iter().map(|a| self.concat_operand(a, 0)));
            return P::atom(call("concat_ws", docs));
        }
        let docs = args
            .iter()
            .filter(|a| {
                !matches!(
                    a.kind,
                    ExprKind::Literal {
                        value: Literal::Null
                    }
                )
            })
            .map(|a| {
                let d = self.ex0(a);
                let d = if a.ty.is_string() {
                    d
                } else {
                    t("CAST(").append(d).append(t(" AS STRING)"))
                };
                if matches!(a.kind, ExprKind::Literal { .. }) {
                    d
                } else {
                    call("coalesce", vec![d, t("''")])
                }
            })
            .collect::<Vec<_>>();
        if docs.is_empty() {
            return P::atom(t("''"));
        }
        P::atom(call("concat", docs))
    }

    /// `split(s, regex)` with the separator escaped as a regular expression.
    pub(crate) fn split_call(&mut self, args: &[Expr]) -> D {
        let s = self.arg_at(args, 0, prec::ATOM);
        let s = if self.collation != Collation::Binary {
            s.append(t(" COLLATE UTF8_BINARY"))
        } else {
            s
        };
        let sep = match args.get(1) {
            Some(e) => match string_lit(e) {
                Some(v) => t(string_literal(&regex_escape(v))),
                None => {
                    let d = self.ex0(e);
                    call("concat", vec![t("'\\\\Q'"), d, t("'\\\\E'")])
                }
            },
            None => t("','"),
        };
        call("split", vec![s, sep])
    }

    fn pattern_index(&mut self, args: &[Expr], node: &Expr) -> P {
        let s = self.arg_at(args, 1, prec::ATOM);
        let s = if self.collation != Collation::Binary {
            s.append(t(" COLLATE UTF8_BINARY"))
        } else {
            s
        };
        let ci = if self.collation == Collation::CaseInsensitiveRtrim {
            "(?i)"
        } else {
            ""
        };
        let pat = match args.first().and_then(string_lit) {
            Some(p) => t(string_literal(&format!("{ci}{}", like_to_regex(p)))),
            None => {
                self.diag_hint(
                    codes::SX3807.code,
                    node.span,
                    "pattern index with a pattern only known at run time",
                    "translate the LIKE pattern to a Java regular expression where it is built",
                );
                self.arg(args, 0)
            }
        };
        P::atom(call("regexp_instr", vec![s, pat]))
    }

    fn date_add(&mut self, unit: DateUnit, args: &[Expr]) -> P {
        let d_is_date = args.get(1).map(|d| d.ty == DataType::Date).unwrap_or(false);
        let n_tight = self.arg_at(args, 0, prec::MUL);
        let d = self.arg(args, 1);
        if d_is_date {
            let n = self.arg(args, 0);
            let p = match unit {
                DateUnit::Day | DateUnit::DayOfYear | DateUnit::Weekday => {
                    Some(call("date_add", vec![d.clone(), n]))
                }
                DateUnit::Week | DateUnit::IsoWeek => Some(call(
                    "date_add",
                    vec![d.clone(), n_tight.clone().append(t(" * 7"))],
                )),
                DateUnit::Month => Some(call("add_months", vec![d.clone(), n])),
                DateUnit::Quarter => Some(call(
                    "add_months",
                    vec![d.clone(), n_tight.clone().append(t(" * 3"))],
                )),
                DateUnit::Year => Some(call(
                    "add_months",
                    vec![d.clone(), n_tight.clone().append(t(" * 12"))],
                )),
                _ => None,
            };
            if let Some(p) = p {
                return P::atom(p);
            }
        }
        let n = if unit == DateUnit::Nanosecond {
            n_tight.append(t(" DIV 1000"))
        } else {
            self.arg(args, 0)
        };
        P::atom(call("timestampadd", vec![t(unit_keyword(unit)), n, d]))
    }

    /// DATEDIFF counting unit boundaries crossed from `a` to `b`, calendar-based so that
    /// neither the session time zone nor daylight saving changes the result.
    fn date_diff(&mut self, unit: DateUnit, args: &[Expr]) -> P {
        let a = args.first();
        let b = args.get(1);
        let pa = |s: &mut Self, f: &str| -> D {
            let x = match a {
                Some(e) => s.ex0(e),
                None => t("NULL"),
            };
            call(f, vec![x])
        };
        let pb = |s: &mut Self, f: &str| -> D {
            let x = match b {
                Some(e) => s.ex0(e),
                None => t("NULL"),
            };
            call(f, vec![x])
        };
        let days = |s: &mut Self| -> D {
            let db = s.as_date(b);
            let da = s.as_date(a);
            call("datediff", vec![db, da])
        };
        let diff = |x: D, y: D| -> D { t("(").append(x).append(sop("-")).append(y).append(t(")")) };
        let d = match unit {
            DateUnit::Day | DateUnit::DayOfYear | DateUnit::Weekday => return P::atom(days(self)),
            DateUnit::Year => {
                return P::new(
                    pb(self, "year").append(t(" - ")).append(pa(self, "year")),
                    prec::ADD,
                )
            }
            DateUnit::Month | DateUnit::Quarter => {
                let (f, k) = if unit == DateUnit::Month {
                    ("month", "12")
                } else {
                    ("quarter", "4")
                };
                let lb = t("(")
                    .append(pb(self, "year"))
                    .append(t(format!(" * {k} + ")))
                    .append(pb(self, f))
                    .append(t(")"));
                let la = t("(")
                    .append(pa(self, "year"))
                    .append(t(format!(" * {k} + ")))
                    .append(pa(self, f))
                    .append(t(")"));
                return P::new(lb.append(sop("-")).append(la).group(), prec::ADD);
            }
            DateUnit::Week | DateUnit::IsoWeek => {
                let offset = |s: &mut Self, x: Option<&Expr>| -> D {
                    let dw = match x {
                        Some(e) => {
                            let d = s.ex0(e);
                            call("dayofweek", vec![d])
                        }
                        None => t("NULL"),
                    };
                    if unit == DateUnit::Week {
                        dw.append(t(" - 1"))
                    } else {
                        t("(").append(dw).append(t(" + 5) % 7"))
                    }
                };
                let db = self.as_date(b);
                let ob = offset(self, b);
                let da = self.as_date(a);
                let oa = offset(self, a);
                let wb = call("date_sub", vec![db, ob]);
                let wa = call("date_sub", vec![da, oa]);
                return P::new(
                    call("datediff", vec![wb, wa]).append(t(" DIV 7")),
                    prec::MUL,
                );
            }
            DateUnit::Hour
            | DateUnit::Minute
            | DateUnit::Second
            | DateUnit::Millisecond
            | DateUnit::Microsecond
            | DateUnit::Nanosecond => {
                let mut acc = days(self)
                    .append(t(" * 24"))
                    .append(sop("+"))
                    .append(diff(pb(self, "hour"), pa(self, "hour")));
                if unit != DateUnit::Hour {
                    acc = t("(")
                        .append(acc)
                        .append(t(") * 60"))
                        .append(sop("+"))
                        .append(diff(pb(self, "minute"), pa(self, "minute")));
                }
                if !matches!(unit, DateUnit::Hour | DateUnit::Minute) {
                    acc = t("(")
                        .append(acc)
                        .append(t(") * 60"))
                        .append(sop("+"))
                        .append(diff(pb(self, "second"), pa(self, "second")));
                }
                let sub = |s: &mut Self, x: Option<&Expr>, k: &str| -> D {
                    let d = match x {
                        Some(e) => s.ex0(e),
                        None => t("NULL"),
                    };
                    t("CAST(")
                        .append(call("date_part", vec![t("'SECOND'"), d]))
                        .append(t(format!(" * {k} AS BIGINT) % {k}")))
                };
                match unit {
                    DateUnit::Millisecond => {
                        let sb = sub(self, b, "1000");
                        let sa = sub(self, a, "1000");
                        acc = t("(")
                            .append(acc)
                            .append(t(") * 1000"))
                            .append(sop("+"))
                            .append(diff(sb, sa));
                    }
                    DateUnit::Microsecond | DateUnit::Nanosecond => {
                        let sb = sub(self, b, "1000000");
                        let sa = sub(self, a, "1000000");
                        acc = t("(")
                            .append(acc)
                            .append(t(") * 1000000"))
                            .append(sop("+"))
                            .append(diff(sb, sa));
                        if unit == DateUnit::Nanosecond {
                            acc = t("(").append(acc).append(t(") * 1000"));
                        }
                    }
                    _ => {}
                }
                acc
            }
        };
        P::new(d.nest(2).group(), prec::ADD)
    }

    fn date_part(&mut self, unit: DateUnit, d: Option<&Expr>) -> P {
        let x = match d {
            Some(e) => self.ex0(e),
            None => t("NULL"),
        };
        let simple = |name: &str, x: D| P::atom(call(name, vec![x]));
        match unit {
            DateUnit::Year => simple("year", x),
            DateUnit::Quarter => simple("quarter", x),
            DateUnit::Month => simple("month", x),
            DateUnit::DayOfYear => simple("dayofyear", x),
            DateUnit::Day => simple("day", x),
            DateUnit::Weekday => simple("dayofweek", x),
            DateUnit::IsoWeek => simple("weekofyear", x),
            DateUnit::Hour => simple("hour", x),
            DateUnit::Minute => simple("minute", x),
            DateUnit::Second => simple("second", x),
            DateUnit::Week => {
                // Week 1 holds 1 January; weeks start on Sunday (DATEFIRST 7).
                let date = self.as_date(d);
                let jan1 = call("trunc", vec![date, t("'YEAR'")]);
                P::new(
                    t("(")
                        .append(call("dayofyear", vec![x]))
                        .append(t(" + "))
                        .append(call("dayofweek", vec![jan1]))
                        .append(t(" - 2) DIV 7 + 1")),
                    prec::ADD,
                )
            }
            DateUnit::Millisecond | DateUnit::Microsecond | DateUnit::Nanosecond => {
                let k = if unit == DateUnit::Millisecond {
                    "1000"
                } else {
                    "1000000"
                };
                let mut doc = t("CAST(")
                    .append(call("date_part", vec![t("'SECOND'"), x]))
                    .append(t(format!(" * {k} AS INT) % {k}")));
                if unit == DateUnit::Nanosecond {
                    doc = t("(").append(doc).append(t(") * 1000"));
                }
                P::new(doc, prec::MUL)
            }
        }
    }

    fn convert_style(&mut self, style: i32, try_: bool, args: &[Expr], node: &Expr) -> P {
        let Some(x_e) = args.last() else {
            return P::atom(t("NULL"));
        };
        let x = self.ex0(x_e);
        let target = node.ty.clone();
        let mode = if try_ {
            CastMode::Try
        } else {
            CastMode::Strict
        };
        let pattern = style_pattern(style);
        if let (Some((_, false)), false) = (pattern, matches!(style, 0 | 100)) {
            self.diag_hint(
                codes::SX3802.code,
                node.span,
                format!("conversion style {style} approximated with a Spark pattern"),
                "compare the converted text with the source for a few values; adjust the pattern if needed",
            );
        }
        let src = &x_e.ty;
        let binary_src = matches!(src, DataType::Binary { .. })
            || matches!(
                x_e.kind,
                ExprKind::Func {
                    func: Func::Hash(_),
                    ..
                }
            );
        if binary_src && target.is_string() {
            // Binary to text: style 1 is '0x' and hex digits, style 2 hex digits only.
            return match style {
                1 => P::atom(call("concat", vec![t("'0x'"), call("hex", vec![x])])),
                2 => P::atom(call("hex", vec![x])),
                _ => P::atom(self.cast_doc(x, &target, mode, node)),
            };
        }
        if matches!(style, 0 | 100)
            && target.is_string()
            && (is_datetime(src) || *src == DataType::Unknown)
        {
            // 'mon dd yyyy hh:miAM' with the day and hour padded with a space.
            let fmt = |p: &str| call("date_format", vec![x.clone(), t(string_literal(p))]);
            let d = call(
                "concat",
                vec![
                    fmt("MMM"),
                    t("' '"),
                    call("lpad", vec![fmt("d"), t("2"), t("' '")]),
                    t("' '"),
                    fmt("yyyy"),
                    t("' '"),
                    call("lpad", vec![fmt("h:mm"), t("5"), t("' '")]),
                    fmt("a"),
                ],
            );
            return P::atom(match target {
                DataType::String {
                    max_len: Some(n), ..
                } if n < 19 => call("left", vec![d, t(n.to_string())]),
                _ => d,
            });
        }
        if target.is_string() && matches!(src, DataType::Double | DataType::Float) {
            // Float to text: style 1 has 8 significant digits, 2 has 16, 3 has 17, all
            // in scientific notation.
            let digits = match style {
                1 => Some(7),
                2 => Some(15),
                3 => Some(16),
                _ => None,
            };
            if let Some(d) = digits {
                self.diag_hint(
                    codes::SX3802.code,
                    node.span,
                    format!("float conversion style {style} approximated: the exponent has two digits (SQL Server prints three, as e+003)"),
                    "compare the converted text with the source for a few values",
                );
                return P::atom(call(
                    "format_string",
                    vec![t(string_literal(&format!("%.{d}e"))), x],
                ));
            }
        }
        match (&target, pattern) {
            (DataType::String { max_len, .. }, Some((p, _)))
                if is_datetime(src) || *src == DataType::Unknown =>
            {
                // Styles 1 to 3 are also money and float styles: with an unknown type
                // the date reading is a guess. Styles 100 and up are dates only.
                if *src == DataType::Unknown && matches!(style, 1..=3) {
                    self.diag_hint(
                        codes::SX3802.code,
                        node.span,
                        format!("the converted value's type is unknown; style {style} is read as a date style"),
                        "if the value is a number (money, float), convert it with format_number or format_string by hand; add its table's CREATE TABLE to the input",
                    );
                }
                let mut d = call("date_format", vec![x, t(string_literal(p))]);
                if let (Some(n), Some(w)) = (max_len, pattern_width(p)) {
                    if (*n as usize) < w {
                        d = call("left", vec![d, t(n.to_string())]);
                    }
                }
                P::atom(d)
            }
            (DataType::Date, Some((p, _))) if src.is_string() || *src == DataType::Unknown => {
                let f = if try_ { "try_to_date" } else { "to_date" };
                P::atom(call(f, vec![x, t(string_literal(p))]))
            }
            (DataType::TimestampNtz | DataType::Timestamp, Some((p, _)))
                if src.is_string() || *src == DataType::Unknown =>
            {
                if try_ {
                    let d = call("try_to_timestamp", vec![x, t(string_literal(p))]);
                    P::atom(self.cast_doc(d, &target, CastMode::Strict, node))
                } else if target == DataType::TimestampNtz {
                    P::atom(call("to_timestamp_ntz", vec![x, t(string_literal(p))]))
                } else {
                    P::atom(call("to_timestamp", vec![x, t(string_literal(p))]))
                }
            }
            _ => {
                if pattern.is_none() && style != 0 {
                    self.diag_hint(
                        codes::SX3802.code,
                        node.span,
                        format!("conversion style {style} has no Spark pattern; printed as a cast"),
                        "compare the converted text with the source for a few values; format it with date_format or format_number if it differs",
                    );
                }
                P::atom(self.cast_doc(x, &target, mode, node))
            }
        }
    }

    /// Prints an aggregate.
    pub(crate) fn agg(
        &mut self,
        func: AggFunc,
        distinct: bool,
        args: &[Expr],
        within_group: &[OrderBy],
        over: Option<&WindowSpec>,
        _node: &Expr,
    ) -> P {
        let name = match func {
            AggFunc::Count | AggFunc::CountBig => "count",
            AggFunc::Sum => "sum",
            AggFunc::Avg => "avg",
            AggFunc::Min => "min",
            AggFunc::Max => "max",
            AggFunc::StdDev => "stddev_samp",
            AggFunc::StdDevPop => "stddev_pop",
            AggFunc::Variance => "var_samp",
            AggFunc::VariancePop => "var_pop",
            AggFunc::StringAgg => "string_agg",
            AggFunc::Grouping => "grouping",
            AggFunc::GroupingId => "grouping_id",
        };
        let mut docs: Vec<D> = args.iter().map(|a| self.ex0(a)).collect();
        if func == AggFunc::StringAgg && self.collation != Collation::Binary {
            if let (Some(first), Some(a)) = (docs.first_mut(), args.first()) {
                // Spark needs the value and the separator in one collation.
                let x = if a.ty.is_string() {
                    self.ex(a, prec::ATOM)
                } else {
                    t("CAST(").append(first.clone()).append(t(" AS STRING)"))
                };
                *first = x.append(t(" COLLATE UTF8_BINARY"));
            }
        }
        if distinct && !docs.is_empty() {
            docs[0] = t("DISTINCT ").append(docs[0].clone());
        }
        let mut d = call(name, docs);
        if !within_group.is_empty() {
            let ob = self.order_by_list(within_group);
            d = d
                .append(t(" WITHIN GROUP ("))
                .append(t("ORDER BY "))
                .append(ob)
                .append(t(")"));
        }
        if let Some(w) = over {
            let spec = self.window_spec(w);
            d = d.append(t(" OVER ")).append(spec);
        }
        P::atom(d.group())
    }

    /// Prints a ranking or offset window function.
    pub(crate) fn window_func(&mut self, func: WindowFunc, args: &[Expr], over: &WindowSpec) -> P {
        let name = match func {
            WindowFunc::RowNumber => "row_number",
            WindowFunc::Rank => "rank",
            WindowFunc::DenseRank => "dense_rank",
            WindowFunc::Ntile => "ntile",
            WindowFunc::PercentRank => "percent_rank",
            WindowFunc::CumeDist => "cume_dist",
            WindowFunc::Lag => "lag",
            WindowFunc::Lead => "lead",
            WindowFunc::FirstValue => "first_value",
            WindowFunc::LastValue => "last_value",
        };
        let docs = args.iter().map(|a| self.ex0(a)).collect();
        let spec = self.window_spec(over);
        P::atom(call(name, docs).append(t(" OVER ")).append(spec).group())
    }

    /// `(PARTITION BY … ORDER BY … frame)`.
    pub(crate) fn window_spec(&mut self, w: &WindowSpec) -> D {
        let mut parts = Vec::new();
        if !w.partition_by.is_empty() {
            let l = self.ex_list(&w.partition_by);
            parts.push(t("PARTITION BY ").append(l));
        }
        if !w.order_by.is_empty() {
            let l = self.order_by_list(&w.order_by);
            parts.push(t("ORDER BY ").append(l));
        }
        if let Some(f) = &w.frame {
            let units = match f.units {
                FrameUnits::Rows => "ROWS",
                FrameUnits::Range => "RANGE",
            };
            let end = f.end.clone().unwrap_or(FrameBound::CurrentRow);
            parts.push(t(format!(
                "{units} BETWEEN {} AND {}",
                bound(&f.start),
                bound(&end)
            )));
        }
        if parts.is_empty() {
            return t("()");
        }
        parens(join(parts, line()))
    }

    /// ORDER BY items.
    pub(crate) fn order_by_list(&mut self, items: &[OrderBy]) -> D {
        let docs = items
            .iter()
            .map(|o| {
                let mut d = self.ex0(&o.expr);
                if o.desc {
                    d = d.append(t(" DESC"));
                }
                match o.nulls_first {
                    Some(true) => d = d.append(t(" NULLS FIRST")),
                    Some(false) => d = d.append(t(" NULLS LAST")),
                    None => {}
                }
                d
            })
            .collect();
        comma_sep(docs)
    }
}

fn bound(b: &FrameBound) -> String {
    match b {
        FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".into(),
        FrameBound::Preceding(n) => format!("{n} PRECEDING"),
        FrameBound::CurrentRow => "CURRENT ROW".into(),
        FrameBound::Following(n) => format!("{n} FOLLOWING"),
        FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".into(),
    }
}

/// A soft break and an infix operator: the line breaks before the operator only when
/// the rest does not fit.
fn sop(sym: &str) -> D {
    pretty::RcDoc::softline().append(t(format!("{sym} ")))
}

/// `CASE WHEN c THEN a ELSE b END`.
pub(crate) fn case_when(cond: D, then: D, else_: D) -> D {
    t("CASE")
        .append(
            line()
                .append(t("WHEN "))
                .append(cond)
                .append(t(" THEN "))
                .append(then)
                .append(line())
                .append(t("ELSE "))
                .append(else_)
                .nest(2),
        )
        .append(line())
        .append(t("END"))
        .group()
}
