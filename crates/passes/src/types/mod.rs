//! Types pass: infers expression types bottom-up and makes T-SQL's type-driven
//! semantics explicit.
//!
//! Schema knowledge comes from the module itself, in order: CREATE TABLE, SELECT INTO
//! (CreateTableAs), CREATE VIEW, ALTER TABLE ADD, table-variable declarations, and
//! variable declarations and routine parameters. Column types resolve through FROM
//! aliases (tables, CTEs, derived tables, joins) and outer scopes (correlated
//! subqueries).
//!
//! Rewrites (T-SQL semantics):
//! - `Add` with two string operands → `Concat` (NULL-propagating); a string and a number
//!   → the string is cast to the number's type (T-SQL data type precedence: `'1' + 2`
//!   is 3); a string and an unknown → `Concat` with an SX3500 warning.
//! - `Div` with two integer operands → `IntDiv`, otherwise `FracDiv` (SX3500 when an
//!   operand type is unknown).
//! - `AVG` over an integer → `CAST(avg(x) AS <that integer type>)` (T-SQL truncates;
//!   Spark's cast of a double to an integer truncates toward zero).
//! - A BOOLEAN (BIT) compared with an integer literal (`=`, `<>`, `IN`, simple `CASE`)
//!   → compared with TRUE / FALSE.
//! - Literals written into a column or variable of known type (INSERT VALUES/SELECT,
//!   UPDATE SET, MERGE, SET, DECLARE): 0/1 into BOOLEAN → FALSE/TRUE; a literal of
//!   another type class (string into number, number into string, string into date…)
//!   gets an explicit CAST, which Spark's ANSI store assignment would otherwise reject.
//! - `Expr.ty` is set wherever the type is known; unknown stays `Unknown`.

use std::collections::HashMap;

use indexmap::IndexMap;
use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::visit::{self, VisitorMut};
use sqlxlate_ir::{
    AggFunc, AlterAction, BinaryOp, CastMode, DataType, Expr, ExprKind, Func, InsertSource,
    Literal, MergeAction, Module, Query, Relation, Select, SetExpr, Stmt, StmtKind, TableKind,
    TableName, UnaryOp, UnitKind, WindowFunc,
};

use crate::naming::target_display;
use crate::PassOptions;

/// One known column.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ColumnInfo {
    /// Name as written.
    pub name: String,
    /// Type.
    pub ty: DataType,
    /// DEFAULT expression, if declared.
    pub default: Option<Expr>,
    /// IDENTITY(seed, increment), if declared.
    pub identity: Option<(i64, i64)>,
    /// The type as written in the source (`MONEY`), when the column comes from DDL.
    pub source_type: String,
}

/// The schemas the module defines, keyed by printed target name.
#[derive(Clone, Debug, Default)]
pub struct SchemaCatalog {
    tables: IndexMap<String, Vec<ColumnInfo>>,
}

/// The catalog key of a table reference.
pub fn table_key(t: &TableName) -> String {
    match &t.target {
        Some(tn) => target_display(tn),
        None => t.source.dotted().to_lowercase(),
    }
}

impl SchemaCatalog {
    /// The columns of a table, if its schema is known.
    pub fn columns(&self, t: &TableName) -> Option<&[ColumnInfo]> {
        self.tables.get(&table_key(t)).map(|v| v.as_slice())
    }
    /// Records (or replaces) a table's columns.
    pub fn define(&mut self, t: &TableName, cols: Vec<ColumnInfo>) {
        self.tables.insert(table_key(t), cols);
    }
}

/// Runs the types pass; returns the schema catalog it built (the legalise pass needs
/// column lists) and its diagnostics.
pub fn run(module: &mut Module, _options: &PassOptions) -> (SchemaCatalog, Vec<Diagnostic>) {
    let mut v = Types::default();
    // Routine parameters are variables too.
    for u in &module.units {
        let params = match &u.kind {
            UnitKind::Procedure(p) => &p.params,
            UnitKind::Function(f) => &f.params,
            _ => continue,
        };
        for p in params {
            v.vars.insert(p.name.to_lowercase(), p.ty.clone());
        }
    }
    visit::walk_module_mut(&mut v, module);
    (v.catalog, v.diagnostics)
}

type Cols = Option<Vec<(String, DataType)>>;

#[derive(Default)]
struct Entry {
    /// Names the entry answers to (alias, or table name and full dotted name), lower-case.
    names: Vec<String>,
    cols: Cols,
    /// Columns declared MONEY / SMALLMONEY (lower-case), for tables of the module.
    money: Vec<String>,
}

#[derive(Default)]
struct Types {
    catalog: SchemaCatalog,
    vars: IndexMap<String, DataType>,
    scopes: Vec<Vec<Entry>>,
    stmt_scope_pushed: Vec<bool>,
    /// The scope of the SELECT block just left (with its output columns), for the
    /// enclosing query's ORDER BY.
    last_select_scope: Option<Vec<Entry>>,
    order_scope_pushed: Vec<bool>,
    /// CTE name → address of its query, per enclosing query.
    ctes: Vec<Vec<(String, usize, Vec<String>)>>,
    /// Output columns of visited queries and SELECT blocks, keyed by node address
    /// (stable during one walk). Only looked up, never iterated.
    query_out: HashMap<usize, Cols>,
    select_out: HashMap<usize, Cols>,
    /// CTE query address → address of its anchor (leftmost) SELECT block.
    cte_anchor: HashMap<usize, usize>,
    diagnostics: Vec<Diagnostic>,
    warned: Vec<Span>,
    too_deep_reported: bool,
}

fn addr<T>(x: &T) -> usize {
    x as *const T as usize
}

fn lit_of(e: &Expr) -> Option<&Literal> {
    match &e.kind {
        ExprKind::Literal { value } => Some(value),
        ExprKind::Nested { expr } => lit_of(expr),
        _ => None,
    }
}

