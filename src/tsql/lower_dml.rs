//! Lowering helpers for the DML part of the grammar (`DmlStmt` in
//! `grammars/tsql.lalrpop`): INSERT, UPDATE, DELETE, MERGE, TRUNCATE and a CTE list
//! before them, plus the errors for the clauses the output cannot express.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{Cte, Expr, ExprKind, Ident, Merge, Relation, Stmt, TableName};

pub use sqlxlate_ir::{Assignment, InsertSource, MergeAction, MergeClause, MergeMatch, StmtKind};

use super::gram::{Cx, GErr, ParseError};
use super::lexer::{Tok, T};
use super::lower::R;
use super::query::{compound, cte_refers_to_itself};

fn user(error: GErr) -> ParseError {
    ParseError::User { error }
}

fn unsupported(code: &'static str, span: Span, message: &str, hint: &'static str) -> ParseError {
    user(GErr {
        span,
        code,
        message: message.into(),
        hint: Some(hint),
    })
}

/// A table hint on a DML target: dropped.
pub fn hint(cx: &mut Cx, h: Span) {
    cx.push(Diagnostic::new(codes::SX4004.code, h, "table hint dropped"));
}

/// `OPTION (…)` after UPDATE / DELETE: dropped.
pub fn query_hint(cx: &mut Cx, h: Span) {
    cx.push(Diagnostic::new(codes::SX4004.code, h, "query hint dropped"));
}

/// `OUTPUT …` after the written columns (any other word there is a syntax error).
pub fn output(cx: &Cx, l: usize, r: usize) -> R<StmtKind> {
    let w = cx.text(l, r);
    if w.eq_ignore_ascii_case("OUTPUT") {
        return Err(unsupported(
            codes::SX2007.code,
            Span::new(l, r),
            "OUTPUT clause is not supported",
            "re-select the affected rows after the statement",
        ));
    }
    Err(user(GErr {
        span: Span::new(l, r),
        code: codes::SX1001.code,
        message: format!("unexpected `{w}`"),
        hint: None,
    }))
}

/// `DELETE FROM t [alias] [hint] word …`: `OUTPUT` (read as the alias when the
/// target has none) is not supported; anything else is a syntax error.
pub fn delete_output(cx: &Cx, alias: Option<Ident>, l: usize, r: usize) -> R<StmtKind> {
    if let Some(a) = alias {
        if !a.quoted && a.value.eq_ignore_ascii_case("OUTPUT") {
            let (al, ar) = (a.span.start as usize, a.span.end as usize);
            return output(cx, al, ar);
        }
    }
    output(cx, l, r)
}

/// Which statement a TOP error is for.
pub enum TopOf {
    Insert,
    Update,
    Delete,
    Merge,
}

/// `INSERT / UPDATE / DELETE / MERGE TOP (n)`: not supported.
pub fn top_err(of: TopOf, l: usize, r: usize) -> R<StmtKind> {
    let (message, hint) = match of {
        TopOf::Insert => ("INSERT TOP is not supported", "use TOP inside the SELECT"),
        TopOf::Update => (
            "UPDATE TOP is not supported",
            "restrict the rows with a WHERE condition",
        ),
        TopOf::Delete => (
            "DELETE TOP is not supported",
            "restrict the rows with a WHERE condition",
        ),
        TopOf::Merge => (
            "MERGE TOP is not supported",
            "restrict the source rows instead",
        ),
    };
    Err(unsupported(
        codes::SX2007.code,
        Span::new(l, r),
        message,
        hint,
    ))
}

/// `INSERT … EXEC proc`: not supported.
pub fn insert_exec(l: usize, r: usize) -> R<InsertSource> {
    Err(unsupported(
        codes::SX2004.code,
        Span::new(l, r),
        "INSERT … EXEC is not supported",
        "run the procedure's query directly in the INSERT",
    ))
}

/// `INSERT [INTO] t [(columns)] source`.
pub fn insert(target: TableName, columns: Option<Vec<Ident>>, source: InsertSource) -> StmtKind {
    StmtKind::Insert {
        target,
        columns: columns.unwrap_or_default(),
        source,
        overwrite: false,
    }
}

/// `TRUNCATE TABLE t`.
pub fn truncate(name: TableName) -> StmtKind {
    StmtKind::Truncate { name }
}

/// `SET @v = …` inside UPDATE: not supported.
pub fn assign_var(l: usize, r: usize) -> R<Assignment> {
    Err(unsupported(
        codes::SX2007.code,
        Span::new(l, r),
        "assigning a variable inside UPDATE is not supported",
        "compute the value with a separate SELECT",
    ))
}

