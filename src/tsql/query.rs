//! Queries: WITH, set operations, SELECT blocks, FROM/joins/APPLY, PIVOT/UNPIVOT,
//! GROUP BY forms, ORDER BY, TOP and OFFSET/FETCH.

use sqlxlate_diagnostics::{codes, Span};
use sqlxlate_ir::{
    Cte, Expr, ExprKind, GroupBy, Ident, JoinKind, Limit, Query, Relation, Select, SelectItem,
    SetExpr, SetOp, TableName,
};

use super::lexer::{Kw, T};
use super::parse::{PResult, Parser};

/// What a SELECT block carried besides the IR `Select`.
#[derive(Default)]
pub struct SelectExtras {
    /// `SELECT … INTO t`.
    pub into: Option<TableName>,
    /// `@var = expr` items: variable names in item order.
    pub assigns: Vec<String>,
}

impl<'a> Parser<'a> {
    /// A full query: `[WITH …] body [ORDER BY …] [OFFSET … FETCH …]`.
    pub fn query(&mut self) -> PResult<Query> {
        let mut extras = SelectExtras::default();
        self.query_ex(&mut extras)
    }

    /// Like [`Parser::query`], also returning INTO and variable assignments of the
    /// first SELECT block.
    pub fn query_ex(&mut self, extras: &mut SelectExtras) -> PResult<Query> {
        self.enter()?;
        let r = self.query_inner(extras);
        self.leave();
        r
    }

    fn query_inner(&mut self, extras: &mut SelectExtras) -> PResult<Query> {
        let start = self.pos;
        let with = if self.is_kw(Kw::With) {
            self.ctes()?
        } else {
            Vec::new()
        };
        let recursive = with
            .iter()
            .any(|c| cte_refers_to_itself(&c.name.value, &c.query));
        let (body, top) = self.set_expr(extras)?;
        let mut order_by = Vec::new();
        if self.is_kw(Kw::Order) {
            order_by = self.order_by()?;
        }
        if let Some(t) = &top {
            if order_by.is_empty() && !t.percent {
                let span = self.span_from(start);
                self.diags.push(
                    sqlxlate_diagnostics::Diagnostic::new(
                        codes::SX3003.code,
                        span,
                        "TOP without ORDER BY picks arbitrary rows",
                    )
                    .with_hint("add an ORDER BY that makes the choice deterministic"),
                );
            }
        }
        let mut limit = top;
        if self.is_kw(Kw::Offset) {
            self.bump();
            let offset = self.value()?;
            if !self.eat_kw(Kw::Rows) {
                self.eat_kw(Kw::Row);
            }
            let mut count = None;
            if self.eat_kw(Kw::Fetch) {
                if !self.eat_kw(Kw::Next) {
                    self.expect_kw(Kw::First, "NEXT or FIRST")?;
                }
                count = Some(self.value()?);
                if !self.eat_kw(Kw::Rows) {
                    self.expect_kw(Kw::Row, "ROWS")?;
                }
                self.expect_kw(Kw::Only, "ONLY")?;
            }
            limit = Some(Limit {
                count,
                offset: Some(offset),
                percent: false,
                with_ties: false,
            });
        }
        if self.is_kw(Kw::For) && (self.nth_is_word(1, "XML") || self.nth_is_word(1, "JSON")) {
            return Err(self.unsupported(
                codes::SX2007.code,
                "FOR XML / FOR JSON is not supported (XML and JSON features are out of scope)"
                    .into(),
                "build the document with to_json / string functions by hand",
            ));
        }
        if self.is_kw(Kw::Option) && self.nth(1) == T::LParen {
            let s = self.bump();
            self.skip_parens()?;
            let span = self.span_from(s);
            self.info(codes::SX4004.code, span, "query hint dropped");
        }
        Ok(Query {
            with,
            recursive,
            body,
            order_by,
            limit,
            span: self.span_from(start),
        })
    }