/// The type a literal has when lowering left it unknown.
fn literal_type(l: &Literal) -> DataType {
    match l {
        Literal::Null => DataType::Unknown,
        Literal::Boolean(_) => DataType::Boolean,
        Literal::Integer(s) => {
            if s.trim_start_matches('-').parse::<i32>().is_ok() {
                DataType::Int
            } else if s.parse::<i64>().is_ok() {
                DataType::BigInt
            } else {
                DataType::Decimal {
                    precision: 38,
                    scale: 0,
                }
            }
        }
        Literal::Decimal(s) => {
            let digits = s
                .chars()
                .filter(|c| c.is_ascii_digit())
                .count()
                .clamp(1, 38) as u8;
            let scale = s
                .split_once('.')
                .map(|(_, f)| f.chars().filter(|c| c.is_ascii_digit()).count())
                .unwrap_or(0)
                .min(digits as usize) as u8;
            DataType::Decimal {
                precision: digits.max(scale),
                scale,
            }
        }
        Literal::Float(_) => DataType::Double,
        Literal::String { value, .. } => DataType::String {
            max_len: Some(value.chars().count() as u32),
            fixed: false,
            collation: None,
        },
        Literal::Binary(_) => DataType::Binary { max_len: None },
        Literal::Date(_) => DataType::Date,
        Literal::Timestamp(_) => DataType::TimestampNtz,
    }
}

fn int_rank(t: &DataType) -> u8 {
    match t {
        DataType::TinyInt => 1,
        DataType::SmallInt => 2,
        DataType::Int => 3,
        DataType::BigInt => 4,
        _ => 0,
    }
}

/// Result type of arithmetic on two numeric types.
fn arith(l: &DataType, r: &DataType) -> DataType {
    match (l, r) {
        (DataType::Double | DataType::Float, _) | (_, DataType::Double | DataType::Float) => {
            DataType::Double
        }
        (
            DataType::Decimal {
                precision: p1,
                scale: s1,
            },
            DataType::Decimal {
                precision: p2,
                scale: s2,
            },
        ) => {
            let scale = (*s1).max(*s2);
            let int = (p1 - s1).max(p2 - s2);
            DataType::Decimal {
                precision: (int as u16 + scale as u16 + 1).min(38) as u8,
                scale,
            }
        }
        (DataType::Decimal { precision, scale }, i)
        | (i, DataType::Decimal { precision, scale })
            if i.is_integer() =>
        {
            let digits = match i {
                DataType::BigInt => 19,
                DataType::Int => 10,
                _ => 5,
            };
            let int = (precision - scale).max(digits);
            DataType::Decimal {
                precision: (int as u16 + *scale as u16 + 1).min(38) as u8,
                scale: *scale,
            }
        }
        _ if l.is_integer() && r.is_integer() => {
            if int_rank(l) >= int_rank(r) {
                l.clone()
            } else {
                r.clone()
            }
        }
        _ => DataType::Unknown,
    }
}

/// What the catalog records of a CREATE TABLE's columns.
fn column_infos(def: &sqlxlate_ir::TableDef) -> Vec<ColumnInfo> {
    def.columns
        .iter()
        .map(|c| ColumnInfo {
            name: c.name.value.clone(),
            ty: c.ty.clone(),
            default: c.default.clone(),
            identity: c.identity,
            source_type: c.source_type.clone(),
        })
        .collect()
}

fn cast(e: Expr, to: DataType) -> Expr {
    let span = e.span;
    Expr::typed(
        ExprKind::Cast {
            expr: Box::new(e),
            to: to.clone(),
            mode: CastMode::Strict,
        },
        span,
        to,
    )
}

fn take(e: &mut Expr) -> Expr {
    std::mem::replace(
        e,
        Expr::new(
            ExprKind::Literal {
                value: Literal::Null,
            },
            e.span,
        ),
    )
}

#[derive(PartialEq)]
enum Class {
    Numeric,
    String,
    Boolean,
    Date,
    Timestamp,
    Other,
}

fn class(t: &DataType) -> Option<Class> {
    Some(match t {
        DataType::Unknown => return None,
        t if t.is_numeric() => Class::Numeric,
        DataType::String { .. } => Class::String,
        DataType::Boolean => Class::Boolean,
        DataType::Date => Class::Date,
        DataType::TimestampNtz | DataType::Timestamp => Class::Timestamp,
        _ => Class::Other,
    })
}

/// Makes a literal written into a slot of type `to` explicit (see the module docs).
pub fn coerce_literal(e: &mut Expr, to: &DataType) {
    // The literal results of a CASE (`CASE WHEN … THEN 1 ELSE 0 END` stored into a BIT
    // column) are stored too: coerce each branch.
    match &mut e.kind {
        ExprKind::Case { whens, else_, .. } => {
            for w in whens.iter_mut() {
                coerce_literal(&mut w.then, to);
            }
            if let Some(x) = else_ {
                coerce_literal(x, to);
            }
            if whens
                .iter()
                .all(|w| w.then.ty == *to || is_null_literal(&w.then))
                && else_
                    .as_ref()
                    .is_none_or(|x| x.ty == *to || is_null_literal(x))
            {
                e.ty = to.clone();
            }
            return;
        }
        ExprKind::Nested { expr } if !matches!(expr.kind, ExprKind::Literal { .. }) => {
            coerce_literal(expr, to);
            return;
        }
        _ => {}
    }
    let is_literal = match &e.kind {
        ExprKind::Literal { .. } => true,
        ExprKind::Unary {
            op: UnaryOp::Neg,
            expr,
        } => matches!(expr.kind, ExprKind::Literal { .. }),
        ExprKind::Nested { expr } => matches!(expr.kind, ExprKind::Literal { .. }),
        _ => false,
    };
    if !is_literal || matches!(lit_of(e), Some(Literal::Null)) {
        return;
    }
    if *to == DataType::Boolean {
        if let Some(Literal::Integer(n)) = lit_of(e) {
            let b = !n.trim_start_matches(['0', '-', '+']).is_empty();
            *e = Expr::typed(
                ExprKind::Literal {
                    value: Literal::Boolean(b),
                },
                e.span,
                DataType::Boolean,
            );
            return;
        }
    }
    let (Some(from), Some(want)) = (class(&e.ty), class(to)) else {
        return;
    };
    if from != want {
        let mut to = to.clone();
        if let DataType::String { collation, .. } = &mut to {
            *collation = None;
        }
        *e = cast(take(e), to);
    }
}

