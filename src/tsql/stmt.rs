//! The statement layer: dispatch on a statement's first words to the grammar, control
//! flow (IF / ELSE, WHILE, BEGIN … END, TRY / CATCH), session options, and the
//! statements that are recognised by their first words and not converted (routines,
//! cursors, transactions, dynamic SQL, administration).

use sqlxlate_diagnostics::codes;
use sqlxlate_ir::{Expr, ExprKind, Func, Relation, Stmt, StmtKind};

use super::lexer::{Kw, T};
use super::parse::{PErr, PResult, Parser};

/// Depth units a nested statement costs (see [`super::parse::MAX_DEPTH`]).
const STMT_DEPTH_COST: u32 = 2;

impl<'a> Parser<'a> {
    /// One statement (without its terminating `;`).
    pub fn statement(&mut self) -> PResult<Stmt> {
        // Statement frames are large; a nested statement costs several depth units.
        for _ in 0..STMT_DEPTH_COST {
            self.enter()?;
        }
        let r = self.statement_inner();
        for _ in 0..STMT_DEPTH_COST {
            self.leave();
        }
        r
    }

    /// Dispatches on the first token. Every arm is a call in tail position, so that
    /// this frame (which is on the recursive path of nested statements) stays small.
    fn statement_inner(&mut self) -> PResult<Stmt> {
        match self.peek() {
            T::Word(Kw::Select) => self.select_statement(),
            T::LParen if !self.at_end() => self.select_statement(),
            T::Word(Kw::With)
            | T::Word(Kw::Insert)
            | T::Word(Kw::Update)
            | T::Word(Kw::Delete)
            | T::Word(Kw::Merge)
            | T::Word(Kw::Truncate) => self.dml_statement(),
            T::Word(Kw::Create) | T::Word(Kw::Alter) => self.create_or_alter(),
            T::Word(Kw::Drop) => self.ddl_statement(),
            T::Word(Kw::Declare) => self.declare(),
            T::Word(Kw::Set) => self.set(),
            T::Word(Kw::If) => self.if_stmt(),
            T::Word(Kw::While) => self.while_stmt(),
            T::Word(Kw::Begin) => self.begin(),
            T::Word(Kw::Exec) | T::Word(Kw::Execute) => self.exec(),
            _ => self.other_statement(),
        }
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let cond = self.grammar_condition()?;
        if self.at_end() {
            return Err(self.err("a statement after WHILE"));
        }
        let body = self.statement_recover();
        Ok(Stmt::new(
            StmtKind::While {
                label: None,
                cond,
                body: vec![body],
            },
            self.span_from(start),
        ))
    }

    /// Simple statements and the recognised-but-unconverted ones.
    fn other_statement(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        match self.peek() {
            T::Word(Kw::Break)
            | T::Word(Kw::Continue)
            | T::Word(Kw::Return)
            | T::Word(Kw::Print)
            | T::Word(Kw::Use) => self.proc_statement(),
            T::Word(Kw::Commit) | T::Word(Kw::Rollback) | T::Word(Kw::Save) => {
                self.bump();
                if !self.eat_kw(Kw::Tran) && !self.eat_kw(Kw::Transaction) {
                    self.eat_word("WORK");
                }
                if self.at_name() || self.peek() == T::Var {
                    self.bump();
                }
                Ok(self.unconverted_from(
                    start,
                    codes::SX2003.code,
                    "transaction control not converted",
                    "check whether the statements must be atomic; restructure or use BEGIN ATOMIC on Databricks",
                ))
            }
            T::Word(Kw::Open)
            | T::Word(Kw::Close)
            | T::Word(Kw::Deallocate)
            | T::Word(Kw::Fetch) => {
                self.bump();
                self.skip_statement_rest();
                Ok(self.unconverted_from(
                    start,
                    codes::SX2002.code,
                    "cursor statement not converted",
                    "rewrite the cursor loop as a set-based statement or a FOR loop",
                ))
            }
            T::Word(Kw::Grant)
            | T::Word(Kw::Deny)
            | T::Word(Kw::Revoke)
            | T::Word(Kw::Raiserror)
            | T::Word(Kw::Waitfor)
            | T::Word(Kw::Goto)
            | T::Word(Kw::Throw)
            | T::Word(Kw::Dbcc)
            | T::Word(Kw::Backup)
            | T::Word(Kw::Restore)
            | T::Word(Kw::Bulk)
            | T::Word(Kw::Checkpoint)
            | T::Word(Kw::Kill)
            | T::Word(Kw::Reconfigure)
            | T::Word(Kw::Shutdown)
            | T::Word(Kw::Revert)
            | T::Word(Kw::Setuser) => {
                let i = self.bump();
                let word = self.text(i).to_ascii_uppercase();
                if matches!(
                    self.tok(i).t,
                    T::Word(Kw::Grant) | T::Word(Kw::Deny) | T::Word(Kw::Revoke)
                ) {
                    // Permission lists contain SELECT, INSERT, …: the statement ends at
                    // the end of its line.
                    self.skip_line_rest();
                } else {
                    self.skip_statement_rest();
                }
                Ok(self.unconverted_from(
                    start,
                    codes::SX2005.code,
                    format!("{word} not converted"),
                    "convert this statement by hand",
                ))
            }
            T::Word(_) if self.nth(1) == T::Colon && self.at_name() => {
                // A GOTO label.
                self.bump();
                self.bump();
                Ok(self.unconverted_from(
                    start,
                    codes::SX2005.code,
                    "GOTO label not converted",
                    "restructure the control flow with IF / WHILE",
                ))
            }
            _ => Err(self.err("a statement")),
        }
    }

