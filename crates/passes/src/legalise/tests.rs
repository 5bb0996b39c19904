//! Tests of the legalise pass.

use super::*;
use crate::sqlprint;
use crate::tests::{module_of, opts, stmt_kinds};
use sqlxlate_diagnostics::Span;
use sqlxlate_ir::{
    Assignment, BinaryOp, ColumnDef, DataType, Expr, ExprKind, InsertSource, JoinKind, Merge,
    MergeAction, MergeClause, MergeMatch, Module, OrderBy, Profile, Query, Relation, SelectItem,
    SetExpr, StmtKind, TableDef, TableKind, TableName,
};

pub(super) fn sp() -> Span {
    Span::new(3, 9)
}
pub(super) fn coldef(name: &str, ty: DataType) -> ColumnDef {
    crate::tests::coldef_at(name, ty, sp())
}
pub(super) fn t(parts: &[&str]) -> TableName {
    table_name(parts, TableKind::Permanent, sp())
}
fn vstr(n: u32) -> DataType {
    DataType::String {
        max_len: Some(n),
        fixed: false,
        collation: None,
    }
}
pub(super) fn values(rows: Vec<Vec<Expr>>) -> InsertSource {
    InsertSource::Query(Box::new(Query {
        with: vec![],
        recursive: false,
        body: SetExpr::Values(rows),
        order_by: vec![],
        limit: None,
        span: sp(),
    }))
}
pub(super) fn assign(c: &str, v: Expr) -> Assignment {
    Assignment {
        column: ident(c, sp()),
        value: v,
    }
}

/// The conformance case `tsql/dml_update_merge`, lowered by hand.
fn dml_update_merge() -> Vec<StmtKind> {
    let member = StmtKind::CreateTable(TableDef {
        name: t(&["dbo", "Member"]),
        columns: vec![
            coldef("MemberID", DataType::Int),
            coldef("PlanCode", vstr(10)),
            coldef("Active", DataType::Boolean),
        ],
        constraints: vec![],
    });
    let stage = StmtKind::CreateTable(TableDef {
        name: t(&["dbo", "MemberStage"]),
        columns: vec![
            coldef("MemberID", DataType::Int),
            coldef("PlanCode", vstr(10)),
        ],
        constraints: vec![],
    });
    let ins1 = StmtKind::Insert {
        target: t(&["dbo", "Member"]),
        columns: vec![],
        source: values(vec![
            vec![int(1, sp()), string("GOLD", sp()), int(1, sp())],
            vec![int(2, sp()), string("SILVER", sp()), int(1, sp())],
            vec![int(3, sp()), string("BRONZE", sp()), int(1, sp())],
        ]),
        overwrite: false,
    };
    let ins2 = StmtKind::Insert {
        target: t(&["dbo", "MemberStage"]),
        columns: vec![],
        source: values(vec![
            vec![int(2, sp()), string("GOLD", sp())],
            vec![int(4, sp()), string("SILVER", sp())],
        ]),
        overwrite: false,
    };
    let upd = StmtKind::Update {
        target: t(&["m"]),
        alias: None,
        assignments: vec![assign("PlanCode", col(Some("s"), "PlanCode", sp()))],
        from: vec![Relation::Join {
            kind: JoinKind::Inner,
            left: Box::new(rel(t(&["dbo", "Member"]), Some("m"), sp())),
            right: Box::new(rel(t(&["dbo", "MemberStage"]), Some("s"), sp())),
            on: Some(bin(
                BinaryOp::Eq,
                col(Some("s"), "MemberID", sp()),
                col(Some("m"), "MemberID", sp()),
            )),
            span: sp(),
        }],
        selection: None,
    };
    let merge = StmtKind::Merge(Box::new(Merge {
        target: t(&["dbo", "Member"]),
        target_alias: Some(ident("t", sp())),
        source: rel(t(&["dbo", "MemberStage"]), Some("s"), sp()),
        on: bin(
            BinaryOp::Eq,
            col(Some("t"), "MemberID", sp()),
            col(Some("s"), "MemberID", sp()),
        ),
        clauses: vec![
            MergeClause {
                matched: MergeMatch::NotMatchedByTarget,
                condition: None,
                action: MergeAction::Insert {
                    columns: vec![
                        ident("MemberID", sp()),
                        ident("PlanCode", sp()),
                        ident("Active", sp()),
                    ],
                    values: vec![
                        col(Some("s"), "MemberID", sp()),
                        col(Some("s"), "PlanCode", sp()),
                        int(1, sp()),
                    ],
                },
            },
            MergeClause {
                matched: MergeMatch::NotMatchedBySource,
                condition: None,
                action: MergeAction::Update {
                    assignments: vec![assign("Active", int(0, sp()))],
                },
            },
        ],
    }));
    let del = StmtKind::Delete {
        target: t(&["dbo", "Member"]),
        alias: None,
        from: vec![],
        selection: Some(bin(
            BinaryOp::And,
            bin(
                BinaryOp::Eq,
                col(None, "PlanCode", sp()),
                string("bronze", sp()),
            ),
            bin(BinaryOp::Eq, col(None, "Active", sp()), int(0, sp())),
        )),
    };
    let mut sel = query(select(
        vec![
            item(col(None, "MemberID", sp()), None),
            item(col(None, "PlanCode", sp()), None),
            item(col(None, "Active", sp()), None),
        ],
        vec![rel(t(&["dbo", "Member"]), None, sp())],
        None,
        sp(),
    ));
    sel.order_by.push(OrderBy {
        expr: col(None, "MemberID", sp()),
        desc: false,
        nulls_first: None,
    });
    vec![
        member,
        stage,
        ins1,
        ins2,
        upd,
        merge,
        del,
        StmtKind::Query(Box::new(sel)),
    ]
}

