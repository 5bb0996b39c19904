//! Expressions: literals, operators with Spark precedence, CASE, casts, predicates.

use sqlxlate_ir::{
    BinaryOp, CastMode, DataType, Expr, ExprKind, LikeKind, Literal, UnaryOp, WhenThen,
};

use crate::doc::{call, comma_sep, join, line, parens, t, D};
use crate::emitter::Emitter;
use crate::names;
use crate::types::{collation_name, data_type, TypeNote};

/// Binding strength of printed expressions, loosest first (Spark's operator precedence).
pub(crate) mod prec {
    /// OR.
    pub const OR: u8 = 1;
    /// AND.
    pub const AND: u8 = 2;
    /// NOT.
    pub const NOT: u8 = 3;
    /// IS NULL, BETWEEN, IN, LIKE, EXISTS.
    pub const PRED: u8 = 4;
    /// Comparisons.
    pub const CMP: u8 = 5;
    /// `|`.
    pub const BIT_OR: u8 = 6;
    /// `^`.
    pub const BIT_XOR: u8 = 7;
    /// `&`.
    pub const BIT_AND: u8 = 8;
    /// `+`, `-`, `||`.
    pub const ADD: u8 = 9;
    /// `*`, `/`, `%`, `DIV`.
    pub const MUL: u8 = 10;
    /// Unary `-`, `+`, `~`, COLLATE.
    pub const UNARY: u8 = 11;
    /// Literals, names, calls, parenthesised forms.
    pub const ATOM: u8 = 12;
}

/// A printed expression and how tightly it binds.
#[derive(Clone)]
pub(crate) struct P {
    /// The document.
    pub doc: D,
    /// Its precedence.
    pub prec: u8,
}

impl P {
    /// An atom (never needs parentheses).
    pub(crate) fn atom(doc: D) -> P {
        P {
            doc,
            prec: prec::ATOM,
        }
    }
    /// With a precedence.
    pub(crate) fn new(doc: D, prec: u8) -> P {
        P { doc, prec }
    }
    /// The document, parenthesised when it binds looser than `min`.
    pub(crate) fn at(self, min: u8) -> D {
        if self.prec < min {
            parens(self.doc)
        } else {
            self.doc
        }
    }
}

/// Escapes a string for a Spark string literal: backslash is an escape character there.
pub(crate) fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            _ => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A binary operator's text and precedence.
fn binop(op: BinaryOp) -> (&'static str, u8) {
    use BinaryOp::*;
    match op {
        Add => ("+", prec::ADD),
        Sub => ("-", prec::ADD),
        Concat => ("||", prec::ADD),
        Mul => ("*", prec::MUL),
        Div | FracDiv => ("/", prec::MUL),
        IntDiv => ("DIV", prec::MUL),
        Mod => ("%", prec::MUL),
        BitAnd => ("&", prec::BIT_AND),
        BitOr => ("|", prec::BIT_OR),
        BitXor => ("^", prec::BIT_XOR),
        Eq => ("=", prec::CMP),
        NotEq => ("<>", prec::CMP),
        Lt => ("<", prec::CMP),
        LtEq => ("<=", prec::CMP),
        Gt => (">", prec::CMP),
        GtEq => (">=", prec::CMP),
        And => ("AND", prec::AND),
        Or => ("OR", prec::OR),
        // Printed as a function call; the precedence is unused.
        ConcatIgnoreNull => ("||", prec::ADD),
    }
}

