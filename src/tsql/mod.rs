//! The T-SQL front-end: lexer, batch splitting, statement splitting, the lalrpop
//! grammar, and lowering to the IR.
//!
//! Pipeline: sqlcmd lines are found first (they are not T-SQL and may contain
//! anything); the rest is lexed with logos (`lexer.rs`); `GO` lines split the token
//! stream into batches. In each batch, the statement layer (`parse.rs`, `stmt.rs`)
//! walks the significant tokens one statement at a time:
//! - it finds where a statement ends (`Parser::statement_end`: the next statement
//!   keyword at parenthesis and CASE depth 0, with continuation rules for keywords that
//!   belong to the statement, such as the SELECT of an INSERT or `FOR UPDATE` of a
//!   cursor), and hands those tokens to the grammar;
//! - it owns control-flow structure (IF / ELSE, WHILE, BEGIN … END, TRY / CATCH) so
//!   that a broken statement inside a block is recovered inside that block, and the
//!   statements that are recognised by their first words and not converted
//!   (transactions, cursors, GRANT, GOTO, session options …).
//!
//! The grammar (`grammars/tsql.lalrpop`, compiled by `build.rs`) parses one statement,
//! or one IF / WHILE condition, from the tokens the adapter (`gram.rs`) prepares; its
//! actions build IR through the helpers in `lower*.rs` (`functions.rs` maps built-ins
//! to canonical operations, `types.rs` maps data types). The adapter makes the few
//! places where T-SQL needs more than one token of lookahead single tokens (`WITH (…)`,
//! `OPTION (…)`, `(NOLOCK)`) and caps nesting at `gram::MAX_DEPTH` before any tree is
//! built (the IR and the passes are recursive), so deep input gets `SX1002`, never a
//! stack overflow.
//!
//! Recovery: a statement that fails to parse becomes `StmtKind::Unconverted` with an
//! error diagnostic at the offending token; the next statement starts where the
//! splitter said this one ends. CREATE PROCEDURE / FUNCTION / TRIGGER run to the end
//! of their batch, as in SQL Server.
//!
//! Invariant (checked by tests): every non-whitespace byte of the input lies in a
//! unit's span, a comment's span, or a trivia span.

mod expr;
mod functions;
mod gram;
mod lexer;
mod lower;
mod lower_ddl;
mod lower_dml;
mod lower_proc;
mod parse;
mod query;
mod stmt;
mod types;

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_parens,
        unused_imports,
        missing_docs,
        dead_code
    )]
    grammar,
    "/tsql.rs"
);

#[cfg(test)]
mod gram_tests;
#[cfg(test)]
mod tests;

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{
    Collation, Comment, Module, SourceLanguage, Stmt, StmtKind, Trivia, Unconverted, Unit, UnitKind,
};

use lexer::{Kw, Tok, T};

