//! Statements: DML, DDL, variables, control flow, and the recognised-but-unconverted
//! statements (routines, cursors, transactions, dynamic SQL).

use sqlxlate_diagnostics::codes;
use sqlxlate_ir::{
    Assignment, Expr, ExprKind, Func, InsertSource, Merge, MergeAction, MergeClause, MergeMatch,
    Relation, Stmt, StmtKind, TableName,
};

use super::lexer::{Kw, T};
use super::parse::{PErr, PResult, Parser};
use super::query::compound;

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
            T::Word(Kw::With) => self.with_statement(),
            T::Word(Kw::Select) => self.select_statement(),
            T::LParen if !self.at_end() => self.select_statement(),
            T::Word(Kw::Insert) => self.kind_statement(Self::insert),
            T::Word(Kw::Update) => self.kind_statement(Self::update),
            T::Word(Kw::Delete) => self.kind_statement(Self::delete),
            T::Word(Kw::Merge) => self.kind_statement(Self::merge),
            T::Word(Kw::Truncate) => self.kind_statement(Self::truncate),
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

    fn kind_statement(&mut self, f: fn(&mut Self) -> PResult<StmtKind>) -> PResult<Stmt> {
        let start = self.pos;
        let kind = f(self)?;
        Ok(Stmt::new(kind, self.span_from(start)))
    }

    fn truncate(&mut self) -> PResult<StmtKind> {
        self.bump();
        self.expect_kw(Kw::Table, "TABLE")?;
        Ok(StmtKind::Truncate {
            name: self.table_name()?,
        })
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

    fn with_statement(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let with = self.ctes()?;
        if self.is_kw(Kw::Insert) {
            let mut kind = self.insert()?;
            if let StmtKind::Insert {
                source: InsertSource::Query(q),
                ..
            } = &mut kind
            {
                q.recursive = with
                    .iter()
                    .any(|c| super::query::cte_refers_to_itself(&c.name.value, &c.query));
                let mut all = with;
                all.append(&mut q.with);
                q.with = all;
                return Ok(Stmt::new(kind, self.span_from(start)));
            }
            return Err(self.err("a query after WITH"));
        }
        if self.is_kw(Kw::Update) || self.is_kw(Kw::Delete) || self.is_kw(Kw::Merge) {
            return self.cte_dml(start, with);
        }
        self.pos = start;
        self.select_statement()
    }

    /// `WITH c AS (…) UPDATE/DELETE/MERGE …`: the IR's writes have no CTE list, so a
    /// CTE used only as a FROM / USING relation is inlined as a derived table. A CTE
    /// that is the target, is recursive, or is used elsewhere (in a subquery) is not
    /// supported.
    fn cte_dml(&mut self, start: usize, with: Vec<sqlxlate_ir::Cte>) -> PResult<Stmt> {
        let dml_start = self.pos;
        let mut kind = match self.peek() {
            T::Word(Kw::Update) => self.update()?,
            T::Word(Kw::Delete) => self.delete()?,
            _ => self.merge()?,
        };
        let dml_end = self.pos;
        let unsupported = |p: &Self, why: &str| {
            let mut e = p.unsupported(
                codes::SX2007.code,
                format!("a CTE before UPDATE, DELETE or MERGE {why} is not supported yet"),
                "move the CTE into a derived table or a temporary view",
            );
            e.at = dml_start;
            e
        };
        if with
            .iter()
            .any(|c| super::query::cte_refers_to_itself(&c.name.value, &c.query))
        {
            return Err(unsupported(self, "that is recursive"));
        }
        let is_cte = |t: &TableName| {
            t.source.parts.len() == 1
                && with
                    .iter()
                    .any(|c| c.name.value.eq_ignore_ascii_case(t.source.name()))
        };
        let target_is_cte = match &kind {
            StmtKind::Update { target, .. } | StmtKind::Delete { target, .. } => is_cte(target),
            StmtKind::Merge(m) => is_cte(&m.target),
            _ => false,
        };
        if target_is_cte {
            return Err(unsupported(self, "that writes through the CTE"));
        }
        // Unqualified mentions of CTE names (not `name.col`) must all be relations we
        // inline; anything else (a subquery in WHERE) would be left dangling.
        let mut mentions = 0usize;
        for i in dml_start..dml_end {
            let named = matches!(
                self.tok(i).t,
                T::Word(_) | T::Bracketed(true) | T::DQuoted(true)
            );
            if named
                && self.tok(i + 1).t != T::Dot
                && (i == 0 || self.tok(i - 1).t != T::Dot)
                && with
                    .iter()
                    .any(|c| c.name.value.eq_ignore_ascii_case(&self.ident_at(i).value))
            {
                mentions += 1;
            }
        }
        let mut replaced = 0usize;
        match &mut kind {
            StmtKind::Update { from, .. } | StmtKind::Delete { from, .. } => {
                for r in from.iter_mut() {
                    inline_ctes(r, &with, &mut replaced);
                }
            }
            StmtKind::Merge(m) => inline_ctes(&mut m.source, &with, &mut replaced),
            _ => {}
        }
        if replaced != mentions {
            return Err(unsupported(self, "used outside FROM / USING"));
        }
        Ok(Stmt::new(kind, self.span_from(start)))
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

    fn insert(&mut self) -> PResult<StmtKind> {
        self.expect_kw(Kw::Insert, "INSERT")?;
        if self.is_kw(Kw::Top) {
            return Err(self.unsupported(
                codes::SX2007.code,
                "INSERT TOP is not supported".into(),
                "use TOP inside the SELECT",
            ));
        }
        self.eat_kw(Kw::Into);
        let target = self.table_name()?;
        self.table_hints()?;
        let columns = if self.peek() == T::LParen && !self.at_end() {
            self.paren_ident_list()?
        } else {
            Vec::new()
        };
        if self.is_word("OUTPUT") {
            return Err(self.unsupported(
                codes::SX2007.code,
                "OUTPUT clause is not supported".into(),
                "re-select the affected rows after the statement",
            ));
        }
        let source = if self.is_kw(Kw::Default) && self.nth_is_kw(1, Kw::Values) {
            self.bump();
            self.bump();
            InsertSource::DefaultValues
        } else if self.is_kw(Kw::Exec) || self.is_kw(Kw::Execute) {
            return Err(self.unsupported(
                codes::SX2004.code,
                "INSERT … EXEC is not supported".into(),
                "run the procedure's query directly in the INSERT",
            ));
        } else {
            let q = self.query()?;
            InsertSource::Query(Box::new(q))
        };
        Ok(StmtKind::Insert {
            target,
            columns,
            source,
            overwrite: false,
        })
    }

    fn assignments(&mut self) -> PResult<Vec<Assignment>> {
        let mut v = Vec::new();
        loop {
            if self.peek() == T::Var {
                return Err(self.unsupported(
                    codes::SX2007.code,
                    "assigning a variable inside UPDATE is not supported".into(),
                    "compute the value with a separate SELECT",
                ));
            }
            let mut name = self.ident_any("a column name")?;
            while self.eat(T::Dot) {
                name = self.ident_any("a column name")?;
            }
            let op = self.pos;
            if !self.eat(T::Eq) {
                self.expect(T::OpAssign, "`=`")?;
            }
            let mut value = self.expr()?;
            if self.tok(op).t == T::OpAssign {
                let col = Expr::new(
                    ExprKind::Column {
                        qualifier: vec![],
                        name: name.clone(),
                    },
                    name.span,
                );
                value = compound(self.text(op), col, value);
            }
            v.push(Assignment {
                column: name,
                value,
            });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(v)
    }

    fn update(&mut self) -> PResult<StmtKind> {
        let start = self.expect_kw(Kw::Update, "UPDATE")?;
        if self.is_word("STATISTICS") {
            self.skip_statement_rest();
            let span = self.span_from(start);
            self.info(codes::SX4006.code, span, "statistics maintenance dropped");
            return Ok(StmtKind::Dropped {
                code: codes::SX4006.code.to_string(),
                text: self.src[span.range()].to_string(),
            });
        }
        if self.is_kw(Kw::Top) {
            return Err(self.unsupported(
                codes::SX2007.code,
                "UPDATE TOP is not supported".into(),
                "restrict the rows with a WHERE condition",
            ));
        }
        let target = self.table_name()?;
        self.table_hints()?;
        self.expect_kw(Kw::Set, "SET")?;
        let assignments = self.assignments()?;
        self.no_output()?;
        let from = if self.eat_kw(Kw::From) {
            self.relation_list()?
        } else {
            Vec::new()
        };
        let selection = self.where_clause()?;
        let (target, alias) = resolve_alias(target, &from);
        Ok(StmtKind::Update {
            target,
            alias,
            assignments,
            from,
            selection,
        })
    }

    fn no_output(&self) -> PResult<()> {
        if self.is_word("OUTPUT") {
            return Err(self.unsupported(
                codes::SX2007.code,
                "OUTPUT clause is not supported".into(),
                "re-select the affected rows after the statement",
            ));
        }
        Ok(())
    }

    fn where_clause(&mut self) -> PResult<Option<Expr>> {
        if self.eat_kw(Kw::Where) {
            if self.is_kw(Kw::Current) && self.nth_is_kw(1, Kw::Of) {
                return Err(self.unsupported(
                    codes::SX2002.code,
                    "WHERE CURRENT OF a cursor is not supported".into(),
                    "rewrite the cursor loop as a set-based statement",
                ));
            }
            Ok(Some(self.expr()?))
        } else {
            Ok(None)
        }
    }

    fn delete(&mut self) -> PResult<StmtKind> {
        self.expect_kw(Kw::Delete, "DELETE")?;
        if self.is_kw(Kw::Top) {
            return Err(self.unsupported(
                codes::SX2007.code,
                "DELETE TOP is not supported".into(),
                "restrict the rows with a WHERE condition",
            ));
        }
        self.eat_kw(Kw::From);
        let target = self.table_name()?;
        let mut alias = None;
        if !self.is_kw(Kw::From) {
            alias = self.opt_alias(&[])?;
        }
        self.table_hints()?;
        self.no_output()?;
        let from = if self.eat_kw(Kw::From) {
            self.relation_list()?
        } else {
            Vec::new()
        };
        let selection = self.where_clause()?;
        let (target, alias2) = resolve_alias(target, &from);
        Ok(StmtKind::Delete {
            target,
            alias: alias.or(alias2),
            from,
            selection,
        })
    }

    fn merge(&mut self) -> PResult<StmtKind> {
        self.expect_kw(Kw::Merge, "MERGE")?;
        if self.is_kw(Kw::Top) {
            return Err(self.unsupported(
                codes::SX2007.code,
                "MERGE TOP is not supported".into(),
                "restrict the source rows instead",
            ));
        }
        self.eat_kw(Kw::Into);
        let target = self.table_name()?;
        self.table_hints()?;
        let target_alias = self.opt_alias(&[Kw::Using])?;
        self.expect_kw(Kw::Using, "USING")?;
        let source = self.relation_list()?;
        let mut source = source;
        if source.len() != 1 {
            return Err(self.err("a single source relation"));
        }
        let source = source.remove(0);
        self.expect_kw(Kw::On, "ON")?;
        let on = self.expr()?;
        let mut clauses = Vec::new();
        while self.eat_kw(Kw::When) {
            let matched = if self.eat_kw(Kw::Matched) {
                MergeMatch::Matched
            } else {
                self.expect_kw(Kw::Not, "MATCHED or NOT MATCHED")?;
                self.expect_kw(Kw::Matched, "MATCHED")?;
                if self.eat_kw(Kw::By) {
                    if self.eat_kw(Kw::Source) {
                        MergeMatch::NotMatchedBySource
                    } else {
                        self.expect_kw(Kw::Target, "TARGET or SOURCE")?;
                        MergeMatch::NotMatchedByTarget
                    }
                } else {
                    MergeMatch::NotMatchedByTarget
                }
            };
            let condition = if self.eat_kw(Kw::And) {
                Some(self.expr()?)
            } else {
                None
            };
            self.expect_kw(Kw::Then, "THEN")?;
            let action = if self.eat_kw(Kw::Update) {
                self.expect_kw(Kw::Set, "SET")?;
                MergeAction::Update {
                    assignments: self.assignments()?,
                }
            } else if self.eat_kw(Kw::Delete) {
                MergeAction::Delete
            } else {
                self.expect_kw(Kw::Insert, "UPDATE, DELETE or INSERT")?;
                let columns = if self.peek() == T::LParen {
                    self.paren_ident_list()?
                } else {
                    Vec::new()
                };
                if self.is_kw(Kw::Default) {
                    return Err(self.unsupported(
                        codes::SX2007.code,
                        "INSERT DEFAULT VALUES in MERGE is not supported".into(),
                        "list the columns and values",
                    ));
                }
                self.expect_kw(Kw::Values, "VALUES")?;
                self.expect(T::LParen, "`(`")?;
                let values = self.expr_list()?;
                self.expect(T::RParen, "`)`")?;
                MergeAction::Insert { columns, values }
            };
            clauses.push(MergeClause {
                matched,
                condition,
                action,
            });
        }
        self.no_output()?;
        if clauses.is_empty() {
            return Err(self.err("WHEN"));
        }
        Ok(StmtKind::Merge(Box::new(Merge {
            target,
            target_alias,
            source,
            on,
            clauses,
        })))
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

/// Replaces table references to CTEs by derived tables holding the CTE's query.
fn inline_ctes(r: &mut Relation, with: &[sqlxlate_ir::Cte], replaced: &mut usize) {
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
fn resolve_alias(target: TableName, from: &[Relation]) -> (TableName, Option<sqlxlate_ir::Ident>) {
    if target.source.parts.len() != 1 {
        return (target, None);
    }
    let wanted = target.source.name().to_string();
    fn find(r: &Relation, wanted: &str) -> Option<(TableName, sqlxlate_ir::Ident)> {
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
