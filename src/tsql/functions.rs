//! Function calls: the mapping of every T-SQL built-in (aggregates, window functions,
//! date-unit functions, scalar built-ins) to its canonical IR operation.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{
    AggFunc, DataType, DateUnit, Expr, ExprKind, Func, HashAlgo, Ident, Literal, ObjectName,
    OrderBy, WhenThen, WindowFunc, WindowSpec,
};

use super::gram::GErr;

/// Functions whose first argument is a date unit keyword.
pub fn takes_unit(name: &str) -> bool {
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

/// A parsed call, ready to be lowered.
pub struct CallParts {
    /// The name as written.
    pub parts: Vec<Ident>,
    /// The date unit of DATEADD / DATEDIFF / DATEPART / DATENAME.
    pub unit: Option<DateUnit>,
    /// Arguments (without the date unit).
    pub args: Vec<Expr>,
    /// `DISTINCT` before the arguments.
    pub distinct: bool,
    /// `WITHIN GROUP (ORDER BY …)`.
    pub within_group: Option<Vec<OrderBy>>,
    /// `OVER (…)`.
    pub over: Option<WindowSpec>,
    /// The whole call.
    pub span: Span,
}

/// True when the call's first argument is a date unit.
pub fn call_takes_unit(parts: &[Ident]) -> bool {
    parts.len() == 1 && takes_unit(&parts[0].value.to_ascii_uppercase())
}

/// Lowers a call to its canonical IR operation (aggregate, window function, date
/// function, built-in) or to a user function call.
pub fn lower_call(src: &str, diags: &mut Vec<Diagnostic>, c: CallParts) -> Result<Expr, GErr> {
    let CallParts {
        parts,
        unit,
        mut args,
        distinct,
        within_group,
        over,
        span,
    } = c;
    let upper = if parts.len() == 1 {
        parts[0].value.to_ascii_uppercase()
    } else {
        String::new()
    };
    let name = upper.as_str();
    let agg = agg_func(name).filter(|_| parts.len() == 1);
    let star = matches!(args.first().map(|a| &a.kind), Some(ExprKind::Star { qualifier }) if qualifier.is_empty());
    if agg.is_none() && (distinct || star) {
        return Err(GErr {
            span,
            code: codes::SX1001.code,
            message: format!(
                "`{}` is not an aggregate: DISTINCT and `*` are not allowed in its arguments",
                parts_text(&parts)
            ),
            hint: Some("remove DISTINCT or `*`"),
        });
    }
    if agg.is_none() && within_group.is_some() {
        return Err(GErr::unsupported(
            span,
            format!(
                "`{}` … WITHIN GROUP is not supported yet",
                parts_text(&parts)
            ),
            "use percentile / percentile_disc on Databricks by hand",
        ));
    }
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
                within_group: within_group.unwrap_or_default(),
                over: over.map(Box::new),
            },
            span,
            ty,
        ));
    }
    if let Some(func) = window_func(name).filter(|_| parts.len() == 1) {
        let Some(over) = over else {
            return Err(GErr {
                span,
                code: codes::SX1001.code,
                message: format!("`{}` needs an OVER clause", parts_text(&parts)),
                hint: Some("add OVER (ORDER BY …)"),
            });
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
        return Err(GErr::unsupported(
            span,
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
        if let Some(e) = special_func(src, diags, name, &mut args, span)? {
            return Ok(e);
        }
        if let Some((func, ty)) = simple_func(name) {
            return Ok(Expr::typed(ExprKind::Func { func, args }, span, ty));
        }
        diags.push(
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

fn arity(span: Span, what: &str) -> GErr {
    GErr {
        span,
        code: codes::SX1001.code,
        message: format!("expected {what}"),
        hint: None,
    }
}

fn special_func(
    src: &str,
    diags: &mut Vec<Diagnostic>,
    name: &str,
    args: &mut Vec<Expr>,
    span: Span,
) -> Result<Option<Expr>, GErr> {
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
                return Err(arity(span, "three arguments to IIF"));
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
                _ => return Err(arity(span, "three arguments to IIF")),
            }
        }
        "CHOOSE" => {
            if args.len() < 2 {
                return Err(arity(span, "an index and choices in CHOOSE"));
            }
            let mut a = take(args).into_iter();
            let Some(index) = a.next() else {
                return Err(arity(span, "an index in CHOOSE"));
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
                return Err(GErr::unsupported(
                    span,
                    "HASHBYTES with this algorithm is not supported",
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
        "SCOPE_IDENTITY" | "IDENT_CURRENT" | "ERROR_MESSAGE" | "ERROR_NUMBER" | "ERROR_LINE"
        | "ERROR_SEVERITY" | "ERROR_STATE" | "ERROR_PROCEDURE" => {
            diags.push(
                Diagnostic::new(
                    codes::SX2007.code,
                    span,
                    format!("`{name}()` has no Databricks equivalent"),
                )
                .with_hint("restructure the logic (for example re-select by natural key)"),
            );
            Expr::new(
                ExprKind::Unconverted {
                    text: src[span.range()].to_string(),
                    code: codes::SX2007.code.to_string(),
                },
                span,
            )
        }
        _ => return Ok(None),
    }))
}

fn parts_text(parts: &[Ident]) -> String {
    parts
        .iter()
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join(".")
}