/// Parses and lowers T-SQL source text into an IR module.
///
/// ```
/// let (m, d) = sqlxlate::tsql::lower("SELECT 1 AS one;", Default::default());
/// assert_eq!(m.units.len(), 1);
/// assert!(d.is_empty());
/// ```
pub fn lower(text: &str, collation: Collation) -> (Module, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut trivia: Vec<Trivia> = Vec::new();

    // sqlcmd lines are cut out before lexing.
    let sqlcmd = sqlcmd_lines(text);
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 3 + 8);
    let mut from = 0usize;
    for s in &sqlcmd {
        lexer::lex_into(text, from, s.start as usize, &mut toks);
        from = s.end as usize;
    }
    lexer::lex_into(text, from, text.len(), &mut toks);

    // Split into batches on GO lines.
    let mut separators: Vec<u32> = Vec::new();
    let mut batch = 0u32;
    let mut batch_start = 0usize;
    let mut i = 0usize;
    while i < toks.len() {
        if let Some((next, count, span, comment)) = go_separator(text, &toks, i) {
            lower_batch(
                text,
                &toks[batch_start..i],
                batch,
                &mut units,
                &mut trivia,
                &mut diags,
            );
            if count > 1 {
                diags.push(
                    Diagnostic::new(
                        codes::SX3004.code,
                        span,
                        format!("batch repeat count ignored: the batch runs once, not {count} times"),
                    )
                    .with_hint(
                        "the batch is converted once; repeat its cell or wrap it in a loop if the repetition matters",
                    ),
                );
            }
            trivia.push(Trivia::BatchSeparator { span, count });
            if let Some(c) = comment {
                trivia.push(Trivia::Comment(c));
            }
            separators.push(span.start);
            batch += 1;
            i = next;
            batch_start = next;
            continue;
        }
        i += 1;
    }
    lower_batch(
        text,
        &toks[batch_start..],
        batch,
        &mut units,
        &mut trivia,
        &mut diags,
    );

    for s in sqlcmd {
        let line = &text[s.range()];
        let b = separators.partition_point(|&p| p < s.start) as u32;
        diags.push(
            Diagnostic::new(
                codes::SX0102.code,
                s,
                format!(
                    "sqlcmd command `{}` not converted",
                    line.split_whitespace().next().unwrap_or(":")
                ),
            )
            .with_hint("expand sqlcmd variables and included files before converting"),
        );
        units.push(Unit {
            kind: UnitKind::Statement(Stmt::new(
                StmtKind::Unconverted(Unconverted {
                    code: codes::SX0102.code.to_string(),
                    text: line.to_string(),
                    span: s,
                }),
                s,
            )),
            batch: b,
        });
    }
    units.sort_by_key(|u| u.span().start);
    trivia.sort_by_key(|t| t.span().start);
    diags.sort_by_key(|d| d.primary_span().start);

    (
        Module {
            language: SourceLanguage::Tsql,
            units,
            trivia,
            collation,
        },
        diags,
    )
}

/// Spans of sqlcmd command lines (`:setvar`, `:r`, `:on error`, …), without the newline.
fn sqlcmd_lines(text: &str) -> Vec<Span> {
    let mut v = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = 0usize;
    let mut in_block_comment = false;
    while line_start < bytes.len() {
        let line_end = match text[line_start..].find('\n') {
            Some(p) => line_start + p,
            None => bytes.len(),
        };
        let line = &text[line_start..line_end];
        // A cheap guard: lines inside a block comment are not commands.
        if line.contains("/*") {
            in_block_comment = !line.contains("*/") || line.rfind("/*") > line.rfind("*/");
        } else if in_block_comment && line.contains("*/") {
            in_block_comment = false;
        }
        let trimmed = line.trim_start();
        if !in_block_comment
            && trimmed.starts_with(':')
            && trimmed[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            let start = line_start + (line.len() - trimmed.len());
            let end = line_start + line.trim_end().len();
            v.push(Span::new(start, end));
        }
        line_start = line_end + 1;
    }
    v
}

fn is_comment(t: T) -> bool {
    matches!(t, T::LineComment | T::BlockComment(_))
}

/// Recognises a `GO [n]` line at token `i`: returns the next token index, the count,
/// the separator span and a trailing comment on the same line.
fn go_separator(text: &str, toks: &[Tok], i: usize) -> Option<(usize, u32, Span, Option<Comment>)> {
    let t = toks[i];
    if t.t != T::Word(Kw::Go) {
        return None;
    }
    let before = &text[..t.start as usize];
    let line_start = before.rfind('\n').map(|p| p + 1).unwrap_or(0);
    if !before[line_start..].trim().is_empty() {
        return None;
    }
    let same_line = |a: u32, b: u32| !text[a as usize..b as usize].contains('\n');
    let mut j = i + 1;
    let mut end = t.end;
    let mut count = 1u32;
    if let Some(n) = toks.get(j) {
        if n.t == T::Int && same_line(end, n.start) {
            count = text[n.start as usize..n.end as usize]
                .parse()
                .unwrap_or(u32::MAX);
            end = n.end;
            j += 1;
        }
    }
    let mut comment = None;
    if let Some(n) = toks.get(j) {
        if same_line(end, n.start) {
            if is_comment(n.t) {
                comment = Some(make_comment(text, *n));
                j += 1;
            } else {
                return None;
            }
        }
    }
    Some((j, count, Span::new(t.start as usize, end as usize), comment))
}

