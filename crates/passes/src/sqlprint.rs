//! A minimal SQL printer for tests only: enough of the IR to read rewritten shapes
//! and to run them on local Spark. The real printer is the emitter crate.
#![allow(dead_code)]

use sqlxlate_ir::*;

use crate::naming::target_display;

pub fn table(t: &TableName) -> String {
    t.target
        .as_ref()
        .map(target_display)
        .unwrap_or_else(|| t.source.dotted())
}

fn ty(t: &DataType) -> String {
    match t {
        DataType::Boolean => "BOOLEAN".into(),
        DataType::SmallInt => "SMALLINT".into(),
        DataType::Int => "INT".into(),
        DataType::BigInt => "BIGINT".into(),
        DataType::Decimal { precision, scale } => format!("DECIMAL({precision},{scale})"),
        DataType::Double => "DOUBLE".into(),
        DataType::String {
            collation: Some(Collation::CaseInsensitiveRtrim),
            ..
        } => "STRING COLLATE UTF8_LCASE_RTRIM".into(),
        DataType::String { .. } => "STRING".into(),
        DataType::Date => "DATE".into(),
        DataType::TimestampNtz => "TIMESTAMP_NTZ".into(),
        other => format!("{other:?}"),
    }
}

fn qn(q: &[Ident], n: &str) -> String {
    let mut parts: Vec<&str> = q.iter().map(|i| i.value.as_str()).collect();
    parts.push(n);
    parts.join(".")
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Literal { value } => match value {
            Literal::Null => "NULL".into(),
            Literal::Boolean(b) => if *b { "TRUE" } else { "FALSE" }.into(),
            Literal::Integer(s) | Literal::Decimal(s) | Literal::Float(s) => s.clone(),
            Literal::String { value, .. } => format!("'{}'", value.replace('\'', "''")),
            other => format!("{other:?}"),
        },
        ExprKind::Column { qualifier, name } => qn(qualifier, &name.value),
        ExprKind::Variable { name } => format!("v_{name}"),
        ExprKind::Star { qualifier } => qn(qualifier, "*"),
        ExprKind::StarExcept { qualifier, except } => format!(
            "{} EXCEPT ({})",
            qn(qualifier, "*"),
            except
                .iter()
                .map(|i| i.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ExprKind::Unary { op, expr: x } => match op {
            UnaryOp::Not => format!("NOT {}", expr(x)),
            UnaryOp::Neg => format!("-{}", expr(x)),
            _ => expr(x),
        },
        ExprKind::Binary { op, left, right } => {
            let o = match op {
                BinaryOp::Add => "+",
                BinaryOp::Sub => "-",
                BinaryOp::Mul => "*",
                BinaryOp::Div | BinaryOp::FracDiv => "/",
                BinaryOp::IntDiv => "DIV",
                BinaryOp::Mod => "%",
                BinaryOp::Concat => "||",
                BinaryOp::Eq => "=",
                BinaryOp::NotEq => "<>",
                BinaryOp::Lt => "<",
                BinaryOp::LtEq => "<=",
                BinaryOp::Gt => ">",
                BinaryOp::GtEq => ">=",
                BinaryOp::And => "AND",
                BinaryOp::Or => "OR",
                _ => "?",
            };
            format!("{} {o} {}", expr(left), expr(right))
        }
        ExprKind::Func { func, args } => {
            let name = match func {
                Func::Coalesce => "coalesce",
                Func::Ceiling => "ceil",
                _ => "f",
            };
            format!("{name}({})", list(args))
        }
        ExprKind::Agg {
            func, args, over, ..
        } => {
            let name = match func {
                AggFunc::Count => "count",
                AggFunc::Max => "max",
                AggFunc::Avg => "avg",
                _ => "agg",
            };
            let mut s = format!("{name}({})", list(args));
            if let Some(w) = over {
                s.push_str(&format!(" OVER ({})", window(w)));
            }
            s
        }
        ExprKind::Window { func, over, .. } => {
            let name = match func {
                WindowFunc::Rank => "rank",
                WindowFunc::RowNumber => "row_number",
                _ => "w",
            };
            format!("{name}() OVER ({})", window(over))
        }
        ExprKind::Case { whens, else_, .. } => {
            let mut s = "CASE".to_string();
            for w in whens {
                s.push_str(&format!(" WHEN {} THEN {}", expr(&w.when), expr(&w.then)));
            }
            if let Some(x) = else_ {
                s.push_str(&format!(" ELSE {}", expr(x)));
            }
            s + " END"
        }
        ExprKind::Cast { expr: x, to, .. } => format!("CAST({} AS {})", expr(x), ty(to)),
        ExprKind::IsNull { expr: x, negated } => {
            format!("{} IS {}NULL", expr(x), if *negated { "NOT " } else { "" })
        }
        ExprKind::Exists { query: q, negated } => {
            format!(
                "{}EXISTS ({})",
                if *negated { "NOT " } else { "" },
                query(q)
            )
        }
        ExprKind::Subquery { query: q } => format!("({})", query(q)),
        ExprKind::Nested { expr: x } => format!("({})", expr(x)),
        other => format!("{other:?}"),
    }
}

fn list(es: &[Expr]) -> String {
    es.iter().map(expr).collect::<Vec<_>>().join(", ")
}

fn window(w: &WindowSpec) -> String {
    if w.order_by.is_empty() {
        return String::new();
    }
    format!("ORDER BY {}", order(&w.order_by))
}

fn order(o: &[OrderBy]) -> String {
    o.iter()
        .map(|o| format!("{}{}", expr(&o.expr), if o.desc { " DESC" } else { "" }))
        .collect::<Vec<_>>()
        .join(", ")
}

fn relation(r: &Relation) -> String {
    match r {
        Relation::Table { name, alias, .. } => match alias {
            Some(a) => format!("{} AS {}", table(name), a.value),
            None => table(name),
        },
        Relation::Derived {
            query: q, alias, ..
        } => format!(
            "({}) AS {}",
            query(q),
            alias.as_ref().map(|a| a.value.as_str()).unwrap_or("_d")
        ),
        Relation::Join {
            kind,
            left,
            right,
            on,
            ..
        } => {
            let k = match kind {
                JoinKind::Inner => "JOIN",
                JoinKind::Left => "LEFT JOIN",
                JoinKind::Cross => "CROSS JOIN",
                _ => "?JOIN",
            };
            let mut s = format!("{} {k} {}", relation(left), relation(right));
            if let Some(on) = on {
                s.push_str(&format!(" ON {}", expr(on)));
            }
            s
        }
        other => format!("{other:?}"),
    }
}

fn set_expr(s: &SetExpr) -> String {
    match s {
        SetExpr::Select(sel) => {
            let items = sel
                .items
                .iter()
                .map(|i| match &i.alias {
                    Some(a) => format!("{} AS {}", expr(&i.expr), a.value),
                    None => expr(&i.expr),
                })
                .collect::<Vec<_>>()
                .join(", ");
            let mut s = format!("SELECT {items}");
            if !sel.from.is_empty() {
                s.push_str(&format!(
                    " FROM {}",
                    sel.from.iter().map(relation).collect::<Vec<_>>().join(", ")
                ));
            }
            if let Some(w) = &sel.selection {
                s.push_str(&format!(" WHERE {}", expr(w)));
            }
            if let Some(w) = &sel.qualify {
                s.push_str(&format!(" QUALIFY {}", expr(w)));
            }
            s
        }
        SetExpr::SetOp {
            left, right, all, ..
        } => format!(
            "{} UNION{} {}",
            set_expr(left),
            if *all { " ALL" } else { "" },
            set_expr(right)
        ),
        SetExpr::Query(q) => format!("({})", query(q)),
        SetExpr::Values(rows) => format!(
            "VALUES {}",
            rows.iter()
                .map(|r| format!("({})", list(r)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub fn query(q: &Query) -> String {
    let mut s = set_expr(&q.body);
    if !q.order_by.is_empty() {
        s.push_str(&format!(" ORDER BY {}", order(&q.order_by)));
    }
    if let Some(l) = &q.limit {
        if let Some(c) = &l.count {
            s.push_str(&format!(" LIMIT {}", expr(c)));
        }
    }
    s
}

pub fn stmt(s: &StmtKind) -> String {
    match s {
        StmtKind::Query(q) => query(q),
        StmtKind::CreateTable(def) => format!(
            "CREATE TABLE {} ({})",
            table(&def.name),
            def.columns
                .iter()
                .map(|c| format!("{} {}", c.name.value, ty(&c.ty)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        StmtKind::CreateTableAs { name, query: q } => {
            format!("CREATE TABLE {} AS {}", table(name), query(q))
        }
        StmtKind::Insert {
            target,
            source,
            overwrite,
            ..
        } => {
            let src = match source {
                InsertSource::Query(q) => query(q),
                InsertSource::DefaultValues => "DEFAULT VALUES".into(),
            };
            format!(
                "INSERT {} {} {src}",
                if *overwrite { "OVERWRITE" } else { "INTO" },
                table(target)
            )
        }
        StmtKind::Drop {
            names, if_exists, ..
        } => format!(
            "DROP TABLE {}{}",
            if *if_exists { "IF EXISTS " } else { "" },
            names.iter().map(table).collect::<Vec<_>>().join(", ")
        ),
        StmtKind::Truncate { name } => format!("TRUNCATE TABLE {}", table(name)),
        StmtKind::Update {
            target,
            alias,
            assignments,
            from,
            selection,
        } => {
            let mut s = format!(
                "UPDATE {}{} SET {}",
                table(target),
                alias
                    .as_ref()
                    .map(|a| format!(" AS {}", a.value))
                    .unwrap_or_default(),
                assignments
                    .iter()
                    .map(|a| format!("{} = {}", a.column.value, expr(&a.value)))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if !from.is_empty() {
                s.push_str(" FROM ...");
            }
            if let Some(w) = selection {
                s.push_str(&format!(" WHERE {}", expr(w)));
            }
            s
        }
        StmtKind::Delete {
            target,
            alias,
            selection,
            ..
        } => {
            let mut s = format!(
                "DELETE FROM {}{}",
                table(target),
                alias
                    .as_ref()
                    .map(|a| format!(" AS {}", a.value))
                    .unwrap_or_default()
            );
            if let Some(w) = selection {
                s.push_str(&format!(" WHERE {}", expr(w)));
            }
            s
        }
        StmtKind::Merge(m) => {
            let mut s = format!(
                "MERGE INTO {}{} USING {} ON {}",
                table(&m.target),
                m.target_alias
                    .as_ref()
                    .map(|a| format!(" AS {}", a.value))
                    .unwrap_or_default(),
                relation(&m.source),
                expr(&m.on)
            );
            for c in &m.clauses {
                let w = match c.matched {
                    MergeMatch::Matched => "MATCHED",
                    MergeMatch::NotMatchedByTarget => "NOT MATCHED",
                    MergeMatch::NotMatchedBySource => "NOT MATCHED BY SOURCE",
                };
                s.push_str(&format!(" WHEN {w}"));
                if let Some(cond) = &c.condition {
                    s.push_str(&format!(" AND {}", expr(cond)));
                }
                match &c.action {
                    MergeAction::Delete => s.push_str(" THEN DELETE"),
                    MergeAction::Update { assignments } => s.push_str(&format!(
                        " THEN UPDATE SET {}",
                        assignments
                            .iter()
                            .map(|a| format!("{} = {}", a.column.value, expr(&a.value)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                    MergeAction::Insert { columns, values } => s.push_str(&format!(
                        " THEN INSERT ({}) VALUES ({})",
                        columns
                            .iter()
                            .map(|c| c.value.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                        list(values)
                    )),
                }
            }
            s
        }
        other => format!("{other:?}"),
    }
}