impl Emitter<'_> {
    /// Prints an expression at a minimum precedence.
    pub(crate) fn ex(&mut self, e: &Expr, min: u8) -> D {
        self.expr(e).at(min)
    }

    /// Prints an expression in a position where any expression is allowed.
    pub(crate) fn ex0(&mut self, e: &Expr) -> D {
        self.expr(e).doc
    }

    /// Prints a list of expressions separated by commas.
    pub(crate) fn ex_list(&mut self, es: &[Expr]) -> D {
        let docs = es.iter().map(|e| self.ex0(e)).collect();
        comma_sep(docs)
    }

    /// Prints an expression.
    pub(crate) fn expr(&mut self, e: &Expr) -> P {
        if !self.enter(e.span) {
            return P::atom(t("NULL"));
        }
        let p = self.expr_inner(e);
        self.leave();
        p
    }

    fn expr_inner(&mut self, e: &Expr) -> P {
        match &e.kind {
            ExprKind::Literal {
                value: value @ Literal::String { .. },
            } if !matches!(e.ty, DataType::Unknown | DataType::String { .. }) => {
                // A string literal the types pass gave another type (a date written as
                // text): Spark does not convert strings implicitly on insert.
                let lit = self.literal(value).doc;
                let needs_formats = match value {
                    Literal::String { value: v, .. } => !spark_reads_datetime(v),
                    _ => false,
                };
                if needs_formats && matches!(e.ty, DataType::TimestampNtz | DataType::Date) {
                    P::atom(self.string_to_datetime(lit, &e.ty, CastMode::Strict, e))
                } else {
                    P::atom(self.cast_doc(lit, &e.ty, CastMode::Strict, e))
                }
            }
            ExprKind::Literal { value } => self.literal(value),
            ExprKind::Column { qualifier, name } => {
                let mut s = names::dotted(qualifier);
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(&names::ident(name));
                P::atom(t(s))
            }
            ExprKind::Variable { name } => P::atom(t(names::variable(name))),
            ExprKind::Star { qualifier } => {
                if qualifier.is_empty() {
                    P::atom(t("*"))
                } else {
                    P::atom(t(format!("{}.*", names::dotted(qualifier))))
                }
            }
            ExprKind::StarExcept { qualifier, except } => {
                let star = if qualifier.is_empty() {
                    "*".to_string()
                } else {
                    format!("{}.*", names::dotted(qualifier))
                };
                P::atom(t(format!("{star} EXCEPT ({})", names::ident_list(except))))
            }
            ExprKind::Unary { op, expr } => self.unary(*op, expr),
            ExprKind::Binary { op, left, right } => self.binary(*op, left, right),
            ExprKind::Func { func, args } => self.func(func, args, e),
            ExprKind::Call { name, args } => {
                let args = args.iter().map(|a| self.ex0(a)).collect();
                P::atom(call(&names::function(name), args))
            }
            ExprKind::Agg {
                func,
                distinct,
                args,
                within_group,
                over,
            } => self.agg(*func, *distinct, args, within_group, over.as_deref(), e),
            ExprKind::Window { func, args, over } => self.window_func(*func, args, over),
            ExprKind::Case {
                operand,
                whens,
                else_,
            } => self.case(operand.as_deref(), whens, else_.as_deref()),
            ExprKind::Cast { expr, to, mode }
                if expr.ty.is_string()
                    && matches!(to, DataType::TimestampNtz | DataType::Date)
                    && !matches!(
                        &expr.kind,
                        ExprKind::Literal { value: Literal::String { value, .. } }
                            if spark_reads_datetime(value)
                    ) =>
            {
                let inner = self.ex0(expr);
                P::atom(self.string_to_datetime(inner, to, *mode, e))
            }
            ExprKind::Cast { expr, to, mode } => {
                let inner = self.ex0(expr);
                let cast = self.cast_doc(inner, to, *mode, e);
                // CAST to VARCHAR(n) keeps n characters, CHAR(n) also pads with blanks;
                // Spark's STRING has no length.
                match to {
                    DataType::String {
                        max_len: Some(n),
                        fixed,
                        ..
                    } if !matches!(
                        expr.ty,
                        DataType::String { max_len: Some(m), .. } if m <= *n && !*fixed
                    ) =>
                    {
                        let f = if *fixed { "rpad" } else { "left" };
                        let mut args = vec![cast, t(n.to_string())];
                        if *fixed {
                            args.push(t("' '"));
                        }
                        P::atom(call(f, args))
                    }
                    _ => P::atom(cast),
                }
            }
            ExprKind::InList {
                expr,
                list,
                negated,
            } => {
                let x = self.ex(expr, prec::BIT_OR);
                let items = self.ex_list(list);
                let kw = if *negated { " NOT IN " } else { " IN " };
                P::new(x.append(t(kw)).append(parens(items)), prec::PRED)
            }
            ExprKind::InSubquery {
                expr,
                query,
                negated,
            } => {
                let x = self.ex(expr, prec::BIT_OR);
                let q = self.query(query);
                let kw = if *negated { " NOT IN " } else { " IN " };
                P::new(x.append(t(kw)).append(parens(q)), prec::PRED)
            }
            ExprKind::Exists { query, negated } => {
                let q = self.query(query);
                let kw = if *negated { "NOT EXISTS " } else { "EXISTS " };
                P::new(t(kw).append(parens(q)), prec::PRED)
            }
            ExprKind::Subquery { query } => {
                let q = self.query(query);
                P::atom(parens(q))
            }
            ExprKind::Between {
                expr,
                low,
                high,
                negated,
            } => {
                let x = self.ex(expr, prec::BIT_OR);
                let lo = self.ex(low, prec::BIT_OR);
                let hi = self.ex(high, prec::BIT_OR);
                let stringy = |e: &Expr| {
                    e.ty.is_string()
                        || matches!(
                            e.kind,
                            ExprKind::Literal {
                                value: Literal::String { .. }
                            }
                        )
                };
                if self.collation != sqlxlate_ir::Collation::Binary
                    && (stringy(expr) || stringy(low) || stringy(high))
                {
                    // Spark 4.1 loses the column's collation inside BETWEEN ("indeterminate
                    // collation"): compare with the bounds one at a time.
                    let d = x
                        .clone()
                        .append(t(" >= "))
                        .append(lo)
                        .append(t(" AND "))
                        .append(x)
                        .append(t(" <= "))
                        .append(hi);
                    return if *negated {
                        P::new(t("NOT ").append(parens(d)), prec::NOT)
                    } else {
                        P::new(d, prec::AND)
                    };
                }
                let kw = if *negated {
                    " NOT BETWEEN "
                } else {
                    " BETWEEN "
                };
                P::new(
                    x.append(t(kw)).append(lo).append(t(" AND ")).append(hi),
                    prec::PRED,
                )
            }
            ExprKind::Like {
                expr,
                pattern,
                escape,
                kind,
                negated,
            } => self.like(expr, pattern, escape.as_deref(), *kind, *negated),
            ExprKind::IsNull { expr, negated } => {
                let x = self.ex(expr, prec::BIT_OR);
                let kw = if *negated { " IS NOT NULL" } else { " IS NULL" };
                P::new(x.append(t(kw)), prec::PRED)
            }
            ExprKind::Collate {
                expr, collation, ..
            } => {
                let x = self.ex(expr, prec::ATOM);
                P::new(
                    x.append(t(format!(" COLLATE {}", collation_name(*collation)))),
                    prec::UNARY,
                )
            }
            ExprKind::Nested { expr } => {
                let inner = self.ex0(expr);
                P::atom(parens(inner))
            }
            ExprKind::Unconverted { text, code } => {
                let text = text.replace("*/", "* /").replace('\n', " ");
                P::atom(t(format!("NULL /* [{code}] not converted: {text} */")))
            }
        }
    }

    /// Prints a literal.
    pub(crate) fn literal(&mut self, v: &Literal) -> P {
        let s = match v {
            Literal::Null => "NULL".to_string(),
            Literal::Boolean(true) => "TRUE".to_string(),
            Literal::Boolean(false) => "FALSE".to_string(),
            Literal::Integer(s) | Literal::Decimal(s) | Literal::Float(s) => {
                if s.starts_with('-') {
                    return P::new(t(s.clone()), prec::UNARY);
                }
                s.clone()
            }
            Literal::String { value, .. } => string_literal(value),
            Literal::Binary(hex) => format!("X'{hex}'"),
            Literal::Date(d) => format!("DATE{}", string_literal(d)),
            Literal::Timestamp(ts) => format!("TIMESTAMP_NTZ{}", string_literal(ts)),
        };
        P::atom(t(s))
    }

    fn unary(&mut self, op: UnaryOp, operand: &Expr) -> P {
        match op {
            UnaryOp::Not => {
                let x = self.ex(operand, prec::NOT);
                P::new(t("NOT ").append(x), prec::NOT)
            }
            UnaryOp::Neg | UnaryOp::Plus | UnaryOp::BitNot => {
                let sym = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Plus => "+",
                    _ => "~",
                };
                let inner = self.expr(operand);
                // `--` would start a comment: keep a sign operand in parentheses.
                let starts_with_sign = inner.prec == prec::UNARY
                    && matches!(
                        &operand.kind,
                        ExprKind::Unary { .. } | ExprKind::Literal { .. }
                    );
                let d = if starts_with_sign {
                    parens(inner.doc)
                } else {
                    inner.at(prec::UNARY)
                };
                P::new(t(sym).append(d), prec::UNARY)
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, left: &Expr, right: &Expr) -> P {
        if op == BinaryOp::ConcatIgnoreNull {
            let l = self.ex0(left);
            let r = self.ex0(right);
            return P::atom(call("concat_ws", vec![t("''"), l, r]));
        }
        let (sym, p) = binop(op);
        if op == BinaryOp::Concat {
            let l = self.concat_operand(left, p);
            let r = self.concat_operand(right, p + 1);
            return P::new(
                l.append(line())
                    .append(t(format!("{sym} ")))
                    .append(r)
                    .group(),
                p,
            );
        }
        if matches!(op, BinaryOp::And | BinaryOp::Or) {
            // Print a chain of the same logical operator as one group: one operand per
            // line when it does not fit.
            let mut operands = Vec::new();
            flatten_chain(op, left, &mut operands, 0);
            flatten_chain(op, right, &mut operands, 0);
            let docs: Vec<D> = operands.into_iter().map(|o| self.ex(o, p + 1)).collect();
            return P::new(join(docs, line().append(t(format!("{sym} ")))).group(), p);
        }
        let l = self.ex(left, p);
        // AND and OR are associative: keep a right-nested chain flat.
        let right_min = match (op, &right.kind) {
            (
                BinaryOp::And,
                ExprKind::Binary {
                    op: BinaryOp::And, ..
                },
            )
            | (
                BinaryOp::Or,
                ExprKind::Binary {
                    op: BinaryOp::Or, ..
                },
            ) => p,
            _ => p + 1,
        };
        let r = self.ex(right, right_min);
        P::new(
            l.append(line())
                .append(t(format!("{sym} ")))
                .append(r)
                .group(),
            p,
        )
    }

    fn case(&mut self, operand: Option<&Expr>, whens: &[WhenThen], else_: Option<&Expr>) -> P {
        let mut head = t("CASE");
        if let Some(o) = operand {
            head = head.append(t(" ")).append(self.ex0(o));
        }
        let mut arms = Vec::new();
        for w in whens {
            let c = self.ex0(&w.when);
            let r = self.ex0(&w.then);
            arms.push(t("WHEN ").append(c).append(t(" THEN ")).append(r).group());
        }
        if let Some(e) = else_ {
            arms.push(t("ELSE ").append(self.ex0(e)));
        }
        let mut body = D::nil();
        for a in arms {
            body = body.append(line()).append(a);
        }
        P::atom(
            head.append(body.nest(2))
                .append(line())
                .append(t("END"))
                .group(),
        )
    }

    /// A string → DATETIME / DATE conversion: SQL Server (us_english) also reads
    /// unseparated `yyyyMMdd[ HH:mm[:ss[.fff]]]` and `M/d/yyyy[ H:mm[:ss[.fff]]]`, which
    /// Spark's cast does not. Prints a coalesce over `try_to_timestamp` for those
    /// formats, then the plain cast as the last alternative (strict for CAST, so a
    /// string that matches nothing still raises).
    pub(crate) fn string_to_datetime(
        &mut self,
        inner: D,
        to: &DataType,
        mode: CastMode,
        at: &Expr,
    ) -> D {
        let ty = self.type_text(to, at);
        let mut alts: Vec<D> = DATETIME_FORMATS
            .iter()
            .map(|f| {
                let parsed = call("try_to_timestamp", vec![inner.clone(), t(format!("'{f}'"))]);
                t("CAST(")
                    .append(parsed)
                    .append(t(format!(" AS {ty})")))
                    .group()
            })
            .collect();
        alts.push(self.cast_doc(inner, to, mode, at));
        call("coalesce", alts)
    }

    /// `CAST(x AS T)` or `try_cast(x AS T)`.
    pub(crate) fn cast_doc(&mut self, inner: D, to: &DataType, mode: CastMode, at: &Expr) -> D {
        let ty = self.type_text(to, at);
        let name = match mode {
            CastMode::Strict => "CAST(",
            CastMode::Try => "try_cast(",
        };
        t(name)
            .append(inner)
            .append(t(format!(" AS {ty})")))
            .group()
    }

    /// A type's text for casts, reporting approximations.
    pub(crate) fn type_text(&mut self, ty: &DataType, at: &Expr) -> String {
        let (s, note) = data_type(ty);
        if note == TypeNote::Time {
            self.diag_hint(
                sqlxlate_diagnostics::codes::SX3801.code,
                at.span,
                "time of day cast to STRING",
                "keep values as 'HH:mm:ss' text so that they compare and sort correctly",
            );
        }
        s
    }

    fn like(
        &mut self,
        expr: &Expr,
        pattern: &Expr,
        escape: Option<&Expr>,
        kind: LikeKind,
        negated: bool,
    ) -> P {
        let mut x = self.ex(expr, prec::BIT_OR);
        let collated = self.collation != sqlxlate_ir::Collation::Binary;
        let ci = self.collation == sqlxlate_ir::Collation::CaseInsensitiveRtrim;
        if collated {
            // LIKE and RLIKE do not accept collated strings on Spark 4.1: compare the bytes,
            // case-insensitively (ILIKE, `(?i)`) when the source collation is; trailing
            // blanks of the value do not count under an RTRIM collation.
            let inner = self.ex0(expr);
            x = crate::doc::call("rtrim", vec![inner]).append(t(" COLLATE UTF8_BINARY"));
        }
        let pat = match (&pattern.kind, kind, escape) {
            // Spark's LIKE treats backslash as the default escape; T-SQL has none.
            (
                ExprKind::Literal {
                    value: Literal::String { value, .. },
                },
                LikeKind::Like,
                None,
            ) if value.contains('\\') => t(string_literal(&value.replace('\\', "\\\\"))),
            (
                ExprKind::Literal {
                    value: Literal::String { value, .. },
                },
                LikeKind::Regex,
                _,
            ) if self.collation == sqlxlate_ir::Collation::CaseInsensitiveRtrim
                && !value.starts_with("(?i)") =>
            {
                t(string_literal(&format!("(?i){value}")))
            }
            _ => self.ex(pattern, prec::BIT_OR),
        };
        let kw = match (kind, negated) {
            (LikeKind::Like, false) if ci => " ILIKE ",
            (LikeKind::Like, true) if ci => " NOT ILIKE ",
            (LikeKind::Like, false) => " LIKE ",
            (LikeKind::Like, true) => " NOT LIKE ",
            (LikeKind::Regex, false) => " RLIKE ",
            (LikeKind::Regex, true) => " NOT RLIKE ",
        };
        let mut d = x.append(t(kw)).append(pat);
        if let (Some(esc), LikeKind::Like) = (escape, kind) {
            d = d.append(t(" ESCAPE ")).append(self.ex(esc, prec::ATOM));
        }
        P::new(d, prec::PRED)
    }
}

/// Collects the operands of a chain of one associative logical operator.
fn flatten_chain<'e>(op: BinaryOp, e: &'e Expr, out: &mut Vec<&'e Expr>, depth: u32) {
    match &e.kind {
        ExprKind::Binary { op: o, left, right } if *o == op && depth < 64 => {
            flatten_chain(op, left, out, depth + 1);
            flatten_chain(op, right, out, depth + 1);
        }
        _ => out.push(e),
    }
}

/// Datetime string formats SQL Server reads under us_english that Spark's cast does not
/// (Spark pattern letters; `[...]` is optional).
const DATETIME_FORMATS: [&str; 2] = ["yyyyMMdd[ H:mm[:ss[.SSS]]]", "M/d/yyyy[ H:mm[:ss[.SSS]]]"];

/// True when Spark's cast reads the datetime string like SQL Server does (ISO
/// `yyyy-MM-dd[ HH:mm[:ss[.fff]]]`, `yyyy-MM-ddTHH:mm:ss`), so the plain cast suffices.
fn spark_reads_datetime(v: &str) -> bool {
    let b = v.trim().as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}