impl Types {
    fn warn(&mut self, span: Span, msg: String) {
        if self.warned.contains(&span) {
            return;
        }
        self.warned.push(span);
        self.diagnostics.push(
            Diagnostic::new(codes::SX3500.code, span, msg).with_hint(
                "add the DDL of the tables involved to the input, or check the assumption",
            ),
        );
    }

    fn table_cols(&self, t: &TableName) -> Cols {
        if t.kind == TableKind::Permanent && t.source.parts.len() == 1 {
            let n = t.source.name().to_lowercase();
            for scope in self.ctes.iter().rev() {
                if let Some((_, a, aliases)) = scope.iter().find(|(c, _, _)| *c == n) {
                    // Inside a recursive CTE its own columns come from the anchor
                    // member (the leftmost SELECT, visited first).
                    let cols = match self.query_out.get(a) {
                        Some(c) => c.clone(),
                        None => self
                            .cte_anchor
                            .get(a)
                            .and_then(|s| self.select_out.get(s))
                            .cloned()
                            .flatten(),
                    };
                    return cols.map(|c| rename(c, aliases));
                }
            }
        }
        self.catalog
            .columns(t)
            .map(|cs| cs.iter().map(|c| (c.name.clone(), c.ty.clone())).collect())
    }

    fn entries(&self, r: &Relation, out: &mut Vec<Entry>, depth: usize) {
        if depth > 64 {
            return;
        }
        match r {
            Relation::Table { name, alias, .. } => {
                let names = match alias {
                    Some(a) => vec![a.value.to_lowercase()],
                    None => vec![
                        name.source.name().to_lowercase(),
                        name.source.dotted().to_lowercase(),
                    ],
                };
                out.push(Entry {
                    names,
                    cols: self.table_cols(name),
                    money: self.money_cols(name),
                });
            }
            Relation::Derived {
                query,
                alias,
                columns,
                ..
            } => {
                let cols = self.query_out.get(&addr(&**query)).cloned().flatten();
                let aliases: Vec<String> = columns.iter().map(|c| c.value.clone()).collect();
                out.push(Entry {
                    names: alias.iter().map(|a| a.value.to_lowercase()).collect(),
                    cols: cols.map(|c| rename(c, &aliases)),
                    ..Default::default()
                });
            }
            Relation::Join { left, right, .. } => {
                self.entries(left, out, depth + 1);
                self.entries(right, out, depth + 1);
            }
            Relation::Function { alias, .. }
            | Relation::Pivot { alias, .. }
            | Relation::Unpivot { alias, .. } => out.push(Entry {
                names: alias.iter().map(|a| a.value.to_lowercase()).collect(),
                cols: None,
                ..Default::default()
            }),
            Relation::Unconverted { .. } => out.push(Entry {
                names: vec![],
                cols: None,
                ..Default::default()
            }),
        }
    }

    fn money_cols(&self, t: &TableName) -> Vec<String> {
        if t.kind == TableKind::Permanent && t.source.parts.len() == 1 {
            let n = t.source.name().to_lowercase();
            if self.ctes.iter().any(|s| s.iter().any(|(c, _, _)| *c == n)) {
                return vec![];
            }
        }
        self.catalog
            .columns(t)
            .map(|cs| {
                cs.iter()
                    .filter(|c| {
                        c.source_type.eq_ignore_ascii_case("money")
                            || c.source_type.eq_ignore_ascii_case("smallmoney")
                    })
                    .map(|c| c.name.to_lowercase())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether an expression is a column declared MONEY / SMALLMONEY (or a product or
    /// quotient that keeps MONEY).
    fn is_money(&self, e: &Expr, depth: usize) -> bool {
        if depth > 32 || !matches!(e.ty, DataType::Decimal { scale: 4, .. }) {
            return false;
        }
        match &e.kind {
            ExprKind::Nested { expr } => self.is_money(expr, depth + 1),
            ExprKind::Column { qualifier, name } => {
                let name = name.value.to_lowercase();
                let q = qualifier.last().map(|i| i.value.to_lowercase());
                for scope in self.scopes.iter().rev() {
                    for en in scope {
                        if let Some(q) = &q {
                            if !en.names.contains(q) {
                                continue;
                            }
                            return en.money.contains(&name);
                        }
                        if en.money.contains(&name) {
                            return true;
                        }
                        if en
                            .cols
                            .as_ref()
                            .is_some_and(|cs| cs.iter().any(|(c, _)| c.to_lowercase() == name))
                        {
                            return false;
                        }
                    }
                }
                false
            }
            _ => false,
        }
    }

    fn resolve(&self, qualifier: &[sqlxlate_ir::Ident], name: &str) -> DataType {
        let name = name.to_lowercase();
        let q = qualifier.last().map(|i| i.value.to_lowercase());
        for scope in self.scopes.iter().rev() {
            for e in scope {
                if let Some(q) = &q {
                    if !e.names.contains(q) {
                        continue;
                    }
                    return e
                        .cols
                        .as_ref()
                        .and_then(|cs| cs.iter().find(|(c, _)| c.to_lowercase() == name))
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default();
                }
                if let Some(cs) = &e.cols {
                    if let Some((_, t)) = cs.iter().find(|(c, _)| c.to_lowercase() == name) {
                        return t.clone();
                    }
                }
            }
            // An unqualified name not found in a scope with unknown entries may still
            // belong there; do not guess from outer scopes.
            if q.is_none() && scope.iter().any(|e| e.cols.is_none()) {
                return DataType::Unknown;
            }
        }
        DataType::Unknown
    }

    fn set_outputs(&self, s: &SetExpr, depth: usize) -> Cols {
        if depth > 64 {
            return None;
        }
        match s {
            SetExpr::Select(sel) => self.select_out.get(&addr(&**sel)).cloned().flatten(),
            SetExpr::SetOp { left, .. } => self.set_outputs(left, depth + 1),
            SetExpr::Query(q) => self.query_out.get(&addr(&**q)).cloned().flatten(),
            SetExpr::Values(rows) => rows.first().map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, e)| (format!("col{}", i + 1), e.ty.clone()))
                    .collect()
            }),
        }
    }

