//! Collation pass: keeps the source's string comparison semantics.
//!
//! With a case-insensitive or trailing-space-insensitive source collation, every
//! string column of every CREATE TABLE (temporary tables and table variables
//! included) gets that collation explicitly (`DataType::String { collation: Some(..) }`,
//! printed `COLLATE UTF8_LCASE_RTRIM` / `UTF8_BINARY_RTRIM`). Tables created from
//! queries (SELECT INTO, views) inherit the collation of their source columns in Spark.
//! A binary source collation needs nothing. Explicit `COLLATE` clauses in the source
//! are kept and noted. Each measure adds one sentence to the report's collation notes.

use sqlxlate_diagnostics::Diagnostic;
use sqlxlate_ir::visit::{self, VisitorMut};
use sqlxlate_ir::{Collation, DataType, Expr, ExprKind, Module, Stmt, StmtKind};

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
    };
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
                    if matches!(d.ty, DataType::Table(_)) && apply(&mut d.ty, self.collation) {
                        self.tables
                            .push((format!("@{}", d.name), vec!["string columns".into()]));
                    }
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