fn printed(m: &Module) -> Vec<String> {
    stmt_kinds(m).iter().map(sqlprint::stmt).collect()
}

#[test]
fn portable_profile_rewrites_update_merge_delete_through_staging() {
    let mut m = module_of(dml_update_merge());
    let r = crate::run(&mut m, &opts(Profile::Portable));
    let sql = printed(&m);
    if std::env::var_os("SX_PRINT_SQL").is_some() {
        for s in &sql {
            println!("{s};");
        }
    }
    assert_eq!(sql.len(), 5 + 3 * 3);
    assert_eq!(
        sql[4],
        "CREATE TABLE spark_catalog.dbo.member__sx_stage AS SELECT m.MemberID AS MemberID, \
         CASE WHEN (SELECT count(*) FROM spark_catalog.dbo.memberstage AS s WHERE (s.MemberID = m.MemberID)) > 0 \
         THEN s.PlanCode ELSE m.PlanCode END AS PlanCode, m.Active AS Active \
         FROM spark_catalog.dbo.member AS m"
            .replace("THEN s.PlanCode", "THEN (SELECT max(s.PlanCode) FROM spark_catalog.dbo.memberstage AS s WHERE (s.MemberID = m.MemberID))")
    );
    assert_eq!(
        sql[5],
        "INSERT OVERWRITE spark_catalog.dbo.member SELECT * FROM spark_catalog.dbo.member__sx_stage"
    );
    assert_eq!(
        sql[6],
        "DROP TABLE IF EXISTS spark_catalog.dbo.member__sx_stage"
    );
    assert_eq!(
        sql[7],
        "CREATE TABLE spark_catalog.dbo.member__sx_stage AS \
         SELECT t.MemberID AS MemberID, t.PlanCode AS PlanCode, \
         CASE WHEN NOT ((SELECT count(*) FROM spark_catalog.dbo.memberstage AS s WHERE (t.MemberID = s.MemberID)) > 0) \
         THEN FALSE ELSE t.Active END AS Active \
         FROM spark_catalog.dbo.member AS t \
         UNION ALL SELECT s.MemberID AS MemberID, s.PlanCode AS PlanCode, TRUE AS Active \
         FROM spark_catalog.dbo.memberstage AS s \
         WHERE NOT EXISTS (SELECT 1 FROM spark_catalog.dbo.member AS t WHERE (t.MemberID = s.MemberID))"
    );
    assert_eq!(
        sql[10],
        "CREATE TABLE spark_catalog.dbo.member__sx_stage AS SELECT * FROM spark_catalog.dbo.member \
         WHERE NOT (coalesce((PlanCode = 'bronze' AND Active = FALSE), FALSE))"
    );
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["SX3511", "SX4512", "SX4512", "SX4512"]);
}

