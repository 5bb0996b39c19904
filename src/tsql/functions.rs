//! Function calls: argument syntax (date units, `COUNT(*)`, `DISTINCT`, `WITHIN GROUP`,
//! `OVER`) and the mapping of every T-SQL built-in to its canonical IR operation.

use sqlxlate_diagnostics::{codes, Diagnostic};
use sqlxlate_ir::{
    AggFunc, DataType, DateUnit, Expr, ExprKind, Func, HashAlgo, Ident, Literal, ObjectName,
    WhenThen, WindowFunc,
};

use super::lexer::{Kw, T};
use super::parse::{PResult, Parser};

/// Functions whose first argument is a date unit keyword.
fn takes_unit(name: &str) -> bool {
    matches!(
        name,
        "DATEADD" | "DATEDIFF" | "DATEDIFF_BIG" | "DATEPART" | "DATENAME"
    )
}

/// The T-SQL date unit spelled `s` (all documented abbreviations).
pub fn date_unit(s: &str) -> Option<DateUnit> {
    let u = s.to_ascii_lowercase();
    Some(match u.as_str() {
        "year" | "yy" | "yyyy" => DateUnit::Year,
        "quarter" | "qq" | "q" => DateUnit::Quarter,
        "month" | "mm" | "m" => DateUnit::Month,
        "dayofyear" | "dy" | "y" => DateUnit::DayOfYear,
        "day" | "dd" | "d" => DateUnit::Day,
        "week" | "wk" | "ww" => DateUnit::Week,
        "weekday" | "dw" | "w" => DateUnit::Weekday,
        "hour" | "hh" => DateUnit::Hour,
        "minute" | "mi" | "n" => DateUnit::Minute,
        "second" | "ss" | "s" => DateUnit::Second,
        "millisecond" | "ms" => DateUnit::Millisecond,
        "microsecond" | "mcs" => DateUnit::Microsecond,
        "nanosecond" | "ns" => DateUnit::Nanosecond,
        "iso_week" | "isowk" | "isoww" => DateUnit::IsoWeek,
        _ => return None,
    })
}

/// Scalar built-ins that map one-to-one, arguments unchanged.
pub fn simple_func(name: &str) -> Option<(Func, DataType)> {
    use DataType as D;
    let s = DataType::string;
    Some(match name {
        "UPPER" => (Func::Upper, D::Unknown),
        "LOWER" => (Func::Lower, D::Unknown),
        "TRIM" => (Func::Trim, D::Unknown),
        "LTRIM" => (Func::LTrim, D::Unknown),
        "RTRIM" => (Func::RTrim, D::Unknown),
        "REPLACE" => (Func::Replace, D::Unknown),
        "SUBSTRING" => (Func::Substring, D::Unknown),
        "LEFT" => (Func::Left, D::Unknown),
        "RIGHT" => (Func::Right, D::Unknown),
        "REVERSE" => (Func::Reverse, D::Unknown),
        "LEN" => (Func::LengthIgnoringTrailingSpaces, D::Int),
        "DATALENGTH" => (Func::OctetLength, D::Int),
        "CONCAT" => (Func::ConcatNullAsEmpty, s()),
        "CONCAT_WS" => (Func::ConcatWs, s()),
        "CHARINDEX" => (Func::Locate, D::Int),
        "PATINDEX" => (Func::PatternIndex, D::Int),
        "STUFF" => (Func::Stuff, D::Unknown),
        "REPLICATE" => (Func::Repeat, D::Unknown),
        "SPACE" => (Func::Space, s()),
        "ASCII" => (Func::Ascii, D::Int),
        "CHAR" | "NCHAR" => (Func::Chr, s()),
        "TRANSLATE" => (Func::Translate, D::Unknown),
        "QUOTENAME" => (Func::QuoteName, s()),
        "FORMAT" => (Func::Format, s()),
        "STRING_SPLIT" => (Func::StringSplit, D::Unknown),
        "COALESCE" => (Func::Coalesce, D::Unknown),
        "ISNULL" => (Func::IfNullKeepFirstType, D::Unknown),
        "NULLIF" => (Func::NullIf, D::Unknown),
        "ABS" => (Func::Abs, D::Unknown),
        "CEILING" => (Func::Ceiling, D::Unknown),
        "FLOOR" => (Func::Floor, D::Unknown),
        "POWER" => (Func::Power, D::Unknown),
        "SQRT" => (Func::Sqrt, D::Double),
        "SQUARE" => (Func::Square, D::Double),
        "EXP" => (Func::Exp, D::Double),
        "LOG" => (Func::Ln, D::Double),
        "LOG10" => (Func::Log10, D::Double),
        "SIGN" => (Func::Sign, D::Unknown),
        "PI" => (Func::Pi, D::Double),
        "RAND" => (Func::Random, D::Double),
        "GETDATE" | "SYSDATETIME" | "CURRENT_TIMESTAMP" => {
            (Func::CurrentTimestamp, D::TimestampNtz)
        }
        "GETUTCDATE" | "SYSUTCDATETIME" => (Func::CurrentTimestampUtc, D::TimestampNtz),
        "EOMONTH" => (Func::EndOfMonth, D::Date),
        "DATEFROMPARTS" => (Func::DateFromParts, D::Date),
        "DATETIMEFROMPARTS" => (Func::DateTimeFromParts, D::TimestampNtz),
        "NEWID" => (Func::NewUuid, s()),
        "ISNUMERIC" => (Func::IsNumeric, D::Int),
        "ISDATE" => (Func::IsDate, D::Int),
        "OBJECT_ID" => (Func::ObjectId, D::Int),
        "GREATEST" => (Func::Greatest, D::Unknown),
        "LEAST" => (Func::Least, D::Unknown),
        _ => return None,
    })
}

