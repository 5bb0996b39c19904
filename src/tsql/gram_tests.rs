//! Tests of the grammar path: the token adapter, the statement splitter's
//! continuation rules, grammar error messages, and the grammar's coverage of the
//! keyword table.

use super::lexer::Kw;
use super::tests::{run, stmts};
use sqlxlate_diagnostics::Severity;
use sqlxlate_ir::*;

const GRAMMAR: &str = include_str!("../../grammars/tsql.lalrpop");

fn error_messages(src: &str) -> Vec<(String, String)> {
    let (_, d) = run(src);
    d.into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code.to_string(), d.message))
        .collect()
}

#[test]
fn every_keyword_is_a_grammar_terminal() {
    // The adapter passes keywords through; a keyword without a terminal would make
    // every statement that contains it a syntax error.
    for k in Kw::table() {
        let kw = Kw::lookup(k);
        let pattern = format!("\"{k}\" => G::T(T::Word(Kw::{kw:?})),");
        assert!(GRAMMAR.contains(&pattern), "missing terminal: {pattern}");
    }
}

#[test]
fn offset_fetch_and_cursor_for_update_stay_one_statement() {
    let (m, d) = run("SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY");
    assert_eq!(stmts(&m).len(), 1, "{d:?}");
    let (m, _) = run("DECLARE c CURSOR FOR SELECT a FROM t FOR UPDATE OF a\nSELECT 1");
    let s = stmts(&m);
    assert_eq!(s.len(), 2);
    assert!(
        matches!(&s[0].kind, StmtKind::Unconverted(u) if u.code == "SX2002" && u.text.ends_with("OF a"))
    );
    assert!(matches!(&s[1].kind, StmtKind::Query(_)));
}

#[test]
fn syntax_errors_say_what_was_expected() {
    let e = error_messages("SELECT a FROM WHERE x = 1");
    assert_eq!(e[0].0, "SX1001");
    assert_eq!(e[0].1, "expected a name or `(`, found `WHERE`");
    let e = error_messages("SELECT (a + 1 FROM t");
    assert_eq!(e[0].1, "expected `)`, found `FROM`");
    let e = error_messages("SELECT a,");
    assert!(e[0].1.ends_with("found the end of the statement"), "{e:?}");
}

#[test]
fn hint_groups_are_single_tokens_and_dropped_with_info() {
    let (m, d) = run("SELECT a FROM t WITH (NOLOCK, INDEX(ix_a)) JOIN u (NOLOCK) ON t.k = u.k OPTION (RECOMPILE, MAXDOP 1)");
    assert_eq!(stmts(&m).len(), 1);
    let infos: Vec<_> = d.iter().filter(|d| d.code == "SX4004").collect();
    assert_eq!(infos.len(), 3, "{d:#?}");
    assert!(!d.iter().any(|d| d.severity == Severity::Error));
}

#[test]
fn for_xml_is_unsupported_not_a_syntax_error() {
    let e = error_messages(
        "SELECT STUFF((SELECT ',' + code FROM dx FOR XML PATH('')), 1, 1, '') AS codes",
    );
    assert_eq!(e[0].0, "SX2007");
}

#[test]
fn nesting_is_capped_before_the_tree_exists() {
    let src = format!("SELECT {}1{}", "(".repeat(500), ")".repeat(500));
    let e = error_messages(&src);
    assert_eq!(e[0].0, "SX1002");
    let src = format!("SELECT {}1", "- ".repeat(500));
    assert_eq!(error_messages(&src)[0].0, "SX1002");
}

#[test]
fn if_condition_ends_at_the_next_statement() {
    let (m, d) = run("IF EXISTS (SELECT 1 FROM t WHERE x IN (1, 2)) AND @a = CASE WHEN @b = 1 THEN 1 END UPDATE t SET x = 1");
    assert!(!d.iter().any(|d| d.severity == Severity::Error), "{d:#?}");
    assert!(
        matches!(&stmts(&m)[0].kind, StmtKind::If { then_branch, .. } if matches!(then_branch[0].kind, StmtKind::Update { .. }))
    );
}

#[test]
fn exec_output_default_and_cursor_variables_are_unconverted_whole() {
    for (src, code) in [
        ("EXEC dbo.p @a = 1, @b = @x OUTPUT", "SX2004"),
        ("EXEC dbo.p @a = DEFAULT", "SX2004"),
        ("DECLARE @n INT, @c CURSOR", "SX2002"),
    ] {
        let (m, _) = run(src);
        let s = stmts(&m);
        assert_eq!(s.len(), 1, "{src}");
        assert!(
            matches!(&s[0].kind, StmtKind::Unconverted(u) if u.code == code && u.text == src),
            "{src}: {:?}",
            s[0].kind
        );
    }
}