#[test]
fn databricks_profile_turns_update_from_join_into_merge() {
    let mut m = module_of(dml_update_merge());
    let r = crate::run(&mut m, &opts(Profile::Databricks));
    let sql = printed(&m);
    assert_eq!(
        sql[4],
        "MERGE INTO main.dbo.member AS m USING main.dbo.memberstage AS s ON (s.MemberID = m.MemberID) \
         WHEN MATCHED THEN UPDATE SET PlanCode = s.PlanCode"
    );
    // MERGE and DELETE stay as they are (with BIT literals made boolean).
    assert!(
        sql[5].ends_with("WHEN NOT MATCHED BY SOURCE THEN UPDATE SET Active = FALSE"),
        "{}",
        sql[5]
    );
    assert!(
        sql[5].contains("VALUES (s.MemberID, s.PlanCode, TRUE)"),
        "{}",
        sql[5]
    );
    assert_eq!(
        sql[6],
        "DELETE FROM main.dbo.member WHERE PlanCode = 'bronze' AND Active = FALSE"
    );
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["SX4511", "SX3511"]);
}

#[test]
fn portable_insert_computes_identity_and_non_constant_defaults() {
    let mut id = coldef("run_id", DataType::Int);
    id.identity = Some((1, 1));
    let mut g = coldef("guid", DataType::string());
    g.default = Some(Expr::typed(
        ExprKind::Func {
            func: sqlxlate_ir::Func::NewUuid,
            args: vec![],
        },
        sp(),
        DataType::string(),
    ));
    let create = StmtKind::CreateTable(TableDef {
        name: t(&["dbo", "Run"]),
        columns: vec![id, g, coldef("note", vstr(20))],
        constraints: vec![],
    });
    let ins = StmtKind::Insert {
        target: t(&["dbo", "Run"]),
        columns: vec![ident("note", sp())],
        source: values(vec![vec![string("a", sp())], vec![string("b", sp())]]),
        overwrite: false,
    };
    let mut m = module_of(vec![create.clone(), ins.clone()]);
    let r = crate::run(&mut m, &opts(Profile::Portable));
    let kinds = stmt_kinds(&m);
    let StmtKind::CreateTable(def) = &kinds[0] else {
        panic!("{:?}", kinds[0]);
    };
    assert!(def.columns[1].default.is_none());
    let StmtKind::Insert { columns, .. } = &kinds[1] else {
        panic!("{:?}", kinds[1]);
    };
    let names: Vec<&str> = columns.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(names, vec!["note", "run_id", "guid"]);
    let sql = printed(&m);
    assert!(
        sql[1].starts_with("INSERT INTO spark_catalog.dbo.run SELECT __sx_src.note, "),
        "{}",
        sql[1]
    );
    assert!(
        sql[1].contains("row_number() OVER (ORDER BY __sx_src.__sx_ord)"),
        "{}",
        sql[1]
    );
    assert!(sql[1].contains("('a', 1), ('b', 2)"), "{}", sql[1]);
    assert!(r.diagnostics.iter().any(|d| d.code == "SX4513"));
    // The Databricks profile keeps the statement.
    let mut m = module_of(vec![create, ins]);
    crate::run(&mut m, &opts(Profile::Databricks));
    assert!(
        printed(&m)[1].contains("VALUES ('a'), ('b')"),
        "{}",
        printed(&m)[1]
    );
}