/// Aggregates.
pub fn agg_func(name: &str) -> Option<AggFunc> {
    Some(match name {
        "COUNT" => AggFunc::Count,
        "COUNT_BIG" => AggFunc::CountBig,
        "SUM" => AggFunc::Sum,
        "AVG" => AggFunc::Avg,
        "MIN" => AggFunc::Min,
        "MAX" => AggFunc::Max,
        "STDEV" => AggFunc::StdDev,
        "STDEVP" => AggFunc::StdDevPop,
        "VAR" => AggFunc::Variance,
        "VARP" => AggFunc::VariancePop,
        "STRING_AGG" => AggFunc::StringAgg,
        "GROUPING" => AggFunc::Grouping,
        "GROUPING_ID" => AggFunc::GroupingId,
        _ => return None,
    })
}

/// Ranking and offset window functions.
pub fn window_func(name: &str) -> Option<WindowFunc> {
    Some(match name {
        "ROW_NUMBER" => WindowFunc::RowNumber,
        "RANK" => WindowFunc::Rank,
        "DENSE_RANK" => WindowFunc::DenseRank,
        "NTILE" => WindowFunc::Ntile,
        "PERCENT_RANK" => WindowFunc::PercentRank,
        "CUME_DIST" => WindowFunc::CumeDist,
        "LAG" => WindowFunc::Lag,
        "LEAD" => WindowFunc::Lead,
        "FIRST_VALUE" => WindowFunc::FirstValue,
        "LAST_VALUE" => WindowFunc::LastValue,
        _ => None?,
    })
}

fn int_lit(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Literal {
            value: Literal::Integer(v),
        } => v.parse().ok(),
        _ => None,
    }
}

