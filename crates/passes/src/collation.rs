//! Collation pass: keeps the source's string comparison semantics.
//!
//! With a case-insensitive or trailing-space-insensitive source collation, every
//! string column of every CREATE TABLE (temporary tables and table variables
//! included) gets that collation explicitly (`DataType::String { collation: Some(..) }`,
//! printed `COLLATE UTF8_LCASE_RTRIM` / `UTF8_BINARY_RTRIM`). Tables created from
//! queries (SELECT INTO, views) inherit the collation of their source columns in Spark.
//! Spark rejects comparing strings of different collations, so string variables and
//! routine parameters get the collation too, and computed string columns of SELECT INTO
//! tables (literals, expressions) are wrapped in `ExprKind::Collate` with an empty
//! `source_name` (meaning: inserted by this pass). Verified on Spark 4.1: a session
//! variable or scripting local declared `STRING` compared with a `UTF8_LCASE_RTRIM`
//! column fails with INDETERMINATE_COLLATION_IN_EXPRESSION; declared
//! `STRING COLLATE UTF8_LCASE_RTRIM` it works.
//! A binary source collation needs nothing. Explicit `COLLATE` clauses in the source
//! are kept and noted. Each measure adds one sentence to the report's collation notes.

use sqlxlate_diagnostics::Diagnostic;
use sqlxlate_ir::visit::{self, VisitorMut};
use sqlxlate_ir::{Collation, DataType, Expr, ExprKind, Module, SetExpr, Stmt, StmtKind, UnitKind};

use crate::naming::target_display;
use crate::PassOptions;

/// The Spark collation name for a source collation.
pub fn spark_name(c: Collation) -> &'static str {
    match c {
        Collation::Binary => "UTF8_BINARY",
        Collation::CaseInsensitiveRtrim => "UTF8_LCASE_RTRIM",
        Collation::BinaryRtrim => "UTF8_BINARY_RTRIM",
    }
}

