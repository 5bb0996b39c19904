//! Front-end tests: batches, statement boundaries, recovery, byte accounting, and the
//! conformance inputs as smoke tests.

use super::lower;
use sqlxlate_diagnostics::{Diagnostic, Severity, Span};
use sqlxlate_ir::*;

pub(crate) fn run(src: &str) -> (Module, Vec<Diagnostic>) {
    let r = lower(src, Collation::default());
    check_accounting(src, &r.0);
    r
}

fn errors(d: &[Diagnostic]) -> Vec<&Diagnostic> {
    d.iter().filter(|d| d.severity == Severity::Error).collect()
}

pub(crate) fn stmts(m: &Module) -> Vec<&Stmt> {
    m.units
        .iter()
        .filter_map(|u| match &u.kind {
            UnitKind::Statement(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn comment_spans(s: &Stmt, out: &mut Vec<Span>) {
    out.extend(s.comments.iter().map(|c| c.span));
    let kids: Vec<&Stmt> = match &s.kind {
        StmtKind::Block(b) => b.iter().collect(),
        StmtKind::While { body, .. } => body.iter().collect(),
        StmtKind::If {
            then_branch,
            else_branch,
            ..
        } => then_branch.iter().chain(else_branch.iter()).collect(),
        _ => vec![],
    };
    for k in kids {
        comment_spans(k, out);
    }
}

/// Every non-whitespace byte lies in a unit span, a comment span or a trivia span.
pub(crate) fn check_accounting(src: &str, m: &Module) {
    let mut spans: Vec<Span> = Vec::new();
    for u in &m.units {
        assert!(!u.span().is_empty(), "empty unit span: {u:?}");
        assert!(u.span().end as usize <= src.len());
        spans.push(u.span());
        if let UnitKind::Statement(s) = &u.kind {
            comment_spans(s, &mut spans);
        }
    }
    spans.extend(m.trivia.iter().map(|t| t.span()));
    let mut covered = vec![false; src.len()];
    for s in spans {
        for b in &mut covered[s.range()] {
            *b = true;
        }
    }
    for (i, c) in src.char_indices() {
        if !c.is_whitespace() && c != '\u{feff}' {
            assert!(
                covered[i],
                "byte {i} ({c:?}) not accounted for in {:?}",
                src.get(i.saturating_sub(20)..(i + 20).min(src.len()))
            );
        }
    }
}

#[test]
fn conformance_inputs_lower_without_errors() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/executed/tsql");
    let shared = "/work/shared/conformance/tsql";
    let base = if std::path::Path::new(dir).exists() {
        dir
    } else {
        shared
    };
    let Ok(rd) = std::fs::read_dir(base) else {
        return;
    };
    // Cases whose inputs use constructs the front-end flags by design: `@@ROWCOUNT` and
    // `SCOPE_IDENTITY()` (no target equivalent; restructuring is a pass's job) and
    // `DATEPART(tzoffset, …)` (no IR date unit for it).
    const FLAGGED: &[&str] = &["rowcount_scope_identity", "datetimeoffset_local_time"];
    let mut n = 0;
    for e in rd.flatten() {
        let p = e.path().join("input.sql");
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let (m, d) = run(&src);
        let name = e.file_name().to_string_lossy().to_string();
        if FLAGGED.contains(&name.as_str()) {
            assert!(
                errors(&d).iter().all(|d| d.code == "SX2007"),
                "{name}: {d:#?}"
            );
            continue;
        }
        assert!(errors(&d).is_empty(), "{}: {:#?}", p.display(), errors(&d));
        assert!(!m.units.is_empty());
        n += 1;
    }
    let _ = n;
}

fn one(src: &str) -> Stmt {
    let (m, d) = run(src);
    assert!(errors(&d).is_empty(), "{src}: {d:#?}");
    let s = stmts(&m);
    assert_eq!(s.len(), 1, "{src}: {:#?}", m.units);
    s[0].clone()
}

fn query_of(s: &Stmt) -> &Query {
    match &s.kind {
        StmtKind::Query(q) => q,
        k => panic!("not a query: {k:?}"),
    }
}

fn select_of(q: &Query) -> &Select {
    match &q.body {
        SetExpr::Select(s) => s,
        b => panic!("not a select: {b:?}"),
    }
}

/// The first item's expression of `SELECT <e>`.
fn expr(e: &str) -> Expr {
    let s = one(&format!("SELECT {e}"));
    select_of(query_of(&s)).items[0].expr.clone()
}

#[test]
fn go_lines_split_batches_with_counts() {
    let src = "SELECT 1\r\ngo\r\nSELECT 2\nGO 3 -- again\nSELECT go_col FROM t\n";
    let (m, d) = run(src);
    assert!(errors(&d).is_empty());
    let batches: Vec<u32> = m.units.iter().map(|u| u.batch).collect();
    assert_eq!(batches, vec![0, 1, 2]);
    let seps: Vec<u32> = m
        .trivia
        .iter()
        .filter_map(|t| match t {
            Trivia::BatchSeparator { count, .. } => Some(*count),
            _ => None,
        })
        .collect();
    assert_eq!(seps, vec![1, 3]);
    assert!(m
        .trivia
        .iter()
        .any(|t| matches!(t, Trivia::Comment(c) if c.text == " again")));
}

#[test]
fn if_without_begin_controls_exactly_one_statement() {
    let src = "IF @x > 10\n INSERT INTO t VALUES (1)\nINSERT INTO t VALUES (2)\nSELECT 3";
    let (m, d) = run(src);
    assert!(errors(&d).is_empty());
    let s = stmts(&m);
    assert_eq!(s.len(), 3);
    match &s[0].kind {
        StmtKind::If {
            then_branch,
            else_branch,
            ..
        } => {
            assert_eq!(then_branch.len(), 1);
            assert!(else_branch.is_empty());
        }
        k => panic!("{k:?}"),
    }
    assert!(matches!(s[1].kind, StmtKind::Insert { .. }));
}

#[test]
fn if_with_semicolon_before_else() {
    let s = one("IF @x < 10 INSERT INTO t VALUES (3); ELSE INSERT INTO t VALUES (4);");
    match &s.kind {
        StmtKind::If { else_branch, .. } => assert_eq!(else_branch.len(), 1),
        k => panic!("{k:?}"),
    }
}

#[test]
fn object_id_idiom_becomes_drop_if_exists() {
    let (m, d) = run("IF OBJECT_ID('dbo.Nope', 'U') IS NOT NULL DROP TABLE dbo.Nope;\nSELECT 1");
    assert!(errors(&d).is_empty());
    let s = stmts(&m);
    assert_eq!(s.len(), 2);
    assert!(matches!(
        &s[0].kind,
        StmtKind::Drop {
            if_exists: true,
            object: ObjectKind::Table,
            ..
        }
    ));
    assert!(d.iter().any(|d| d.code == "SX4005"));
}

#[test]
fn broken_statement_in_the_middle_keeps_neighbours() {
    let src = "SELECT a FROM t;\nSELECT FROM WHERE;\nUPDATE t SET a = 1;";
    let (m, d) = run(src);
    let s = stmts(&m);
    assert_eq!(s.len(), 3, "{:#?}", m.units);
    assert!(matches!(s[0].kind, StmtKind::Query(_)));
    assert!(matches!(s[1].kind, StmtKind::Unconverted(_)));
    assert!(matches!(s[2].kind, StmtKind::Update { .. }));
    let e = errors(&d);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, "SX1001");
    assert!(e[0].message.starts_with("expected"), "{}", e[0].message);
}

#[test]
fn broken_statement_without_semicolons_recovers_at_next_statement() {
    let src = "SELECT a FROM t\nINSERT INTO VALUES (1)\nDELETE FROM t WHERE a = 1";
    let (m, _) = run(src);
    let s = stmts(&m);
    assert_eq!(s.len(), 3);
    assert!(matches!(s[1].kind, StmtKind::Unconverted(_)));
    assert!(matches!(s[2].kind, StmtKind::Delete { .. }));
}

#[test]
fn broken_statement_inside_block_stays_inside() {
    let src = "BEGIN\n SELECT 1\n SELECT FROM\n SELECT 2\nEND\nSELECT 3";
    let (m, _) = run(src);
    let s = stmts(&m);
    assert_eq!(s.len(), 2);
    match &s[0].kind {
        StmtKind::Block(b) => {
            assert_eq!(b.len(), 3);
            assert!(matches!(b[1].kind, StmtKind::Unconverted(_)));
        }
        k => panic!("{k:?}"),
    }
}

#[test]
fn deep_nesting_reports_instead_of_overflowing() {
    for (open, close) in [
        ("(", ")"),
        ("(SELECT ", ")"),
        ("- ", ""),
        ("~", ""),
        ("CASE WHEN 1=1 THEN ", " END"),
    ] {
        let n = 5000;
        let src = format!("SELECT {}1{};\nSELECT 2", open.repeat(n), close.repeat(n));
        let (m, d) = run(&src);
        assert!(d.iter().any(|d| d.code == "SX1002"), "{open}");
        assert_eq!(stmts(&m).len(), 2);
    }
    let src = format!("{}SELECT 1{}", "BEGIN ".repeat(3000), " END".repeat(3000));
    let (_, d) = run(&src);
    assert!(!errors(&d).is_empty());
    let src = format!("{}SELECT 1", "IF 1 = 1 ".repeat(3000));
    let (_, d) = run(&src);
    assert!(!errors(&d).is_empty());
    let src = format!(
        "SELECT 1 FROM t WHERE {}1 = 1{}",
        "NOT (".repeat(3000),
        ")".repeat(3000)
    );
    let (_, d) = run(&src);
    assert!(d.iter().any(|d| d.code == "SX1002"));
    let src = format!("SELECT * FROM {}t{}", "(".repeat(3000), ")".repeat(3000));
    let (_, d) = run(&src);
    assert!(d.iter().any(|d| d.code == "SX1002"));
}

#[test]
fn procedure_swallows_its_batch() {
    let src = "CREATE PROCEDURE dbo.p @a INT AS\nBEGIN\n SELECT 1;\n IF @a = 1 RETURN;\nEND\nSELECT 'inside';\nGO\nSELECT 2";
    let (m, d) = run(src);
    let s = stmts(&m);
    assert_eq!(s.len(), 2);
    assert!(matches!(&s[0].kind, StmtKind::Unconverted(u) if u.code == "SX2001"));
    assert!(matches!(s[1].kind, StmtKind::Query(_)));
    assert_eq!(errors(&d).len(), 1);
}

#[test]
fn session_settings_use_and_print_are_dropped_with_info() {
    let (m, d) = run("SET NOCOUNT ON;\nSET XACT_ABORT ON\nUSE db\nPRINT 'x' + 'y'\nSELECT 1");
    let s = stmts(&m);
    assert_eq!(s.len(), 5);
    for st in &s[..4] {
        assert!(matches!(st.kind, StmtKind::Dropped { .. }), "{st:?}");
    }
    assert!(errors(&d).is_empty());
    assert_eq!(d.iter().filter(|d| d.severity == Severity::Info).count(), 4);
}

#[test]
fn comments_attach_to_following_statement_or_become_trivia() {
    let src = "-- lead\n/* block /* nested */ */\nSELECT 1; -- trailing\nBEGIN\n -- inner\n SELECT 2\nEND\n-- tail\n";
    let (m, _) = run(src);
    let s = stmts(&m);
    assert_eq!(s[0].comments.len(), 3);
    assert_eq!(s[0].comments[0].text, " lead");
    assert!(s[0].comments[1].block);
    match &s[1].kind {
        StmtKind::Block(b) => assert_eq!(b[0].comments[0].text, " inner"),
        k => panic!("{k:?}"),
    }
    assert!(matches!(&m.trivia[..], [Trivia::Comment(c)] if c.text == " tail"));
}

#[test]
fn sqlcmd_lines_are_reported_and_accounted() {
    let src = ":setvar Db Claims\nUSE $(Db);\n:r .\\other.sql\nSELECT 1";
    let (m, d) = run(src);
    assert!(d.iter().any(|d| d.code == "SX0102"));
    assert!(d.iter().any(|d| d.code == "SX0103"));
    assert_eq!(stmts(&m).len(), 4);
}

#[test]
fn lexer_errors_do_not_abort() {
    let (m, d) = run("SELECT 1;\nSELECT a ` b;\nSELECT 'open");
    assert!(d.iter().any(|d| d.code == "SX0100"));
    assert!(d.iter().any(|d| d.code == "SX0101"));
    assert!(matches!(stmts(&m)[0].kind, StmtKind::Query(_)));
}

#[test]
fn update_from_keeps_target_alias_and_from() {
    let s = one("UPDATE m SET m.PlanCode = s.PlanCode FROM dbo.Member m JOIN dbo.MemberStage s ON s.MemberID = m.MemberID;");
    match &s.kind {
        StmtKind::Update {
            target,
            alias,
            assignments,
            from,
            ..
        } => {
            assert_eq!(target.source.dotted(), "dbo.Member");
            assert_eq!(alias.as_ref().map(|a| a.value.as_str()), Some("m"));
            assert_eq!(assignments[0].column.value, "PlanCode");
            assert_eq!(from.len(), 1);
        }
        k => panic!("{k:?}"),
    }
    let s = one("DELETE a FROM dbo.T a JOIN dbo.S b ON a.id = b.id");
    assert!(
        matches!(&s.kind, StmtKind::Delete { target, alias: Some(a), .. } if target.source.dotted() == "dbo.T" && a.value == "a")
    );
}

#[test]
fn merge_with_all_clauses() {
    let s = one("MERGE dbo.Member AS t USING dbo.MemberStage AS s ON t.MemberID = s.MemberID\nWHEN MATCHED AND s.x = 1 THEN DELETE\nWHEN MATCHED THEN UPDATE SET t.a = s.a\nWHEN NOT MATCHED BY TARGET THEN INSERT (MemberID) VALUES (s.MemberID)\nWHEN NOT MATCHED BY SOURCE THEN UPDATE SET t.Active = 0;");
    match &s.kind {
        StmtKind::Merge(m) => {
            let kinds: Vec<MergeMatch> = m.clauses.iter().map(|c| c.matched).collect();
            assert_eq!(
                kinds,
                vec![
                    MergeMatch::Matched,
                    MergeMatch::Matched,
                    MergeMatch::NotMatchedByTarget,
                    MergeMatch::NotMatchedBySource
                ]
            );
            assert!(m.clauses[0].condition.is_some());
            assert_eq!(m.target_alias.as_ref().map(|a| a.value.as_str()), Some("t"));
        }
        k => panic!("{k:?}"),
    }
}

#[test]
fn select_into_and_variable_assignment() {
    assert!(
        matches!(one("SELECT * INTO #s FROM t").kind, StmtKind::CreateTableAs { name, .. } if name.kind == TableKind::Temp)
    );
    match one("SELECT @a = MAX(x), @b = 1 FROM t").kind {
        StmtKind::SetVarsFromQuery { names, .. } => assert_eq!(names, vec!["a", "b"]),
        k => panic!("{k:?}"),
    }
}

#[test]
fn declare_several_with_initial_values() {
    match one("DECLARE @a INT = 1, @b VARCHAR(10), @c AS MONEY = $1.50").kind {
        StmtKind::Declare(v) => {
            assert_eq!(v.len(), 3);
            assert_eq!(v[0].ty, DataType::Int);
            assert!(v[0].init.is_some());
            assert_eq!(
                v[2].ty,
                DataType::Decimal {
                    precision: 19,
                    scale: 4
                }
            );
        }
        k => panic!("{k:?}"),
    }
    match one("DECLARE @t TABLE (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL, INDEX ix (name))")
        .kind
    {
        StmtKind::Declare(v) => {
            assert_eq!(v[0].name, "t");
            assert!(
                matches!(&v[0].ty, DataType::Table(cols) if cols.len() == 2 && cols[0].0 == "id")
            );
        }
        k => panic!("{k:?}"),
    }
}

#[test]
fn literal_types() {
    assert_eq!(expr("1").ty, DataType::Int);
    assert_eq!(expr("3000000000").ty, DataType::BigInt);
    assert_eq!(
        expr("10.005").ty,
        DataType::Decimal {
            precision: 5,
            scale: 3
        }
    );
    assert_eq!(expr("1.5E3").ty, DataType::Double);
    assert!(matches!(
        expr("'abc'").ty,
        DataType::String {
            max_len: Some(3),
            ..
        }
    ));
    assert!(matches!(
        expr("N'it''s'").kind,
        ExprKind::Literal { value: Literal::String { ref value, national: true } } if value == "it's"
    ));
    assert!(
        matches!(expr("0x0A0B").kind, ExprKind::Literal { value: Literal::Binary(ref h) } if h == "0A0B")
    );
    assert!(
        matches!(expr("-5").kind, ExprKind::Literal { value: Literal::Integer(ref v) } if v == "-5")
    );
}

#[test]
fn operator_precedence() {
    // a + b * c  →  Add(a, Mul(b, c))
    match expr("a + b * c").kind {
        ExprKind::Binary {
            op: BinaryOp::Add,
            right,
            ..
        } => {
            assert!(matches!(
                right.kind,
                ExprKind::Binary {
                    op: BinaryOp::Mul,
                    ..
                }
            ))
        }
        k => panic!("{k:?}"),
    }
    let s = one("SELECT 1 FROM t WHERE a = 1 OR b = 2 AND NOT c = 3");
    match &select_of(query_of(&s)).selection.as_ref().map(|e| &e.kind) {
        Some(ExprKind::Binary {
            op: BinaryOp::Or,
            right,
            ..
        }) => {
            assert!(matches!(
                right.kind,
                ExprKind::Binary {
                    op: BinaryOp::And,
                    ..
                }
            ))
        }
        k => panic!("{k:?}"),
    }
}

#[test]
fn like_with_classes_becomes_anchored_regex() {
    let s = one("SELECT 1 FROM t WHERE a LIKE 'A[BC]%_' AND b NOT LIKE '[^0-9]%' AND c LIKE 'x%'");
    let w = select_of(query_of(&s))
        .selection
        .clone()
        .map(|e| format!("{e:?}"))
        .unwrap_or_default();
    assert!(w.contains("(?s)^A[BC].*.$"), "{w}");
    assert!(w.contains("(?s)^[^0-9].*$"), "{w}");
    assert!(w.contains("kind: Regex"));
    assert!(w.contains("kind: Like"));
    // `!` is not a negation in T-SQL: `[!a]` matches `!` or `a`.
    let s = one("SELECT 1 FROM t WHERE a LIKE '[!a]%'");
    let w = format!("{:?}", select_of(query_of(&s)).selection);
    assert!(w.contains("(?s)^[!a].*$"), "{w}");
}

#[test]
fn table_hints_are_dropped_with_info() {
    let (_, d) = run("SELECT * FROM dbo.T WITH (NOLOCK) JOIN dbo.S s (NOLOCK) ON 1 = 1");
    assert_eq!(d.iter().filter(|d| d.code == "SX4004").count(), 2);
    assert!(errors(&d).is_empty());
}

#[test]
fn top_and_offset_fetch() {
    let q = query_of(&one("SELECT TOP (5) PERCENT WITH TIES a FROM t ORDER BY a")).clone();
    let l = q.limit.unwrap_or_else(|| panic!("no limit"));
    assert!(l.percent && l.with_ties);
    let q = query_of(&one(
        "SELECT a FROM t ORDER BY a OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY",
    ))
    .clone();
    assert!(q
        .limit
        .is_some_and(|l| l.offset.is_some() && l.count.is_some()));
}

#[test]
fn recursive_cte_is_marked() {
    let q = query_of(&one(
        "WITH r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r",
    ))
    .clone();
    assert!(q.recursive);
}

#[test]
fn create_table_maps_types_and_constraints() {
    match one("CREATE TABLE dbo.T (id INT IDENTITY(1,1) PRIMARY KEY, f BIT NOT NULL DEFAULT 0, m MONEY, t TINYINT, d DATETIME, c NCHAR(2), g UNIQUEIDENTIFIER, x AS (id * 2), CONSTRAINT fk FOREIGN KEY (id) REFERENCES dbo.S (id))").kind {
        StmtKind::CreateTable(def) => {
            let tys: Vec<&DataType> = def.columns.iter().map(|c| &c.ty).collect();
            assert_eq!(tys[0], &DataType::Int);
            assert_eq!(tys[1], &DataType::Boolean);
            assert_eq!(tys[2], &DataType::Decimal { precision: 19, scale: 4 });
            assert_eq!(tys[3], &DataType::SmallInt);
            assert_eq!(tys[4], &DataType::TimestampNtz);
            assert!(matches!(tys[5], DataType::String { max_len: Some(2), fixed: true, .. }));
            assert!(matches!(tys[6], DataType::String { .. }));
            assert_eq!(def.columns[0].identity, Some((1, 1)));
            assert!(def.columns[1].not_null && def.columns[1].default.is_some());
            assert!(def.columns[7].computed.is_some());
            assert_eq!(def.columns[2].source_type, "MONEY");
            assert_eq!(def.constraints.len(), 2);
        }
        k => panic!("{k:?}"),
    }
}

#[test]
fn create_index_and_view() {
    assert!(
        matches!(one("CREATE UNIQUE NONCLUSTERED INDEX ix ON dbo.T (a, b DESC)").kind, StmtKind::CreateIndex { unique: true, ref columns, .. } if columns.len() == 2)
    );
    assert!(matches!(
        one("CREATE OR ALTER VIEW dbo.V AS SELECT 1 AS x").kind,
        StmtKind::CreateView {
            or_replace: true,
            ..
        }
    ));
}

#[test]
fn exec_simple_is_call_dynamic_is_unconverted() {
    let (m, d) = run("EXEC dbo.p @a = 1, 'x'");
    assert!(
        matches!(&stmts(&m)[0].kind, StmtKind::Call { args, .. } if args.len() == 2 && args[0].0.as_deref() == Some("a"))
    );
    assert!(d.iter().any(|d| d.code == "SX2008"));
    let (m, _) = run("EXEC ('SELECT 1'); EXEC sp_executesql @sql;");
    assert!(stmts(&m)
        .iter()
        .all(|s| matches!(&s.kind, StmtKind::Unconverted(u) if u.code == "SX2004")));
}

#[test]
fn byte_accounting_on_mixed_script() {
    let src = "/* a */ ;; SELECT 1 -- b\n;\nGO\n-- c\nIF 1 = 1 SELECT 2 ELSE SELECT 3;\n garbage here ;\nEND\n";
    let _ = run(src);
    let _ = run("SELECT 1;\u{a0}SELECT 2\u{3000}\u{feff}");
}

#[test]
fn long_else_if_chains_do_not_nest_the_parser() {
    let mut src = String::new();
    for i in 0..300 {
        src.push_str(&format!("IF @x = {i} SELECT {i}\nELSE "));
    }
    src.push_str("SELECT -1\nSELECT 'after'");
    let (m, d) = run(&src);
    assert!(errors(&d).is_empty());
    assert_eq!(stmts(&m).len(), 2);
}

/// The canonical operation an expression lowers to, as text.
fn op_of(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Func { func, args } => format!("{func:?}/{}", args.len()),
        ExprKind::Agg {
            func,
            args,
            distinct,
            over,
            within_group,
        } => format!(
            "Agg {func:?}/{}{}{}{}",
            args.len(),
            if *distinct { " distinct" } else { "" },
            if over.is_some() { " over" } else { "" },
            if within_group.is_empty() {
                ""
            } else {
                " within"
            }
        ),
        ExprKind::Window { func, args, .. } => format!("Win {func:?}/{}", args.len()),
        ExprKind::Case { operand, whens, .. } => {
            format!(
                "Case{}/{}",
                if operand.is_some() { " simple" } else { "" },
                whens.len()
            )
        }
        ExprKind::Cast { mode, to, .. } => format!("Cast {mode:?} {to:?}"),
        ExprKind::Call { name, args } => format!("Call {}/{}", name.dotted(), args.len()),
        k => format!("{k:?}"),
    }
}

#[test]
fn every_documented_function_maps_to_its_canonical_operation() {
    let cases: &[(&str, &str)] = &[
        ("DATEDIFF(day, a, b)", "DateDiffBoundaries(Day)/2"),
        ("DATEDIFF(mm, a, b)", "DateDiffBoundaries(Month)/2"),
        ("DATEDIFF(yyyy, a, b)", "DateDiffBoundaries(Year)/2"),
        ("DATEDIFF(qq, a, b)", "DateDiffBoundaries(Quarter)/2"),
        ("DATEDIFF(mi, a, b)", "DateDiffBoundaries(Minute)/2"),
        ("DATEDIFF(n, a, b)", "DateDiffBoundaries(Minute)/2"),
        ("DATEDIFF(hh, a, b)", "DateDiffBoundaries(Hour)/2"),
        ("DATEDIFF(ss, a, b)", "DateDiffBoundaries(Second)/2"),
        ("DATEDIFF(ms, a, b)", "DateDiffBoundaries(Millisecond)/2"),
        ("DATEDIFF(mcs, a, b)", "DateDiffBoundaries(Microsecond)/2"),
        ("DATEDIFF(ns, a, b)", "DateDiffBoundaries(Nanosecond)/2"),
        ("DATEDIFF(wk, a, b)", "DateDiffBoundaries(Week)/2"),
        ("DATEDIFF_BIG(s, a, b)", "DateDiffBoundaries(Second)/2"),
        ("DATEADD(dd, 1, d)", "DateAdd(Day)/2"),
        ("DATEADD(d, 1, d)", "DateAdd(Day)/2"),
        ("DATEADD(m, 1, d)", "DateAdd(Month)/2"),
        ("DATEADD(q, 1, d)", "DateAdd(Quarter)/2"),
        ("DATEADD(yy, 1, d)", "DateAdd(Year)/2"),
        ("DATEPART(dw, d)", "DatePart(Weekday)/1"),
        ("DATEPART(dy, d)", "DatePart(DayOfYear)/1"),
        ("DATEPART(y, d)", "DatePart(DayOfYear)/1"),
        ("DATEPART(ww, d)", "DatePart(Week)/1"),
        ("DATEPART(iso_week, d)", "DatePart(IsoWeek)/1"),
        ("DATEPART(isowk, d)", "DatePart(IsoWeek)/1"),
        ("DATENAME(month, d)", "DateName(Month)/1"),
        ("YEAR(d)", "DatePart(Year)/1"),
        ("MONTH(d)", "DatePart(Month)/1"),
        ("DAY(d)", "DatePart(Day)/1"),
        ("EOMONTH(d)", "EndOfMonth/1"),
        ("EOMONTH(d, 1)", "EndOfMonth/2"),
        ("DATEFROMPARTS(2024, 1, 2)", "DateFromParts/3"),
        ("GETDATE()", "CurrentTimestamp/0"),
        ("CURRENT_TIMESTAMP", "CurrentTimestamp/0"),
        ("CURRENT_DATE", "CurrentDate/0"),
        ("SYSDATETIME()", "CurrentTimestamp/0"),
        ("GETUTCDATE()", "CurrentTimestampUtc/0"),
        ("ISNULL(a, 0)", "IfNullKeepFirstType/2"),
        ("COALESCE(a, b, c)", "Coalesce/3"),
        ("NULLIF(a, 0)", "NullIf/2"),
        ("IIF(a > 1, 'x', 'y')", "Case/1"),
        ("CHOOSE(i, 'a', 'b', 'c')", "Case simple/3"),
        ("LEN(s)", "LengthIgnoringTrailingSpaces/1"),
        ("DATALENGTH(s)", "OctetLength/1"),
        ("CHARINDEX('B', s)", "Locate/2"),
        ("CHARINDEX('B', s, 2)", "Locate/3"),
        ("PATINDEX('%[0-9]%', s)", "PatternIndex/2"),
        ("STUFF(s, 1, 2, 'x')", "Stuff/4"),
        ("SUBSTRING(s, 1, 2)", "Substring/3"),
        ("LEFT(s, 2)", "Left/2"),
        ("RIGHT(s, 2)", "Right/2"),
        ("REPLICATE('x', 3)", "Repeat/2"),
        ("SPACE(3)", "Space/1"),
        ("CONCAT(a, '|', b)", "ConcatNullAsEmpty/3"),
        ("CONCAT_WS(',', a, b)", "ConcatWs/3"),
        ("NEWID()", "NewUuid/0"),
        ("HASHBYTES('SHA2_256', s)", "Hash(Sha256)/1"),
        ("HASHBYTES('MD5', s)", "Hash(Md5)/1"),
        ("ISNUMERIC(s)", "IsNumeric/1"),
        ("ISDATE(s)", "IsDate/1"),
        ("ROUND(x, 2)", "Round/2"),
        ("ROUND(x, 2, 0)", "Round/2"),
        ("ROUND(x, 2, 1)", "RoundTruncate/2"),
        ("UPPER(s)", "Upper/1"),
        ("LOWER(s)", "Lower/1"),
        ("LTRIM(s)", "LTrim/1"),
        ("RTRIM(s)", "RTrim/1"),
        ("TRIM(s)", "Trim/1"),
        ("REPLACE(s, 'a', 'b')", "Replace/3"),
        ("REVERSE(s)", "Reverse/1"),
        ("ABS(x)", "Abs/1"),
        ("CEILING(x)", "Ceiling/1"),
        ("FLOOR(x)", "Floor/1"),
        ("POWER(x, 2)", "Power/2"),
        ("SQRT(x)", "Sqrt/1"),
        ("SQUARE(x)", "Square/1"),
        ("EXP(x)", "Exp/1"),
        ("LOG(x)", "Ln/1"),
        ("LOG(x, 2)", "Ln/2"),
        ("LOG10(x)", "Log10/1"),
        ("SIGN(x)", "Sign/1"),
        ("PI()", "Pi/0"),
        ("RAND()", "Random/0"),
        ("ASCII(s)", "Ascii/1"),
        ("CHAR(65)", "Chr/1"),
        ("NCHAR(65)", "Chr/1"),
        ("QUOTENAME(s)", "QuoteName/1"),
        ("FORMAT(d, 'yyyy')", "Format/2"),
        ("TRANSLATE(s, 'ab', 'cd')", "Translate/3"),
        (
            "CONVERT(VARCHAR(10), d, 112)",
            "ConvertStyle { style: 112, try_: false }/2",
        ),
        (
            "TRY_CONVERT(DATE, s, 103)",
            "ConvertStyle { style: 103, try_: true }/2",
        ),
        ("CONVERT(INT, s)", "Cast Strict Int"),
        ("TRY_CONVERT(INT, s)", "Cast Try Int"),
        ("CAST(s AS BIT)", "Cast Strict Boolean"),
        ("TRY_CAST(s AS DATE)", "Cast Try Date"),
        ("COUNT(*)", "Agg Count/1"),
        ("COUNT(DISTINCT a)", "Agg Count/1 distinct"),
        ("COUNT_BIG(*)", "Agg CountBig/1"),
        ("SUM(a)", "Agg Sum/1"),
        ("AVG(a) OVER ()", "Agg Avg/1 over"),
        ("MIN(a)", "Agg Min/1"),
        ("MAX(a)", "Agg Max/1"),
        ("STDEV(a)", "Agg StdDev/1"),
        ("STDEVP(a)", "Agg StdDevPop/1"),
        ("VAR(a)", "Agg Variance/1"),
        ("VARP(a)", "Agg VariancePop/1"),
        ("GROUPING(a)", "Agg Grouping/1"),
        ("GROUPING_ID(a, b)", "Agg GroupingId/2"),
        (
            "STRING_AGG(s, ',') WITHIN GROUP (ORDER BY s)",
            "Agg StringAgg/2 within",
        ),
        ("ROW_NUMBER() OVER (ORDER BY a)", "Win RowNumber/0"),
        ("RANK() OVER (ORDER BY a)", "Win Rank/0"),
        ("DENSE_RANK() OVER (ORDER BY a)", "Win DenseRank/0"),
        ("NTILE(4) OVER (ORDER BY a)", "Win Ntile/1"),
        ("LAG(a, 1, 0) OVER (ORDER BY a)", "Win Lag/3"),
        ("LEAD(a) OVER (ORDER BY a)", "Win Lead/1"),
        ("FIRST_VALUE(a) OVER (ORDER BY a)", "Win FirstValue/1"),
        (
            "LAST_VALUE(a) OVER (ORDER BY a ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)",
            "Win LastValue/1",
        ),
        ("PERCENT_RANK() OVER (ORDER BY a)", "Win PercentRank/0"),
        ("CUME_DIST() OVER (ORDER BY a)", "Win CumeDist/0"),
        ("dbo.fn_x(a)", "Call dbo.fn_x/1"),
        ("PARSE('1' AS INT USING 'en-US')", "Cast Strict Int"),
        ("TRY_PARSE('1' AS DATE)", "Cast Try Date"),
    ];
    for (sql, want) in cases {
        let e = expr(sql);
        assert_eq!(&op_of(&e), want, "{sql}");
    }
}

#[test]
fn unknown_function_is_passed_through_with_warning() {
    let (m, d) = run("SELECT SOUNDEX(a) FROM t");
    assert!(d
        .iter()
        .any(|d| d.code == "SX3001" && d.severity == Severity::Warning));
    let s = stmts(&m);
    let e = &select_of(query_of(s[0])).items[0].expr;
    assert_eq!(op_of(e), "Call SOUNDEX/1");
    let (_, d) = run("SELECT dbo.fn_x(a) FROM t");
    assert!(d.is_empty());
}

#[test]
fn string_split_is_a_table_function() {
    let s = one("SELECT value FROM STRING_SPLIT('a,b', ',')");
    assert!(matches!(
        &select_of(query_of(&s)).from[0],
        Relation::Function { call, .. } if matches!(call.kind, ExprKind::Func { func: Func::StringSplit, .. })
    ));
}

#[test]
fn exists_over_catalog_views_with_drop_becomes_drop_if_exists() {
    let s = one("IF EXISTS (SELECT * FROM sys.objects WHERE name = 'x') BEGIN DROP VIEW dbo.x END");
    assert!(matches!(
        s.kind,
        StmtKind::Drop {
            if_exists: true,
            object: ObjectKind::View,
            ..
        }
    ));
    let s = one("IF EXISTS (SELECT * FROM dbo.t) DROP TABLE dbo.x");
    assert!(matches!(s.kind, StmtKind::If { .. }));
}

#[test]
fn result_changing_settings_and_admin_statements_are_unconverted() {
    let (m, d) = run("SET ROWCOUNT 10\nSELECT a FROM t\nDBCC CHECKIDENT('t')\nSET IDENTITY_INSERT dbo.t ON\nSELECT SCOPE_IDENTITY()");
    let s = stmts(&m);
    assert_eq!(s.len(), 5);
    assert!(matches!(&s[0].kind, StmtKind::Unconverted(u) if u.code == "SX2005"));
    assert!(matches!(s[1].kind, StmtKind::Query(_)));
    assert!(matches!(&s[2].kind, StmtKind::Unconverted(u) if u.code == "SX2005"));
    assert!(matches!(s[3].kind, StmtKind::Dropped { .. }));
    assert_eq!(errors(&d).len(), 3);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    const FRAGMENTS: &[&str] = &[
        "SELECT",
        "a",
        "FROM",
        "t",
        "WHERE",
        "=",
        "1",
        "(",
        ")",
        ",",
        ";",
        "\nGO\n",
        "BEGIN",
        "END",
        "IF",
        "ELSE",
        "CASE",
        "WHEN",
        "THEN",
        "INSERT",
        "INTO",
        "VALUES",
        "UPDATE",
        "SET",
        "@x",
        "'s''q'",
        "N'n'",
        "[b]",
        "-- c\n",
        "/* d /* e */ */",
        "JOIN",
        "ON",
        "AND",
        "OR",
        "NOT",
        "NULL",
        "IS",
        "IN",
        "LIKE",
        "'[a]%'",
        "CREATE",
        "TABLE",
        "PROCEDURE",
        "AS",
        "DECLARE",
        "INT",
        "WHILE",
        "EXEC",
        "MERGE",
        "USING",
        "DELETE",
        "WITH",
        "(NOLOCK)",
        "+",
        "*",
        "OVER",
        "ORDER",
        "BY",
        "TOP",
        "10",
        ".",
        "#t",
        "\r\n",
        ":setvar x 1\n",
        "$(v)",
        "`",
        "'open",
        "/* open",
        "\"q\"",
        "0x0F",
        "$1.5",
        "1.5E3",
        "CAST",
        "CONVERT",
        "DATEDIFF",
        "day",
        "COUNT",
        "ROW_NUMBER",
        "PARTITION",
        "ROWS",
        "UNBOUNDED",
        "PRECEDING",
        "UNION",
        "ALL",
        "DROP",
        "OBJECT_ID",
        "TRY",
        "CATCH",
        "TRAN",
        "COMMIT",
        "PRINT",
        "RETURN",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]
        #[test]
        fn any_slice_of_a_real_script_lowers_without_panic_and_is_accounted(
            a in 0usize..5000, len in 0usize..3000
        ) {
            let src = include_str!("smoke.sql");
            let mut start = a.min(src.len());
            while !src.is_char_boundary(start) { start -= 1; }
            let mut end = (start + len).min(src.len());
            while !src.is_char_boundary(end) { end -= 1; }
            let _ = run(&src[start..end]);
        }

        #[test]
        fn any_fragment_soup_lowers_without_panic_and_is_accounted(
            idx in proptest::collection::vec(0..FRAGMENTS.len(), 0..120)
        ) {
            let src: Vec<&str> = idx.iter().map(|&i| FRAGMENTS[i]).collect();
            let src = src.join(" ");
            let (m1, d1) = run(&src);
            let (m2, d2) = lower(&src, Collation::default());
            prop_assert_eq!(m1, m2);
            prop_assert_eq!(d1, d2);
        }
    }
}