    fn query_cols(&self, q: &Query) -> Cols {
        self.query_out.get(&addr(q)).cloned().flatten()
    }

    fn var_type(&self, name: &str) -> DataType {
        self.vars
            .get(&name.to_lowercase())
            .cloned()
            .unwrap_or_default()
    }

    fn infer(&mut self, e: &mut Expr) {
        let span = e.span;
        let ty: DataType = match &mut e.kind {
            ExprKind::Literal { value } => {
                if e.ty == DataType::Unknown {
                    literal_type(value)
                } else {
                    e.ty.clone()
                }
            }
            ExprKind::Column { qualifier, name } => self.resolve(qualifier, &name.value),
            ExprKind::Variable { name } => self.var_type(name),
            ExprKind::Star { .. }
            | ExprKind::StarExcept { .. }
            | ExprKind::Unconverted { .. }
            | ExprKind::Call { .. } => e.ty.clone(),
            ExprKind::Nested { expr } => expr.ty.clone(),
            ExprKind::Collate { expr, .. } => expr.ty.clone(),
            ExprKind::Unary { op, expr } => match op {
                UnaryOp::Not => DataType::Boolean,
                _ => expr.ty.clone(),
            },
            ExprKind::Cast { to, .. } => to.clone(),
            ExprKind::InList { expr, list, .. } => {
                if expr.ty == DataType::Boolean {
                    list.iter_mut().for_each(coerce_int_to_bool);
                }
                DataType::Boolean
            }
            ExprKind::InSubquery { .. }
            | ExprKind::Exists { .. }
            | ExprKind::Between { .. }
            | ExprKind::Like { .. }
            | ExprKind::IsNull { .. } => DataType::Boolean,
            ExprKind::Subquery { query } => self
                .query_cols(query)
                .and_then(|c| c.first().map(|(_, t)| t.clone()))
                .unwrap_or_default(),
            ExprKind::Case {
                operand,
                whens,
                else_,
            } => {
                // `CASE flag WHEN 1 THEN …` compares a BIT with integers.
                if operand.as_ref().is_some_and(|o| o.ty == DataType::Boolean) {
                    for w in whens.iter_mut() {
                        coerce_int_to_bool(&mut w.when);
                    }
                }
                whens
                    .iter()
                    .map(|w| &w.then.ty)
                    .chain(else_.iter().map(|x| &x.ty))
                    .find(|t| **t != DataType::Unknown)
                    .cloned()
                    .unwrap_or_default()
            }
            ExprKind::Window { func, args, .. } => match func {
                WindowFunc::RowNumber
                | WindowFunc::Rank
                | WindowFunc::DenseRank
                | WindowFunc::Ntile => DataType::BigInt,
                WindowFunc::PercentRank | WindowFunc::CumeDist => DataType::Double,
                _ => args.first().map(|a| a.ty.clone()).unwrap_or_default(),
            },
            ExprKind::Agg { func, args, .. } => {
                let a = args.first().map(|a| a.ty.clone()).unwrap_or_default();
                match func {
                    AggFunc::Count => DataType::Int,
                    AggFunc::CountBig => DataType::BigInt,
                    AggFunc::Sum => match a {
                        DataType::TinyInt | DataType::SmallInt => DataType::Int,
                        DataType::Decimal { scale, .. } => DataType::Decimal {
                            precision: 38,
                            scale,
                        },
                        DataType::Float => DataType::Double,
                        t => t,
                    },
                    AggFunc::Avg => {
                        if a.is_integer() {
                            let to = if a == DataType::BigInt {
                                DataType::BigInt
                            } else {
                                DataType::Int
                            };
                            e.ty = DataType::Double;
                            let inner = take(e);
                            *e = cast(inner, to);
                            return;
                        }
                        match a {
                            DataType::Decimal { scale, .. } => DataType::Decimal {
                                precision: 38,
                                scale: scale.max(6),
                            },
                            DataType::Float => DataType::Double,
                            t => t,
                        }
                    }
                    AggFunc::Min | AggFunc::Max => a,
                    AggFunc::StdDev
                    | AggFunc::StdDevPop
                    | AggFunc::Variance
                    | AggFunc::VariancePop => DataType::Double,
                    AggFunc::StringAgg => DataType::string(),
                    AggFunc::Grouping => DataType::SmallInt,
                    AggFunc::GroupingId => DataType::Int,
                }
            }
            ExprKind::Func { func, args } => func_type(func, args, &e.ty),
            ExprKind::Binary { op, left, right } => {
                let (l, r) = (left.ty.clone(), right.ty.clone());
                // DATETIME ± number adds days and keeps the DATETIME type.
                let is_dt =
                    |t: &DataType| matches!(t, DataType::TimestampNtz | DataType::Timestamp);
                let days = match op {
                    BinaryOp::Add if is_dt(&l) && r.is_integer() => Some((false, false)),
                    BinaryOp::Add if is_dt(&r) && l.is_integer() => Some((true, false)),
                    BinaryOp::Sub if is_dt(&l) && r.is_integer() => Some((false, true)),
                    _ => None,
                };
                if let Some((swapped, negate)) = days {
                    let (d, n) = if swapped {
                        (take(right), take(left))
                    } else {
                        (take(left), take(right))
                    };
                    let n = if negate {
                        let nty = n.ty.clone();
                        Expr::typed(
                            ExprKind::Unary {
                                op: UnaryOp::Neg,
                                expr: Box::new(Expr::typed(
                                    ExprKind::Nested { expr: Box::new(n) },
                                    span,
                                    nty.clone(),
                                )),
                            },
                            span,
                            nty,
                        )
                    } else {
                        n
                    };
                    let dty = d.ty.clone();
                    e.kind = ExprKind::Func {
                        func: Func::DateAdd(sqlxlate_ir::DateUnit::Day),
                        args: vec![n, d],
                    };
                    e.ty = dty;
                    return;
                }
                match op {
                    BinaryOp::Add => {
                        if l.is_string() && r.is_string() {
                            *op = BinaryOp::Concat;
                            DataType::string()
                        } else if l.is_string() && r.is_numeric() {
                            let inner = take(left);
                            **left = cast(inner, r.clone());
                            r
                        } else if r.is_string() && l.is_numeric() {
                            let inner = take(right);
                            **right = cast(inner, l.clone());
                            l
                        } else if (l.is_string() && is_null_lit(right))
                            || (r.is_string() && is_null_lit(left))
                        {
                            *op = BinaryOp::Concat;
                            DataType::string()
                        } else if (l.is_string() && r == DataType::Unknown)
                            || (r.is_string() && l == DataType::Unknown)
                        {
                            *op = BinaryOp::Concat;
                            self.warn(
                                span,
                                "operand type unknown; `+` with a string operand assumed to be string concatenation".into(),
                            );
                            DataType::string()
                        } else {
                            arith(&l, &r)
                        }
                    }
                    BinaryOp::Div => {
                        if l.is_integer() && r.is_integer() {
                            *op = BinaryOp::IntDiv;
                            arith(&l, &r)
                        } else if l.is_numeric() && r.is_numeric() {
                            *op = BinaryOp::FracDiv;
                            arith(&l, &r)
                        } else {
                            *op = BinaryOp::FracDiv;
                            self.warn(
                                span,
                                "operand type unknown; `/` assumed to be fractional division (integer operands would truncate in T-SQL)".into(),
                            );
                            DataType::Unknown
                        }
                    }
                    BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Mod => arith(&l, &r),
                    BinaryOp::IntDiv | BinaryOp::FracDiv => arith(&l, &r),
                    BinaryOp::Concat | BinaryOp::ConcatIgnoreNull => DataType::string(),
                    BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => arith(&l, &r),
                    BinaryOp::Eq
                    | BinaryOp::NotEq
                    | BinaryOp::Lt
                    | BinaryOp::LtEq
                    | BinaryOp::Gt
                    | BinaryOp::GtEq => {
                        if l == DataType::Boolean {
                            coerce_int_to_bool(right);
                        } else if r == DataType::Boolean {
                            coerce_int_to_bool(left);
                        } else if is_temporal(&l) {
                            coerce_string_literal(right, &l);
                        } else if is_temporal(&r) {
                            coerce_string_literal(left, &r);
                        }
                        DataType::Boolean
                    }
                    BinaryOp::And | BinaryOp::Or => DataType::Boolean,
                }
            }
        };
        if ty != DataType::Unknown {
            e.ty = ty;
        }
        self.money_semantics(e);
    }