#[test]
fn parse_and_niladic_functions() {
    let (m, d) = run("SELECT TRY_PARSE(x AS INT USING 'en-US'), CURRENT_DATE, SYSTEM_USER FROM t");
    assert!(!d.iter().any(|d| d.severity == Severity::Error), "{d:#?}");
    let StmtKind::Query(q) = &stmts(&m)[0].kind else {
        panic!()
    };
    let SetExpr::Select(s) = &q.body else {
        panic!()
    };
    assert!(matches!(
        &s.items[0].expr.kind,
        ExprKind::Cast {
            mode: CastMode::Try,
            ..
        }
    ));
    assert!(matches!(
        &s.items[1].expr.kind,
        ExprKind::Func {
            func: Func::CurrentDate,
            ..
        }
    ));
    assert!(matches!(&s.items[2].expr.kind, ExprKind::Call { .. }));
    assert!(d.iter().any(|d| d.code == "SX3001"));
    // `AS` inside another call is a syntax error, not a silent cast.
    assert_eq!(error_messages("SELECT LEN(x AS INT)")[0].0, "SX1001");
}

#[test]
fn a_typo_after_a_complete_statement_is_reported_on_its_own() {
    let (m, d) = run("SELECT 1 AS a\nSELEC 2\nSELECT 3 AS c");
    let s = stmts(&m);
    assert_eq!(s.len(), 3, "{:#?}", m.units);
    assert!(matches!(&s[0].kind, StmtKind::Query(_)));
    assert!(matches!(&s[1].kind, StmtKind::Unconverted(u) if u.text == "SELEC 2"));
    assert!(matches!(&s[2].kind, StmtKind::Query(_)));
    assert_eq!(
        d.iter().filter(|d| d.severity == Severity::Error).count(),
        1
    );
}

#[test]
fn statement_keywords_after_a_comma_are_names() {
    let (m, d) = run("SELECT member_id,\n  throw\nFROM dbo.X\nTHROW 50001, 'bad', 1");
    let s = stmts(&m);
    assert_eq!(s.len(), 2, "{d:#?}");
    assert!(matches!(&s[0].kind, StmtKind::Query(_)), "{d:#?}");
    assert!(matches!(&s[1].kind, StmtKind::Unconverted(u) if u.text.starts_with("THROW")));
}

#[test]
fn long_and_or_chains_are_balanced_short_ones_keep_their_shape() {
    fn depth(e: &Expr) -> usize {
        match &e.kind {
            ExprKind::Binary { left, right, .. } => 1 + depth(left).max(depth(right)),
            _ => 0,
        }
    }
    let terms: Vec<String> = (0..300).map(|i| format!("cd = 'E{i:03}'")).collect();
    let (m, d) = run(&format!("SELECT id FROM dx WHERE {}", terms.join(" OR ")));
    assert!(!d.iter().any(|d| d.severity == Severity::Error));
    let StmtKind::Query(q) = &stmts(&m)[0].kind else {
        panic!()
    };
    let SetExpr::Select(s) = &q.body else {
        panic!()
    };
    let w = s.selection.as_ref().expect("where");
    assert!(depth(w) <= 10, "depth {}", depth(w));
    // A short chain stays left-deep: ((a AND b) AND c).
    let (m, _) = run("SELECT 1 WHERE a = 1 AND b = 2 AND c = 3");
    let StmtKind::Query(q) = &stmts(&m)[0].kind else {
        panic!()
    };
    let SetExpr::Select(s) = &q.body else {
        panic!()
    };
    let ExprKind::Binary { left, .. } = &s.selection.as_ref().expect("where").kind else {
        panic!()
    };
    assert!(matches!(
        left.kind,
        ExprKind::Binary {
            op: BinaryOp::And,
            ..
        }
    ));
}

#[test]
fn variable_assignment_from_a_table_warns_unless_one_row_is_certain() {
    let codes = |src: &str| {
        let (_, d) = run(src);
        d.iter().map(|d| d.code).collect::<Vec<_>>()
    };
    assert!(codes("SELECT @id = claim_id FROM dbo.Claim WHERE status = 'Z'").contains(&"SX3005"));
    assert!(codes("SELECT @s = @s + icd + ';' FROM dbo.Dx").contains(&"SX3005"));
    assert!(
        !codes("SELECT TOP 1 @id = claim_id FROM dbo.Claim ORDER BY paid_dt DESC")
            .contains(&"SX3005")
    );
    assert!(!codes("SELECT @n = COUNT(*), @m = MAX(paid_dt) FROM dbo.Claim").contains(&"SX3005"));
    assert!(!codes("SELECT @a = 1, @b = 'x'").contains(&"SX3005"));
}

#[test]
fn a_typo_inside_a_write_never_truncates_it() {
    for src in [
        "DELETE FROM dbo.T WHER a = 1",
        "DELETE FROM dbo.T WHER\na = 1",
        "SELECT a FROM dbo.T WHER a = 1",
    ] {
        let (m, _) = run(src);
        let s = stmts(&m);
        assert_eq!(s.len(), 1, "{src}: {:#?}", m.units);
        assert!(
            matches!(&s[0].kind, StmtKind::Unconverted(u) if u.text == src),
            "{src}"
        );
    }
}
