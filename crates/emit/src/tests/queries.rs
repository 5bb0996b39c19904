use super::builders::*;
use sqlxlate_ir::*;

fn split(s: Expr, sep: &str) -> Expr {
    f(Func::StringSplit, vec![s, str_(sep)])
}

#[test]
fn select_with_every_clause() {
    let mut sel = select(
        vec![
            item(col("k"), None),
            item(
                e(ExprKind::Agg {
                    func: AggFunc::Sum,
                    distinct: false,
                    args: vec![col("n")],
                    within_group: vec![],
                    over: None,
                }),
                Some("total"),
            ),
        ],
        vec![table("T", Some("t"))],
        Some(bin(BinaryOp::Gt, col("n"), int(0))),
    );
    sel.distinct = true;
    sel.group_by = Some(GroupBy::Rollup(vec![col("k")]));
    sel.having = Some(bin(BinaryOp::Gt, col("total"), int(10)));
    let mut q = query(sel);
    q.with = vec![Cte {
        name: id("base"),
        columns: vec![id("a"), id("b")],
        query: values(vec![vec![int(1), int(2)]]),
    }];
    q.order_by = vec![OrderBy {
        expr: col("k"),
        desc: true,
        nulls_first: Some(true),
    }];
    q.limit = Some(Limit {
        count: Some(int(10)),
        offset: Some(int(5)),
        percent: false,
        with_ties: false,
    });
    insta::assert_snapshot!(dbx(vec![q_stmt(q)]), @r#"
        WITH base (a, b) AS (VALUES (1, 2))
        SELECT DISTINCT k, sum(n) AS total
        FROM main.dbo.t AS t
        WHERE n > 0
        GROUP BY ROLLUP (k)
        HAVING total > 10
        ORDER BY k DESC NULLS FIRST
        LIMIT 10
        OFFSET 5
        "#);
}

#[test]
fn group_by_forms() {
    let g = |gb: GroupBy| {
        let mut s = select(vec![item(col("k"), None)], vec![table("T", None)], None);
        s.group_by = Some(gb);
        q_stmt(query(s))
    };
    insta::assert_snapshot!(dbx(vec![
        g(GroupBy::Exprs(vec![col("k"), col("j")])),
        g(GroupBy::Cube(vec![col("k"), col("j")])),
        g(GroupBy::GroupingSets(vec![vec![col("k")], vec![]])),
    ]), @r#"
        SELECT k FROM main.dbo.t GROUP BY k, j

        -- COMMAND ----------

        SELECT k FROM main.dbo.t GROUP BY CUBE (k, j)

        -- COMMAND ----------

        SELECT k FROM main.dbo.t GROUP BY GROUPING SETS ((k), ())
        "#);
}

#[test]
fn qualify_is_kept_on_databricks_and_rewritten_for_portable() {
    let mut s = select(
        vec![item(col("id"), None), item(col("x"), Some("y"))],
        vec![table("T", None)],
        None,
    );
    s.qualify = Some(bin(
        BinaryOp::LtEq,
        e(ExprKind::Window {
            func: WindowFunc::Rank,
            args: vec![],
            over: Box::new(WindowSpec {
                partition_by: vec![],
                order_by: vec![asc(col("x"))],
                frame: None,
            }),
        }),
        int(3),
    ));
    let stmt = q_stmt(query(s));
    insta::assert_snapshot!(dbx(vec![stmt.clone()]), @r#"
        SELECT id, x AS y FROM main.dbo.t QUALIFY rank() OVER (ORDER BY x) <= 3
        "#);
    insta::assert_snapshot!(portable(vec![stmt]), @r#"
        SELECT * EXCEPT (sx_qualify)
        FROM (SELECT id, x AS y, (rank() OVER (ORDER BY x) <= 3) AS sx_qualify FROM main.dbo.t) AS sx_q
        WHERE sx_qualify
        "#);
}

#[test]
fn set_operations_keep_grouping() {
    let sel = |n: i64| SetExpr::Select(Box::new(select(vec![item(int(n), None)], vec![], None)));
    let q = Query {
        with: vec![],
        recursive: false,
        body: SetExpr::SetOp {
            op: SetOp::Intersect,
            all: false,
            left: Box::new(SetExpr::SetOp {
                op: SetOp::Union,
                all: true,
                left: Box::new(sel(1)),
                right: Box::new(sel(2)),
            }),
            right: Box::new(SetExpr::SetOp {
                op: SetOp::Except,
                all: false,
                left: Box::new(sel(3)),
                right: Box::new(sel(4)),
            }),
        },
        order_by: vec![],
        limit: None,
        span: sp(),
    };
    insta::assert_snapshot!(dbx(vec![q_stmt(q)]), @r#"
        (SELECT 1 UNION ALL SELECT 2) INTERSECT (SELECT 3 EXCEPT SELECT 4)
        "#);
}

#[test]
fn joins_apply_and_table_functions() {
    let join = |kind: JoinKind, right: Relation, on: Option<Expr>| Relation::Join {
        kind,
        left: Box::new(table("A", Some("a"))),
        right: Box::new(right),
        on,
        span: sp(),
    };
    let on = || Some(bin(BinaryOp::Eq, qcol("a", "id"), qcol("b", "id")));
    let derived = Relation::Derived {
        query: Box::new(query(select(
            vec![item(col("id"), None)],
            vec![table("B", None)],
            Some(bin(BinaryOp::Eq, col("id"), qcol("a", "id"))),
        ))),
        alias: Some(id("b")),
        columns: vec![],
        span: sp(),
    };
    let sel = |r: Relation| q_stmt(query(select(vec![item(star(), None)], vec![r], None)));
    let ss = |alias: &str| Relation::Function {
        call: split(qcol("a", "codes"), "|"),
        alias: Some(id(alias)),
        columns: vec![],
        span: sp(),
    };
    insta::assert_snapshot!(dbx(vec![
        sel(join(JoinKind::Inner, table("B", Some("b")), on())),
        sel(join(JoinKind::Left, table("B", Some("b")), on())),
        sel(join(JoinKind::Right, table("B", Some("b")), on())),
        sel(join(JoinKind::Full, table("B", Some("b")), on())),
        sel(join(JoinKind::Cross, table("B", Some("b")), None)),
        sel(join(JoinKind::LeftSemi, table("B", Some("b")), on())),
        sel(join(JoinKind::LeftAnti, table("B", Some("b")), on())),
        sel(join(JoinKind::CrossApply, derived.clone(), None)),
        sel(join(JoinKind::OuterApply, derived, None)),
        sel(join(JoinKind::CrossApply, ss("s"), None)),
        sel(join(JoinKind::OuterApply, ss("s"), None)),
        sel(Relation::Function {
            call: split(var("list"), ","),
            alias: None,
            columns: vec![],
            span: sp(),
        }),
        sel(Relation::Function {
            call: e(ExprKind::Call {
                name: ObjectName { parts: vec![id("main"), id("dbo"), id("tvf_Members")] },
                args: vec![int(1)],
            }),
            alias: Some(id("m")),
            columns: vec![id("x")],
            span: sp(),
        }),
    ]), @r#"
        SELECT * FROM main.dbo.a AS a JOIN main.dbo.b AS b ON a.id = b.id

        -- COMMAND ----------

        SELECT * FROM main.dbo.a AS a LEFT JOIN main.dbo.b AS b ON a.id = b.id

        -- COMMAND ----------

        SELECT * FROM main.dbo.a AS a RIGHT JOIN main.dbo.b AS b ON a.id = b.id

        -- COMMAND ----------

        SELECT * FROM main.dbo.a AS a FULL JOIN main.dbo.b AS b ON a.id = b.id

        -- COMMAND ----------

        SELECT * FROM main.dbo.a AS a CROSS JOIN main.dbo.b AS b

        -- COMMAND ----------

        SELECT * FROM main.dbo.a AS a LEFT SEMI JOIN main.dbo.b AS b ON a.id = b.id

        -- COMMAND ----------

        SELECT * FROM main.dbo.a AS a LEFT ANTI JOIN main.dbo.b AS b ON a.id = b.id

        -- COMMAND ----------

        SELECT * FROM main.dbo.a AS a JOIN LATERAL (SELECT id FROM main.dbo.b WHERE id = a.id) AS b ON true

        -- COMMAND ----------

        SELECT *
        FROM main.dbo.a AS a LEFT JOIN LATERAL (SELECT id FROM main.dbo.b WHERE id = a.id) AS b ON true

        -- COMMAND ----------

        SELECT *
        FROM
          main.dbo.a AS a
          JOIN LATERAL explode(split(a.codes COLLATE UTF8_BINARY, '\\|')) AS s(value) ON true

        -- COMMAND ----------

        SELECT *
        FROM
          main.dbo.a AS a
          LEFT JOIN LATERAL explode(split(a.codes COLLATE UTF8_BINARY, '\\|')) AS s(value) ON true

        -- COMMAND ----------

        SELECT * FROM explode(split(v_list COLLATE UTF8_BINARY, ',')) AS string_split(value)

        -- COMMAND ----------

        SELECT * FROM main.dbo.tvf_members(1) AS m(x)
        "#);
}

#[test]
fn pivot_and_unpivot() {
    let input = Relation::Derived {
        query: Box::new(query(select(
            vec![item(col("k"), None), item(col("n"), None)],
            vec![table("T", None)],
            None,
        ))),
        alias: Some(id("src")),
        columns: vec![],
        span: sp(),
    };
    let pivot = Relation::Pivot {
        input: Box::new(input.clone()),
        agg: e(ExprKind::Agg {
            func: AggFunc::Sum,
            distinct: false,
            args: vec![col("n")],
            within_group: vec![],
            over: None,
        }),
        column: id("k"),
        values: vec![id("A"), id("2024"), id("Not Set")],
        alias: Some(id("p")),
        span: sp(),
    };
    let unpivot = Relation::Unpivot {
        input: Box::new(table("Wide", None)),
        value_column: id("val"),
        name_column: id("name"),
        columns: vec![id("a"), id("b")],
        alias: Some(id("u")),
        span: sp(),
    };
    let count_pivot = Relation::Pivot {
        input: Box::new(input),
        agg: e(ExprKind::Agg {
            func: AggFunc::Count,
            distinct: false,
            args: vec![col("n")],
            within_group: vec![],
            over: None,
        }),
        column: id("k"),
        values: vec![id("1"), id("2")],
        alias: Some(id("pvt")),
        span: sp(),
    };
    let sel = |r: Relation| q_stmt(query(select(vec![item(star(), None)], vec![r], None)));
    insta::assert_snapshot!(dbx(vec![sel(pivot), sel(unpivot), sel(count_pivot)]), @r#"
        SELECT *
        FROM
          (
            SELECT * FROM (SELECT k, n FROM main.dbo.t) PIVOT (
              sum(n) FOR k IN ('A' AS A, 2024 AS `2024`, 'Not Set' AS `Not Set`)
            )
          ) AS p

        -- COMMAND ----------

        SELECT * FROM main.dbo.wide UNPIVOT (val FOR name IN (a, b)) AS u

        -- COMMAND ----------

        SELECT *
        FROM
          (
            SELECT * EXCEPT (`1`, `2`),
              coalesce(`1`, 0) AS `1`,
              coalesce(`2`, 0) AS `2`
            FROM (SELECT k, n FROM main.dbo.t) PIVOT (count(n) FOR k IN (1 AS `1`, 2 AS `2`))
          ) AS pvt
        "#);
}

#[test]
fn limits_with_ties_or_percent_warn() {
    let mut q = query(select(
        vec![item(star(), None)],
        vec![table("T", None)],
        None,
    ));
    q.order_by = vec![asc(col("x"))];
    q.limit = Some(Limit {
        count: Some(int(10)),
        offset: None,
        percent: true,
        with_ties: false,
    });
    let out = run_with(&module(vec![q_stmt(q)]), Profile::Databricks, 100);
    assert_eq!(
        body(&out.main),
        "SELECT * FROM main.dbo.t ORDER BY x LIMIT 10"
    );
    assert_eq!(out.diagnostics[0].code, "SX3800");
}

#[test]
fn recursive_cte_and_values() {
    let mut q = query(select(
        vec![item(star(), None)],
        vec![Relation::Table {
            name: TableName {
                source: ObjectName {
                    parts: vec![id("r")],
                },
                kind: TableKind::Permanent,
                target: None,
            },
            alias: None,
            span: sp(),
        }],
        None,
    ));
    q.recursive = true;
    q.with = vec![Cte {
        name: id("r"),
        columns: vec![id("n")],
        query: Query {
            with: vec![],
            recursive: false,
            body: SetExpr::SetOp {
                op: SetOp::Union,
                all: true,
                left: Box::new(SetExpr::Select(Box::new(select(
                    vec![item(int(1), None)],
                    vec![],
                    None,
                )))),
                right: Box::new(SetExpr::Select(Box::new(select(
                    vec![item(bin(BinaryOp::Add, col("n"), int(1)), None)],
                    vec![Relation::Table {
                        name: TableName {
                            source: ObjectName {
                                parts: vec![id("r")],
                            },
                            kind: TableKind::Permanent,
                            target: None,
                        },
                        alias: None,
                        span: sp(),
                    }],
                    Some(bin(BinaryOp::Lt, col("n"), int(3))),
                )))),
            },
            order_by: vec![],
            limit: None,
            span: sp(),
        },
    }];
    insta::assert_snapshot!(dbx(vec![q_stmt(q), q_stmt(values(vec![vec![int(1), str_("a")], vec![int(2), null()]]))]), @r#"
        WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r

        -- COMMAND ----------

        VALUES (1, 'a'), (2, NULL)
        "#);
}
