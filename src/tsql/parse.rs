//! The statement layer's core: a cursor over the significant tokens of one batch, the
//! statement splitter ([`Parser::statement_end`], built on [`Parser::resync`]), the
//! bridge to the grammar ([`Parser::grammar_statement`], [`Parser::grammar_condition`]),
//! error values and statement-level recovery.
//!
//! Control-flow nesting (IF / WHILE / BEGIN … END inside each other) is bounded by
//! [`MAX_DEPTH`]; exceeding it is a diagnostic ([`codes::SX1002`]), never a stack
//! overflow. Nesting inside a statement is capped by the token adapter.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{Expr, Stmt, StmtKind, Unconverted};

use super::lexer::{Kw, Tok, T};

/// Maximum nesting of expressions, subqueries and blocks.
pub const MAX_DEPTH: u32 = 100;

/// Statement keywords that continue an INSERT (its source).
const INSERT_CONTS: &[Kw] = &[Kw::Select, Kw::With, Kw::Values, Kw::Exec, Kw::Execute];
/// Statement keywords that continue an UPDATE.
const UPDATE_CONTS: &[Kw] = &[Kw::Set];
/// No continuation keywords.
const NO_CONTS: &[Kw] = &[];

/// A parse failure: where, and what was expected there.
#[derive(Debug)]
pub struct PErr {
    /// Token index of the failure.
    pub at: usize,
    /// Diagnostic code.
    pub code: &'static str,
    /// Message.
    pub message: String,
    /// Hint.
    pub hint: Option<&'static str>,
    /// The exact span of the error, when it is not the token at `at`.
    pub span: Option<Span>,
}

pub type PResult<T> = Result<T, PErr>;

/// The parser state for one batch.
pub struct Parser<'a> {
    pub src: &'a str,
    pub toks: &'a [Tok],
    pub pos: usize,
    pub depth: u32,
    pub diags: Vec<Diagnostic>,
}