#[test]
fn databricks_update_from_left_join_becomes_exists_conditions() {
    let upd = StmtKind::Update {
        target: t(&["dbo", "Provider"]),
        alias: Some(ident("p", sp())),
        assignments: vec![assign("Dormant", int(1, sp()))],
        from: vec![Relation::Join {
            kind: JoinKind::Left,
            left: Box::new(rel(t(&["dbo", "Provider"]), Some("p"), sp())),
            right: Box::new(rel(t(&["dbo", "Claim"]), Some("c"), sp())),
            on: Some(bin(
                BinaryOp::Eq,
                col(Some("c"), "NPI", sp()),
                col(Some("p"), "NPI", sp()),
            )),
            span: sp(),
        }],
        selection: Some(is_null(col(Some("c"), "ClaimID", sp()), false)),
    };
    let mut m = module_of(vec![upd]);
    let r = crate::run(&mut m, &opts(Profile::Databricks));
    let sql = printed(&m);
    assert!(
        sql[0].starts_with("UPDATE main.dbo.provider AS p SET Dormant = 1 WHERE EXISTS"),
        "{}",
        sql[0]
    );
    assert!(sql[0].contains("NOT EXISTS"), "{}", sql[0]);
    assert!(sql[0].contains("NULL IS NULL"), "{}", sql[0]);
    assert!(r.diagnostics.iter().all(|d| d.code != "SX2511"));
}

#[test]
fn unknown_schema_update_is_left_with_an_error_in_portable() {
    let upd = StmtKind::Update {
        target: t(&["ext", "Claims"]),
        alias: None,
        assignments: vec![assign("Status", string("X", sp()))],
        from: vec![],
        selection: None,
    };
    let del_all = StmtKind::Delete {
        target: t(&["ext", "Claims"]),
        alias: None,
        from: vec![],
        selection: None,
    };
    let mut m = module_of(vec![upd, del_all]);
    let r = crate::run(&mut m, &opts(Profile::Portable));
    let sql = printed(&m);
    assert!(sql[0].starts_with("UPDATE spark_catalog.ext.claims SET Status = 'X'"));
    assert_eq!(sql[1], "TRUNCATE TABLE spark_catalog.ext.claims");
    assert_eq!(r.diagnostics[0].code, "SX2510");
    assert_eq!(
        r.diagnostics[0].severity,
        sqlxlate_diagnostics::Severity::Error
    );
}

fn top_query(with_ties: bool, percent: bool) -> StmtKind {
    let mut q = query(select(
        vec![
            item(col(None, "id", sp()), None),
            item(col(None, "score", sp()), Some("s")),
        ],
        vec![rel(t(&["T"]), None, sp())],
        None,
        sp(),
    ));
    q.order_by.push(OrderBy {
        expr: col(None, "s", sp()),
        desc: true,
        nulls_first: None,
    });
    q.limit = Some(sqlxlate_ir::Limit {
        count: Some(int(3, sp())),
        offset: None,
        percent,
        with_ties,
    });
    StmtKind::Query(Box::new(q))
}

#[test]
fn top_with_ties_becomes_qualify_rank_on_databricks() {
    let mut m = module_of(vec![top_query(true, false)]);
    let r = crate::run(&mut m, &opts(Profile::Databricks));
    assert_eq!(
        printed(&m)[0],
        "SELECT id, score AS s FROM main.dbo.t QUALIFY rank() OVER (ORDER BY score DESC) <= 3 ORDER BY s DESC"
    );
    assert_eq!(r.diagnostics[0].code, "SX4510");
}