#[test]
fn smoke_script_lowers_without_errors_with_lf_and_crlf() {
    let src = include_str!("smoke.sql");
    let (m, d) = run(src);
    // Procedure calls are converted but flagged (SX2008): procedures come later.
    let e: Vec<_> = errors(&d)
        .into_iter()
        .filter(|d| d.code != "SX2008")
        .collect();
    assert!(e.is_empty(), "{e:#?}");
    let unconverted = stmts(&m)
        .iter()
        .filter(|s| matches!(s.kind, StmtKind::Unconverted(_)))
        .count();
    assert_eq!(unconverted, 0);
    let crlf = src.replace('\n', "\r\n");
    let (m2, d2) = run(&crlf);
    assert_eq!(errors(&d).len(), errors(&d2).len());
    assert_eq!(m.units.len(), m2.units.len());
    assert_eq!(m.trivia.len(), m2.trivia.len());
}

#[test]
fn joins_apply_pivot_and_grouping_forms() {
    let s = one("SELECT * FROM a CROSS APPLY (SELECT 1 AS x) c OUTER APPLY dbo.f(a.id) f LEFT JOIN b ON a.id = b.id FULL OUTER JOIN d ON 1 = 1 CROSS JOIN e");
    let f = format!("{:?}", select_of(query_of(&s)).from);
    for k in [
        "CrossApply",
        "OuterApply",
        "kind: Left",
        "kind: Full",
        "kind: Cross,",
    ] {
        assert!(f.contains(k), "{k}");
    }
    let s = one("SELECT * FROM (SELECT a, b, c FROM t) s PIVOT (SUM(c) FOR b IN ([x], [y])) AS p");
    assert!(
        matches!(&select_of(query_of(&s)).from[0], Relation::Pivot { values, .. } if values.len() == 2)
    );
    let s = one("SELECT * FROM t UNPIVOT (v FOR n IN (c1, c2)) u");
    assert!(
        matches!(&select_of(query_of(&s)).from[0], Relation::Unpivot { columns, .. } if columns.len() == 2)
    );
    for (sql, want) in [
        ("SELECT a FROM t GROUP BY ROLLUP(a, b)", "Rollup"),
        ("SELECT a FROM t GROUP BY CUBE(a)", "Cube"),
        ("SELECT a FROM t GROUP BY a, b WITH ROLLUP", "Rollup"),
        (
            "SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), ())",
            "GroupingSets",
        ),
        ("SELECT a FROM t GROUP BY a HAVING COUNT(*) > 1", "Exprs"),
    ] {
        let s = one(sql);
        let g = format!("{:?}", select_of(query_of(&s)).group_by);
        assert!(g.starts_with(&format!("Some({want}")), "{sql}: {g}");
    }
}