/// `[t.]col = e` or `[t.]col op= e` (the column is the last part of the name).
pub fn assignment(
    cx: &Cx,
    mut parts: Vec<Ident>,
    op: Option<(usize, usize)>,
    mut value: Expr,
) -> Assignment {
    let column = parts
        .pop()
        .unwrap_or_else(|| Ident::new("", Span::default()));
    if let Some((ol, or)) = op {
        let col = Expr::new(
            ExprKind::Column {
                qualifier: vec![],
                name: column.clone(),
            },
            column.span,
        );
        value = compound(cx.text(ol, or), col, value);
    }
    Assignment { column, value }
}

/// `WHERE CURRENT OF cursor`: not supported.
pub fn current_of(l: usize, r: usize) -> R<Option<Expr>> {
    Err(unsupported(
        codes::SX2002.code,
        Span::new(l, r),
        "WHERE CURRENT OF a cursor is not supported",
        "rewrite the cursor loop as a set-based statement",
    ))
}

/// `UPDATE t SET … [FROM …] [WHERE …]`.
pub fn update(
    target: TableName,
    assignments: Vec<Assignment>,
    from: Option<Vec<Relation>>,
    selection: Option<Expr>,
) -> StmtKind {
    let from = from.unwrap_or_default();
    let (target, alias) = resolve_alias(target, &from);
    StmtKind::Update {
        target,
        alias,
        assignments,
        from,
        selection,
    }
}

/// `DELETE [FROM] t [alias] [FROM …] [WHERE …]`.
pub fn delete(
    target: TableName,
    alias: Option<Ident>,
    from: Option<Vec<Relation>>,
    selection: Option<Expr>,
) -> StmtKind {
    let from = from.unwrap_or_default();
    let (target, alias2) = resolve_alias(target, &from);
    StmtKind::Delete {
        target,
        alias: alias.or(alias2),
        from,
        selection,
    }
}

/// `WHEN NOT MATCHED THEN INSERT DEFAULT VALUES`: not supported.
pub fn merge_default_values(l: usize, r: usize) -> R<MergeAction> {
    Err(unsupported(
        codes::SX2007.code,
        Span::new(l, r),
        "INSERT DEFAULT VALUES in MERGE is not supported",
        "list the columns and values",
    ))
}

/// `MERGE [INTO] t [alias] USING source ON cond WHEN …`. `on_kw` is the span of ON
/// (where a second source relation is reported).
pub fn merge(
    cx: &Cx,
    target: TableName,
    target_alias: Option<Ident>,
    mut source: Vec<Relation>,
    on_kw: (usize, usize),
    on: Expr,
    clauses: Vec<MergeClause>,
) -> R<StmtKind> {
    if source.len() != 1 {
        let (l, r) = on_kw;
        return Err(user(GErr {
            span: Span::new(l, r),
            code: codes::SX1001.code,
            message: format!(
                "expected a single source relation, found `{}`",
                cx.text(l, r)
            ),
            hint: None,
        }));
    }
    let source = source.remove(0);
    Ok(StmtKind::Merge(Box::new(Merge {
        target,
        target_alias,
        source,
        on,
        clauses,
    })))
}