fn make_comment(text: &str, t: Tok) -> Comment {
    let raw = &text[t.start as usize..t.end as usize];
    let (body, block) = match t.t {
        T::BlockComment(closed) => {
            let b = raw.get(2..).unwrap_or("");
            let b = if closed {
                b.strip_suffix("*/").unwrap_or(b)
            } else {
                b
            };
            (b, true)
        }
        _ => (raw.get(2..).unwrap_or(""), false),
    };
    Comment {
        span: Span::new(t.start as usize, t.end as usize),
        text: body.trim_end_matches('\r').to_string(),
        block,
    }
}

fn lower_batch(
    text: &str,
    toks: &[Tok],
    batch: u32,
    units: &mut Vec<Unit>,
    trivia: &mut Vec<Trivia>,
    diags: &mut Vec<Diagnostic>,
) {
    if toks.is_empty() {
        return;
    }
    let mut comments = Vec::new();
    let mut sig = Vec::with_capacity(toks.len());
    for t in toks {
        if is_comment(t.t) {
            if t.t == T::BlockComment(false) {
                diags.push(
                    Diagnostic::new(
                        codes::SX0101.code,
                        Span::new(t.start as usize, t.end as usize),
                        "unterminated block comment",
                    )
                    .with_hint("close the comment with `*/`"),
                );
            }
            comments.push(make_comment(text, *t));
        } else {
            sig.push(*t);
        }
    }
    let mut p = parse::Parser::new(text, &sig);
    let mut stmts = Vec::new();
    while !p.at_end() {
        if p.peek() == T::Semi {
            let i = p.bump();
            trivia.push(Trivia::Punctuation {
                span: p.tok_span(i),
            });
            continue;
        }
        stmts.push(p.statement_recover());
    }
    diags.append(&mut p.diags);
    let leftover = attach_comments(text, &mut stmts, comments);
    trivia.extend(leftover.into_iter().map(Trivia::Comment));
    units.extend(stmts.into_iter().map(|s| Unit {
        kind: UnitKind::Statement(s),
        batch,
    }));
}

/// Attaches each comment to the statement it lies in, trails on the same line, or
/// directly precedes; returns the comments that belong to no statement.
fn attach_comments(text: &str, stmts: &mut [Stmt], comments: Vec<Comment>) -> Vec<Comment> {
    let mut left = Vec::new();
    for c in comments {
        if let Some(c) = attach_one(text, stmts, c) {
            left.push(c);
        }
    }
    left
}

fn attach_one(text: &str, stmts: &mut [Stmt], c: Comment) -> Option<Comment> {
    let idx = stmts.partition_point(|s| s.span.end <= c.span.start);
    if idx < stmts.len() && stmts[idx].span.start <= c.span.start {
        let s = &mut stmts[idx];
        // The original text of an unconverted or dropped statement is reproduced
        // whole, comments included; attaching them again would duplicate them.
        if matches!(s.kind, StmtKind::Unconverted(_) | StmtKind::Dropped { .. }) {
            return None;
        }
        let rest = match children(s, c.span.start) {
            Some(ch) => attach_one(text, ch, c),
            None => Some(c),
        };
        if let Some(c) = rest {
            s.comments.push(c);
        }
        return None;
    }
    if idx > 0 {
        let prev = &mut stmts[idx - 1];
        if !text[prev.span.end as usize..c.span.start as usize].contains('\n') {
            prev.comments.push(c);
            return None;
        }
    }
    if idx < stmts.len() {
        stmts[idx].comments.push(c);
        return None;
    }
    Some(c)
}

fn children(s: &mut Stmt, at: u32) -> Option<&mut [Stmt]> {
    match &mut s.kind {
        StmtKind::Block(b) => Some(b),
        StmtKind::While { body, .. } => Some(body),
        StmtKind::If {
            then_branch,
            else_branch,
            ..
        } => {
            let then_end = then_branch.last().map(|s| s.span.end).unwrap_or(0);
            if at < then_end || else_branch.is_empty() {
                Some(then_branch)
            } else {
                Some(else_branch)
            }
        }
        _ => None,
    }
}