#[test]
fn cte_before_insert_moves_into_the_insert_query() {
    match one("WITH c AS (SELECT 1 AS x) INSERT INTO t (x) SELECT x FROM c").kind {
        StmtKind::Insert {
            source: InsertSource::Query(q),
            ..
        } => assert_eq!(q.with.len(), 1),
        k => panic!("{k:?}"),
    }
}

#[test]
fn set_operations_bind_intersect_tighter() {
    let s = one("SELECT a FROM t1 UNION SELECT a FROM t2 INTERSECT SELECT a FROM t3");
    match &query_of(&s).body {
        SetExpr::SetOp {
            op: SetOp::Union,
            right,
            ..
        } => {
            assert!(matches!(
                **right,
                SetExpr::SetOp {
                    op: SetOp::Intersect,
                    ..
                }
            ))
        }
        b => panic!("{b:?}"),
    }
}

#[test]
fn grant_ends_at_its_line() {
    let (m, _) = run("GRANT SELECT, INSERT ON dbo.t TO role1\nSELECT 1");
    let s = stmts(&m);
    assert_eq!(s.len(), 2);
    assert!(matches!(s[1].kind, StmtKind::Query(_)));
}

#[test]
fn ssms_generated_script() {
    let src = "/****** Object:  Table [dbo].[T]    Script Date: 1/1/2024 ******/\r
SET ANSI_NULLS ON\r
GO\r
SET QUOTED_IDENTIFIER ON\r
GO\r
CREATE TABLE [dbo].[T](\r
\t[id] [int] IDENTITY(1,1) NOT NULL,\r
\t[name] [nvarchar](50) COLLATE SQL_Latin1_General_CP1_CI_AS NULL,\r
\t[amt] [money] NULL,\r
 CONSTRAINT [PK_T] PRIMARY KEY CLUSTERED \r
(\r
\t[id] ASC\r
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF) ON [PRIMARY]\r
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]\r
GO\r
SET IDENTITY_INSERT [dbo].[T] ON \r
INSERT [dbo].[T] ([id], [name]) VALUES (1, N'x')\r
SET IDENTITY_INSERT [dbo].[T] OFF\r
GO\r
ALTER TABLE [dbo].[T] WITH CHECK ADD CONSTRAINT [FK_T] FOREIGN KEY([id]) REFERENCES [dbo].[S] ([id])\r
GO\r
ALTER TABLE [dbo].[T] ADD  DEFAULT ((0)) FOR [amt]\r
GO\r
";
    let (m, d) = run(src);
    let e = errors(&d);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].code, "SX2005");
    let s = stmts(&m);
    assert!(s.iter().any(|s| matches!(&s.kind, StmtKind::CreateTable(t) if t.columns.len() == 3 && t.constraints.len() == 1)));
}

