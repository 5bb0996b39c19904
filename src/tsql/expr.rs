//! Expression building blocks shared by the grammar's actions: literal typing (as SQL
//! Server types literals), binary operations, casts, and the translation of LIKE
//! patterns with `[…]` classes into anchored regular expressions.

use sqlxlate_diagnostics::Span;
use sqlxlate_ir::{BinaryOp, CastMode, DataType, Expr, ExprKind, LikeKind, Literal};

use super::lexer::T;

/// A literal token typed as SQL Server types it.
pub fn literal_of(t: T, raw: &str, span: Span) -> Expr {
    let (value, ty) = match t {
        T::Int => {
            let digits = raw.trim_start_matches('0');
            let ty = match raw.parse::<i64>() {
                Ok(v) if v <= i32::MAX as i64 => DataType::Int,
                Ok(_) => DataType::BigInt,
                Err(_) => DataType::Decimal {
                    precision: digits.len().min(38) as u8,
                    scale: 0,
                },
            };
            (Literal::Integer(raw.to_string()), ty)
        }
        T::Dec => (Literal::Decimal(raw.to_string()), decimal_type(raw)),
        T::Money => (
            Literal::Decimal(raw[1..].to_string()),
            DataType::Decimal {
                precision: 19,
                scale: 4,
            },
        ),
        T::Float => (Literal::Float(raw.to_string()), DataType::Double),
        T::Binary => {
            let hex = &raw[2..];
            (
                Literal::Binary(hex.to_string()),
                DataType::Binary {
                    max_len: Some(hex.len().div_ceil(2) as u32),
                },
            )
        }
        T::NStr(_) => {
            let v = unescape_str(&raw[1..]);
            let n = v.chars().count() as u32;
            (
                Literal::String {
                    value: v,
                    national: true,
                },
                str_ty(n),
            )
        }
        _ => {
            let v = unescape_str(raw);
            let n = v.chars().count() as u32;
            (
                Literal::String {
                    value: v,
                    national: false,
                },
                str_ty(n),
            )
        }
    };
    Expr::typed(ExprKind::Literal { value }, span, ty)
}

fn str_ty(n: u32) -> DataType {
    DataType::String {
        max_len: Some(n.max(1)),
        fixed: false,
        collation: None,
    }
}

/// Removes the quotes of a `'…'` literal and undoubles `''`.
fn unescape_str(raw: &str) -> String {
    let inner = raw.get(1..).unwrap_or("");
    let inner = inner.strip_suffix('\'').unwrap_or(inner);
    if inner.contains("''") {
        inner.replace("''", "'")
    } else {
        inner.to_string()
    }
}

/// The type SQL Server gives a decimal literal: `10.005` is DECIMAL(5,3).
fn decimal_type(raw: &str) -> DataType {
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    let int_digits = int.trim_start_matches('0').len();
    let scale = frac.len();
    let precision = (int_digits + scale).clamp(1, 38);
    DataType::Decimal {
        precision: precision as u8,
        scale: scale.min(precision) as u8,
    }
}

pub fn bin(op: BinaryOp, left: Expr, right: Expr) -> Expr {
    let span = left.span.cover(right.span);
    let ty = if matches!(op, BinaryOp::And | BinaryOp::Or) {
        DataType::Boolean
    } else {
        DataType::Unknown
    };
    Expr::typed(
        ExprKind::Binary {
            op,
            left: Box::new(left),
            right: Box::new(right),
        },
        span,
        ty,
    )
}

pub fn cast(e: Expr, to: DataType, try_: bool, span: Span) -> Expr {
    Expr::typed(
        ExprKind::Cast {
            expr: Box::new(e),
            to: to.clone(),
            mode: if try_ {
                CastMode::Try
            } else {
                CastMode::Strict
            },
        },
        span,
        to,
    )
}

/// Translates a literal LIKE pattern: patterns with `[...]` classes become an anchored
/// Java regular expression; others stay LIKE patterns.
pub fn translate_like(pattern: Expr, escape: Option<char>) -> (Expr, LikeKind) {
    let value = match &pattern.kind {
        ExprKind::Literal {
            value: Literal::String { value, .. },
        } => value.clone(),
        _ => return (pattern, LikeKind::Like),
    };
    if !value.contains('[') {
        return (pattern, LikeKind::Like);
    }
    let mut out = String::with_capacity(value.len() + 8);
    // Case-insensitivity is the collation's business (the emitter adds `(?i)`);
    // DOTALL because `%` and `_` match line breaks too.
    out.push_str("(?s)^");
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if Some(c) == escape {
            if let Some(&n) = chars.get(i + 1) {
                push_regex_literal(&mut out, n);
                i += 2;
                continue;
            }
        }
        match c {
            '%' => out.push_str(".*"),
            '_' => out.push('.'),
            '[' => {
                // Find the closing bracket; an unclosed `[` is a literal.
                let close = chars[i + 1..].iter().position(|&x| x == ']');
                match close {
                    Some(off) if off > 0 => {
                        let body = &chars[i + 1..i + 1 + off];
                        out.push('[');
                        let mut j = 0;
                        // Only `^` negates in T-SQL (`[!a]` matches `!` or `a`).
                        if body.first() == Some(&'^') {
                            out.push('^');
                            j = 1;
                        }
                        while j < body.len() {
                            let b = body[j];
                            if matches!(b, '\\' | '[' | ']' | '^' | '&') {
                                out.push('\\');
                            }
                            out.push(b);
                            j += 1;
                        }
                        out.push(']');
                        i += off + 2;
                        continue;
                    }
                    _ => push_regex_literal(&mut out, c),
                }
            }
            _ => push_regex_literal(&mut out, c),
        }
        i += 1;
    }
    out.push('$');
    let span = pattern.span;
    let n = out.chars().count() as u32;
    (
        Expr::typed(
            ExprKind::Literal {
                value: Literal::String {
                    value: out,
                    national: false,
                },
            },
            span,
            str_ty(n),
        ),
        LikeKind::Regex,
    )
}

fn push_regex_literal(out: &mut String, c: char) {
    if "\\.^$|?*+()[]{}".contains(c) {
        out.push('\\');
    }
    out.push(c);
}