#[test]
fn top_percent_is_wrapped_in_portable() {
    let mut m = module_of(vec![top_query(false, true)]);
    let r = crate::run(&mut m, &opts(Profile::Portable));
    assert_eq!(
        printed(&m)[0],
        "SELECT __sx_top.id, __sx_top.s FROM (SELECT id, score AS s, count(*) OVER () AS __sx_count, \
         row_number() OVER (ORDER BY score DESC) AS __sx_rank FROM spark_catalog.dbo.t) AS __sx_top \
         WHERE __sx_top.__sx_rank <= ceil((3) * __sx_top.__sx_count / 100.0) ORDER BY __sx_top.s DESC"
    );
    assert_eq!(r.diagnostics[0].code, "SX3510");
}

/// `SELECT TOP 3 [PERCENT] [WITH TIES] <items> FROM t ORDER BY score DESC`.
fn top_star_query(items: Vec<SelectItem>, with_ties: bool, percent: bool) -> StmtKind {
    let StmtKind::Query(mut q) = top_query(with_ties, percent) else {
        unreachable!("top_query builds a query")
    };
    if let SetExpr::Select(sel) = &mut q.body {
        sel.items = items;
    }
    q.order_by[0].expr = col(None, "score", sp());
    StmtKind::Query(q)
}

#[test]
fn portable_top_over_star_keeps_star_except_the_helper_columns() {
    let star_only = vec![item(star(None, sp()), None)];
    let mut m = module_of(vec![
        top_star_query(star_only.clone(), true, true),
        top_star_query(star_only, true, false),
    ]);
    let r = crate::run(&mut m, &opts(Profile::Portable));
    let out = printed(&m);
    assert_eq!(
        out[0],
        "SELECT * EXCEPT (__sx_rank, __sx_count) FROM (SELECT *, count(*) OVER () AS __sx_count, \
         rank() OVER (ORDER BY score DESC) AS __sx_rank FROM spark_catalog.dbo.t) AS __sx_top \
         WHERE __sx_top.__sx_rank <= ceil((3) * __sx_top.__sx_count / 100.0) ORDER BY __sx_top.__sx_rank"
    );
    assert_eq!(
        out[1],
        "SELECT * EXCEPT (__sx_rank) FROM (SELECT *, rank() OVER (ORDER BY score DESC) AS __sx_rank \
         FROM spark_catalog.dbo.t) AS __sx_top WHERE __sx_top.__sx_rank <= 3 ORDER BY __sx_top.__sx_rank"
    );
    assert!(
        r.diagnostics.iter().all(|d| d.code != "SX2512"),
        "{:?}",
        r.diagnostics
    );
}

#[test]
fn top_ordinal_after_star_is_not_rewritten() {
    // `ORDER BY 2` after `*` is some column of `*`, not the second select item.
    let items = vec![
        item(star(None, sp()), None),
        item(col(None, "score", sp()), Some("s")),
    ];
    let StmtKind::Query(mut q) = top_star_query(items, true, false) else {
        unreachable!()
    };
    q.order_by[0].expr = int(2, sp());
    for profile in [Profile::Databricks, Profile::Portable] {
        let mut m = module_of(vec![StmtKind::Query(q.clone())]);
        let r = crate::run(&mut m, &opts(profile));
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["SX2512"], "{profile:?}");
    }
}

/// Larger scenarios built on the helpers above.
mod scenarios {
    use super::*;

    fn eq(a: Expr, b: Expr) -> Expr {
        bin(BinaryOp::Eq, a, b)
    }