#[test]
fn top_without_order_by_warns() {
    let (_, d) = run("SELECT TOP 1 a FROM t");
    assert!(d
        .iter()
        .any(|d| d.code == "SX3003" && d.severity == Severity::Warning));
    let (_, d) = run("SELECT TOP 1 a FROM t ORDER BY a");
    assert!(d.is_empty());
}

#[test]
fn comments_inside_unconverted_statements_stay_in_their_text() {
    let (m, _) = run("-- before\nCREATE PROCEDURE p AS\n-- inside\nSELECT 1");
    let s = stmts(&m);
    assert_eq!(s[0].comments.len(), 1);
    assert_eq!(s[0].comments[0].text, " before");
}

#[test]
fn recovery_does_not_split_a_broken_statement_at_its_own_keywords() {
    for src in [
        "INSERT INTO t (a,) SELECT 1\nSELECT 2",
        "INSERT INTO t EXEC dbo.p\nSELECT 2",
        "WITH c AS (SELECT 1 AS x) DELETE FROM t WHERE a IN (SELECT x FROM c)\nSELECT 2",
        "WITH c AS (SELECT 1 AS x) DELETE FROM c WHERE x = 1\nSELECT 2",
        "UPDATE t FROM x SET a = 1\nSELECT 2",
        "SELECT a FROM t WHERE a = 1 UNION ALL SELECT FROM\nSELECT 2",
        "CREATE TABLE t (a INT,, b INT)\nSELECT 2",
        "DECLARE @x INT = = 1\nSELECT 2",
        "CREATE VIEW v AS SELECT FROM t\nSELECT 2",
    ] {
        let (m, d) = run(src);
        let s = stmts(&m);
        assert_eq!(s.len(), 2, "{src}: {:#?}", m.units);
        assert!(matches!(s[0].kind, StmtKind::Unconverted(_)), "{src}");
        assert!(matches!(s[1].kind, StmtKind::Query(_)), "{src}");
        assert_eq!(errors(&d).len(), 1, "{src}");
    }
}