const EOF_TOK: Tok = Tok {
    t: T::Semi,
    start: 0,
    end: 0,
};

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, toks: &'a [Tok]) -> Parser<'a> {
        Parser {
            src,
            toks,
            pos: 0,
            depth: 0,
            diags: Vec::new(),
        }
    }

    // ----- cursor -----

    pub fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }
    pub fn peek(&self) -> T {
        self.nth(0)
    }
    pub fn nth(&self, n: usize) -> T {
        self.toks.get(self.pos + n).map(|t| t.t).unwrap_or(T::Error)
    }
    pub fn tok(&self, i: usize) -> Tok {
        self.toks.get(i).copied().unwrap_or(EOF_TOK)
    }
    pub fn text(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.src[t.start as usize..t.end as usize],
            None => "",
        }
    }
    pub fn cur_text(&self) -> &'a str {
        self.text(self.pos)
    }
    pub fn bump(&mut self) -> usize {
        let p = self.pos;
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        p
    }
    pub fn is_kw(&self, kw: Kw) -> bool {
        self.peek() == T::Word(kw)
    }
    pub fn nth_is_kw(&self, n: usize, kw: Kw) -> bool {
        self.nth(n) == T::Word(kw)
    }
    pub fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.is_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    pub fn eat(&mut self, t: T) -> bool {
        if !self.at_end() && self.peek() == t {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    /// True when the current token is a word spelled `w` (ASCII case-insensitive);
    /// used for contextual words that are not in the keyword table.
    pub fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), T::Word(_)) && self.cur_text().eq_ignore_ascii_case(w)
    }
    pub fn nth_is_word(&self, n: usize, w: &str) -> bool {
        matches!(self.nth(n), T::Word(_)) && self.text(self.pos + n).eq_ignore_ascii_case(w)
    }
    pub fn eat_word(&mut self, w: &str) -> bool {
        if self.is_word(w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    pub fn expect_kw(&mut self, kw: Kw, what: &'static str) -> PResult<usize> {
        if self.is_kw(kw) {
            Ok(self.bump())
        } else {
            Err(self.err(what))
        }
    }

    /// Span from token `first` to the last consumed token.
    pub fn span_from(&self, first: usize) -> Span {
        let a = self.tok(first);
        let last = if self.pos > first {
            self.pos - 1
        } else {
            first
        };
        let b = self.tok(last);
        Span::new(a.start as usize, b.end.max(a.start) as usize)
    }
    pub fn tok_span(&self, i: usize) -> Span {
        let t = self.tok(i);
        Span::new(t.start as usize, t.end as usize)
    }

    // ----- errors -----

    /// A parse error at the current token, saying what was expected.
    pub fn err(&self, expected: &str) -> PErr {
        let at = self.pos;
        if self.at_end() {
            return PErr {
                at,
                code: codes::SX1001.code,
                message: format!("expected {expected}, found the end of the batch"),
                hint: None,
                span: None,
            };
        }
        let found = self.text(at);
        let (code, message, hint) = match super::gram::broken_token(self.peek(), found) {
            Some((code, message, hint)) => (code, message, Some(hint)),
            None => (
                codes::SX1001.code,
                format!("expected {expected}, found `{}`", super::gram::shown(found)),
                None,
            ),
        };
        PErr {
            at,
            code,
            message,
            hint,
            span: None,
        }
    }

    /// A parse error from a grammar or lowering error (located by its span).
    pub fn perr(&self, g: super::gram::GErr) -> PErr {
        let at = self.toks.partition_point(|t| t.start < g.span.start);
        PErr {
            at,
            code: g.code,
            message: g.message,
            hint: g.hint,
            span: Some(g.span),
        }
    }

    pub fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PErr {
                at: self.pos,
                code: codes::SX1002.code,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                hint: Some("simplify the statement, for example with CTEs or variables"),
                span: None,
            });
        }
        Ok(())
    }
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    pub fn info(&mut self, code: &'static str, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(code, span, msg));
    }

    // ----- names -----

    /// True when the current token can be a name (identifier or non-reserved keyword).
    pub fn at_name(&self) -> bool {
        match self.peek() {
            T::Word(k) => !k.is_reserved(),
            T::Bracketed(true) | T::DQuoted(true) => true,
            _ => false,
        }
    }
    // ----- statements and recovery -----

    /// True when the token at `i` starts a statement (used for recovery and for
    /// optional-semicolon statement boundaries).
    pub fn starts_statement(&self, i: usize) -> bool {
        match self.tok(i).t {
            T::Word(k) => matches!(
                k,
                Kw::Select
                    | Kw::Insert
                    | Kw::Update
                    | Kw::Delete
                    | Kw::Merge
                    | Kw::Create
                    | Kw::Alter
                    | Kw::Drop
                    | Kw::Truncate
                    | Kw::Declare
                    | Kw::Set
                    | Kw::If
                    | Kw::While
                    | Kw::Begin
                    | Kw::Return
                    | Kw::Break
                    | Kw::Continue
                    | Kw::Exec
                    | Kw::Execute
                    | Kw::Print
                    | Kw::Use
                    | Kw::With
                    | Kw::Commit
                    | Kw::Rollback
                    | Kw::Save
                    | Kw::Open
                    | Kw::Close
                    | Kw::Deallocate
                    | Kw::Fetch
                    | Kw::Grant
                    | Kw::Deny
                    | Kw::Revoke
                    | Kw::Raiserror
                    | Kw::Waitfor
                    | Kw::Goto
                    | Kw::Throw
                    | Kw::Dbcc
                    | Kw::Backup
                    | Kw::Restore
                    | Kw::Bulk
                    | Kw::Checkpoint
                    | Kw::Kill
                    | Kw::Reconfigure
                    | Kw::Shutdown
                    | Kw::Revert
                    | Kw::Setuser
            ),
            _ => false,
        }
    }

    /// Where the statement starting at token `start` ends (exclusive, before its `;`):
    /// the next statement start at parenthesis and CASE depth 0, as found by
    /// [`Parser::resync`].
    pub fn statement_end(&mut self, start: usize) -> usize {
        let save = self.pos;
        self.resync(start, start);
        let mut end = self.pos;
        if end > start && self.tok(end - 1).t == T::Semi {
            end -= 1;
        }
        self.pos = save;
        end.max(start)
    }

    /// Parses the statement at the cursor with the grammar, over the tokens up to
    /// [`Parser::statement_end`].
    ///
    /// When the tokens fail to parse at a token after the first, and the tokens before
    /// it form a complete statement, that statement is kept and the next one starts at
    /// the failing token (`SELECT 1 AS a` then a typo `SELEC 2`: the SELECT converts,
    /// the typo is reported on its own).
    pub fn grammar_statement(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let end = self.statement_end(start);
        let e = match self.run_grammar(start, end, false) {
            Ok(super::lower::Parsed::Stmt(s)) => return Ok(*s),
            Ok(super::lower::Parsed::Cond(_)) => return Err(self.err("a statement")),
            Err(e) => e,
        };
        // Only when the failing token starts a line, and never for statements that
        // write: `DELETE FROM t WHER x = 1` must not become a DELETE of every row
        // (WHER read as an alias) plus an error on `x = 1`.
        let writes = matches!(
            self.tok(start).t,
            T::Word(Kw::Insert | Kw::Update | Kw::Delete | Kw::Merge | Kw::Truncate | Kw::With)
        );
        let on_new_line = e.at > 0
            && e.at < self.toks.len()
            && self
                .src
                .get(self.tok(e.at - 1).end as usize..self.tok(e.at).start as usize)
                .is_some_and(|gap| gap.contains('\n'));
        if e.code == codes::SX1001.code && e.at > start + 1 && e.at < end && on_new_line && !writes
        {
            let ndiag = self.diags.len();
            if let Ok(super::lower::Parsed::Stmt(s)) = self.run_grammar(start, e.at, false) {
                return Ok(*s);
            }
            self.diags.truncate(ndiag);
            self.pos = start;
        }
        Err(e)
    }

    /// Parses the condition of an IF / WHILE: the tokens up to the next statement
    /// start at parenthesis and CASE depth 0.
    pub fn grammar_condition(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut end = start;
        let mut depth = 0i64;
        while end < self.toks.len() {
            let t = self.tok(end).t;
            if depth == 0
                && end > start
                && ((self.starts_statement(end) && !self.glued_to_previous(end)) || t == T::Semi)
            {
                break;
            }
            match t {
                T::LParen | T::Word(Kw::Case) => depth += 1,
                T::RParen | T::Word(Kw::End) => depth = (depth - 1).max(0),
                _ => {}
            }
            end += 1;
        }
        match self.run_grammar(start, end, true)? {
            super::lower::Parsed::Cond(e) => Ok(e),
            super::lower::Parsed::Stmt(_) => Err(self.err("a condition")),
        }
    }

    /// Runs the grammar over tokens `start..end`; on success the cursor moves to `end`
    /// and the grammar's diagnostics are kept.
    fn run_grammar(
        &mut self,
        start: usize,
        end: usize,
        condition: bool,
    ) -> PResult<super::lower::Parsed> {
        use super::gram;
        let slice = &self.toks[start..end];
        let stmt_end = slice.last().map(|t| t.end as usize).unwrap_or(0);
        let mut toks = Vec::with_capacity(slice.len() + 1);
        if condition {
            let at = slice.first().map(|t| t.start as usize).unwrap_or(stmt_end);
            toks.push((at, gram::G::CondStart, at));
        }
        toks.extend(gram::adapt(self.src, slice).map_err(|g| self.perr(g))?);
        let mut cx = gram::Cx::new(self.src);
        let real_end = if condition {
            None
        } else {
            super::lower_ddl::prepare(&cx, &mut toks)
        };
        match super::grammar::EntryParser::new().parse(&mut cx, toks) {
            Ok(mut p) => {
                if let (Some(e), super::lower::Parsed::Stmt(s)) = (real_end, &mut p) {
                    s.span.end = e as u32;
                }
                self.diags.append(&mut cx.diags);
                self.pos = end;
                Ok(p)
            }
            Err(e) => {
                let e = super::lower_ddl::trim_expected(e);
                let g = gram::convert_error(self.src, e, stmt_end);
                let mut p = self.perr(g);
                p.at = p.at.min(end);
                Err(p)
            }
        }
    }

    /// True when the token at `i` follows a token after which no statement can start
    /// (`,`, `.`, `(`, an operator): a column named like a statement keyword, such as
    /// `throw` in a select list, is not a statement start.
    pub fn glued_to_previous(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.tok(i - 1).t,
                T::Comma
                    | T::Dot
                    | T::LParen
                    | T::Eq
                    | T::NotEq
                    | T::Lt
                    | T::LtEq
                    | T::Gt
                    | T::GtEq
                    | T::Plus
                    | T::Minus
                    | T::Slash
                    | T::Percent
                    | T::Amp
                    | T::Pipe
                    | T::Caret
                    | T::Tilde
                    | T::OpAssign
            )
    }

    /// `WITH name AS (` or `WITH name (` starts a query with CTEs (not a table hint).
    pub fn at_cte_start(&self) -> bool {
        self.is_kw(Kw::With)
            && matches!(self.nth(1), T::Word(k) if !k.is_reserved())
            && matches!(self.nth(2), T::Word(Kw::As) | T::LParen)
    }

    /// After an error, skips to the next plausible statement start at or after token
    /// `at`, at parenthesis and CASE depth 0 counted from the statement start `start`
    /// (or an `END`/`ELSE` closing an enclosing construct, or after a `;`).
    ///
    /// Statement keywords that continue the broken statement are not restarts: the
    /// SELECT/VALUES/EXEC of an INSERT, the SET of an UPDATE, the statement after a
    /// CTE list (then that statement's own rules apply), the actions of a MERGE (after
    /// THEN) and its SET (after UPDATE), a SELECT after UNION/EXCEPT/INTERSECT. A
    /// `WITH (` table hint is not a continuation.
    pub fn resync(&mut self, start: usize, at: usize) {
        self.pos = start.min(self.toks.len());
        let first = self.tok(start).t;
        let (mut budget, mut conts): (u32, &[Kw]) = match first {
            T::Word(Kw::Insert) => (1, INSERT_CONTS),
            T::Word(Kw::Update) => (1, UPDATE_CONTS),
            T::Word(Kw::With) => (
                1,
                &[Kw::Select, Kw::Insert, Kw::Update, Kw::Delete, Kw::Merge],
            ),
            T::Word(Kw::Declare)
                if (start + 1..start + 4).any(|i| self.tok(i).t == T::Word(Kw::Cursor)) =>
            {
                (1, &[Kw::Select, Kw::With])
            }
            T::Word(Kw::Merge) => (
                u32::MAX,
                &[Kw::Insert, Kw::Update, Kw::Delete, Kw::Set, Kw::Values],
            ),
            _ => (0, &[]),
        };
        let mut ddl = DdlConts::new(self, start);
        let mut parens = 0i64;
        let mut cases = 0i64;
        let mut merge = first == T::Word(Kw::Merge);
        while !self.at_end() {
            let t = self.peek();
            if self.pos > start && parens == 0 && cases == 0 {
                let prev = self.tok(self.pos - 1).t;
                let continues = ddl.continues(self)
                    || self.glued_to_previous(self.pos)
                    || match t {
                        // `WITH (` is a table hint, not a continuation.
                        T::Word(Kw::With) if self.nth(1) == T::LParen => false,
                        // A MERGE's actions follow THEN; its SET follows UPDATE.
                        T::Word(Kw::Insert) | T::Word(Kw::Update) | T::Word(Kw::Delete)
                            if merge =>
                        {
                            prev == T::Word(Kw::Then)
                        }
                        T::Word(Kw::Set) if merge => prev == T::Word(Kw::Update),
                        T::Word(k) if budget > 0 && conts.contains(&k) => {
                            budget -= 1;
                            if first == T::Word(Kw::With)
                                && matches!(k, Kw::Insert | Kw::Update | Kw::Merge)
                            {
                                // After a CTE list, the statement's own rules apply.
                                merge = k == Kw::Merge;
                                (budget, conts) = match k {
                                    Kw::Insert => (1, INSERT_CONTS),
                                    Kw::Update => (1, UPDATE_CONTS),
                                    _ => (0, NO_CONTS),
                                };
                            }
                            true
                        }
                        T::Word(Kw::Select) | T::Word(Kw::With) => matches!(
                            self.tok(self.pos - 1).t,
                            T::Word(Kw::Union)
                                | T::Word(Kw::All)
                                | T::Word(Kw::Except)
                                | T::Word(Kw::Intersect)
                        ),
                        // A cursor's `FOR UPDATE [OF …]` is not an UPDATE.
                        T::Word(Kw::Update) => prev == T::Word(Kw::For),
                        // `OFFSET n ROWS FETCH NEXT …` is not a cursor FETCH.
                        T::Word(Kw::Fetch) => matches!(
                            self.tok(self.pos - 1).t,
                            T::Word(Kw::Row) | T::Word(Kw::Rows)
                        ),
                        _ => false,
                    };
                if !continues && self.pos >= at {
                    if self.starts_statement(self.pos)
                        && (!self.is_kw(Kw::With) || self.at_cte_start())
                    {
                        return;
                    }
                    if self.is_kw(Kw::End) || self.is_kw(Kw::Else) {
                        return;
                    }
                }
            }
            match t {
                T::LParen => parens += 1,
                T::RParen => parens = (parens - 1).max(0),
                T::Semi if parens == 0 && self.pos >= at => {
                    self.bump();
                    return;
                }
                T::Word(Kw::Case) => cases += 1,
                T::Word(Kw::End) if cases > 0 => cases -= 1,
                _ => {}
            }
            self.bump();
        }
    }

    /// For `ALTER [OR ALTER] TABLE name [WITH CHECK | NOCHECK] action`: the index of
    /// the action token (None when the tokens do not have that shape).
    pub fn alter_table_action(&self, start: usize) -> Option<usize> {
        let mut i = start + 1;
        if self.tok(i).t == T::Word(Kw::Or) && self.tok(i + 1).t == T::Word(Kw::Alter) {
            i += 2;
        }
        if self.tok(start).t != T::Word(Kw::Alter) || self.tok(i).t != T::Word(Kw::Table) {
            return None;
        }
        i += 1;
        if i >= self.toks.len() {
            return None;
        }
        match self.tok(i).t {
            T::TempName | T::Var => i += 1,
            T::Word(k) if !k.is_reserved() => i += 1,
            T::Bracketed(true) | T::DQuoted(true) => i += 1,
            _ => return None,
        }
        while i < self.toks.len() && self.tok(i).t == T::Dot {
            i += 1;
            if self.tok(i).t == T::Dot {
                continue;
            }
            match self.tok(i).t {
                T::Word(_) | T::Bracketed(true) | T::DQuoted(true) if i < self.toks.len() => i += 1,
                _ => return None,
            }
        }
        if self.tok(i).t == T::Word(Kw::With)
            && (self.tok(i + 1).t == T::Word(Kw::Check)
                || (matches!(self.tok(i + 1).t, T::Word(_))
                    && self.text(i + 1).eq_ignore_ascii_case("NOCHECK")))
        {
            i += 2;
        }
        Some(i)
    }

    /// Parses one statement; on failure records the error and returns an
    /// `Unconverted` statement covering the skipped tokens.
    pub fn statement_recover(&mut self) -> Stmt {
        let start = self.pos;
        let ndiag = self.diags.len();
        let depth = self.depth;
        match self.statement() {
            Ok(mut s) => {
                if self.eat(T::Semi) {
                    s.span = self.span_from(start);
                }
                s
            }
            Err(e) => {
                self.diags.truncate(ndiag);
                self.depth = depth;
                let err_span = if let Some(s) = e.span {
                    s
                } else if e.at < self.toks.len() {
                    self.tok_span(e.at)
                } else {
                    let end = self.tok(self.toks.len().saturating_sub(1)).end as usize;
                    Span::new(end, end)
                };
                // Statements that swallow their batch (CREATE PROCEDURE) set pos themselves.
                if e.code == codes::SX2001.code {
                    self.pos = self.toks.len();
                } else {
                    self.resync(start, e.at.max(start));
                }
                if self.pos == start {
                    self.bump();
                }
                let span = self.span_from(start);
                let text = self.src[span.range()].to_string();
                let mut d = Diagnostic::new(e.code, err_span, e.message);
                if let Some(h) = e.hint {
                    d = d.with_hint(h);
                } else if e.code == codes::SX1001.code {
                    d = d.with_hint("the statement is kept as an unconverted copy; fix the syntax or convert it by hand");
                }
                if err_span != span {
                    d = d.with_secondary(span, "statement not converted");
                }
                self.diags.push(d);
                Stmt::new(
                    StmtKind::Unconverted(Unconverted {
                        code: e.code.to_string(),
                        text,
                        span,
                    }),
                    span,
                )
            }
        }
    }

    /// An unconverted statement spanning from token `start` to the current position,
    /// with a diagnostic (used for recognised but unsupported statements).
    pub fn unconverted_from(
        &mut self,
        start: usize,
        code: &'static str,
        message: impl Into<String>,
        hint: &'static str,
    ) -> Stmt {
        let span = self.span_from(start);
        self.diags
            .push(Diagnostic::new(code, span, message).with_hint(hint));
        Stmt::new(
            StmtKind::Unconverted(Unconverted {
                code: code.to_string(),
                text: self.src[span.range()].to_string(),
                span,
            }),
            span,
        )
    }

    /// A dropped statement from token `start` to the current position.
    pub fn dropped_from(&mut self, start: usize, code: &'static str, message: &str) -> Stmt {
        let span = self.span_from(start);
        self.diags.push(Diagnostic::new(code, span, message));
        Stmt::new(
            StmtKind::Dropped {
                code: code.to_string(),
                text: self.src[span.range()].to_string(),
            },
            span,
        )
    }

    /// Skips the tokens on the rest of the current line (up to a `;`).
    pub fn skip_line_rest(&mut self) {
        while !self.at_end() && self.peek() != T::Semi {
            let prev_end = self.tok(self.pos.saturating_sub(1)).end as usize;
            let start = self.tok(self.pos).start as usize;
            if self
                .src
                .get(prev_end..start)
                .is_some_and(|gap| gap.contains('\n'))
            {
                break;
            }
            self.bump();
        }
    }

    /// Skips to the next statement start at depth 0 without reporting (for recognised
    /// statements whose contents are not converted).
    pub fn skip_statement_rest(&mut self) {
        let p = self.pos;
        self.resync(p, p);
        // Do not swallow a terminating `;`: the caller's statement owns it.
        if self.pos > p && self.tok(self.pos - 1).t == T::Semi {
            self.pos -= 1;
        }
    }
}