    /// A MERGE with every clause kind, conditions and a DELETE; a DELETE with a join; an
    /// UPDATE with WHERE. Expected final rows of dbo.A: (3, c, 0), (4, d, NULL).
    fn scenario() -> Vec<StmtKind> {
        let a = StmtKind::CreateTable(TableDef {
            name: t(&["dbo", "A"]),
            columns: vec![
                coldef("id", DataType::Int),
                coldef("v", DataType::string()),
                coldef("n", DataType::Int),
            ],
            constraints: vec![],
        });
        let b = StmtKind::CreateTable(TableDef {
            name: t(&["dbo", "B"]),
            columns: vec![
                coldef("id", DataType::Int),
                coldef("v", DataType::string()),
                coldef("flag", DataType::Boolean),
            ],
            constraints: vec![],
        });
        let ia = StmtKind::Insert {
            target: t(&["dbo", "A"]),
            columns: vec![],
            source: values(vec![
                vec![int(1, sp()), string("a", sp()), int(10, sp())],
                vec![int(2, sp()), string("b", sp()), int(20, sp())],
                vec![int(3, sp()), string("c", sp()), int(30, sp())],
                vec![int(4, sp()), string("d", sp()), null(sp())],
            ]),
            overwrite: false,
        };
        let ib = StmtKind::Insert {
            target: t(&["dbo", "B"]),
            columns: vec![],
            source: values(vec![
                vec![int(1, sp()), string("x", sp()), int(1, sp())],
                vec![int(2, sp()), string("y", sp()), int(0, sp())],
                vec![int(5, sp()), string("z", sp()), int(1, sp())],
            ]),
            overwrite: false,
        };
        let upd = StmtKind::Update {
            target: t(&["dbo", "A"]),
            alias: None,
            assignments: vec![assign(
                "n",
                bin(BinaryOp::Add, col(None, "n", sp()), int(1, sp())),
            )],
            from: vec![],
            selection: Some(eq(col(None, "v", sp()), string("B", sp()))),
        };
        let merge = StmtKind::Merge(Box::new(Merge {
            target: t(&["dbo", "A"]),
            target_alias: Some(ident("t", sp())),
            source: rel(t(&["dbo", "B"]), Some("s"), sp()),
            on: eq(col(Some("t"), "id", sp()), col(Some("s"), "id", sp())),
            clauses: vec![
                MergeClause {
                    matched: MergeMatch::Matched,
                    condition: Some(eq(col(Some("s"), "flag", sp()), int(1, sp()))),
                    action: MergeAction::Update {
                        assignments: vec![assign("v", col(Some("s"), "v", sp()))],
                    },
                },
                MergeClause {
                    matched: MergeMatch::Matched,
                    condition: None,
                    action: MergeAction::Delete,
                },
                MergeClause {
                    matched: MergeMatch::NotMatchedByTarget,
                    condition: None,
                    action: MergeAction::Insert {
                        columns: vec![ident("id", sp()), ident("v", sp())],
                        values: vec![col(Some("s"), "id", sp()), col(Some("s"), "v", sp())],
                    },
                },
                MergeClause {
                    matched: MergeMatch::NotMatchedBySource,
                    condition: Some(bin(BinaryOp::Gt, col(Some("t"), "n", sp()), int(25, sp()))),
                    action: MergeAction::Update {
                        assignments: vec![assign("n", int(0, sp()))],
                    },
                },
            ],
        }));
        let del = StmtKind::Delete {
            target: t(&["a"]),
            alias: None,
            from: vec![Relation::Join {
                kind: JoinKind::Inner,
                left: Box::new(rel(t(&["dbo", "A"]), Some("a"), sp())),
                right: Box::new(rel(t(&["dbo", "B"]), Some("b"), sp())),
                on: Some(eq(col(Some("b"), "id", sp()), col(Some("a"), "id", sp()))),
                span: sp(),
            }],
            selection: Some(eq(col(Some("b"), "flag", sp()), int(1, sp()))),
        };
        let mut top = query(select(
            vec![
                item(col(None, "id", sp()), None),
                item(col(None, "n", sp()), None),
            ],
            vec![rel(t(&["dbo", "A"]), None, sp())],
            None,
            sp(),
        ));
        top.order_by.push(OrderBy {
            expr: col(None, "id", sp()),
            desc: true,
            nulls_first: None,
        });
        top.limit = Some(sqlxlate_ir::Limit {
            count: Some(int(1, sp())),
            offset: None,
            percent: false,
            with_ties: true,
        });
        vec![
            a,
            b,
            ia,
            ib,
            upd,
            merge,
            del,
            StmtKind::Query(Box::new(top)),
        ]
    }