    /// T-SQL MONEY arithmetic: MONEY * or / an integer (or MONEY) stays MONEY (four
    /// decimals), and MONEY converted to a string shows two decimals.
    fn money_semantics(&mut self, e: &mut Expr) {
        let money = DataType::Decimal {
            precision: 19,
            scale: 4,
        };
        match &mut e.kind {
            ExprKind::Binary {
                op: BinaryOp::Mul | BinaryOp::FracDiv,
                left,
                right,
            } => {
                let (lm, rm) = (self.is_money(left, 0), self.is_money(right, 0));
                let keeps = (lm && (rm || right.ty.is_integer())) || (rm && left.ty.is_integer());
                if keeps {
                    e.ty = money.clone();
                    let inner = take(e);
                    *e = cast(inner, money);
                }
            }
            // CONVERT(varchar, money, style): 0 rounds to 2 decimals, 1 adds thousands
            // separators, 2 keeps 4 decimals.
            ExprKind::Func {
                func: Func::ConvertStyle { style, try_ },
                args,
            } if e.ty.is_string()
                && matches!(*style, 0..=2)
                && args.len() == 2
                && self.is_money(&args[1], 0) =>
            {
                let (style, try_) = (*style, *try_);
                let Some(x) = args.pop() else {
                    return;
                };
                let to = e.ty.clone();
                let span = e.span;
                let two = DataType::Decimal {
                    precision: 19,
                    scale: 2,
                };
                let mode = if try_ {
                    CastMode::Try
                } else {
                    CastMode::Strict
                };
                let as_text = |x: Expr| {
                    Expr::typed(
                        ExprKind::Cast {
                            expr: Box::new(x),
                            to: to.clone(),
                            mode,
                        },
                        span,
                        to.clone(),
                    )
                };
                *e = match style {
                    0 => as_text(cast(x, two)),
                    2 => as_text(x),
                    _ => Expr::typed(
                        ExprKind::Func {
                            func: Func::Format,
                            args: vec![
                                cast(x, two),
                                Expr::typed(
                                    ExprKind::Literal {
                                        value: Literal::String {
                                            value: "N2".into(),
                                            national: false,
                                        },
                                    },
                                    span,
                                    DataType::string(),
                                ),
                            ],
                        },
                        span,
                        to.clone(),
                    ),
                };
            }
            ExprKind::Cast { expr, to, .. } if to.is_string() && self.is_money(expr, 0) => {
                let inner = take(expr);
                **expr = cast(
                    inner,
                    DataType::Decimal {
                        precision: 19,
                        scale: 2,
                    },
                );
            }
            _ => {}
        }
    }