#[test]
fn index_maintenance_is_dropped() {
    let (m, d) = run("ALTER INDEX ALL ON dbo.t REBUILD\nUPDATE STATISTICS dbo.t\nSELECT 1");
    let s = stmts(&m);
    assert_eq!(s.len(), 3);
    assert!(matches!(s[0].kind, StmtKind::Dropped { .. }));
    assert!(matches!(s[1].kind, StmtKind::Dropped { .. }));
    assert!(errors(&d).is_empty());
}

#[test]
fn statement_spans_include_their_semicolon_and_stray_semicolons_are_trivia() {
    let src = "SELECT 1;;\nSELECT 2 ;";
    let (m, _) = run(src);
    let s = stmts(&m);
    assert_eq!(&src[s[0].span.range()], "SELECT 1;");
    assert_eq!(&src[s[1].span.range()], "SELECT 2 ;");
    assert!(matches!(&m.trivia[..], [Trivia::Punctuation { span }] if &src[span.range()] == ";"));
}

#[test]
fn for_xml_is_flagged() {
    let (m, d) = run("SELECT STUFF((SELECT ',' + d.Code FROM dbo.Dx d FOR XML PATH(''), TYPE).value('.', 'VARCHAR(MAX)'), 1, 1, '') FROM dbo.Claim c\nSELECT 1");
    assert!(d.iter().any(|d| d.code == "SX2007"));
    assert_eq!(stmts(&m).len(), 2);
}