    #[test]
    fn portable_merge_with_every_clause_kind() {
        let mut m = module_of(scenario());
        let r = crate::run(&mut m, &opts(Profile::Portable));
        let sql: Vec<String> = stmt_kinds(&m).iter().map(sqlprint::stmt).collect();
        if std::env::var_os("SX_PRINT_SQL").is_some() {
            for s in &sql {
                println!("{s};");
            }
        }
        assert_eq!(
            sql[4],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT id AS id, v AS v, \
             CASE WHEN (v = 'B') THEN n + 1 ELSE n END AS n FROM spark_catalog.dbo.a"
        );
        assert_eq!(
            sql[7],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT t.id AS id, \
             CASE WHEN s.__sx_matched IS NOT NULL AND (s.flag = TRUE) THEN s.v \
             WHEN s.__sx_matched IS NOT NULL THEN t.v \
             WHEN s.__sx_matched IS NULL AND (t.n > 25) THEN t.v ELSE t.v END AS v, \
             CASE WHEN s.__sx_matched IS NOT NULL AND (s.flag = TRUE) THEN t.n \
             WHEN s.__sx_matched IS NOT NULL THEN t.n \
             WHEN s.__sx_matched IS NULL AND (t.n > 25) THEN 0 ELSE t.n END AS n \
             FROM spark_catalog.dbo.a AS t LEFT JOIN (SELECT *, TRUE AS __sx_matched FROM spark_catalog.dbo.b AS s) AS s \
             ON (t.id = s.id) \
             WHERE NOT (CASE WHEN s.__sx_matched IS NOT NULL AND (s.flag = TRUE) THEN FALSE \
             WHEN s.__sx_matched IS NOT NULL THEN TRUE \
             WHEN s.__sx_matched IS NULL AND (t.n > 25) THEN FALSE ELSE FALSE END) \
             UNION ALL SELECT s.id AS id, s.v AS v, NULL AS n FROM spark_catalog.dbo.b AS s \
             WHERE NOT EXISTS (SELECT 1 FROM spark_catalog.dbo.a AS t WHERE (t.id = s.id))"
        );
        assert_eq!(
            sql[10],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT * FROM spark_catalog.dbo.a AS a \
             WHERE NOT EXISTS (SELECT 1 FROM spark_catalog.dbo.b AS b WHERE (b.id = a.id) AND (b.flag = TRUE))"
        );
        assert!(r.diagnostics.iter().any(|d| d.code == "SX3512"));
    }

    #[test]
    fn update_join_value_mixing_target_and_source_columns() {
        let mut stmts = scenario();
        stmts.truncate(4);
        stmts.push(StmtKind::Update {
            target: t(&["m"]),
            alias: None,
            assignments: vec![assign(
                "n",
                bin(
                    BinaryOp::Add,
                    col(Some("m"), "n", sp()),
                    col(Some("s"), "id", sp()),
                ),
            )],
            from: vec![Relation::Join {
                kind: JoinKind::Inner,
                left: Box::new(rel(t(&["dbo", "A"]), Some("m"), sp())),
                right: Box::new(rel(t(&["dbo", "B"]), Some("s"), sp())),
                on: Some(eq(col(Some("s"), "id", sp()), col(Some("m"), "id", sp()))),
                span: sp(),
            }],
            selection: None,
        });
        let mut m = module_of(stmts);
        crate::run(&mut m, &opts(Profile::Portable));
        let sql: Vec<String> = stmt_kinds(&m).iter().map(sqlprint::stmt).collect();
        assert_eq!(
            sql[4],
            "CREATE TABLE spark_catalog.dbo.a__sx_stage AS SELECT m.id AS id, m.v AS v, \
             CASE WHEN (SELECT count(*) FROM spark_catalog.dbo.b AS s WHERE (s.id = m.id)) > 0 \
             THEN m.n + (SELECT max(s.id) FROM spark_catalog.dbo.b AS s WHERE (s.id = m.id)) ELSE m.n END AS n \
             FROM spark_catalog.dbo.a AS m"
        );
    }
}