    fn stmt_scope(&self, s: &Stmt) -> Option<Vec<Entry>> {
        let mut out = Vec::new();
        let (target, alias) = match &s.kind {
            StmtKind::Update {
                target,
                alias,
                from,
                ..
            }
            | StmtKind::Delete {
                target,
                alias,
                from,
                ..
            } => {
                for r in from {
                    self.entries(r, &mut out, 0);
                }
                (target, alias)
            }
            StmtKind::Merge(m) => {
                self.entries(&m.source, &mut out, 0);
                (&m.target, &m.target_alias)
            }
            _ => return None,
        };
        let names = match alias {
            Some(a) => vec![a.value.to_lowercase()],
            None => vec![
                target.source.name().to_lowercase(),
                target.source.dotted().to_lowercase(),
            ],
        };
        out.insert(
            0,
            Entry {
                names,
                cols: self.table_cols(target),
                money: self.money_cols(target),
            },
        );
        Some(out)
    }

    fn column_type(&self, t: &TableName, col: &str) -> Option<DataType> {
        let cols = self.catalog.columns(t)?;
        let col = col.to_lowercase();
        cols.iter()
            .find(|c| c.name.to_lowercase() == col)
            .map(|c| c.ty.clone())
    }
}

/// Address of the leftmost SELECT block of a query body.
fn leftmost_select(s: &SetExpr, depth: usize) -> Option<usize> {
    if depth > 64 {
        return None;
    }
    match s {
        SetExpr::Select(sel) => Some(addr(&**sel)),
        SetExpr::SetOp { left, .. } => leftmost_select(left, depth + 1),
        SetExpr::Query(q) => leftmost_select(&q.body, depth + 1),
        SetExpr::Values(_) => None,
    }
}

fn rename(mut cols: Vec<(String, DataType)>, aliases: &[String]) -> Vec<(String, DataType)> {
    for (c, a) in cols.iter_mut().zip(aliases) {
        c.0 = a.clone();
    }
    cols
}

fn is_null_lit(e: &Expr) -> bool {
    matches!(lit_of(e), Some(Literal::Null))
}

fn is_temporal(t: &DataType) -> bool {
    matches!(
        t,
        DataType::Date | DataType::TimestampNtz | DataType::Timestamp
    )
}

/// A string literal compared with a date or timestamp is converted the way SQL Server
/// converts it (`'20240101'` is a valid date there; Spark's implicit cast rejects it).
fn coerce_string_literal(e: &mut Expr, to: &DataType) {
    if matches!(lit_of(e), Some(Literal::String { .. })) {
        coerce_literal(e, to);
    }
}

fn is_null_literal(e: &Expr) -> bool {
    matches!(lit_of(e), Some(Literal::Null))
}

fn coerce_int_to_bool(e: &mut Expr) {
    if let Some(Literal::Integer(_)) = lit_of(e) {
        coerce_literal(e, &DataType::Boolean);
    }
}

fn first_known(args: &[Expr]) -> DataType {
    args.iter()
        .map(|a| &a.ty)
        .find(|t| **t != DataType::Unknown)
        .cloned()
        .unwrap_or_default()
}

fn func_type(func: &Func, args: &[Expr], current: &DataType) -> DataType {
    let a0 = args.first().map(|a| a.ty.clone()).unwrap_or_default();
    let same_string = |a0: DataType| {
        if a0.is_string() {
            a0
        } else {
            DataType::string()
        }
    };
    match func {
        Func::Upper
        | Func::Lower
        | Func::Trim
        | Func::LTrim
        | Func::RTrim
        | Func::Replace
        | Func::Substring
        | Func::Left
        | Func::Right
        | Func::Reverse
        | Func::Stuff
        | Func::Translate => same_string(a0),
        Func::ConcatNullAsEmpty
        | Func::ConcatWs
        | Func::Repeat
        | Func::Space
        | Func::Chr
        | Func::StringSplit
        | Func::QuoteName
        | Func::Format
        | Func::NewUuid => DataType::string(),
        Func::LengthIgnoringTrailingSpaces
        | Func::CharLength
        | Func::OctetLength
        | Func::Locate
        | Func::PatternIndex
        | Func::Ascii
        | Func::IsNumeric
        | Func::IsDate
        | Func::ObjectId => DataType::Int,
        Func::DateDiffBoundaries(_) | Func::DatePart(_) => DataType::Int,
        Func::DateName(_) => DataType::string(),
        Func::Coalesce | Func::Greatest | Func::Least => first_known(args),
        Func::IfNullKeepFirstType | Func::NullIf => a0,
        Func::Abs
        | Func::Ceiling
        | Func::Floor
        | Func::Round
        | Func::RoundTruncate
        | Func::Sign => a0,
        Func::Power
        | Func::Sqrt
        | Func::Square
        | Func::Exp
        | Func::Ln
        | Func::Log10
        | Func::Pi
        | Func::Random => DataType::Double,
        Func::CurrentTimestamp | Func::CurrentTimestampUtc | Func::DateTimeFromParts => {
            DataType::TimestampNtz
        }
        Func::CurrentDate | Func::EndOfMonth | Func::DateFromParts => DataType::Date,
        Func::DateAdd(_) => args.get(1).map(|a| a.ty.clone()).unwrap_or_default(),
        Func::Hash(_) => DataType::Binary { max_len: None },
        Func::ConvertStyle { .. } => current.clone(),
    }
}

