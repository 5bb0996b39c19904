//! Queries: WITH, SELECT blocks, set operations, FROM relations, ORDER BY and LIMIT.

use sqlxlate_diagnostics::codes;
use sqlxlate_ir::{
    ExprKind, Func, GroupBy, Ident, JoinKind, Query, Relation, Select, SetExpr, SetOp,
};

use crate::doc::{call, clause, comma_sep, join, line, parens, t, D};
use crate::emitter::Emitter;
use crate::expr::{prec, string_literal};
use crate::names;

/// Binding strength of set operators (INTERSECT binds tighter than UNION and EXCEPT).
fn set_prec(op: SetOp) -> u8 {
    match op {
        SetOp::Intersect => 2,
        SetOp::Union | SetOp::Except => 1,
    }
}

fn alias_text(alias: &Option<Ident>, columns: &[Ident]) -> String {
    let mut s = String::new();
    if let Some(a) = alias {
        s.push_str(" AS ");
        s.push_str(&names::ident(a));
        if !columns.is_empty() {
            s.push_str(&format!("({})", names::ident_list(columns)));
        }
    }
    s
}

impl Emitter<'_> {
    /// Prints a query.
    pub(crate) fn query(&mut self, q: &Query) -> D {
        if !self.enter(q.span) {
            return t("SELECT NULL");
        }
        let d = self.query_inner(q);
        self.leave();
        d
    }

    fn query_inner(&mut self, q: &Query) -> D {
        let mut parts: Vec<D> = Vec::new();
        if !q.with.is_empty() {
            let ctes = q
                .with
                .iter()
                .map(|c| {
                    let mut head = names::ident(&c.name);
                    if !c.columns.is_empty() {
                        head.push_str(&format!(" ({})", names::ident_list(&c.columns)));
                    }
                    let body = self.query(&c.query);
                    t(format!("{head} AS ")).append(parens(body))
                })
                .collect();
            let kw = if q.recursive {
                "WITH RECURSIVE"
            } else {
                "WITH"
            };
            parts.push(clause(kw, comma_sep(ctes)));
        }
        parts.push(self.set_expr(&q.body, 0));
        if !q.order_by.is_empty() {
            let ob = self.order_by_list(&q.order_by);
            parts.push(clause("ORDER BY", ob));
        }
        if let Some(l) = &q.limit {
            if l.percent || l.with_ties {
                self.diag_hint(
                    codes::SX3800.code,
                    q.span,
                    if l.percent {
                        "row limit in percent printed as a plain limit"
                    } else {
                        "row limit with ties printed as a plain limit"
                    },
                    "use QUALIFY rank() OVER (ORDER BY …) <= n for WITH TIES",
                );
            }
            if let Some(c) = &l.count {
                let d = self.ex0(c);
                parts.push(t("LIMIT ").append(d));
            }
            if let Some(o) = &l.offset {
                let d = self.ex0(o);
                parts.push(t("OFFSET ").append(d));
            }
        }
        join(parts, line()).group()
    }

    /// Prints a value stored into a column, rounded the way SQL Server stores it.
    fn rounded(&mut self, e: &sqlxlate_ir::Expr, r: crate::emitter::Rounding) -> D {
        let d = self.ex0(e);
        let is_null = matches!(
            e.kind,
            ExprKind::Literal {
                value: sqlxlate_ir::Literal::Null
            }
        );
        if r == crate::emitter::Rounding::None || is_null {
            return d;
        }
        let text = crate::doc::render(&d, 10_000);
        match r.wrap(&text) {
            Some(w) if !text.contains('\n') => t(w),
            _ => d,
        }
    }

    /// Prints a set expression; `ctx` is the precedence of the enclosing set operator.
    fn set_expr(&mut self, s: &SetExpr, ctx: u8) -> D {
        match s {
            SetExpr::Select(sel) => self.select(sel),
            SetExpr::Query(q) => parens(self.query(q)),
            SetExpr::Values(rows) => {
                let rounding = std::mem::take(&mut self.insert_rounding);
                let rows = rows
                    .iter()
                    .map(|r| {
                        if rounding.len() == r.len() {
                            let cells = r
                                .iter()
                                .zip(&rounding)
                                .map(|(e, ro)| self.rounded(e, *ro))
                                .collect();
                            parens(comma_sep(cells))
                        } else {
                            let l = self.ex_list(r);
                            parens(l)
                        }
                    })
                    .collect();
                clause("VALUES", comma_sep(rows))
            }
            SetExpr::SetOp {
                op,
                all,
                left,
                right,
            } => {
                let p = set_prec(*op);
                // Spark requires the branches' string columns to have the same collation:
                // computed string items of a branch get the module collation.
                self.collate_branch_items = matches!(left.as_ref(), SetExpr::Select(_));
                let l = self.set_expr(left, p);
                // A right operand that is itself a set operation keeps its parentheses.
                self.collate_branch_items = matches!(right.as_ref(), SetExpr::Select(_));
                let r = match right.as_ref() {
                    SetExpr::SetOp { .. } => parens(self.set_expr(right, 0)),
                    other => self.set_expr(other, p),
                };
                self.collate_branch_items = false;
                let kw = match op {
                    SetOp::Union => "UNION",
                    SetOp::Intersect => "INTERSECT",
                    SetOp::Except => "EXCEPT",
                };
                let kw = if *all {
                    format!("{kw} ALL")
                } else {
                    kw.to_string()
                };
                let d = l.append(line()).append(t(kw)).append(line()).append(r);
                if p < ctx {
                    parens(d)
                } else {
                    d
                }
            }
        }
    }

    /// Prints a SELECT block.
    fn select(&mut self, s: &Select) -> D {
        if s.qualify.is_some() && self.portable() {
            return self.select_qualify_portable(s);
        }
        let mut parts = self.select_clauses(s, None);
        if let Some(q) = &s.qualify {
            let d = self.ex0(q);
            parts.push(clause("QUALIFY", d));
        }
        join(parts, line()).group()
    }

    /// Open-source Spark 4.1 has no QUALIFY: compute the condition as a column in a
    /// derived table and filter on it.
    fn select_qualify_portable(&mut self, s: &Select) -> D {
        let extra = s.qualify.as_ref().map(|q| self.ex0(q));
        let inner = join(self.select_clauses(s, extra), line()).group();
        let parts = vec![
            t("SELECT * EXCEPT (sx_qualify)"),
            clause("FROM", parens(inner).append(t(" AS sx_q"))),
            t("WHERE sx_qualify"),
        ];
        join(parts, line()).group()
    }

    fn select_clauses(&mut self, s: &Select, extra_item: Option<D>) -> Vec<D> {
        let mut parts = Vec::new();
        let collate_items = std::mem::take(&mut self.collate_branch_items)
            && self.collation != sqlxlate_ir::Collation::Binary;
        let rounding = std::mem::take(&mut self.insert_rounding);
        let round_items = rounding.len() == s.items.len();
        let mut items: Vec<D> = s
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let mut d = match rounding.get(i) {
                    Some(r) if round_items => self.rounded(&it.expr, *r),
                    _ => self.ex0(&it.expr),
                };
                if collate_items && needs_branch_collation(&it.expr) {
                    d = d.append(t(format!(
                        " COLLATE {}",
                        crate::types::collation_name(self.collation)
                    )));
                }
                match &it.alias {
                    Some(a) => d.append(t(format!(" AS {}", names::ident(a)))),
                    None => d,
                }
            })
            .collect();
        if let Some(x) = extra_item {
            items.push(parens(x).append(t(" AS sx_qualify")));
        }
        let kw = if s.distinct {
            "SELECT DISTINCT"
        } else {
            "SELECT"
        };
        parts.push(clause(kw, comma_sep(items)));
        if !s.from.is_empty() {
            let rels = s.from.iter().map(|r| self.relation(r)).collect();
            parts.push(clause("FROM", comma_sep(rels)));
        }
        if let Some(w) = &s.selection {
            let d = self.ex0(w);
            parts.push(clause("WHERE", d));
        }
        if let Some(g) = &s.group_by {
            let d = match g {
                GroupBy::Exprs(es) => self.ex_list(es),
                GroupBy::Rollup(es) => t("ROLLUP ").append(parens(self.ex_list(es))),
                GroupBy::Cube(es) => t("CUBE ").append(parens(self.ex_list(es))),
                GroupBy::GroupingSets(sets) => {
                    let sets = sets
                        .iter()
                        .map(|set| {
                            let l = self.ex_list(set);
                            t("(").append(l).append(t(")"))
                        })
                        .collect();
                    t("GROUPING SETS ").append(parens(comma_sep(sets)))
                }
            };
            parts.push(clause("GROUP BY", d));
        }
        if let Some(h) = &s.having {
            let d = self.ex0(h);
            parts.push(clause("HAVING", d));
        }
        parts
    }

    /// Prints a FROM-clause relation.
    pub(crate) fn relation(&mut self, r: &Relation) -> D {
        if !self.enter(r.span()) {
            return t("(SELECT NULL)");
        }
        let d = self.relation_inner(r);
        self.leave();
        d
    }

    fn relation_inner(&mut self, r: &Relation) -> D {
        match r {
            Relation::Table { name, alias, .. } => {
                t(format!("{}{}", names::table(name), alias_text(alias, &[])))
            }
            Relation::Derived {
                query,
                alias,
                columns,
                ..
            } => {
                let q = self.query(query);
                // Spark requires an alias on a derived table only for references; keep one.
                parens(q).append(t(alias_text(alias, columns)))
            }
            Relation::Function {
                call: c,
                alias,
                columns,
                ..
            } => self.table_function(c, alias, columns, false),
            Relation::Join {
                kind,
                left,
                right,
                on,
                ..
            } => {
                let l = self.relation(left);
                let lateral = matches!(kind, JoinKind::CrossApply | JoinKind::OuterApply);
                let r = match (lateral, right.as_ref()) {
                    (
                        true,
                        Relation::Function {
                            call: c,
                            alias,
                            columns,
                            ..
                        },
                    ) => self.table_function(c, alias, columns, true),
                    (true, Relation::Derived { .. }) => t("LATERAL ").append(self.relation(right)),
                    (true, other) => {
                        // A plain table under APPLY: no correlation is possible.
                        self.relation(other)
                    }
                    (false, other) => match other {
                        Relation::Join { .. } => parens(self.relation(other)),
                        _ => self.relation(other),
                    },
                };
                let kw = match kind {
                    JoinKind::Inner => "JOIN",
                    JoinKind::Left => "LEFT JOIN",
                    JoinKind::Right => "RIGHT JOIN",
                    JoinKind::Full => "FULL JOIN",
                    JoinKind::Cross => "CROSS JOIN",
                    JoinKind::CrossApply => "JOIN",
                    JoinKind::OuterApply => "LEFT JOIN",
                    JoinKind::LeftSemi => "LEFT SEMI JOIN",
                    JoinKind::LeftAnti => "LEFT ANTI JOIN",
                };
                let mut d = l.append(line()).append(t(format!("{kw} "))).append(r);
                match (on, kind) {
                    (Some(c), _) => {
                        let c = self.ex0(c);
                        d = d.append(line().append(t("ON ")).append(c).nest(2).group());
                    }
                    (None, JoinKind::CrossApply | JoinKind::OuterApply) => {
                        d = d.append(t(" ON true"));
                    }
                    (None, JoinKind::Cross) => {}
                    (None, _) => d = d.append(t(" ON true")),
                }
                d
            }
            Relation::Pivot {
                input,
                agg,
                column,
                values,
                alias,
                ..
            } => {
                let inp = self.pivot_input(input);
                let a = self.ex0(agg);
                let vals = values
                    .iter()
                    .map(|v| {
                        let lit = if !v.value.is_empty()
                            && v.value.chars().all(|c| c.is_ascii_digit() || c == '-')
                        {
                            v.value.clone()
                        } else {
                            string_literal(&v.value)
                        };
                        t(format!("{lit} AS {}", names::ident(v)))
                    })
                    .collect();
                let body = a
                    .append(t(format!(" FOR {} IN ", names::ident(column))))
                    .append(parens(comma_sep(vals)));
                let pivot = inp.append(t(" PIVOT ")).append(parens(body));
                let is_count = matches!(
                    agg.kind,
                    ExprKind::Agg {
                        func: sqlxlate_ir::AggFunc::Count | sqlxlate_ir::AggFunc::CountBig,
                        ..
                    }
                );
                if is_count && !values.is_empty() {
                    // COUNT over no rows is 0 in T-SQL's PIVOT; Spark leaves the cell NULL.
                    let cols = names::ident_list(values);
                    let fixed = values
                        .iter()
                        .map(|v| {
                            let n = names::ident(v);
                            t(format!("coalesce({n}, 0) AS {n}"))
                        })
                        .collect::<Vec<_>>();
                    let sel = t(format!("SELECT * EXCEPT ({cols}),"))
                        .append(line().append(comma_sep(fixed)).nest(2))
                        .append(line())
                        .append(t("FROM "))
                        .append(pivot)
                        .group();
                    let a = alias
                        .as_ref()
                        .map(names::ident)
                        .unwrap_or_else(|| "sx_pivot".to_string());
                    return parens(sel).append(t(format!(" AS {a}")));
                }
                // Spark does not accept an alias after PIVOT: wrap it in a derived table.
                match alias {
                    Some(a) => parens(t("SELECT * FROM ").append(pivot))
                        .append(t(format!(" AS {}", names::ident(a)))),
                    None => pivot,
                }
            }
            Relation::Unpivot {
                input,
                value_column,
                name_column,
                columns,
                alias,
                ..
            } => {
                let inp = self.pivot_input(input);
                t("").append(inp).append(t(format!(
                    " UNPIVOT ({} FOR {} IN ({})){}",
                    names::ident(value_column),
                    names::ident(name_column),
                    names::ident_list(columns),
                    alias_text(alias, &[])
                )))
            }
            Relation::Unconverted { text, code, .. } => {
                let text = text.replace("*/", "* /").replace('\n', " ");
                t(format!(
                    "(SELECT NULL) AS sx_unconverted /* [{code}] not converted: {text} */"
                ))
            }
        }
    }

    /// The input of PIVOT/UNPIVOT: a table or a parenthesised query without its alias.
    fn pivot_input(&mut self, input: &Relation) -> D {
        match input {
            Relation::Derived { query, .. } => parens(self.query(query)),
            Relation::Table { name, .. } => t(names::table(name)),
            other => parens(t("SELECT * FROM ").append(self.relation(other))),
        }
    }

    /// A table-valued function in FROM: STRING_SPLIT as `explode(split(…))`, user functions
    /// by name. Under APPLY the call is `LATERAL`, and OUTER APPLY keeps rows with no output.
    fn table_function(
        &mut self,
        c: &sqlxlate_ir::Expr,
        alias: &Option<Ident>,
        columns: &[Ident],
        lateral: bool,
    ) -> D {
        let prefix = if lateral { "LATERAL " } else { "" };
        match &c.kind {
            ExprKind::Func {
                func: Func::StringSplit,
                args,
            } => {
                let split = self.split_call(args);
                let a = alias
                    .as_ref()
                    .map(names::ident)
                    .unwrap_or_else(|| "string_split".to_string());
                let cols = if columns.is_empty() {
                    "value".to_string()
                } else {
                    names::ident_list(columns)
                };
                t(prefix)
                    .append(call("explode", vec![split]))
                    .append(t(format!(" AS {a}({cols})")))
            }
            ExprKind::Call { name, args } => {
                let docs = args.iter().map(|a| self.ex0(a)).collect();
                t(prefix)
                    .append(call(&names::function(name), docs))
                    .append(t(alias_text(alias, columns)))
            }
            _ => {
                let d = self.ex(c, prec::ATOM);
                t(prefix).append(d).append(t(alias_text(alias, columns)))
            }
        }
    }
}

/// True for a computed string item of a set-operation branch: it has the default
/// collation on Spark, which is incompatible with the collated columns of other branches.
fn needs_branch_collation(e: &sqlxlate_ir::Expr) -> bool {
    let collated = matches!(
        e.ty,
        sqlxlate_ir::DataType::String {
            collation: Some(_),
            ..
        }
    );
    e.ty.is_string()
        && !collated
        && !matches!(
            e.kind,
            ExprKind::Column { .. } | ExprKind::Collate { .. } | ExprKind::Variable { .. }
        )
}