/// Removes the delimiters of a quoted identifier and undoubles the closing quote.
pub fn unquote(raw: &str, close: char) -> String {
    let inner = raw.get(1..).unwrap_or("");
    let inner = inner.strip_suffix(close).unwrap_or(inner);
    let doubled: String = [close, close].iter().collect();
    if inner.contains(&doubled) {
        inner.replace(&doubled, &close.to_string())
    } else {
        inner.to_string()
    }
}

/// Statement keywords inside CREATE / ALTER VIEW and ALTER TABLE that continue the
/// statement (for [`Parser::resync`]):
/// - in a view, the WITH of view options before its AS, the query keyword right
///   after that AS, and the SELECT after a CTE list that starts there;
/// - CREATE OR ALTER, and `IF EXISTS` right after DROP or DROP kind;
/// - in ALTER TABLE, a DROP / ALTER action right after the table name, and the
///   DELETE / UPDATE / SET of `ON DELETE | UPDATE [SET NULL | SET DEFAULT]`.
struct DdlConts {
    /// Index of the view's AS.
    view_as: Option<usize>,
    /// A SELECT may still follow the CTE list of the view's query.
    cte_select: bool,
    /// Index of the ALTER TABLE action.
    alter_action: Option<usize>,
    /// The statement is a CREATE, ALTER or DROP starting at this token.
    ddl_start: Option<usize>,
}

