//! Tests of the types pass.

use super::*;
use crate::build::*;
use crate::tests::{module_of, opts, stmt_kinds};
use sqlxlate_ir::{ColumnDef, Profile, SelectItem, TableDef};

fn sp() -> Span {
    Span::new(1, 2)
}
fn coldef(name: &str, ty: DataType) -> ColumnDef {
    crate::tests::coldef_at(name, ty, sp())
}
fn member() -> StmtKind {
    StmtKind::CreateTable(TableDef {
        name: table_name(&["dbo", "Member"], TableKind::Permanent, sp()),
        columns: vec![
            coldef("ID", DataType::Int),
            coldef("Name", DataType::string()),
            coldef("Code", DataType::string()),
            coldef("Active", DataType::Boolean),
            coldef(
                "Amount",
                DataType::Decimal {
                    precision: 10,
                    scale: 2,
                },
            ),
        ],
        constraints: vec![],
    })
}
fn member_rel(alias: Option<&str>) -> Relation {
    rel(
        table_name(&["Member"], TableKind::Permanent, sp()),
        alias,
        sp(),
    )
}
/// Runs naming + types over `CREATE TABLE dbo.Member …; SELECT <items> FROM Member m`
/// and returns the typed select items.
fn typed_items(items: Vec<Expr>) -> (Vec<SelectItem>, Vec<Diagnostic>) {
    let q = query(select(
        items.into_iter().map(|e| item(e, None)).collect(),
        vec![member_rel(Some("m"))],
        None,
        sp(),
    ));
    let mut m = module_of(vec![member(), StmtKind::Query(Box::new(q))]);
    let o = opts(Profile::Databricks);
    crate::naming::run(&mut m, &o);
    let (_, diags) = run(&mut m, &o);
    match stmt_kinds(&m).pop() {
        Some(StmtKind::Query(q)) => match q.body {
            SetExpr::Select(s) => (s.items, diags),
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}

/// Runs naming + types over `CREATE TABLE dbo.Charge (price MONEY, qty INT,
/// at DATETIME); SELECT <items> FROM dbo.Charge`, returning the typed items.
fn charge_items(items: Vec<Expr>) -> Vec<SelectItem> {
    let mut price = coldef(
        "price",
        DataType::Decimal {
            precision: 19,
            scale: 4,
        },
    );
    price.source_type = "MONEY".into();
    let create = StmtKind::CreateTable(TableDef {
        name: table_name(&["dbo", "Charge"], TableKind::Permanent, sp()),
        columns: vec![
            price,
            coldef("qty", DataType::Int),
            coldef("at", DataType::TimestampNtz),
        ],
        constraints: vec![],
    });
    let q = query(select(
        items.into_iter().map(|e| item(e, None)).collect(),
        vec![rel(
            table_name(&["dbo", "Charge"], TableKind::Permanent, sp()),
            None,
            sp(),
        )],
        None,
        sp(),
    ));
    let mut m = module_of(vec![create, StmtKind::Query(Box::new(q))]);
    let o = opts(Profile::Databricks);
    crate::naming::run(&mut m, &o);
    run(&mut m, &o);
    match stmt_kinds(&m).pop() {
        Some(StmtKind::Query(q)) => match q.body {
            SetExpr::Select(s) => s.items,
            _ => unreachable!(),
        },
        _ => unreachable!(),
    }
}

#[test]
fn datetime_plus_number_adds_days_and_money_keeps_money() {
    let items = charge_items(vec![
        bin(BinaryOp::Add, col(None, "at", sp()), int(1, sp())),
        bin(
            BinaryOp::Div,
            col(None, "price", sp()),
            col(None, "qty", sp()),
        ),
        Expr::typed(
            ExprKind::Cast {
                expr: Box::new(col(None, "price", sp())),
                to: DataType::string(),
                mode: CastMode::Strict,
            },
            sp(),
            DataType::string(),
        ),
    ]);
    assert!(matches!(
        &items[0].expr.kind,
        ExprKind::Func {
            func: Func::DateAdd(sqlxlate_ir::DateUnit::Day),
            ..
        }
    ));
    assert_eq!(items[0].expr.ty, DataType::TimestampNtz);
    let money = DataType::Decimal {
        precision: 19,
        scale: 4,
    };
    assert!(
        matches!(&items[1].expr.kind, ExprKind::Cast { to, .. } if *to == money),
        "{:?}",
        items[1].expr
    );
    let ExprKind::Cast { expr, .. } = &items[2].expr.kind else {
        panic!("{:?}", items[2].expr)
    };
    assert!(matches!(
        &expr.kind,
        ExprKind::Cast {
            to: DataType::Decimal { scale: 2, .. },
            ..
        }
    ));
}

#[test]
fn plus_on_strings_becomes_concat_and_string_plus_number_adds() {
    let (items, diags) = typed_items(vec![
        bin(
            BinaryOp::Add,
            col(Some("m"), "Name", sp()),
            col(None, "code", sp()),
        ),
        bin(BinaryOp::Add, string("1", sp()), int(2, sp())),
    ]);
    assert!(diags.is_empty());
    match &items[0].expr.kind {
        ExprKind::Binary { op, .. } => assert_eq!(*op, BinaryOp::Concat),
        k => panic!("{k:?}"),
    }
    assert!(items[0].expr.ty.is_string());
    match &items[1].expr.kind {
        ExprKind::Binary { op, left, .. } => {
            assert_eq!(*op, BinaryOp::Add);
            match &left.kind {
                ExprKind::Cast { to, expr, .. } => {
                    assert_eq!(*to, DataType::Int);
                    assert!(matches!(expr.kind, ExprKind::Literal { .. }));
                }
                k => panic!("{k:?}"),
            }
        }
        k => panic!("{k:?}"),
    }
    assert_eq!(items[1].expr.ty, DataType::Int);
}

#[test]
fn division_is_integer_or_fractional_by_operand_types() {
    let (items, diags) = typed_items(vec![
        bin(BinaryOp::Div, col(None, "id", sp()), int(2, sp())),
        bin(BinaryOp::Div, col(None, "Amount", sp()), int(2, sp())),
        bin(BinaryOp::Div, col(None, "nosuch", sp()), int(2, sp())),
    ]);
    let ops: Vec<BinaryOp> = items
        .iter()
        .map(|i| match &i.expr.kind {
            ExprKind::Binary { op, .. } => *op,
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        ops,
        vec![BinaryOp::IntDiv, BinaryOp::FracDiv, BinaryOp::FracDiv]
    );
    assert_eq!(items[0].expr.ty, DataType::Int);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "SX3500");
}

#[test]
fn avg_of_integer_is_cast_back_to_integer() {
    let (items, _) = typed_items(vec![agg(AggFunc::Avg, vec![col(None, "ID", sp())], sp())]);
    match &items[0].expr.kind {
        ExprKind::Cast { to, expr, mode } => {
            assert_eq!(*to, DataType::Int);
            assert_eq!(*mode, CastMode::Strict);
            assert!(matches!(
                expr.kind,
                ExprKind::Agg {
                    func: AggFunc::Avg,
                    ..
                }
            ));
        }
        k => panic!("{k:?}"),
    }
    assert_eq!(items[0].expr.ty, DataType::Int);
}

#[test]
fn bit_compared_with_integer_literal_uses_boolean_literal() {
    let (items, _) = typed_items(vec![
        bin(BinaryOp::Eq, col(Some("m"), "Active", sp()), int(1, sp())),
        bin(BinaryOp::NotEq, int(0, sp()), col(None, "active", sp())),
    ]);
    match &items[0].expr.kind {
        ExprKind::Binary { right, .. } => assert_eq!(
            right.kind,
            ExprKind::Literal {
                value: Literal::Boolean(true)
            }
        ),
        k => panic!("{k:?}"),
    }
    match &items[1].expr.kind {
        ExprKind::Binary { left, .. } => assert_eq!(
            left.kind,
            ExprKind::Literal {
                value: Literal::Boolean(false)
            }
        ),
        k => panic!("{k:?}"),
    }
}

#[test]
fn isnull_takes_the_first_argument_type_and_derived_columns_resolve() {
    let (items, _) = typed_items(vec![Expr::new(
        ExprKind::Func {
            func: Func::IfNullKeepFirstType,
            args: vec![col(None, "Amount", sp()), int(0, sp())],
        },
        sp(),
    )]);
    assert_eq!(
        items[0].expr.ty,
        DataType::Decimal {
            precision: 10,
            scale: 2
        }
    );

    // SELECT x.a / 2 FROM (SELECT ID AS a FROM Member) x
    let inner = query(select(
        vec![item(col(None, "ID", sp()), Some("a"))],
        vec![member_rel(None)],
        None,
        sp(),
    ));
    let outer = query(select(
        vec![item(
            bin(BinaryOp::Div, col(Some("x"), "a", sp()), int(2, sp())),
            None,
        )],
        vec![Relation::Derived {
            query: Box::new(inner),
            alias: Some(ident("x", sp())),
            columns: vec![],
            span: sp(),
        }],
        None,
        sp(),
    ));
    let mut m = module_of(vec![member(), StmtKind::Query(Box::new(outer))]);
    let o = opts(Profile::Databricks);
    crate::naming::run(&mut m, &o);
    let (_, diags) = run(&mut m, &o);
    assert!(diags.is_empty(), "{diags:?}");
    let Some(StmtKind::Query(q)) = stmt_kinds(&m).pop() else {
        unreachable!()
    };
    let SetExpr::Select(s) = q.body else {
        unreachable!()
    };
    assert!(matches!(
        s.items[0].expr.kind,
        ExprKind::Binary {
            op: BinaryOp::IntDiv,
            ..
        }
    ));
}

#[test]
fn insert_values_literals_follow_the_column_types() {
    let values = Query {
        with: vec![],
        recursive: false,
        body: SetExpr::Values(vec![vec![
            string("7", sp()),
            int(5, sp()),
            null(sp()),
            int(1, sp()),
            int(3, sp()),
        ]]),
        order_by: vec![],
        limit: None,
        span: sp(),
    };
    let ins = StmtKind::Insert {
        target: table_name(&["Member"], TableKind::Permanent, sp()),
        columns: vec![],
        source: InsertSource::Query(Box::new(values)),
        overwrite: false,
    };
    let mut m = module_of(vec![member(), ins]);
    let o = opts(Profile::Databricks);
    crate::naming::run(&mut m, &o);
    run(&mut m, &o);
    let Some(StmtKind::Insert {
        source: InsertSource::Query(q),
        ..
    }) = stmt_kinds(&m).pop()
    else {
        unreachable!()
    };
    let SetExpr::Values(rows) = q.body else {
        unreachable!()
    };
    let row = &rows[0];
    assert!(matches!(
        &row[0].kind,
        ExprKind::Cast {
            to: DataType::Int,
            ..
        }
    ));
    assert!(matches!(
        &row[1].kind,
        ExprKind::Cast {
            to: DataType::String { .. },
            ..
        }
    ));
    assert!(matches!(
        &row[2].kind,
        ExprKind::Literal {
            value: Literal::Null
        }
    ));
    assert_eq!(
        row[3].kind,
        ExprKind::Literal {
            value: Literal::Boolean(true)
        }
    );
    // An integer into a decimal column is left to Spark's store assignment.
    assert!(matches!(&row[4].kind, ExprKind::Literal { .. }));
}

#[test]
fn order_by_sees_the_from_columns_and_output_aliases() {
    let mut q = query(select(
        vec![item(col(None, "Amount", sp()), Some("amt"))],
        vec![member_rel(Some("m"))],
        None,
        sp(),
    ));
    for e in [
        bin(BinaryOp::Div, col(Some("m"), "ID", sp()), int(2, sp())),
        bin(BinaryOp::Div, col(None, "amt", sp()), int(2, sp())),
    ] {
        q.order_by.push(sqlxlate_ir::OrderBy {
            expr: e,
            desc: false,
            nulls_first: None,
        });
    }
    let mut m = module_of(vec![member(), StmtKind::Query(Box::new(q))]);
    let o = opts(Profile::Databricks);
    crate::naming::run(&mut m, &o);
    let (_, diags) = run(&mut m, &o);
    assert!(diags.is_empty(), "{diags:?}");
    let Some(StmtKind::Query(q)) = stmt_kinds(&m).pop() else {
        unreachable!()
    };
    let ops: Vec<_> = q
        .order_by
        .iter()
        .map(|o| match &o.expr.kind {
            ExprKind::Binary { op, .. } => *op,
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(ops, vec![BinaryOp::IntDiv, BinaryOp::FracDiv]);
}

#[test]
fn bit_in_list_and_simple_case_use_boolean_literals() {
    let inlist = Expr::new(
        ExprKind::InList {
            expr: Box::new(col(None, "Active", sp())),
            list: vec![int(1, sp())],
            negated: false,
        },
        sp(),
    );
    let simple_case = Expr::new(
        ExprKind::Case {
            operand: Some(Box::new(col(None, "Active", sp()))),
            whens: vec![sqlxlate_ir::WhenThen {
                when: int(0, sp()),
                then: string("N", sp()),
            }],
            else_: None,
        },
        sp(),
    );
    let (items, _) = typed_items(vec![inlist, simple_case]);
    let ExprKind::InList { list, .. } = &items[0].expr.kind else {
        unreachable!()
    };
    assert_eq!(
        list[0].kind,
        ExprKind::Literal {
            value: Literal::Boolean(true)
        }
    );
    let ExprKind::Case { whens, .. } = &items[1].expr.kind else {
        unreachable!()
    };
    assert_eq!(
        whens[0].when.kind,
        ExprKind::Literal {
            value: Literal::Boolean(false)
        }
    );
    assert!(items[1].expr.ty.is_string());
}

/// CASE results stored into BIT columns.
mod bit_storage {
    use super::*;
    use sqlxlate_ir::WhenThen;

    fn sp() -> Span {
        Span::new(1, 2)
    }

    #[test]
    fn case_results_stored_into_bit_become_booleans() {
        let mut e = Expr::new(
            ExprKind::Case {
                operand: None,
                whens: vec![WhenThen {
                    when: col(None, "x", sp()),
                    then: int(1, sp()),
                }],
                else_: Some(Box::new(int(0, sp()))),
            },
            sp(),
        );
        coerce_literal(&mut e, &DataType::Boolean);
        let ExprKind::Case { whens, else_, .. } = &e.kind else {
            panic!("still a CASE")
        };
        assert_eq!(lit_of(&whens[0].then), Some(&Literal::Boolean(true)));
        assert_eq!(
            lit_of(else_.as_deref().unwrap()),
            Some(&Literal::Boolean(false))
        );
        assert_eq!(e.ty, DataType::Boolean);
    }
}

/// String literals compared with temporal values.
mod temporal_literals {
    use super::*;

    #[test]
    fn string_literal_compared_with_a_date_becomes_a_date_cast() {
        let mut d = col(None, "EffDate", Span::new(0, 1));
        d.ty = DataType::Date;
        let mut lit = Expr::typed(
            ExprKind::Literal {
                value: Literal::String {
                    value: "20240101".into(),
                    national: false,
                },
            },
            Span::new(2, 3),
            DataType::string(),
        );
        coerce_string_literal(&mut lit, &d.ty);
        match &lit.kind {
            ExprKind::Cast { to, .. } => assert_eq!(*to, DataType::Date),
            other => panic!("expected a cast, got {other:?}"),
        }
    }
}