#[test]
fn cte_used_as_dml_source_is_inlined() {
    let s = one("WITH src AS (SELECT id, a FROM dbo.S) MERGE INTO dbo.T AS t USING src ON t.id = src.id WHEN MATCHED THEN UPDATE SET t.a = src.a;");
    match &s.kind {
        StmtKind::Merge(m) => assert!(
            matches!(&m.source, Relation::Derived { alias: Some(a), .. } if a.value == "src")
        ),
        k => panic!("{k:?}"),
    }
    let s = one(
        "WITH c AS (SELECT id FROM dbo.S) UPDATE t SET t.a = 1 FROM dbo.T t JOIN c ON c.id = t.id",
    );
    assert!(
        matches!(&s.kind, StmtKind::Update { from, .. } if format!("{from:?}").contains("Derived"))
    );
}

#[test]
fn control_flow_at_end_of_batch_is_one_unconverted_statement() {
    for src in [
        "SELECT 1\nIF @x = 1\nGO\nSELECT 2",
        "SELECT 1\nWHILE 1 = 1\nGO\nSELECT 2",
        "SELECT 1\nIF 1 = 1 SELECT 3 ELSE\nGO\nSELECT 2",
    ] {
        let (m, d) = run(src);
        let s = stmts(&m);
        assert_eq!(s.len(), 3, "{src}");
        assert!(
            matches!(&s[1].kind, StmtKind::Unconverted(u) if u.span.start > 0),
            "{src}"
        );
        assert_eq!(errors(&d).len(), 1);
    }
}