impl VisitorMut for Types {
    fn enter_query(&mut self, q: &mut Query) {
        for c in &q.with {
            if let Some(sel) = leftmost_select(&c.query.body, 0) {
                self.cte_anchor.insert(addr(&c.query), sel);
            }
        }
        let ctes = q
            .with
            .iter()
            .map(|c| {
                (
                    c.name.value.to_lowercase(),
                    addr(&c.query),
                    c.columns.iter().map(|i| i.value.clone()).collect(),
                )
            })
            .collect();
        self.ctes.push(ctes);
    }
    fn enter_order_by(&mut self, q: &mut Query) {
        let scope = self.last_select_scope.take();
        match (&q.body, scope) {
            (SetExpr::Select(_), Some(scope)) if !q.order_by.is_empty() => {
                self.scopes.push(scope);
                self.order_scope_pushed.push(true);
            }
            _ => self.order_scope_pushed.push(false),
        }
    }
    fn leave_order_by(&mut self, _q: &mut Query) {
        if self.order_scope_pushed.pop().unwrap_or(false) {
            self.scopes.pop();
        }
    }
    fn leave_query(&mut self, q: &mut Query) {
        self.ctes.pop();
        let cols = self.set_outputs(&q.body, 0);
        self.query_out.insert(addr(&*q), cols);
    }
    fn enter_select(&mut self, s: &mut Select) {
        let mut scope = Vec::new();
        for r in &s.from {
            self.entries(r, &mut scope, 0);
        }
        self.scopes.push(scope);
    }
    fn leave_select(&mut self, s: &mut Select) {
        let mut out = Some(Vec::new());
        for (i, it) in s.items.iter().enumerate() {
            let Some(o) = out.as_mut() else { break };
            match &it.expr.kind {
                ExprKind::Star { qualifier } | ExprKind::StarExcept { qualifier, .. } => {
                    let except: Vec<String> = match &it.expr.kind {
                        ExprKind::StarExcept { except, .. } => {
                            except.iter().map(|i| i.value.to_lowercase()).collect()
                        }
                        _ => vec![],
                    };
                    let q = qualifier.last().map(|i| i.value.to_lowercase());
                    let scope = self.scopes.last().map(|s| s.as_slice()).unwrap_or(&[]);
                    for e in scope {
                        if q.as_ref().is_some_and(|q| !e.names.contains(q)) {
                            continue;
                        }
                        match &e.cols {
                            Some(cs) => o.extend(
                                cs.iter()
                                    .filter(|c| !except.contains(&c.0.to_lowercase()))
                                    .cloned(),
                            ),
                            None => {
                                out = None;
                                break;
                            }
                        }
                    }
                }
                kind => {
                    let name = match (&it.alias, kind) {
                        (Some(a), _) => a.value.clone(),
                        (None, ExprKind::Column { name, .. }) => name.value.clone(),
                        _ => format!("_c{i}"),
                    };
                    o.push((name, it.expr.ty.clone()));
                }
            }
        }
        let mut scope = self.scopes.pop().unwrap_or_default();
        // ORDER BY may name output columns (aliases) as well as the FROM columns.
        if let Some(o) = &out {
            scope.insert(
                0,
                Entry {
                    names: vec![],
                    cols: Some(o.clone()),
                    ..Default::default()
                },
            );
        }
        self.last_select_scope = Some(scope);
        self.select_out.insert(addr(&*s), out);
    }
    fn leave_expr(&mut self, e: &mut Expr) {
        self.infer(e);
    }
    fn enter_stmt(&mut self, s: &mut Stmt) -> bool {
        if let StmtKind::CreateTable(def) = &mut s.kind {
            // A DEFAULT is stored into the column, so it follows the column's type
            // (`BIT … DEFAULT 0` is `BOOLEAN … DEFAULT FALSE`: Spark rejects an INT default).
            for c in &mut def.columns {
                if let Some(d) = &mut c.default {
                    coerce_literal(d, &c.ty);
                }
            }
        }
        if let StmtKind::CreateTable(def) = &s.kind {
            self.catalog.define(&def.name, column_infos(def));
        }
        let scope = match &s.kind {
            // Computed columns read the table's other columns.
            StmtKind::CreateTable(def) if def.columns.iter().any(|c| c.computed.is_some()) => {
                Some(vec![Entry {
                    names: vec![def.name.source.name().to_lowercase()],
                    cols: Some(
                        def.columns
                            .iter()
                            .filter(|c| c.computed.is_none())
                            .map(|c| (c.name.value.clone(), c.ty.clone()))
                            .collect(),
                    ),
                    // The table was just defined in the catalog (above).
                    money: self.money_cols(&def.name),
                }])
            }
            _ => self.stmt_scope(s),
        };
        match scope {
            Some(scope) => {
                self.scopes.push(scope);
                self.stmt_scope_pushed.push(true);
            }
            None => self.stmt_scope_pushed.push(false),
        }
        true
    }
    fn leave_stmt(&mut self, s: &mut Stmt) {
        if self.stmt_scope_pushed.pop().unwrap_or(false) {
            self.scopes.pop();
        }
        if let StmtKind::CreateTable(def) = &mut s.kind {
            // A computed column has the type of its expression.
            let mut changed = false;
            for c in &mut def.columns {
                if let (Some(e), DataType::Unknown) = (&c.computed, &c.ty) {
                    if e.ty != DataType::Unknown {
                        c.ty = e.ty.clone();
                        changed = true;
                    }
                }
            }
            if changed {
                self.catalog.define(&def.name, column_infos(def));
            }
        }
        match &mut s.kind {
            StmtKind::CreateTableAs { name, query } => {
                if let Some(cols) = self.query_cols(query) {
                    let cols = cols
                        .into_iter()
                        .map(|(name, ty)| ColumnInfo {
                            name,
                            ty,
                            default: None,
                            ..Default::default()
                        })
                        .collect();
                    self.catalog.define(name, cols);
                }
            }
            StmtKind::CreateView {
                name,
                columns,
                query,
                ..
            } => {
                if let Some(cols) = self.query_cols(query) {
                    let aliases: Vec<String> = columns.iter().map(|c| c.value.clone()).collect();
                    let cols = rename(cols, &aliases)
                        .into_iter()
                        .map(|(name, ty)| ColumnInfo {
                            name,
                            ty,
                            default: None,
                            ..Default::default()
                        })
                        .collect();
                    self.catalog.define(name, cols);
                }
            }
            StmtKind::AlterTable { name, actions } => {
                let key = table_key(name);
                if let Some(cols) = self.catalog.tables.get_mut(&key) {
                    for a in actions.iter() {
                        if let AlterAction::AddColumns(cs) = a {
                            cols.extend(cs.iter().map(|c| ColumnInfo {
                                name: c.name.value.clone(),
                                ty: c.ty.clone(),
                                default: c.default.clone(),
                                identity: c.identity,
                                source_type: c.source_type.clone(),
                            }));
                        }
                    }
                }
            }
            StmtKind::Declare(decls) => {
                for d in decls.iter_mut() {
                    if let DataType::Table(cols) = &d.ty {
                        let cols = cols
                            .iter()
                            .map(|(n, t)| ColumnInfo {
                                name: n.clone(),
                                ty: t.clone(),
                                default: None,
                                ..Default::default()
                            })
                            .collect();
                        let tn = TableName {
                            source: sqlxlate_ir::ObjectName { parts: vec![] },
                            kind: TableKind::Variable,
                            target: Some(sqlxlate_ir::TargetName {
                                catalog: None,
                                schema: None,
                                name: format!("tv_{}", d.name.to_lowercase()),
                                zone: None,
                            }),
                        };
                        self.catalog.define(&tn, cols);
                    }
                    if let Some(init) = &mut d.init {
                        coerce_literal(init, &d.ty);
                    }
                    self.vars.insert(d.name.to_lowercase(), d.ty.clone());
                }
            }
            StmtKind::SetVar { name, value } => {
                let t = self.var_type(name);
                coerce_literal(value, &t);
            }
            StmtKind::Insert {
                target,
                columns,
                source: InsertSource::Query(q),
                ..
            } => {
                let Some(cols) = self.catalog.columns(target) else {
                    return;
                };
                // Without a column list an IDENTITY column takes no value.
                let targets: Vec<&ColumnInfo> = if columns.is_empty() {
                    cols.iter().filter(|c| c.identity.is_none()).collect()
                } else {
                    columns
                        .iter()
                        .filter_map(|c| {
                            let n = c.value.to_lowercase();
                            cols.iter().find(|k| k.name.to_lowercase() == n)
                        })
                        .collect()
                };
                if !columns.is_empty() && targets.len() != columns.len() {
                    return;
                }
                let slots: Vec<DataType> = targets.iter().map(|c| c.ty.clone()).collect();
                // A UNIQUEIDENTIFIER stores (and shows) its hex digits in upper case.
                let guid: Vec<bool> = targets
                    .iter()
                    .map(|c| c.source_type.eq_ignore_ascii_case("uniqueidentifier"))
                    .collect();
                let upper_guid = |e: &mut Expr, g: bool| {
                    if g {
                        if let ExprKind::Literal {
                            value: Literal::String { value: s, .. },
                        } = &mut e.kind
                        {
                            *s = s.to_uppercase();
                        }
                    }
                };
                match &mut q.body {
                    SetExpr::Values(rows) => {
                        for row in rows {
                            for ((e, t), g) in row.iter_mut().zip(&slots).zip(&guid) {
                                coerce_literal(e, t);
                                upper_guid(e, *g);
                            }
                        }
                    }
                    SetExpr::Select(sel) => {
                        for ((it, t), g) in sel.items.iter_mut().zip(&slots).zip(&guid) {
                            coerce_literal(&mut it.expr, t);
                            upper_guid(&mut it.expr, *g);
                        }
                    }
                    _ => {}
                }
            }
            StmtKind::Update {
                target,
                assignments,
                ..
            } => {
                for a in assignments.iter_mut() {
                    if let Some(t) = self.column_type(target, &a.column.value) {
                        coerce_literal(&mut a.value, &t);
                    }
                }
            }
            StmtKind::Merge(m) => {
                let target = m.target.clone();
                for c in m.clauses.iter_mut() {
                    match &mut c.action {
                        MergeAction::Update { assignments } => {
                            for a in assignments.iter_mut() {
                                if let Some(t) = self.column_type(&target, &a.column.value) {
                                    coerce_literal(&mut a.value, &t);
                                }
                            }
                        }
                        MergeAction::Insert { columns, values } => {
                            let names: Vec<String> = if columns.is_empty() {
                                self.catalog
                                    .columns(&target)
                                    .map(|cs| cs.iter().map(|c| c.name.clone()).collect())
                                    .unwrap_or_default()
                            } else {
                                columns.iter().map(|c| c.value.clone()).collect()
                            };
                            for (v, n) in values.iter_mut().zip(&names) {
                                if let Some(t) = self.column_type(&target, n) {
                                    coerce_literal(v, &t);
                                }
                            }
                        }
                        MergeAction::Delete => {}
                    }
                }
            }
            _ => {}
        }
    }
    fn too_deep(&mut self, span: Span) {
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX2500.code,
                    span,
                    "nesting deeper than 256 levels; expressions inside were not typed",
                )
                .with_hint("split the statement into smaller ones"),
            );
        }
    }
}

#[cfg(test)]
mod tests;
