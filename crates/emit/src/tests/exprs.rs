use super::builders::*;
use sqlxlate_ir::*;

#[test]
fn literals_escape_backslash_and_quote() {
    let lines = [
        sql(str_("it's a \\ path")),
        sql(nstr("naïve")),
        sql(lit(Literal::Binary("0A0B".into()))),
        sql(lit(Literal::Date("2024-01-31".into()))),
        sql(lit(Literal::Timestamp("2024-01-31 10:00:00".into()))),
        sql(lit(Literal::Boolean(true))),
        sql(lit(Literal::Decimal("10.005".into()))),
        sql(lit(Literal::Float("1.5E3".into()))),
        sql(null()),
    ]
    .join("\n");
    insta::assert_snapshot!(lines, @r#"
        'it\'s a \\ path'
        'naïve'
        X'0A0B'
        DATE'2024-01-31'
        TIMESTAMP_NTZ'2024-01-31 10:00:00'
        TRUE
        10.005
        1.5E3
        NULL
        "#);
}

#[test]
fn operators_follow_spark_precedence() {
    use BinaryOp::*;
    let lines = [
        // (a + b) * c keeps its parentheses; a + b * c needs none.
        sql(bin(Mul, bin(Add, col("a"), col("b")), col("c"))),
        sql(bin(Add, col("a"), bin(Mul, col("b"), col("c")))),
        // a - (b - c) keeps them on the right.
        sql(bin(Sub, col("a"), bin(Sub, col("b"), col("c")))),
        sql(bin(IntDiv, col("i"), col("j"))),
        sql(bin(FracDiv, col("i"), col("j"))),
        sql(bin(Div, col("i"), col("j"))),
        sql(bin(Mod, col("i"), col("j"))),
        sql(bin(Concat, bin(Concat, col("s"), str_("|")), col("t"))),
        sql(bin(ConcatIgnoreNull, col("s"), col("t"))),
        sql(bin(
            Or,
            bin(And, col("a"), col("b")),
            bin(And, col("c"), col("d")),
        )),
        sql(bin(And, bin(Or, col("a"), col("b")), col("c"))),
        sql(un(UnaryOp::Not, bin(Eq, col("a"), int(1)))),
        sql(un(UnaryOp::Neg, un(UnaryOp::Neg, int(5)))),
        sql(un(UnaryOp::Neg, bin(Add, col("a"), int(1)))),
        sql(bin(BitAnd, col("a"), bin(BitOr, col("b"), col("c")))),
        sql(bin(NotEq, var("x"), str_("a"))),
        sql(nested(bin(Add, col("a"), col("b")))),
    ]
    .join("\n");
    insta::assert_snapshot!(lines, @r#"
        (a + b) * c
        a + b * c
        a - (b - c)
        i DIV j
        i / j
        i / j
        i % j
        s || '|' || t
        concat_ws('', s, t)
        a AND b OR c AND d
        (a OR b) AND c
        NOT a = 1
        -(-5)
        -(a + 1)
        a & (b | c)
        v_x <> 'a'
        (a + b)
        "#);
}

#[test]
fn predicates_and_case() {
    let c = e(ExprKind::Case {
        operand: None,
        whens: vec![
            WhenThen {
                when: bin(BinaryOp::Eq, col("f"), lit(Literal::Boolean(true))),
                then: str_("Y"),
            },
            WhenThen {
                when: bin(BinaryOp::Eq, col("f"), lit(Literal::Boolean(false))),
                then: str_("N"),
            },
        ],
        else_: Some(Box::new(str_("?"))),
    });
    let sub = query(select(
        vec![item(col("id"), None)],
        vec![table("T", None)],
        None,
    ));
    let lines = [
        sql(c),
        sql(e(ExprKind::InList {
            expr: Box::new(col("x")),
            list: vec![int(1), int(2)],
            negated: true,
        })),
        sql(e(ExprKind::InSubquery {
            expr: Box::new(col("x")),
            query: Box::new(sub.clone()),
            negated: false,
        })),
        sql(e(ExprKind::Exists {
            query: Box::new(sub.clone()),
            negated: true,
        })),
        sql(e(ExprKind::Subquery {
            query: Box::new(sub),
        })),
        sql(e(ExprKind::Between {
            expr: Box::new(col("n")),
            low: Box::new(int(1)),
            high: Box::new(int(5)),
            negated: false,
        })),
        sql(e(ExprKind::Between {
            expr: Box::new(col("s")),
            low: Box::new(str_("a")),
            high: Box::new(str_("b")),
            negated: true,
        })),
        sql(e(ExprKind::Like {
            expr: Box::new(col("s")),
            pattern: Box::new(str_("a\\b%")),
            escape: None,
            kind: LikeKind::Like,
            negated: false,
        })),
        sql(e(ExprKind::Like {
            expr: Box::new(col("s")),
            pattern: Box::new(str_("a!%%")),
            escape: Some(Box::new(str_("!"))),
            kind: LikeKind::Like,
            negated: true,
        })),
        sql(e(ExprKind::Like {
            expr: Box::new(col("s")),
            pattern: Box::new(str_("^[a-c].*$")),
            escape: None,
            kind: LikeKind::Regex,
            negated: false,
        })),
        sql(e(ExprKind::IsNull {
            expr: Box::new(col("x")),
            negated: true,
        })),
        sql(e(ExprKind::Collate {
            expr: Box::new(col("s")),
            collation: Collation::BinaryRtrim,
            source_name: "Latin1_General_CS_AS".into(),
        })),
        sql(e(ExprKind::Cast {
            expr: Box::new(col("s")),
            to: DataType::Decimal {
                precision: 10,
                scale: 2,
            },
            mode: CastMode::Try,
        })),
        sql(e(ExprKind::Cast {
            expr: Box::new(col("d")),
            to: DataType::TimestampNtz,
            mode: CastMode::Strict,
        })),
        sql(e(ExprKind::Call {
            name: ObjectName {
                // As the naming pass leaves it: the target name.
                parts: vec![id("main"), id("dbo"), id("fn_Age")],
            },
            args: vec![col("dob")],
        })),
        sql(e(ExprKind::Unconverted {
            text: "@@ROWCOUNT".into(),
            code: "SX2001".into(),
        })),
        sql(var("rows")),
        sql(qcol("Order Details", "select")),
    ]
    .join("\n");
    insta::assert_snapshot!(lines, @r#"
        CASE WHEN f = TRUE THEN 'Y' WHEN f = FALSE THEN 'N' ELSE '?' END
        x NOT IN (1, 2)
        x IN (SELECT id FROM main.dbo.t)
        NOT EXISTS (SELECT id FROM main.dbo.t)
        (SELECT id FROM main.dbo.t)
        n BETWEEN 1 AND 5
        NOT (s >= 'a' AND s <= 'b')
        rtrim(s) COLLATE UTF8_BINARY ILIKE 'a\\\\b%'
        rtrim(s) COLLATE UTF8_BINARY NOT ILIKE 'a!%%' ESCAPE '!'
        rtrim(s) COLLATE UTF8_BINARY RLIKE '(?i)^[a-c].*$'
        x IS NOT NULL
        s COLLATE UTF8_BINARY_RTRIM
        try_cast(s AS DECIMAL(10,2))
        CAST(d AS TIMESTAMP_NTZ)
        main.dbo.fn_age(dob)
        NULL /* [SX2001] not converted: @@ROWCOUNT */
        v_rows
        `Order Details`.`select`
        "#);
}

#[test]
fn aggregates_and_windows() {
    let over = WindowSpec {
        partition_by: vec![col("k")],
        order_by: vec![asc(col("d"))],
        frame: Some(WindowFrame {
            units: FrameUnits::Rows,
            start: FrameBound::UnboundedPreceding,
            end: None,
        }),
    };
    let agg = |func: AggFunc, distinct: bool, args: Vec<Expr>, over: Option<WindowSpec>| {
        e(ExprKind::Agg {
            func,
            distinct,
            args,
            within_group: vec![],
            over: over.map(Box::new),
        })
    };
    let win = |func: WindowFunc, args: Vec<Expr>| {
        e(ExprKind::Window {
            func,
            args,
            over: Box::new(over.clone()),
        })
    };
    let mut lines = vec![
        sql(agg(AggFunc::Count, false, vec![star()], None)),
        sql(agg(AggFunc::CountBig, true, vec![col("x")], None)),
        sql(agg(AggFunc::Sum, false, vec![col("x")], Some(over.clone()))),
        sql(agg(
            AggFunc::Avg,
            false,
            vec![typed(col("i"), DataType::Int)],
            Some(WindowSpec::default()),
        )),
        sql(agg(
            AggFunc::Avg,
            false,
            vec![typed(col("m"), DataType::Double)],
            None,
        )),
        sql(agg(AggFunc::Min, false, vec![col("x")], None)),
        sql(agg(AggFunc::Max, false, vec![col("x")], None)),
        sql(agg(AggFunc::StdDev, false, vec![col("x")], None)),
        sql(agg(AggFunc::StdDevPop, false, vec![col("x")], None)),
        sql(agg(AggFunc::Variance, false, vec![col("x")], None)),
        sql(agg(AggFunc::VariancePop, false, vec![col("x")], None)),
        sql(agg(AggFunc::Grouping, false, vec![col("k")], None)),
        sql(agg(
            AggFunc::GroupingId,
            false,
            vec![col("k"), col("j")],
            None,
        )),
        sql(e(ExprKind::Agg {
            func: AggFunc::StringAgg,
            distinct: false,
            args: vec![col("name"), str_(", ")],
            within_group: vec![OrderBy {
                expr: col("name"),
                desc: true,
                nulls_first: Some(false),
            }],
            over: None,
        })),
    ];
    for (w, args) in [
        (WindowFunc::RowNumber, vec![]),
        (WindowFunc::Rank, vec![]),
        (WindowFunc::DenseRank, vec![]),
        (WindowFunc::Ntile, vec![int(4)]),
        (WindowFunc::PercentRank, vec![]),
        (WindowFunc::CumeDist, vec![]),
        (WindowFunc::Lag, vec![col("x"), int(1), int(0)]),
        (WindowFunc::Lead, vec![col("x")]),
        (WindowFunc::FirstValue, vec![col("x")]),
        (WindowFunc::LastValue, vec![col("x")]),
    ] {
        lines.push(sql(win(w, args)));
    }
    insta::assert_snapshot!(lines.join("\n"), @r#"
        count(*)
        count(DISTINCT x)
        sum(x) OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        avg(i) OVER ()
        avg(m)
        min(x)
        max(x)
        stddev_samp(x)
        stddev_pop(x)
        var_samp(x)
        var_pop(x)
        grouping(k)
        grouping_id(k, j)
        SELECT
          string_agg(
            CAST(name AS STRING) COLLATE UTF8_BINARY,
            ', '
          ) WITHIN GROUP (ORDER BY name DESC NULLS LAST)
        SELECT
          row_number() OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        rank() OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        SELECT
          dense_rank() OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        ntile(4) OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        SELECT
          percent_rank() OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        cume_dist() OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        SELECT
          lag(x, 1, 0) OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        lead(x) OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        SELECT
          first_value(x) OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        SELECT
          last_value(x) OVER (PARTITION BY k ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        "#);
}

#[test]
fn long_expressions_break_lines_at_the_width() {
    let mut x = col("a_fairly_long_column_name_0");
    for i in 1..8 {
        x = bin(
            BinaryOp::And,
            x,
            bin(
                BinaryOp::Eq,
                col(&format!("a_fairly_long_column_name_{i}")),
                int(i),
            ),
        );
    }
    let q = query(select(
        vec![item(col("id"), None)],
        vec![table("T", None)],
        Some(x),
    ));
    insta::assert_snapshot!(dbx(vec![q_stmt(q)]), @r#"
        SELECT id
        FROM main.dbo.t
        WHERE
          a_fairly_long_column_name_0
          AND a_fairly_long_column_name_1 = 1
          AND a_fairly_long_column_name_2 = 2
          AND a_fairly_long_column_name_3 = 3
          AND a_fairly_long_column_name_4 = 4
          AND a_fairly_long_column_name_5 = 5
          AND a_fairly_long_column_name_6 = 6
          AND a_fairly_long_column_name_7 = 7
        "#);
}

#[test]
fn deep_nesting_is_capped_with_a_diagnostic() {
    let mut x = int(1);
    for _ in 0..400 {
        x = nested(x);
    }
    let q = query(select(vec![item(x, None)], vec![], None));
    let codes = codes_of(vec![q_stmt(q)], Profile::Databricks);
    assert_eq!(codes, vec!["SX2802"]);
}

#[test]
fn string_literal_typed_as_date_is_cast() {
    let x = typed(str_("2024-01-31 10:00"), DataType::TimestampNtz);
    assert_eq!(sql(x), "CAST('2024-01-31 10:00' AS TIMESTAMP_NTZ)");
}

#[test]
fn layout_changes_only_whitespace_across_widths() {
    let q = query(select(
        vec![
            item(
                f(
                    Func::DateDiffBoundaries(DateUnit::Minute),
                    vec![col("a"), col("b")],
                ),
                Some("mi"),
            ),
            item(
                f(Func::Stuff, vec![col("s"), int(2), int(3), str_("x y")]),
                Some("st"),
            ),
        ],
        vec![table("T", Some("t"))],
        Some(bin(
            BinaryOp::And,
            bin(BinaryOp::Gt, col("n"), int(0)),
            bin(BinaryOp::Lt, col("n"), int(9)),
        )),
    ));
    let m = module(vec![q_stmt(q)]);
    let squash = |w: usize| {
        run_with(&m, Profile::Databricks, w)
            .main
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("( ", "(")
            .replace(" )", ")")
    };
    assert_eq!(squash(1), squash(1000));
    assert_eq!(squash(40), squash(1000));
}

#[test]
fn cast_to_sized_strings_truncates_and_pads() {
    let cast = |fixed: bool| {
        e(ExprKind::Cast {
            expr: Box::new(col("s")),
            to: DataType::String {
                max_len: Some(3),
                fixed,
                collation: None,
            },
            mode: CastMode::Strict,
        })
    };
    assert_eq!(sql(cast(false)), "left(CAST(s AS STRING), 3)");
    assert_eq!(sql(cast(true)), "rpad(CAST(s AS STRING), 3, ' ')");
}