    fn select_statement(&mut self) -> PResult<Stmt> {
        self.grammar_statement()
    }

    /// INSERT, UPDATE, DELETE, MERGE, TRUNCATE, and any statement starting with a CTE
    /// list (`grammars/tsql.lalrpop`, `DmlStmt`).
    fn dml_statement(&mut self) -> PResult<Stmt> {
        if self.is_kw(Kw::Update) && self.nth_is_word(1, "STATISTICS") {
            // Statistics maintenance: Delta keeps its own statistics.
            let start = self.pos;
            self.skip_statement_rest();
            return Ok(self.dropped_from(
                start,
                codes::SX4006.code,
                "statistics maintenance dropped",
            ));
        }
        self.grammar_statement()
    }

    /// CREATE / ALTER: tables, views and indexes go to the grammar (`DdlStmt`); routines
    /// swallow the rest of their batch; the other CREATE / ALTER statements are
    /// recognised but not converted (index and statistics maintenance is dropped).
    fn create_or_alter(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let is_alter = self.is_kw(Kw::Alter);
        let head = if self.nth_is_kw(1, Kw::Or) && self.nth_is_kw(2, Kw::Alter) {
            3
        } else {
            1
        };
        match self.nth(head) {
            T::Word(Kw::Procedure)
            | T::Word(Kw::Proc)
            | T::Word(Kw::Function)
            | T::Word(Kw::Trigger) => {
                let what = self.text(start + head).to_ascii_uppercase();
                // A routine body runs to the end of its batch.
                self.pos = self.toks.len();
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2001.code,
                    format!("{what} definition not converted yet"),
                    "convert the routine by hand (Databricks SQL `CREATE PROCEDURE … LANGUAGE SQL` or a SQL UDF)",
                ));
            }
            T::Word(Kw::Table) if is_alter => {
                if let Some(action) = self.alter_table_action(start) {
                    if !matches!(
                        self.tok(action).t,
                        T::Word(Kw::Add) | T::Word(Kw::Drop) | T::Word(Kw::Alter)
                    ) || action >= self.toks.len()
                    {
                        return Err(PErr {
                            at: action,
                            code: codes::SX2005.code,
                            message: "this ALTER TABLE action is not supported".into(),
                            hint: Some("convert this statement by hand"),
                            span: None,
                        });
                    }
                }
                return self.ddl_statement();
            }
            T::Word(Kw::Table) | T::Word(Kw::View) => return self.ddl_statement(),
            _ => {}
        }
        if !is_alter {
            let mut i = head;
            if self.nth_is_kw(i, Kw::Unique) {
                i += 1;
            }
            if self.nth_is_kw(i, Kw::Clustered) || self.nth_is_kw(i, Kw::Nonclustered) {
                i += 1;
            }
            if self.nth_is_word(i, "COLUMNSTORE") {
                i += 1;
            }
            if self.nth_is_kw(i, Kw::Index) {
                return self.ddl_statement();
            }
        }
        self.bump();
        let what = if self.at_end() {
            String::new()
        } else {
            self.cur_text().to_ascii_uppercase()
        };
        self.skip_statement_rest();
        let verb = if is_alter { "ALTER" } else { "CREATE" };
        if (is_alter && what == "INDEX") || (!is_alter && what == "STATISTICS") {
            // Index maintenance and statistics are physical; Delta manages its own.
            return Ok(self.dropped_from(
                start,
                codes::SX4006.code,
                "index or statistics maintenance dropped",
            ));
        }
        Ok(self.unconverted_from(
            start,
            codes::SX2005.code,
            format!("{verb} {what} not converted"),
            "convert this statement by hand",
        ))
    }

    /// CREATE / ALTER TABLE, VIEW, CREATE INDEX and DROP, parsed by the grammar.
    fn ddl_statement(&mut self) -> PResult<Stmt> {
        self.grammar_statement()
    }

    fn declare(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if matches!(self.nth(1), T::Word(k) if !k.is_reserved())
            && (self.nth_is_kw(2, Kw::Cursor)
                || self.nth_is_word(2, "INSENSITIVE")
                || self.nth_is_word(2, "SCROLL"))
        {
            // DECLARE c CURSOR … FOR query: recognised, not converted.
            self.skip_statement_rest();
            return Ok(self.unconverted_from(
                start,
                codes::SX2002.code,
                "cursor declaration not converted",
                "rewrite the cursor loop as a set-based statement or a FOR loop",
            ));
        }
        self.proc_statement()
    }

    fn set(&mut self) -> PResult<Stmt> {
        let start = self.expect_kw(Kw::Set, "SET")?;
        if self.peek() == T::Var && !self.at_end() {
            if self.nth_is_kw(2, Kw::Cursor) {
                self.skip_statement_rest();
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2002.code,
                    "cursor assignment not converted",
                    "rewrite the cursor loop as a set-based statement",
                ));
            }
            self.pos = start;
            return self.proc_statement();
        }
        // Session options: SET NOCOUNT ON, SET ANSI_NULLS, QUOTED_IDENTIFIER ON, …
        if self.eat_kw(Kw::Transaction) {
            while self.at_name() {
                self.bump();
            }
            return Ok(self.dropped_from(start, codes::SX4001.code, "session setting dropped"));
        }
        if !self.at_name() {
            return Err(self.err("a variable or a session option after SET"));
        }
        // Options that change results cannot be dropped silently.
        let semantic = [
            "ROWCOUNT",
            "DATEFIRST",
            "LANGUAGE",
            "CONCAT_NULL_YIELDS_NULL",
        ]
        .iter()
        .any(|w| self.is_word(w))
            || (self.is_word("ANSI_NULLS") && self.nth_is_word(1, "OFF"));
        let option = self.cur_text().to_ascii_uppercase();
        loop {
            if self.at_end() {
                break;
            }
            if self.eat_kw(Kw::On) || self.eat_word("OFF") {
                break;
            }
            match self.peek() {
                T::Word(k) if !k.is_reserved() => {
                    self.bump();
                }
                T::Comma
                | T::Dot
                | T::Int
                | T::Str(true)
                | T::Minus
                | T::Bracketed(true)
                | T::TempName => {
                    self.bump();
                }
                _ => break,
            }
        }
        if semantic {
            return Ok(self.unconverted_from(
                start,
                codes::SX2005.code,
                format!("SET {option} changes query results and is not converted"),
                "apply the setting's effect in the queries by hand (for example LIMIT for ROWCOUNT)",
            ));
        }
        Ok(self.dropped_from(start, codes::SX4001.code, "session setting dropped"))
    }

    /// IF / ELSE; `ELSE IF` chains are parsed iteratively so that long chains do not
    /// nest the parser.
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let mut arms: Vec<(usize, Expr, Stmt)> = Vec::new();
        let mut last_else = Vec::new();
        loop {
            let start = self.expect_kw(Kw::If, "IF")?;
            let cond = self.grammar_condition()?;
            if self.at_end() {
                return Err(self.err("a statement after IF"));
            }
            let then = self.statement_recover();
            arms.push((start, cond, then));
            if self.is_kw(Kw::Else) && self.nth_is_kw(1, Kw::If) {
                self.bump();
                continue;
            }
            if self.eat_kw(Kw::Else) {
                if self.at_end() {
                    return Err(self.err("a statement after ELSE"));
                }
                last_else.push(self.statement_recover());
            }
            break;
        }
        let mut else_branch = last_else;
        let mut result: Option<Stmt> = None;
        while let Some((start, cond, then)) = arms.pop() {
            let span = self.span_from(start);
            let else_b = match result.take() {
                Some(s) => vec![s],
                None => std::mem::take(&mut else_branch),
            };
            result = Some(self.make_if(span, cond, then, else_b));
        }
        result.ok_or_else(|| self.err("IF"))
    }

    fn make_if(
        &mut self,
        span: sqlxlate_diagnostics::Span,
        cond: Expr,
        then: Stmt,
        else_branch: Vec<Stmt>,
    ) -> Stmt {
        // `IF OBJECT_ID('x') IS NOT NULL DROP TABLE x` → DROP TABLE IF EXISTS x.
        if else_branch.is_empty() && is_existence_test(&cond) {
            let inner = match &then.kind {
                StmtKind::Block(b) if b.len() == 1 => &b[0].kind,
                k => k,
            };
            if let StmtKind::Drop {
                object,
                names,
                if_exists: _,
            } = inner
            {
                self.info(
                    codes::SX4005.code,
                    span,
                    "existence test rewritten to DROP … IF EXISTS",
                );
                return Stmt::new(
                    StmtKind::Drop {
                        object: *object,
                        names: names.clone(),
                        if_exists: true,
                    },
                    span,
                );
            }
        }
        Stmt::new(
            StmtKind::If {
                cond,
                then_branch: vec![then],
                else_branch,
            },
            span,
        )
    }

    fn begin(&mut self) -> PResult<Stmt> {
        let start = self.expect_kw(Kw::Begin, "BEGIN")?;
        if self.is_kw(Kw::Tran) || self.is_kw(Kw::Transaction) || self.is_word("DISTRIBUTED") {
            self.eat_word("DISTRIBUTED");
            self.bump();
            if self.at_name() || self.peek() == T::Var {
                self.bump();
            }
            return Ok(self.unconverted_from(
                start,
                codes::SX2003.code,
                "transaction control not converted",
                "check whether the statements must be atomic; restructure or use BEGIN ATOMIC on Databricks",
            ));
        }
        if self.is_kw(Kw::Try) {
            self.skip_block()?;
            if !(self.is_kw(Kw::Begin) && self.nth_is_kw(1, Kw::Catch)) {
                return Err(self.err("BEGIN CATCH"));
            }
            self.bump();
            self.skip_block()?;
            return Ok(self.unconverted_from(
                start,
                codes::SX2005.code,
                "TRY/CATCH block not converted",
                "convert to a block with DECLARE EXIT HANDLER FOR SQLEXCEPTION by hand",
            ));
        }
        let mut body = Vec::new();
        loop {
            if self.at_end() {
                return Err(self.err("END"));
            }
            if self.is_kw(Kw::End) {
                self.bump();
                break;
            }
            if self.eat(T::Semi) {
                continue;
            }
            body.push(self.statement_recover());
        }
        Ok(Stmt::new(StmtKind::Block(body), self.span_from(start)))
    }

    /// Skips `TRY … END TRY` (the cursor is on TRY or CATCH) counting nested
    /// BEGIN/CASE … END.
    fn skip_block(&mut self) -> PResult<()> {
        self.bump();
        let mut depth = 1usize;
        while !self.at_end() {
            match self.peek() {
                T::Word(Kw::Begin)
                    if !(self.nth_is_kw(1, Kw::Tran) || self.nth_is_kw(1, Kw::Transaction)) =>
                {
                    depth += 1
                }
                T::Word(Kw::Case) => depth += 1,
                T::Word(Kw::End) => {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        if !self.eat_kw(Kw::Try) {
                            self.eat_kw(Kw::Catch);
                        }
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.bump();
        }
        Err(self.err("END TRY / END CATCH"))
    }

    fn exec(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let dynamic = |p: &mut Self| {
            p.skip_statement_rest();
            Ok(p.unconverted_from(
                start,
                codes::SX2004.code,
                "dynamic SQL not converted",
                "replace the dynamic statement by static SQL, or use EXECUTE IMMEDIATE",
            ))
        };
        if self.peek() == T::Var && self.nth(1) == T::Eq {
            self.skip_statement_rest();
            return Ok(self.unconverted_from(
                start,
                codes::SX2004.code,
                "EXEC capturing a return status not converted",
                "convert the procedure call and the status check by hand",
            ));
        }
        if self.peek() == T::LParen {
            return dynamic(self);
        }
        if self.peek() == T::Var {
            return dynamic(self);
        }
        self.pos = start;
        self.proc_statement()
    }

    /// SET @v, EXEC, RETURN, PRINT, USE, BREAK, CONTINUE through the grammar.
    fn proc_statement(&mut self) -> PResult<Stmt> {
        self.grammar_statement()
    }
}

/// `OBJECT_ID(…) IS NOT NULL`, or `EXISTS (SELECT … FROM sys.… / INFORMATION_SCHEMA.…)`.
fn is_existence_test(cond: &Expr) -> bool {
    let mut e = cond;
    while let ExprKind::Nested { expr } = &e.kind {
        e = expr;
    }
    match &e.kind {
        ExprKind::IsNull {
            expr,
            negated: true,
        } => matches!(
            &expr.kind,
            ExprKind::Func {
                func: Func::ObjectId,
                ..
            }
        ),
        ExprKind::Exists {
            negated: false,
            query,
        } => match &query.body {
            sqlxlate_ir::SetExpr::Select(sel) => sel.from.iter().any(|r| {
                matches!(r, Relation::Table { name, .. }
                if name.source.parts.len() >= 2
                    && {
                        let schema = &name.source.parts[name.source.parts.len() - 2].value;
                        schema.eq_ignore_ascii_case("sys")
                            || schema.eq_ignore_ascii_case("INFORMATION_SCHEMA")
                    })
            }),
            _ => false,
        },
        _ => false,
    }
}