    /// `WITH name [(cols)] AS (query), …` (the cursor is at WITH).
    pub fn ctes(&mut self) -> PResult<Vec<Cte>> {
        self.expect_kw(Kw::With, "WITH")?;
        let mut with = Vec::new();
        loop {
            let name = self.ident("a CTE name")?;
            let columns = if self.peek() == T::LParen {
                self.paren_ident_list()?
            } else {
                Vec::new()
            };
            self.expect_kw(Kw::As, "AS after the CTE name")?;
            self.expect(T::LParen, "`(`")?;
            let q = self.query()?;
            self.expect(T::RParen, "`)` closing the CTE")?;
            with.push(Cte {
                name,
                columns,
                query: q,
            });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(with)
    }

    /// UNION / EXCEPT (lowest), INTERSECT (binds tighter). Returns the TOP of a lone
    /// SELECT so that the caller can put it on the query.
    fn set_expr(&mut self, extras: &mut SelectExtras) -> PResult<(SetExpr, Option<Limit>)> {
        let (mut left, mut top) = self.intersect_expr(extras)?;
        loop {
            let op = if self.is_kw(Kw::Union) {
                SetOp::Union
            } else if self.is_kw(Kw::Except) {
                SetOp::Except
            } else {
                break;
            };
            self.bump();
            let all = self.eat_kw(Kw::All);
            left = wrap_top(left, top.take());
            let mut ignore = SelectExtras::default();
            let (right, rtop) = self.intersect_expr(&mut ignore)?;
            left = SetExpr::SetOp {
                op,
                all,
                left: Box::new(left),
                right: Box::new(wrap_top(right, rtop)),
            };
        }
        Ok((left, top))
    }

    fn intersect_expr(&mut self, extras: &mut SelectExtras) -> PResult<(SetExpr, Option<Limit>)> {
        let (mut left, mut top) = self.set_term(extras)?;
        while self.is_kw(Kw::Intersect) {
            self.bump();
            let all = self.eat_kw(Kw::All);
            left = wrap_top(left, top.take());
            let mut ignore = SelectExtras::default();
            let (right, rtop) = self.set_term(&mut ignore)?;
            left = SetExpr::SetOp {
                op: SetOp::Intersect,
                all,
                left: Box::new(left),
                right: Box::new(wrap_top(right, rtop)),
            };
        }
        Ok((left, top))
    }

    fn set_term(&mut self, extras: &mut SelectExtras) -> PResult<(SetExpr, Option<Limit>)> {
        if self.peek() == T::LParen && !self.at_end() {
            self.bump();
            self.enter()?;
            self.enter()?;
            let q = self.query()?;
            self.leave();
            self.leave();
            self.expect(T::RParen, "`)`")?;
            return Ok((SetExpr::Query(Box::new(q)), None));
        }
        if self.is_kw(Kw::Values) {
            return Ok((self.values_rows()?, None));
        }
        let (sel, top) = self.select_block(extras)?;
        Ok((SetExpr::Select(Box::new(sel)), top))
    }

    /// `VALUES (…), (…)`.
    pub fn values_rows(&mut self) -> PResult<SetExpr> {
        self.expect_kw(Kw::Values, "VALUES")?;
        let mut rows = Vec::new();
        loop {
            self.expect(T::LParen, "`(` starting a row")?;
            let row = self.expr_list()?;
            self.expect(T::RParen, "`)` ending a row")?;
            rows.push(row);
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(SetExpr::Values(rows))
    }

    fn select_block(&mut self, extras: &mut SelectExtras) -> PResult<(Select, Option<Limit>)> {
        let start = self.expect_kw(Kw::Select, "SELECT")?;
        let mut distinct = false;
        if self.eat_kw(Kw::Distinct) {
            distinct = true;
        } else {
            self.eat_kw(Kw::All);
        }
        let top = if self.is_kw(Kw::Top) {
            Some(self.top()?)
        } else {
            None
        };
        let mut items = Vec::new();
        loop {
            items.push(self.select_item(extras)?);
            if !self.eat(T::Comma) {
                break;
            }
        }
        if self.eat_kw(Kw::Into) {
            extras.into = Some(self.table_name()?);
        }
        let mut from = Vec::new();
        if self.eat_kw(Kw::From) {
            from = self.relation_list()?;
        }
        let selection = if self.eat_kw(Kw::Where) {
            Some(self.expr()?)
        } else {
            None
        };
        let group_by = if self.is_kw(Kw::Group) && self.nth_is_kw(1, Kw::By) {
            self.bump();
            self.bump();
            Some(self.group_by()?)
        } else {
            None
        };
        let having = if self.eat_kw(Kw::Having) {
            Some(self.expr()?)
        } else {
            None
        };
        Ok((
            Select {
                distinct,
                items,
                from,
                selection,
                group_by,
                having,
                qualify: None,
                span: self.span_from(start),
            },
            top,
        ))
    }

    /// `TOP n | TOP (expr) [PERCENT] [WITH TIES]`.
    pub fn top(&mut self) -> PResult<Limit> {
        self.expect_kw(Kw::Top, "TOP")?;
        let count = if self.peek() == T::LParen {
            self.bump();
            let e = self.expr()?;
            self.expect(T::RParen, "`)`")?;
            e
        } else {
            let i = self.pos;
            match self.peek() {
                T::Int | T::Dec | T::Float => {
                    self.bump();
                    self.literal_at(i)
                }
                T::Var => self.value()?,
                _ => return Err(self.err("a row count after TOP")),
            }
        };
        let percent = self.eat_kw(Kw::Percent);
        let with_ties = if self.is_kw(Kw::With) && self.nth_is_kw(1, Kw::Ties) {
            self.bump();
            self.bump();
            true
        } else {
            false
        };
        Ok(Limit {
            count: Some(count),
            offset: None,
            percent,
            with_ties,
        })
    }

    fn select_item(&mut self, extras: &mut SelectExtras) -> PResult<SelectItem> {
        // `@v = expr` assigns a variable.
        if self.peek() == T::Var && matches!(self.nth(1), T::Eq | T::OpAssign) {
            let i = self.bump();
            let name = self.text(i)[1..].to_string();
            let op = self.bump();
            let mut expr = self.expr()?;
            if self.tok(op).t == T::OpAssign {
                expr = compound(self.text(op), var_expr(&name, self.tok_span(i)), expr);
            }
            extras.assigns.push(name);
            return Ok(SelectItem { expr, alias: None });
        }
        // `alias = expr`.
        let alias_first = match self.peek() {
            T::Word(k) => !k.is_reserved(),
            T::Bracketed(true) | T::DQuoted(true) | T::Str(true) => true,
            _ => false,
        };
        if alias_first && self.nth(1) == T::Eq && !self.at_end() {
            let i = self.bump();
            let alias = self.alias_ident_at(i);
            self.bump();
            let expr = self.expr()?;
            return Ok(SelectItem {
                expr,
                alias: Some(alias),
            });
        }
        if self.peek() == T::Star && !self.at_end() {
            let i = self.bump();
            return Ok(SelectItem {
                expr: Expr::new(ExprKind::Star { qualifier: vec![] }, self.tok_span(i)),
                alias: None,
            });
        }
        let expr = self.expr()?;
        let alias = if matches!(self.peek(), T::Str(true)) && !self.at_end() {
            let i = self.bump();
            Some(self.alias_ident_at(i))
        } else {
            self.opt_alias(&[])?
        };
        Ok(SelectItem { expr, alias })
    }

    fn alias_ident_at(&self, i: usize) -> Ident {
        if let T::Str(_) = self.tok(i).t {
            let raw = self.text(i);
            let v = raw
                .get(1..raw.len().saturating_sub(1))
                .unwrap_or("")
                .replace("''", "'");
            Ident {
                value: v,
                quoted: true,
                span: self.tok_span(i),
            }
        } else {
            self.ident_at(i)
        }
    }

    /// `[AS] alias` (also `'alias'` after AS or in select lists).
    pub fn opt_alias(&mut self, not: &[Kw]) -> PResult<Option<Ident>> {
        if self.eat_kw(Kw::As) {
            if matches!(self.peek(), T::Str(true)) && !self.at_end() {
                let i = self.bump();
                return Ok(Some(self.alias_ident_at(i)));
            }
            return Ok(Some(self.ident_any("an alias after AS")?));
        }
        if self.at_alias(not) {
            let i = self.bump();
            return Ok(Some(self.ident_at(i)));
        }
        Ok(None)
    }

    /// FROM list: comma-separated join trees.
    pub fn relation_list(&mut self) -> PResult<Vec<Relation>> {
        let mut v = vec![self.join_tree()?];
        while self.eat(T::Comma) {
            v.push(self.join_tree()?);
        }
        Ok(v)
    }

    fn join_tree(&mut self) -> PResult<Relation> {
        self.enter()?;
        let r = self.join_tree_inner();
        self.leave();
        r
    }

    fn join_tree_inner(&mut self) -> PResult<Relation> {
        let mut left = self.table_factor()?;
        loop {
            let kind = if self.is_kw(Kw::Join) {
                self.bump();
                JoinKind::Inner
            } else if self.is_kw(Kw::Inner) {
                self.bump();
                self.join_hint();
                self.expect_kw(Kw::Join, "JOIN")?;
                JoinKind::Inner
            } else if self.is_kw(Kw::Left) || self.is_kw(Kw::Right) || self.is_kw(Kw::Full) {
                let k = match self.peek() {
                    T::Word(Kw::Left) => JoinKind::Left,
                    T::Word(Kw::Right) => JoinKind::Right,
                    _ => JoinKind::Full,
                };
                self.bump();
                self.eat_kw(Kw::Outer);
                self.join_hint();
                self.expect_kw(Kw::Join, "JOIN")?;
                k
            } else if self.is_kw(Kw::Cross) {
                self.bump();
                if self.eat_kw(Kw::Apply) {
                    JoinKind::CrossApply
                } else {
                    self.expect_kw(Kw::Join, "JOIN or APPLY")?;
                    JoinKind::Cross
                }
            } else if self.is_kw(Kw::Outer) && self.nth_is_kw(1, Kw::Apply) {
                self.bump();
                self.bump();
                JoinKind::OuterApply
            } else {
                break;
            };
            let right = self.table_factor()?;
            let on = if matches!(
                kind,
                JoinKind::Cross | JoinKind::CrossApply | JoinKind::OuterApply
            ) {
                None
            } else {
                self.expect_kw(Kw::On, "ON")?;
                Some(self.expr()?)
            };
            let span = left.span().cover(right.span());
            let span = match &on {
                Some(e) => span.cover(e.span),
                None => span,
            };
            left = Relation::Join {
                kind,
                left: Box::new(left),
                right: Box::new(right),
                on,
                span,
            };
        }
        Ok(left)
    }

    fn join_hint(&mut self) {
        if self.is_word("HASH")
            || self.is_word("LOOP")
            || (self.is_kw(Kw::Merge) && self.nth_is_kw(1, Kw::Join))
        {
            let i = self.bump();
            let span = self.tok_span(i);
            self.info(codes::SX4004.code, span, "join hint dropped");
        }
    }

    fn table_factor(&mut self) -> PResult<Relation> {
        self.enter()?;
        let r = self.table_factor_inner();
        self.leave();
        r
    }

    fn table_factor_inner(&mut self) -> PResult<Relation> {
        let start = self.pos;
        let mut rel = if self.peek() == T::LParen && !self.at_end() {
            self.bump();
            if self.is_kw(Kw::Select) || self.is_kw(Kw::With) || self.peek() == T::LParen {
                let q = self.query()?;
                self.expect(T::RParen, "`)` closing the derived table")?;
                let alias = self.opt_alias(&[])?;
                let columns = if alias.is_some() && self.peek() == T::LParen {
                    self.paren_ident_list()?
                } else {
                    Vec::new()
                };
                Relation::Derived {
                    query: Box::new(q),
                    alias,
                    columns,
                    span: self.span_from(start),
                }
            } else if self.is_kw(Kw::Values) {
                let body = self.values_rows()?;
                self.expect(T::RParen, "`)`")?;
                let span = self.span_from(start);
                let alias = self.opt_alias(&[])?;
                let columns = if self.peek() == T::LParen {
                    self.paren_ident_list()?
                } else {
                    Vec::new()
                };
                Relation::Derived {
                    query: Box::new(Query {
                        with: vec![],
                        recursive: false,
                        body,
                        order_by: vec![],
                        limit: None,
                        span,
                    }),
                    alias,
                    columns,
                    span: self.span_from(start),
                }
            } else {
                let r = self.join_tree()?;
                self.expect(T::RParen, "`)`")?;
                r
            }
        } else {
            let name = self.table_name()?;
            if self.peek() == T::LParen && !self.at_end() && !self.at_old_style_hint() {
                // A table-valued function.
                let parts = name.source.parts;
                let call = self.call(parts, start)?;
                let call = match call.kind {
                    ExprKind::Func { .. } | ExprKind::Call { .. } => call,
                    _ => {
                        return Err(self.unsupported(
                            codes::SX2007.code,
                            "this function cannot be used as a table".into(),
                            "use a table-valued function",
                        ))
                    }
                };
                let alias = self.opt_alias(&[])?;
                let columns = if alias.is_some() && self.peek() == T::LParen {
                    self.paren_ident_list()?
                } else {
                    Vec::new()
                };
                Relation::Function {
                    call,
                    alias,
                    columns,
                    span: self.span_from(start),
                }
            } else {
                let alias = self.opt_alias(&[])?;
                self.table_hints()?;
                Relation::Table {
                    name,
                    alias,
                    span: self.span_from(start),
                }
            }
        };
        loop {
            if self.is_kw(Kw::Pivot) {
                rel = self.pivot(rel, start)?;
            } else if self.is_kw(Kw::Unpivot) {
                rel = self.unpivot(rel, start)?;
            } else {
                break;
            }
        }
        Ok(rel)
    }

    fn at_old_style_hint(&self) -> bool {
        self.peek() == T::LParen
            && [
                "NOLOCK",
                "READUNCOMMITTED",
                "UPDLOCK",
                "HOLDLOCK",
                "ROWLOCK",
                "TABLOCK",
                "TABLOCKX",
                "READPAST",
                "XLOCK",
                "PAGLOCK",
                "NOWAIT",
            ]
            .iter()
            .any(|w| self.nth_is_word(1, w))
    }

    /// `WITH (NOLOCK, …)` or `(NOLOCK)` after a table: dropped with an INFO diagnostic.
    pub fn table_hints(&mut self) -> PResult<()> {
        let s = self.pos;
        if self.is_kw(Kw::With) && self.nth(1) == T::LParen {
            self.bump();
            self.skip_parens()?;
        } else if self.at_old_style_hint() {
            self.skip_parens()?;
        } else {
            return Ok(());
        }
        let span = self.span_from(s);
        self.info(codes::SX4004.code, span, "table hint dropped");
        Ok(())
    }

    fn pivot(&mut self, input: Relation, start: usize) -> PResult<Relation> {
        self.expect_kw(Kw::Pivot, "PIVOT")?;
        self.expect(T::LParen, "`(`")?;
        let agg = self.value()?;
        self.expect_kw(Kw::For, "FOR")?;
        let column = self.ident_any("the pivot column")?;
        self.expect_kw(Kw::In, "IN")?;
        let values = self.paren_ident_list()?;
        self.expect(T::RParen, "`)`")?;
        let alias = self.opt_alias(&[])?;
        Ok(Relation::Pivot {
            input: Box::new(input),
            agg,
            column,
            values,
            alias,
            span: self.span_from(start),
        })
    }

    fn unpivot(&mut self, input: Relation, start: usize) -> PResult<Relation> {
        self.expect_kw(Kw::Unpivot, "UNPIVOT")?;
        self.expect(T::LParen, "`(`")?;
        let value_column = self.ident_any("the value column")?;
        self.expect_kw(Kw::For, "FOR")?;
        let name_column = self.ident_any("the name column")?;
        self.expect_kw(Kw::In, "IN")?;
        let columns = self.paren_ident_list()?;
        self.expect(T::RParen, "`)`")?;
        let alias = self.opt_alias(&[])?;
        Ok(Relation::Unpivot {
            input: Box::new(input),
            value_column,
            name_column,
            columns,
            alias,
            span: self.span_from(start),
        })
    }

    fn group_by(&mut self) -> PResult<GroupBy> {
        if self.is_kw(Kw::Rollup) || self.is_kw(Kw::Cube) {
            let rollup = self.is_kw(Kw::Rollup);
            self.bump();
            self.expect(T::LParen, "`(`")?;
            let v = self.expr_list()?;
            self.expect(T::RParen, "`)`")?;
            return Ok(if rollup {
                GroupBy::Rollup(v)
            } else {
                GroupBy::Cube(v)
            });
        }
        if self.is_kw(Kw::Grouping) && self.nth_is_kw(1, Kw::Sets) {
            self.bump();
            self.bump();
            self.expect(T::LParen, "`(`")?;
            let mut sets = Vec::new();
            loop {
                if self.peek() == T::LParen {
                    self.bump();
                    if self.eat(T::RParen) {
                        sets.push(Vec::new());
                    } else {
                        sets.push(self.expr_list()?);
                        self.expect(T::RParen, "`)`")?;
                    }
                } else {
                    sets.push(vec![self.expr()?]);
                }
                if !self.eat(T::Comma) {
                    break;
                }
            }
            self.expect(T::RParen, "`)`")?;
            return Ok(GroupBy::GroupingSets(sets));
        }
        let v = self.expr_list()?;
        if self.is_kw(Kw::With) && (self.nth_is_kw(1, Kw::Rollup) || self.nth_is_kw(1, Kw::Cube)) {
            self.bump();
            let rollup = self.is_kw(Kw::Rollup);
            self.bump();
            return Ok(if rollup {
                GroupBy::Rollup(v)
            } else {
                GroupBy::Cube(v)
            });
        }
        Ok(GroupBy::Exprs(v))
    }
}

fn wrap_top(body: SetExpr, top: Option<Limit>) -> SetExpr {
    match top {
        None => body,
        Some(limit) => {
            let span = match &body {
                SetExpr::Select(s) => s.span,
                _ => Span::default(),
            };
            SetExpr::Query(Box::new(Query {
                with: vec![],
                recursive: false,
                body,
                order_by: vec![],
                limit: Some(limit),
                span,
            }))
        }
    }
}

pub fn var_expr(name: &str, span: Span) -> Expr {
    Expr::new(
        ExprKind::Variable {
            name: name.to_string(),
        },
        span,
    )
}

/// `x op= e` → `x op e`.
pub fn compound(op: &str, target: Expr, e: Expr) -> Expr {
    use sqlxlate_ir::BinaryOp as B;
    let op = match op.as_bytes().first() {
        Some(b'+') => B::Add,
        Some(b'-') => B::Sub,
        Some(b'*') => B::Mul,
        Some(b'/') => B::Div,
        Some(b'%') => B::Mod,
        Some(b'&') => B::BitAnd,
        Some(b'|') => B::BitOr,
        _ => B::BitXor,
    };
    super::expr::bin(op, target, e)
}

/// True when the CTE's query mentions its own name as a table (a recursive CTE).
pub fn cte_refers_to_itself(name: &str, q: &Query) -> bool {
    fn in_set(name: &str, s: &SetExpr) -> bool {
        match s {
            SetExpr::Select(sel) => sel.from.iter().any(|r| in_rel(name, r)),
            SetExpr::SetOp { left, right, .. } => in_set(name, left) || in_set(name, right),
            SetExpr::Query(q) => in_set(name, &q.body),
            SetExpr::Values(_) => false,
        }
    }
    fn in_rel(name: &str, r: &Relation) -> bool {
        match r {
            Relation::Table { name: t, .. } => {
                t.source.parts.len() == 1 && t.source.name().eq_ignore_ascii_case(name)
            }
            Relation::Join { left, right, .. } => in_rel(name, left) || in_rel(name, right),
            Relation::Derived { query, .. } => in_set(name, &query.body),
            Relation::Pivot { input, .. } | Relation::Unpivot { input, .. } => in_rel(name, input),
            _ => false,
        }
    }
    in_set(name, &q.body)
}
