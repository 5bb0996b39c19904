//! Expressions: boolean conditions (OR > AND > NOT > predicates) over value
//! expressions (`+ - & ^ |` > `* / %` > unary > primary), with T-SQL precedence.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{
    BinaryOp, CastMode, Collation, DataType, Expr, ExprKind, FrameBound, FrameUnits, Ident,
    LikeKind, Literal, OrderBy, UnaryOp, WhenThen, WindowFrame, WindowSpec,
};

use super::lexer::{Kw, T};
use super::parse::{PResult, Parser};

impl<'a> Parser<'a> {
    /// A boolean condition or a value (the grammar accepts both; the IR keeps them apart
    /// by node kind).
    pub fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.or_expr();
        self.leave();
        r
    }

    fn or_expr(&mut self) -> PResult<Expr> {
        let mut left = self.and_expr()?;
        while self.eat_kw(Kw::Or) {
            let right = self.and_expr()?;
            left = bin(BinaryOp::Or, left, right);
        }
        Ok(left)
    }

    fn and_expr(&mut self) -> PResult<Expr> {
        let mut left = self.not_expr()?;
        while self.eat_kw(Kw::And) {
            let right = self.not_expr()?;
            left = bin(BinaryOp::And, left, right);
        }
        Ok(left)
    }

    fn not_expr(&mut self) -> PResult<Expr> {
        if self.is_kw(Kw::Not) {
            let s = self.bump();
            self.enter()?;
            let e = self.not_expr();
            self.leave();
            let e = e?;
            let span = self.tok_span(s).cover(e.span);
            if let ExprKind::Exists { query, negated } = e.kind {
                return Ok(Expr::typed(
                    ExprKind::Exists {
                        query,
                        negated: !negated,
                    },
                    span,
                    DataType::Boolean,
                ));
            }
            return Ok(Expr::typed(
                ExprKind::Unary {
                    op: UnaryOp::Not,
                    expr: Box::new(e),
                },
                span,
                DataType::Boolean,
            ));
        }
        self.predicate()
    }

    fn predicate(&mut self) -> PResult<Expr> {
        let left = self.value()?;
        let op = match self.peek() {
            T::Eq => Some(BinaryOp::Eq),
            T::NotEq => Some(BinaryOp::NotEq),
            T::Lt => Some(BinaryOp::Lt),
            T::LtEq => Some(BinaryOp::LtEq),
            T::Gt => Some(BinaryOp::Gt),
            T::GtEq => Some(BinaryOp::GtEq),
            _ => None,
        };
        if let (Some(op), false) = (op, self.at_end()) {
            self.bump();
            if self.is_kw(Kw::All) || self.is_kw(Kw::Any) || self.is_word("SOME") {
                return Err(self.unsupported(
                    codes::SX2007.code,
                    "comparison with ALL / ANY / SOME is not supported yet".into(),
                    "rewrite with EXISTS or MIN/MAX",
                ));
            }
            let right = self.value()?;
            let e = bin(op, left, right);
            return Ok(Expr {
                ty: DataType::Boolean,
                ..e
            });
        }
        let negated = if self.is_kw(Kw::Not)
            && matches!(
                self.nth(1),
                T::Word(Kw::In) | T::Word(Kw::Like) | T::Word(Kw::Between)
            ) {
            self.bump();
            true
        } else {
            false
        };
        if self.eat_kw(Kw::Is) {
            let neg = self.eat_kw(Kw::Not);
            self.expect_kw(Kw::Null, "NULL")?;
            let span = left.span.cover(self.span_from(self.pos - 1));
            return Ok(Expr::typed(
                ExprKind::IsNull {
                    expr: Box::new(left),
                    negated: neg,
                },
                span,
                DataType::Boolean,
            ));
        }
        if self.eat_kw(Kw::In) {
            self.expect(T::LParen, "`(` after IN")?;
            if self.is_kw(Kw::Select) || self.is_kw(Kw::With) {
                let q = self.query()?;
                self.expect(T::RParen, "`)`")?;
                let span = left.span.cover(self.span_from(self.pos - 1));
                return Ok(Expr::typed(
                    ExprKind::InSubquery {
                        expr: Box::new(left),
                        query: Box::new(q),
                        negated,
                    },
                    span,
                    DataType::Boolean,
                ));
            }
            let list = self.expr_list()?;
            self.expect(T::RParen, "`)`")?;
            let span = left.span.cover(self.span_from(self.pos - 1));
            return Ok(Expr::typed(
                ExprKind::InList {
                    expr: Box::new(left),
                    list,
                    negated,
                },
                span,
                DataType::Boolean,
            ));
        }
        if self.eat_kw(Kw::Between) {
            let low = self.value()?;
            self.expect_kw(Kw::And, "AND in BETWEEN")?;
            let high = self.value()?;
            let span = left.span.cover(high.span);
            return Ok(Expr::typed(
                ExprKind::Between {
                    expr: Box::new(left),
                    low: Box::new(low),
                    high: Box::new(high),
                    negated,
                },
                span,
                DataType::Boolean,
            ));
        }
        if self.eat_kw(Kw::Like) {
            let pattern = self.value()?;
            let escape = if self.eat_kw(Kw::Escape) {
                Some(self.value()?)
            } else {
                None
            };
            let end = escape.as_ref().map(|e| e.span).unwrap_or(pattern.span);
            let span = left.span.cover(end);
            let esc_char = escape.as_ref().and_then(|e| match &e.kind {
                ExprKind::Literal {
                    value: Literal::String { value, .. },
                } => value.chars().next(),
                _ => None,
            });
            let (pattern, kind) = translate_like(pattern, esc_char);
            let escape = if kind == LikeKind::Regex {
                None
            } else {
                escape.map(Box::new)
            };
            return Ok(Expr::typed(
                ExprKind::Like {
                    expr: Box::new(left),
                    pattern: Box::new(pattern),
                    escape,
                    kind,
                    negated,
                },
                span,
                DataType::Boolean,
            ));
        }
        if negated {
            return Err(self.err("IN, LIKE or BETWEEN after NOT"));
        }
        Ok(left)
    }

    /// A comma-separated list of expressions.
    pub fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.eat(T::Comma) {
            v.push(self.expr()?);
        }
        Ok(v)
    }

    /// A value expression (binary arithmetic and bitwise operators).
    pub fn value(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.additive();
        self.leave();
        r
    }

    fn additive(&mut self) -> PResult<Expr> {
        let mut left = self.multiplicative()?;
        loop {
            let op = match self.peek() {
                T::Plus => BinaryOp::Add,
                T::Minus => BinaryOp::Sub,
                T::Amp => BinaryOp::BitAnd,
                T::Caret => BinaryOp::BitXor,
                T::Pipe => BinaryOp::BitOr,
                _ => break,
            };
            if self.at_end() {
                break;
            }
            self.bump();
            let right = self.multiplicative()?;
            left = bin(op, left, right);
        }
        Ok(left)
    }

    fn multiplicative(&mut self) -> PResult<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                T::Star => BinaryOp::Mul,
                T::Slash => BinaryOp::Div,
                T::Percent => BinaryOp::Mod,
                _ => break,
            };
            if self.at_end() {
                break;
            }
            self.bump();
            let right = self.unary()?;
            left = bin(op, left, right);
        }
        Ok(left)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            T::Minus => Some(UnaryOp::Neg),
            T::Plus => Some(UnaryOp::Plus),
            T::Tilde => Some(UnaryOp::BitNot),
            _ => None,
        };
        if let (Some(op), false) = (op, self.at_end()) {
            let s = self.bump();
            self.enter()?;
            let e = self.unary();
            self.leave();
            let e = e?;
            let span = self.tok_span(s).cover(e.span);
            // Fold `-5` into a literal so that it keeps its literal type.
            if op == UnaryOp::Neg {
                if let ExprKind::Literal { value } = &e.kind {
                    let folded = match value {
                        Literal::Integer(v) => Some(Literal::Integer(format!("-{v}"))),
                        Literal::Decimal(v) => Some(Literal::Decimal(format!("-{v}"))),
                        Literal::Float(v) => Some(Literal::Float(format!("-{v}"))),
                        _ => None,
                    };
                    if let Some(l) = folded {
                        let ty = e.ty.clone();
                        return Ok(Expr::typed(ExprKind::Literal { value: l }, span, ty));
                    }
                }
            }
            let ty = e.ty.clone();
            return Ok(Expr::typed(
                ExprKind::Unary {
                    op,
                    expr: Box::new(e),
                },
                span,
                if op == UnaryOp::Not {
                    DataType::Boolean
                } else {
                    ty
                },
            ));
        }
        let e = self.primary()?;
        self.postfix(e)
    }

    fn postfix(&mut self, mut e: Expr) -> PResult<Expr> {
        while self.is_kw(Kw::Collate) {
            self.bump();
            let name = self.ident_any("a collation name")?;
            let upper = name.value.to_ascii_uppercase();
            let collation = if upper.contains("_BIN") {
                Collation::Binary
            } else if upper.contains("_CS") {
                Collation::BinaryRtrim
            } else {
                Collation::CaseInsensitiveRtrim
            };
            let span = e.span.cover(name.span);
            let ty = e.ty.clone();
            e = Expr::typed(
                ExprKind::Collate {
                    expr: Box::new(e),
                    collation,
                    source_name: name.value,
                },
                span,
                ty,
            );
        }
        Ok(e)
    }

    fn primary(&mut self) -> PResult<Expr> {
        if self.at_end() {
            return Err(self.err("an expression"));
        }
        let i = self.pos;
        let span = self.tok_span(i);
        match self.peek() {
            T::Int | T::Dec | T::Float | T::Money | T::Binary | T::Str(true) | T::NStr(true) => {
                self.bump();
                Ok(self.literal_at(i))
            }
            T::Var => {
                self.bump();
                Ok(Expr::new(
                    ExprKind::Variable {
                        name: self.text(i)[1..].to_string(),
                    },
                    span,
                ))
            }
            T::GlobalVar => {
                self.bump();
                let text = self.text(i).to_string();
                self.diags.push(
                    Diagnostic::new(
                        codes::SX2007.code,
                        span,
                        format!("`{text}` has no Databricks equivalent"),
                    )
                    .with_hint("restructure the logic (for example re-select the affected rows)"),
                );
                Ok(Expr::new(
                    ExprKind::Unconverted {
                        text,
                        code: codes::SX2007.code.to_string(),
                    },
                    span,
                ))
            }
            T::LParen => {
                self.bump();
                self.enter()?;
                let r = self.paren_rest(i);
                self.leave();
                r
            }
            T::Word(Kw::Null) => {
                self.bump();
                Ok(Expr::new(
                    ExprKind::Literal {
                        value: Literal::Null,
                    },
                    span,
                ))
            }
            T::Word(Kw::Case) => self.case_expr(),
            T::Word(Kw::Exists) => {
                self.bump();
                self.expect(T::LParen, "`(` after EXISTS")?;
                let q = self.query()?;
                self.expect(T::RParen, "`)`")?;
                Ok(Expr::typed(
                    ExprKind::Exists {
                        query: Box::new(q),
                        negated: false,
                    },
                    self.span_from(i),
                    DataType::Boolean,
                ))
            }
            T::Word(Kw::Cast) | T::Word(Kw::TryCast) if self.nth(1) == T::LParen => {
                let try_ = self.is_kw(Kw::TryCast);
                self.bump();
                self.bump();
                let e = self.expr()?;
                self.expect_kw(Kw::As, "AS in CAST")?;
                let (to, _) = self.data_type(true)?;
                self.expect(T::RParen, "`)`")?;
                Ok(cast(e, to, try_, self.span_from(i)))
            }
            T::Word(Kw::Convert) | T::Word(Kw::TryConvert) if self.nth(1) == T::LParen => {
                let try_ = self.is_kw(Kw::TryConvert);
                self.bump();
                self.bump();
                let (to, _) = self.data_type(true)?;
                self.expect(T::Comma, "`,` in CONVERT")?;
                let e = self.expr()?;
                let style = if self.eat(T::Comma) {
                    Some(self.value()?)
                } else {
                    None
                };
                self.expect(T::RParen, "`)`")?;
                let span = self.span_from(i);
                match style {
                    None => Ok(cast(e, to, try_, span)),
                    Some(s) => {
                        let code = match &s.kind {
                            ExprKind::Literal {
                                value: Literal::Integer(v),
                            } => v.parse::<i32>().ok(),
                            _ => None,
                        };
                        match code {
                            Some(style) => Ok(Expr::typed(
                                ExprKind::Func {
                                    func: sqlxlate_ir::Func::ConvertStyle { style, try_ },
                                    args: vec![s, e],
                                },
                                span,
                                to,
                            )),
                            None => Err(self.unsupported(
                                codes::SX2007.code,
                                "CONVERT with a non-literal style is not supported".into(),
                                "use a literal style number",
                            )),
                        }
                    }
                }
            }
            T::Word(Kw::CurrentTimestamp) => {
                self.bump();
                Ok(Expr::typed(
                    ExprKind::Func {
                        func: sqlxlate_ir::Func::CurrentTimestamp,
                        args: vec![],
                    },
                    span,
                    DataType::TimestampNtz,
                ))
            }
            T::Word(Kw::None)
                if self.nth(1) == T::LParen
                    && (self.is_word("PARSE") || self.is_word("TRY_PARSE")) =>
            {
                // PARSE(x AS type [USING culture]) is a cast; the culture is ignored.
                let try_ = self.is_word("TRY_PARSE");
                self.bump();
                self.bump();
                let e = self.expr()?;
                self.expect_kw(Kw::As, "AS in PARSE")?;
                let (to, _) = self.data_type(true)?;
                if self.eat_kw(Kw::Using) {
                    self.value()?;
                }
                self.expect(T::RParen, "`)`")?;
                Ok(cast(e, to, try_, self.span_from(i)))
            }
            T::Word(Kw::None)
                if self.nth(1) != T::LParen
                    && self.nth(1) != T::Dot
                    && [
                        "CURRENT_USER",
                        "SESSION_USER",
                        "SYSTEM_USER",
                        "CURRENT_DATE",
                    ]
                    .iter()
                    .any(|w| self.is_word(w)) =>
            {
                // Niladic functions written without parentheses.
                let name = self.ident("a name")?;
                if name.value.eq_ignore_ascii_case("CURRENT_DATE") {
                    return Ok(Expr::typed(
                        ExprKind::Func {
                            func: sqlxlate_ir::Func::CurrentDate,
                            args: vec![],
                        },
                        span,
                        DataType::Date,
                    ));
                }
                self.diags.push(
                    Diagnostic::new(
                        codes::SX3001.code,
                        span,
                        format!("unknown function `{}` passed through", name.value),
                    )
                    .with_hint("check that it exists on Databricks (current_user())"),
                );
                Ok(Expr::new(
                    ExprKind::Call {
                        name: sqlxlate_ir::ObjectName { parts: vec![name] },
                        args: vec![],
                    },
                    span,
                ))
            }
            T::Word(Kw::Left) | T::Word(Kw::Right) if self.nth(1) == T::LParen => {
                let name = self.ident_any("a function name")?;
                self.call(vec![name], i)
            }
            T::Word(_) | T::Bracketed(true) | T::DQuoted(true) | T::TempName
                if self.at_name() || self.peek() == T::TempName =>
            {
                self.name_or_call()
            }
            _ => Err(self.err("an expression")),
        }
    }

    /// A function call; the cursor is at `(` after the name `parts`.
    pub fn call(&mut self, parts: Vec<Ident>, start: usize) -> PResult<Expr> {
        use super::functions::{agg_func, call_takes_unit, date_unit, lower_call, CallParts};
        self.expect(T::LParen, "`(`")?;
        let mut unit = None;
        if call_takes_unit(&parts) {
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
        let upper = if parts.len() == 1 {
            parts[0].value.to_ascii_uppercase()
        } else {
            String::new()
        };
        let agg = agg_func(&upper).filter(|_| parts.len() == 1);
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
        let mut within_group = None;
        if self.is_kw(Kw::Within) && self.nth_is_kw(1, Kw::Group) {
            self.bump();
            self.bump();
            self.expect(T::LParen, "`(`")?;
            within_group = Some(self.order_by()?);
            self.expect(T::RParen, "`)`")?;
        }
        let over = self.over_clause()?;
        let span = self.span_from(start);
        let parts = CallParts {
            parts,
            unit,
            args,
            distinct,
            within_group,
            over,
            span,
        };
        lower_call(self.src, &mut self.diags, parts).map_err(|g| self.perr(g))
    }

    fn paren_rest(&mut self, start: usize) -> PResult<Expr> {
        if self.is_kw(Kw::Select) || self.is_kw(Kw::With) {
            let q = self.query()?;
            self.expect(T::RParen, "`)`")?;
            return Ok(Expr::new(
                ExprKind::Subquery { query: Box::new(q) },
                self.span_from(start),
            ));
        }
        let inner = self.expr()?;
        self.expect(T::RParen, "`)`")?;
        let ty = inner.ty.clone();
        Ok(Expr::typed(
            ExprKind::Nested {
                expr: Box::new(inner),
            },
            self.span_from(start),
            ty,
        ))
    }

    fn name_or_call(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut parts: Vec<Ident> = Vec::new();
        if self.peek() == T::TempName {
            let i = self.bump();
            parts.push(self.ident_at(i));
        } else {
            parts.push(self.ident("a name")?);
        }
        loop {
            if self.peek() == T::Dot && !self.at_end() {
                self.bump();
                if self.peek() == T::Star && !self.at_end() {
                    self.bump();
                    return Ok(Expr::new(
                        ExprKind::Star { qualifier: parts },
                        self.span_from(start),
                    ));
                }
                if self.peek() == T::Dot {
                    let s = self.tok(self.pos).start as usize;
                    parts.push(Ident::new("", Span::new(s, s)));
                    continue;
                }
                parts.push(self.ident_any("a name after `.`")?);
            } else {
                break;
            }
        }
        if self.peek() == T::LParen && !self.at_end() {
            return self.call(parts, start);
        }
        let name = parts
            .pop()
            .unwrap_or_else(|| Ident::new("", Span::default()));
        Ok(Expr::new(
            ExprKind::Column {
                qualifier: parts,
                name,
            },
            self.span_from(start),
        ))
    }

    fn case_expr(&mut self) -> PResult<Expr> {
        let start = self.bump();
        let operand = if self.is_kw(Kw::When) {
            None
        } else {
            Some(Box::new(self.value()?))
        };
        let mut whens = Vec::new();
        while self.eat_kw(Kw::When) {
            let when = self.expr()?;
            self.expect_kw(Kw::Then, "THEN")?;
            let then = self.expr()?;
            whens.push(WhenThen { when, then });
        }
        if whens.is_empty() {
            return Err(self.err("WHEN"));
        }
        let else_ = if self.eat_kw(Kw::Else) {
            Some(Box::new(self.expr()?))
        } else {
            None
        };
        self.expect_kw(Kw::End, "END of CASE")?;
        Ok(Expr::new(
            ExprKind::Case {
                operand,
                whens,
                else_,
            },
            self.span_from(start),
        ))
    }

    /// A literal from the token at `i`, typed as SQL Server types it.
    pub fn literal_at(&self, i: usize) -> Expr {
        literal_of(self.tok(i).t, self.text(i), self.tok_span(i))
    }

    /// `OVER ( [PARTITION BY …] [ORDER BY …] [ROWS|RANGE …] )`.
    pub fn over_clause(&mut self) -> PResult<Option<WindowSpec>> {
        if !self.eat_kw(Kw::Over) {
            return Ok(None);
        }
        self.expect(T::LParen, "`(` after OVER")?;
        let mut spec = WindowSpec::default();
        if self.eat_kw(Kw::Partition) {
            self.expect_kw(Kw::By, "BY")?;
            spec.partition_by = self.expr_list()?;
        }
        if self.is_kw(Kw::Order) {
            spec.order_by = self.order_by()?;
        }
        if self.is_kw(Kw::Rows) || self.is_kw(Kw::Range) {
            let units = if self.eat_kw(Kw::Rows) {
                FrameUnits::Rows
            } else {
                self.bump();
                FrameUnits::Range
            };
            let (start, end) = if self.eat_kw(Kw::Between) {
                let a = self.frame_bound()?;
                self.expect_kw(Kw::And, "AND")?;
                let b = self.frame_bound()?;
                (a, Some(b))
            } else {
                (self.frame_bound()?, None)
            };
            spec.frame = Some(WindowFrame { units, start, end });
        }
        self.expect(T::RParen, "`)` after the window")?;
        Ok(Some(spec))
    }

    fn frame_bound(&mut self) -> PResult<FrameBound> {
        if self.eat_kw(Kw::Unbounded) {
            if self.eat_kw(Kw::Preceding) {
                return Ok(FrameBound::UnboundedPreceding);
            }
            self.expect_kw(Kw::Following, "PRECEDING or FOLLOWING")?;
            return Ok(FrameBound::UnboundedFollowing);
        }
        if self.eat_kw(Kw::Current) {
            self.expect_kw(Kw::Row, "ROW")?;
            return Ok(FrameBound::CurrentRow);
        }
        if self.peek() == T::Int && !self.at_end() {
            let i = self.bump();
            let n: u64 = self.text(i).parse().unwrap_or(u64::MAX);
            if self.eat_kw(Kw::Preceding) {
                return Ok(FrameBound::Preceding(n));
            }
            self.expect_kw(Kw::Following, "PRECEDING or FOLLOWING")?;
            return Ok(FrameBound::Following(n));
        }
        Err(self.err("a frame bound"))
    }

    /// `ORDER BY a [ASC|DESC], …` (the cursor is at ORDER).
    pub fn order_by(&mut self) -> PResult<Vec<OrderBy>> {
        self.expect_kw(Kw::Order, "ORDER")?;
        self.expect_kw(Kw::By, "BY")?;
        let mut v = Vec::new();
        loop {
            let expr = self.expr()?;
            let desc = if self.eat_kw(Kw::Desc) {
                true
            } else {
                self.eat_kw(Kw::Asc);
                false
            };
            v.push(OrderBy {
                expr,
                desc,
                nulls_first: None,
            });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(v)
    }
}

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
                        if matches!(body.first(), Some('^') | Some('!')) {
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