#[test]
fn niladic_user_functions_are_calls_not_columns() {
    let (m, d) = run("SELECT SYSTEM_USER, CURRENT_USER");
    assert!(format!("{:?}", m.units).contains("Call"));
    assert_eq!(d.iter().filter(|d| d.code == "SX3001").count(), 2);
}

#[test]
fn dml_statement_boundaries_and_unsupported_clauses() {
    // A MERGE without `;` ends after its last action; hints and CTEs do not split.
    for src in [
        "MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE\nINSERT INTO t VALUES (1)",
        "MERGE t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = 1\nUPDATE t SET a = 2",
        "INSERT INTO t WITH (TABLOCK) SELECT 1\nSELECT 2",
        "WITH c AS (SELECT 1 AS x) INSERT INTO t SELECT x FROM c\nSELECT 2",
    ] {
        let (m, d) = run(src);
        assert_eq!(stmts(&m).len(), 2, "{src}");
        assert!(errors(&d).is_empty(), "{src}");
    }
    for (src, message) in [
        (
            "MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE OUTPUT $action, deleted.id INTO #log;",
            "OUTPUT clause is not supported",
        ),
        (
            "DELETE FROM t OUTPUT deleted.a WHERE a = 1",
            "OUTPUT clause is not supported",
        ),
        (
            "UPDATE t SET a = 1, @v = 2",
            "assigning a variable inside UPDATE is not supported",
        ),
        (
            "UPDATE t SET a = 1 WHERE CURRENT OF c",
            "WHERE CURRENT OF a cursor is not supported",
        ),
        ("DELETE TOP (5) FROM t", "DELETE TOP is not supported"),
        ("INSERT INTO t EXEC dbo.p 1", "INSERT … EXEC is not supported"),
    ] {
        let (m, d) = run(src);
        assert_eq!(stmts(&m).len(), 1, "{src}");
        let e = errors(&d);
        assert_eq!(e.len(), 1, "{src}");
        assert_eq!(e[0].message, message, "{src}");
    }
    let (_, d) = run("UPDATE t SET a = 1 WHERE b = 2 OPTION (RECOMPILE)");
    assert!(errors(&d).is_empty());
    assert!(d.iter().any(|d| d.message == "query hint dropped"));
}