/// Runs the collation pass; returns the report notes and diagnostics.
pub fn run(module: &mut Module, options: &PassOptions) -> (Vec<String>, Vec<Diagnostic>) {
    let mut v = Coll {
        collation: options.collation,
        tables: Vec::new(),
        explicit: Vec::new(),
        variables: Vec::new(),
        derived: Vec::new(),
    };
    if options.collation != Collation::Binary {
        for u in module.units.iter_mut() {
            let params = match &mut u.kind {
                UnitKind::Procedure(p) => &mut p.params,
                UnitKind::Function(f) => &mut f.params,
                _ => continue,
            };
            for p in params.iter_mut() {
                if apply(&mut p.ty, options.collation) {
                    v.variables.push(format!("@{}", p.name));
                }
            }
        }
    }
    visit::walk_module_mut(&mut v, module);
    let mut notes = Vec::new();
    let name = spark_name(options.collation);
    if options.collation == Collation::Binary {
        notes.push(
            "The source collation is binary, as Spark's default UTF8_BINARY: string comparisons need no change."
                .to_string(),
        );
    } else if v.tables.is_empty() {
        notes.push(format!(
            "No CREATE TABLE with string columns in the input: tables created elsewhere must use {name} on their string columns to compare strings like the source."
        ));
    } else {
        let list = v
            .tables
            .iter()
            .map(|(t, cols)| format!("{t} ({})", cols.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        notes.push(format!(
            "String columns were declared COLLATE {name} so that comparisons, joins, GROUP BY, DISTINCT and ORDER BY ignore case and trailing spaces as in the source: {list}."
        ));
        notes.push(
            "Tables created from queries (SELECT INTO, views) inherit the collation of the columns they select.".to_string(),
        );
    }
    if !v.variables.is_empty() {
        notes.push(format!(
            "String variables and parameters were declared COLLATE {name} so that comparing them with collated columns is allowed and behaves as in the source: {}.",
            v.variables.join(", ")
        ));
    }
    if !v.derived.is_empty() {
        notes.push(format!(
            "Computed string columns of tables created from queries were given COLLATE {name} explicitly (Spark rejects comparisons between columns of different collations): {}.",
            v.derived.join("; ")
        ));
    }
    for (source_name, c) in v.explicit {
        notes.push(format!(
            "An explicit COLLATE {source_name} in the source was kept as COLLATE {}.",
            spark_name(c)
        ));
    }
    (notes, Vec::new())
}

struct Coll {
    collation: Collation,
    tables: Vec<(String, Vec<String>)>,
    explicit: Vec<(String, Collation)>,
    variables: Vec<String>,
    derived: Vec<String>,
}

/// Wraps the string-typed, computed (non-column) items of every SELECT block of a
/// set expression in an explicit collation; returns the names of the wrapped items.
fn collate_items(body: &mut SetExpr, c: Collation, depth: usize) -> Vec<String> {
    let mut out = Vec::new();
    if depth > 64 {
        return out;
    }
    match body {
        SetExpr::Select(sel) => {
            for (i, it) in sel.items.iter_mut().enumerate() {
                let computed = !matches!(
                    it.expr.kind,
                    ExprKind::Column { .. }
                        | ExprKind::Star { .. }
                        | ExprKind::StarExcept { .. }
                        | ExprKind::Collate { .. }
                );
                if computed && it.expr.ty.is_string() {
                    let span = it.expr.span;
                    let mut ty = it.expr.ty.clone();
                    if let DataType::String { collation, .. } = &mut ty {
                        *collation = Some(c);
                    }
                    let inner = std::mem::replace(
                        &mut it.expr,
                        Expr::new(ExprKind::Star { qualifier: vec![] }, span),
                    );
                    it.expr = Expr::typed(
                        ExprKind::Collate {
                            expr: Box::new(inner),
                            collation: c,
                            source_name: String::new(),
                        },
                        span,
                        ty,
                    );
                    out.push(
                        it.alias
                            .as_ref()
                            .map(|a| a.value.clone())
                            .unwrap_or_else(|| format!("column {}", i + 1)),
                    );
                }
            }
        }
        SetExpr::SetOp { left, right, .. } => {
            out.extend(collate_items(left, c, depth + 1));
            collate_items(right, c, depth + 1);
        }
        SetExpr::Query(q) => out.extend(collate_items(&mut q.body, c, depth + 1)),
        SetExpr::Values(_) => {}
    }
    out
}

fn apply(ty: &mut DataType, c: Collation) -> bool {
    match ty {
        DataType::String { collation, .. } if collation.is_none() => {
            *collation = Some(c);
            true
        }
        DataType::Table(cols) => {
            let mut any = false;
            for (_, t) in cols {
                any |= apply(t, c);
            }
            any
        }
        _ => false,
    }
}

impl VisitorMut for Coll {
    fn leave_stmt(&mut self, s: &mut Stmt) {
        if self.collation == Collation::Binary {
            return;
        }
        match &mut s.kind {
            StmtKind::CreateTable(def) => {
                let mut cols = Vec::new();
                for c in def.columns.iter_mut() {
                    if apply(&mut c.ty, self.collation) {
                        cols.push(c.name.value.clone());
                    }
                }
                if !cols.is_empty() {
                    let name = def
                        .name
                        .target
                        .as_ref()
                        .map(target_display)
                        .unwrap_or_else(|| def.name.source.dotted());
                    self.tables.push((name, cols));
                }
            }
            StmtKind::Declare(decls) => {
                for d in decls.iter_mut() {
                    let table = matches!(d.ty, DataType::Table(_));
                    if apply(&mut d.ty, self.collation) {
                        if table {
                            self.tables
                                .push((format!("@{}", d.name), vec!["string columns".into()]));
                        } else {
                            self.variables.push(format!("@{}", d.name));
                        }
                    }
                }
            }
            StmtKind::CreateTableAs { name, query } => {
                let cols = collate_items(&mut query.body, self.collation, 0);
                if !cols.is_empty() {
                    let name = name
                        .target
                        .as_ref()
                        .map(target_display)
                        .unwrap_or_else(|| name.source.dotted());
                    self.derived.push(format!("{name} ({})", cols.join(", ")));
                }
            }
            _ => {}
        }
    }
    fn leave_expr(&mut self, e: &mut Expr) {
        if let ExprKind::Collate {
            collation,
            source_name,
            ..
        } = &e.kind
        {
            if *collation != self.collation && !self.explicit.iter().any(|(n, _)| n == source_name)
            {
                self.explicit.push((source_name.clone(), *collation));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::*;
    use crate::tests::{module_of, opts, stmt_kinds};
    use sqlxlate_ir::{ColumnDef, Profile, Span, TableDef, TableKind};

    fn coldef(name: &str, ty: DataType) -> ColumnDef {
        ColumnDef {
            name: ident(name, Span::default()),
            ty,
            source_type: String::new(),
            not_null: false,
            default: None,
            identity: None,
            computed: None,
            span: Span::default(),
        }
    }

    #[test]
    fn string_columns_get_the_source_collation() {
        let def = TableDef {
            name: table_name(&["#t"], TableKind::Temp, Span::default()),
            columns: vec![
                coldef("id", DataType::Int),
                coldef("Name", DataType::string()),
            ],
            constraints: vec![],
        };
        let mut m = module_of(vec![StmtKind::CreateTable(def)]);
        let (notes, _) = run(&mut m, &opts(Profile::Portable));
        match &stmt_kinds(&m)[0] {
            StmtKind::CreateTable(d) => {
                assert_eq!(d.columns[0].ty, DataType::Int);
                assert_eq!(
                    d.columns[1].ty,
                    DataType::String {
                        max_len: None,
                        fixed: false,
                        collation: Some(Collation::CaseInsensitiveRtrim)
                    }
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(notes[0].contains("UTF8_LCASE_RTRIM"), "{notes:?}");
        assert!(notes[0].contains("(Name)"), "{notes:?}");
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use crate::build::*;
    use crate::tests::{module_of, opts, stmt_kinds};
    use sqlxlate_ir::{Profile, Span, TableKind, VarDecl};

    #[test]
    fn variables_and_computed_select_into_columns_get_the_collation() {
        let sp = Span::default();
        let decl = StmtKind::Declare(vec![VarDecl {
            name: "p".into(),
            ty: DataType::string(),
            init: None,
            span: sp,
        }]);
        let q = query(select(
            vec![
                item(string("GOLD", sp), Some("p")),
                item(col(None, "id", sp), None),
            ],
            vec![],
            None,
            sp,
        ));
        let ctas = StmtKind::CreateTableAs {
            name: table_name(&["#c"], TableKind::Temp, sp),
            query: Box::new(q),
        };
        let mut m = module_of(vec![decl, ctas]);
        let (notes, _) = run(&mut m, &opts(Profile::Portable));
        let kinds = stmt_kinds(&m);
        let StmtKind::Declare(d) = &kinds[0] else {
            unreachable!()
        };
        assert!(matches!(
            d[0].ty,
            DataType::String {
                collation: Some(Collation::CaseInsensitiveRtrim),
                ..
            }
        ));
        let StmtKind::CreateTableAs { query, .. } = &kinds[1] else {
            unreachable!()
        };
        let SetExpr::Select(s) = &query.body else {
            unreachable!()
        };
        assert!(matches!(
            &s.items[0].expr.kind,
            ExprKind::Collate { collation: Collation::CaseInsensitiveRtrim, source_name, .. } if source_name.is_empty()
        ));
        assert!(matches!(s.items[1].expr.kind, ExprKind::Column { .. }));
        assert!(notes.iter().any(|n| n.contains("@p")), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("#c (p)")), "{notes:?}");
    }
}