impl DdlConts {
    fn new(p: &Parser, start: usize) -> DdlConts {
        let first = p.tok(start).t;
        let is_ddl = matches!(first, T::Word(Kw::Create) | T::Word(Kw::Alter));
        let view = is_ddl && (start + 1..start + 4).any(|i| p.tok(i).t == T::Word(Kw::View));
        let mut view_as = None;
        if view {
            let mut depth = 0i64;
            for i in start + 1..p.toks.len() {
                match p.tok(i).t {
                    T::LParen => depth += 1,
                    T::RParen => depth -= 1,
                    T::Word(Kw::As) if depth == 0 => {
                        view_as = Some(i);
                        break;
                    }
                    T::Semi => break,
                    T::Word(Kw::With) | T::Word(Kw::View) | T::Word(Kw::Or) => {}
                    T::Word(Kw::Alter) if i <= start + 2 => {}
                    _ if depth == 0 && p.starts_statement(i) => break,
                    _ => {}
                }
            }
        }
        DdlConts {
            view_as,
            cte_select: false,
            ddl_start: (is_ddl || first == T::Word(Kw::Drop)).then_some(start),
            alter_action: if first == T::Word(Kw::Alter) {
                p.alter_table_action(start)
            } else {
                None
            },
        }
    }

    fn continues(&mut self, p: &Parser) -> bool {
        let pos = p.pos;
        let t = p.peek();
        let prev = |n: usize| {
            if pos >= n {
                p.tok(pos - n).t
            } else {
                T::Error
            }
        };
        if let Some(start) = self.ddl_start {
            match t {
                // CREATE OR ALTER.
                T::Word(Kw::Alter) if pos == start + 2 && prev(1) == T::Word(Kw::Or) => {
                    return true
                }
                // DROP TABLE IF EXISTS, DROP COLUMN IF EXISTS, …
                T::Word(Kw::If)
                    if p.tok(pos + 1).t == T::Word(Kw::Exists)
                        && (prev(1) == T::Word(Kw::Drop)
                            || (prev(2) == T::Word(Kw::Drop)
                                && (matches!(
                                    prev(1),
                                    T::Word(
                                        Kw::Table
                                            | Kw::View
                                            | Kw::Procedure
                                            | Kw::Proc
                                            | Kw::Function
                                            | Kw::Index
                                            | Kw::Column
                                            | Kw::Constraint
                                    )
                                ) || p.text(pos - 1).eq_ignore_ascii_case("SCHEMA")))) =>
                {
                    return true
                }
                _ => {}
            }
        }
        if let Some(a) = self.view_as {
            match t {
                T::Word(Kw::With) if pos < a => return true,
                T::Word(Kw::Select) if pos == a + 1 => return true,
                T::Word(Kw::With) if pos == a + 1 => {
                    self.cte_select = true;
                    return true;
                }
                T::Word(Kw::Select) if self.cte_select => {
                    self.cte_select = false;
                    return true;
                }
                _ => {}
            }
        }
        if let Some(a) = self.alter_action {
            match t {
                T::Word(Kw::Drop) | T::Word(Kw::Alter) if pos == a => return true,
                T::Word(Kw::Delete) | T::Word(Kw::Update) if prev(1) == T::Word(Kw::On) => {
                    return true
                }
                T::Word(Kw::Set)
                    if matches!(prev(1), T::Word(Kw::Delete) | T::Word(Kw::Update))
                        && prev(2) == T::Word(Kw::On) =>
                {
                    return true
                }
                _ => {}
            }
        }
        false
    }
}