impl<'a> Parser<'a> {
    /// A function call; the cursor is at `(` after the name `parts`.
    pub fn call(&mut self, parts: Vec<Ident>, start: usize) -> PResult<Expr> {
        self.expect(T::LParen, "`(`")?;
        let upper = if parts.len() == 1 {
            parts[0].value.to_ascii_uppercase()
        } else {
            String::new()
        };
        let name = upper.as_str();

        // Date-unit functions.
        let mut unit = None;
        if takes_unit(name) {
            let ui = self.pos;
            let word = match self.peek() {
                T::Word(_) | T::Bracketed(true) => self.ident_any("a date unit")?.value,
                T::Str(true) => {
                    self.bump();
                    self.text(ui).trim_matches('\'').to_string()
                }
                _ => return Err(self.err("a date unit")),
            };
            match date_unit(&word) {
                Some(u) => unit = Some(u),
                None => {
                    self.pos = ui;
                    return Err(self.unsupported(
                        codes::SX2007.code,
                        format!("date unit `{word}` is not supported"),
                        "use one of year, quarter, month, dayofyear, day, week, weekday, hour, minute, second, millisecond, microsecond, nanosecond, iso_week",
                    ));
                }
            }
            self.expect(T::Comma, "`,` after the date unit")?;
        }

        let agg = agg_func(name).filter(|_| parts.len() == 1);
        let mut distinct = false;
        let mut args = Vec::new();
        if agg.is_some() && self.eat_kw(Kw::Distinct) {
            distinct = true;
        } else if agg.is_some() {
            self.eat_kw(Kw::All);
        }
        if self.peek() == T::Star && !self.at_end() && agg.is_some() {
            let i = self.bump();
            args.push(Expr::new(
                ExprKind::Star { qualifier: vec![] },
                self.tok_span(i),
            ));
        } else if self.peek() != T::RParen {
            args = self.expr_list()?;
        }
        self.expect(T::RParen, "`)` closing the argument list")?;

        if agg.is_none() && self.is_kw(Kw::Within) && self.nth_is_kw(1, Kw::Group) {
            return Err(self.unsupported(
                codes::SX2007.code,
                format!(
                    "`{}` … WITHIN GROUP is not supported yet",
                    parts_text(&parts)
                ),
                "use percentile / percentile_disc on Databricks by hand",
            ));
        }
        let mut within_group = Vec::new();
        if agg.is_some() && self.is_kw(Kw::Within) && self.nth_is_kw(1, Kw::Group) {
            self.bump();
            self.bump();
            self.expect(T::LParen, "`(`")?;
            within_group = self.order_by()?;
            self.expect(T::RParen, "`)`")?;
        }
        let over = self.over_clause()?;
        let span = self.span_from(start);

        if let Some(func) = agg {
            let ty = match func {
                AggFunc::Count | AggFunc::Grouping | AggFunc::GroupingId => DataType::Int,
                AggFunc::CountBig => DataType::BigInt,
                AggFunc::StdDev | AggFunc::StdDevPop | AggFunc::Variance | AggFunc::VariancePop => {
                    DataType::Double
                }
                AggFunc::StringAgg => DataType::string(),
                _ => DataType::Unknown,
            };
            return Ok(Expr::typed(
                ExprKind::Agg {
                    func,
                    distinct,
                    args,
                    within_group,
                    over: over.map(Box::new),
                },
                span,
                ty,
            ));
        }
        if let Some(func) = window_func(name).filter(|_| parts.len() == 1) {
            let Some(over) = over else {
                return Err(self.err("OVER after a window function"));
            };
            let ty = match func {
                WindowFunc::RowNumber => DataType::BigInt,
                WindowFunc::Rank | WindowFunc::DenseRank | WindowFunc::Ntile => DataType::BigInt,
                WindowFunc::PercentRank | WindowFunc::CumeDist => DataType::Double,
                _ => DataType::Unknown,
            };
            return Ok(Expr::typed(
                ExprKind::Window {
                    func,
                    args,
                    over: Box::new(over),
                },
                span,
                ty,
            ));
        }
        if over.is_some() {
            return Err(self.unsupported(
                codes::SX2007.code,
                format!("`{}` cannot be used with OVER", parts_text(&parts)),
                "use an aggregate or ranking function with OVER",
            ));
        }
        if let Some(u) = unit {
            let func = match name {
                "DATEADD" => Func::DateAdd(u),
                "DATEDIFF" | "DATEDIFF_BIG" => Func::DateDiffBoundaries(u),
                "DATEPART" => Func::DatePart(u),
                _ => Func::DateName(u),
            };
            let ty = match name {
                "DATEADD" => args.last().map(|a| a.ty.clone()).unwrap_or_default(),
                "DATEDIFF" | "DATEPART" => DataType::Int,
                "DATEDIFF_BIG" => DataType::BigInt,
                _ => DataType::string(),
            };
            return Ok(Expr::typed(ExprKind::Func { func, args }, span, ty));
        }
        if parts.len() == 1 {
            if let Some(e) = self.special_func(name, &mut args, span)? {
                return Ok(e);
            }
            if let Some((func, ty)) = simple_func(name) {
                return Ok(Expr::typed(ExprKind::Func { func, args }, span, ty));
            }
            self.diags.push(
                Diagnostic::new(
                    codes::SX3001.code,
                    parts[0].span,
                    format!("unknown function `{}` passed through", parts[0].value),
                )
                .with_hint("check that it exists on Databricks, or define it as a SQL UDF"),
            );
        }
        Ok(Expr::new(
            ExprKind::Call {
                name: ObjectName { parts },
                args,
            },
            span,
        ))
    }