/// `WITH c AS (…) INSERT / UPDATE / DELETE / MERGE …`. `m` is where the DML
/// statement starts.
///
/// INSERT: the CTEs move into the inserted query. UPDATE / DELETE / MERGE: the IR's
/// writes have no CTE list, so a CTE used only as a FROM / USING relation is inlined
/// as a derived table. A CTE that is the target, is recursive, or is used elsewhere
/// (in a subquery) is not supported.
pub fn with_dml(
    cx: &Cx,
    with: Vec<Cte>,
    mut kind: StmtKind,
    l: usize,
    m: usize,
    r: usize,
) -> R<Stmt> {
    let span = Span::new(l, r);
    if let StmtKind::Insert { source, .. } = &mut kind {
        let InsertSource::Query(q) = source else {
            return Err(user(GErr {
                span: Span::new(r, r),
                code: codes::SX1001.code,
                message: "expected a query after WITH, found the end of the statement".into(),
                hint: None,
            }));
        };
        q.recursive = with
            .iter()
            .any(|c| cte_refers_to_itself(&c.name.value, &c.query));
        let mut all = with;
        all.append(&mut q.with);
        q.with = all;
        return Ok(Stmt::new(kind, span));
    }
    // The DML keyword is where these errors point.
    let kw_end = m + cx
        .text(m, r)
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let err = |why: &str| {
        unsupported(
            codes::SX2007.code,
            Span::new(m, kw_end),
            &format!("a CTE before UPDATE, DELETE or MERGE {why} is not supported yet"),
            "move the CTE into a derived table or a temporary view",
        )
    };
    if with
        .iter()
        .any(|c| cte_refers_to_itself(&c.name.value, &c.query))
    {
        return Err(err("that is recursive"));
    }
    let is_cte = |t: &TableName| {
        t.source.parts.len() == 1
            && with
                .iter()
                .any(|c| c.name.value.eq_ignore_ascii_case(t.source.name()))
    };
    let target_is_cte = match &kind {
        StmtKind::Update { target, .. } | StmtKind::Delete { target, .. } => is_cte(target),
        StmtKind::Merge(mg) => is_cte(&mg.target),
        _ => false,
    };
    if target_is_cte {
        return Err(err("that writes through the CTE"));
    }
    // Unqualified mentions of CTE names (not `name.col`) must all be relations we
    // inline; anything else (a subquery in WHERE) would be left dangling.
    let mentions = cte_mentions(cx, &with, m, r);
    let mut replaced = 0usize;
    match &mut kind {
        StmtKind::Update { from, .. } | StmtKind::Delete { from, .. } => {
            for rel in from.iter_mut() {
                inline_ctes(rel, &with, &mut replaced);
            }
        }
        StmtKind::Merge(mg) => inline_ctes(&mut mg.source, &with, &mut replaced),
        _ => {}
    }
    if replaced != mentions {
        return Err(err("used outside FROM / USING"));
    }
    Ok(Stmt::new(kind, span))
}

/// Counts the name tokens in `l..r` that are a CTE's name and are neither qualified
/// nor qualifiers (`c.x` and `x.c` do not count).
fn cte_mentions(cx: &Cx, with: &[Cte], l: usize, r: usize) -> usize {
    let mut toks: Vec<Tok> = Vec::new();
    super::lexer::lex_into(cx.src, l, r.min(cx.src.len()).max(l), &mut toks);
    toks.retain(|t| !matches!(t.t, T::LineComment | T::BlockComment(_)));
    let kind = |i: usize| toks.get(i).map(|t| t.t);
    let mut mentions = 0usize;
    for (i, t) in toks.iter().enumerate() {
        let named = matches!(t.t, T::Word(_) | T::Bracketed(true) | T::DQuoted(true));
        if named
            && kind(i + 1) != Some(T::Dot)
            && (i == 0 || kind(i - 1) != Some(T::Dot))
            && with.iter().any(|c| {
                c.name
                    .value
                    .eq_ignore_ascii_case(&cx.ident(t.start as usize, t.end as usize).value)
            })
        {
            mentions += 1;
        }
    }
    mentions
}

/// Replaces table references to CTEs by derived tables holding the CTE's query.
fn inline_ctes(r: &mut Relation, with: &[Cte], replaced: &mut usize) {
    match r {
        Relation::Table { name, alias, span } if name.source.parts.len() == 1 => {
            if let Some(c) = with
                .iter()
                .find(|c| c.name.value.eq_ignore_ascii_case(name.source.name()))
            {
                *replaced += 1;
                *r = Relation::Derived {
                    query: Box::new(c.query.clone()),
                    alias: Some(alias.clone().unwrap_or_else(|| c.name.clone())),
                    columns: c.columns.clone(),
                    span: *span,
                };
            }
        }
        Relation::Join { left, right, .. } => {
            inline_ctes(left, with, replaced);
            inline_ctes(right, with, replaced);
        }
        _ => {}
    }
}

/// `UPDATE m … FROM t m` targets `t` under alias `m`.
fn resolve_alias(target: TableName, from: &[Relation]) -> (TableName, Option<Ident>) {
    if target.source.parts.len() != 1 {
        return (target, None);
    }
    let wanted = target.source.name().to_string();
    fn find(r: &Relation, wanted: &str) -> Option<(TableName, Ident)> {
        match r {
            Relation::Table {
                name,
                alias: Some(a),
                ..
            } if a.value.eq_ignore_ascii_case(wanted) => Some((name.clone(), a.clone())),
            Relation::Join { left, right, .. } => {
                find(left, wanted).or_else(|| find(right, wanted))
            }
            _ => None,
        }
    }
    for r in from {
        if let Some((t, a)) = find(r, &wanted) {
            return (t, Some(a));
        }
    }
    (target, None)
}