    fn special_func(
        &mut self,
        name: &str,
        args: &mut Vec<Expr>,
        span: sqlxlate_diagnostics::Span,
    ) -> PResult<Option<Expr>> {
        let take = |args: &mut Vec<Expr>| std::mem::take(args);
        Ok(Some(match name {
            "YEAR" | "MONTH" | "DAY" => {
                let u = match name {
                    "YEAR" => DateUnit::Year,
                    "MONTH" => DateUnit::Month,
                    _ => DateUnit::Day,
                };
                Expr::typed(
                    ExprKind::Func {
                        func: Func::DatePart(u),
                        args: take(args),
                    },
                    span,
                    DataType::Int,
                )
            }
            "ROUND" => {
                let truncate = args.get(2).map(|a| int_lit(a) != Some(0)).unwrap_or(false);
                let mut a = take(args);
                a.truncate(2);
                let ty = a.first().map(|x| x.ty.clone()).unwrap_or_default();
                Expr::typed(
                    ExprKind::Func {
                        func: if truncate {
                            Func::RoundTruncate
                        } else {
                            Func::Round
                        },
                        args: a,
                    },
                    span,
                    ty,
                )
            }
            "IIF" => {
                if args.len() != 3 {
                    return Err(self.err("three arguments to IIF"));
                }
                let mut a = take(args);
                let else_ = a.pop();
                let then = a.pop();
                let when = a.pop();
                match (when, then) {
                    (Some(when), Some(then)) => Expr::new(
                        ExprKind::Case {
                            operand: None,
                            whens: vec![WhenThen { when, then }],
                            else_: else_.map(Box::new),
                        },
                        span,
                    ),
                    _ => return Err(self.err("three arguments to IIF")),
                }
            }
            "CHOOSE" => {
                if args.len() < 2 {
                    return Err(self.err("an index and choices in CHOOSE"));
                }
                let mut a = take(args).into_iter();
                let Some(index) = a.next() else {
                    return Err(self.err("an index in CHOOSE"));
                };
                let whens = a
                    .enumerate()
                    .map(|(k, then)| WhenThen {
                        when: Expr::typed(
                            ExprKind::Literal {
                                value: Literal::Integer((k + 1).to_string()),
                            },
                            then.span,
                            DataType::Int,
                        ),
                        then,
                    })
                    .collect();
                Expr::new(
                    ExprKind::Case {
                        operand: Some(Box::new(index)),
                        whens,
                        else_: None,
                    },
                    span,
                )
            }
            "HASHBYTES" => {
                let algo = match args.first().map(|a| &a.kind) {
                    Some(ExprKind::Literal {
                        value: Literal::String { value, .. },
                    }) => match value.to_ascii_uppercase().as_str() {
                        "MD5" => Some(HashAlgo::Md5),
                        "SHA" | "SHA1" => Some(HashAlgo::Sha1),
                        "SHA2_256" => Some(HashAlgo::Sha256),
                        "SHA2_512" => Some(HashAlgo::Sha512),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(algo) = algo else {
                    return Err(self.unsupported(
                        codes::SX2007.code,
                        "HASHBYTES with this algorithm is not supported".into(),
                        "use MD5, SHA1, SHA2_256 or SHA2_512 as a literal",
                    ));
                };
                let mut a = take(args);
                a.remove(0);
                Expr::typed(
                    ExprKind::Func {
                        func: Func::Hash(algo),
                        args: a,
                    },
                    span,
                    DataType::Binary { max_len: None },
                )
            }
            "SCOPE_IDENTITY" | "IDENT_CURRENT" | "ERROR_MESSAGE" | "ERROR_NUMBER"
            | "ERROR_LINE" | "ERROR_SEVERITY" | "ERROR_STATE" | "ERROR_PROCEDURE" => {
                self.diags.push(
                    Diagnostic::new(
                        codes::SX2007.code,
                        span,
                        format!("`{name}()` has no Databricks equivalent"),
                    )
                    .with_hint("restructure the logic (for example re-select by natural key)"),
                );
                Expr::new(
                    ExprKind::Unconverted {
                        text: self.src[span.range()].to_string(),
                        code: codes::SX2007.code.to_string(),
                    },
                    span,
                )
            }
            _ => return Ok(None),
        }))
    }
}

fn parts_text(parts: &[Ident]) -> String {
    parts
        .iter()
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join(".")
}
