//! Statements: DML, DDL, variables, control flow, and the recognised-but-unconverted
//! statements (routines, cursors, transactions, dynamic SQL).

use sqlxlate_diagnostics::codes;
use sqlxlate_ir::{
    AlterAction, ColumnDef, Constraint, DataType, Expr, ExprKind, Func, Ident, ObjectKind,
    Relation, Stmt, StmtKind, TableDef, TableName, VarDecl,
};

use super::lexer::{Kw, T};
use super::parse::{PResult, Parser};
use super::query::{compound, var_expr};

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
            T::Word(Kw::Drop) => self.kind_statement(Self::drop),
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

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump();
        let cond = self.expr()?;
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
        let kind = match self.peek() {
            T::Word(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            T::Word(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            T::Word(Kw::Return) => {
                self.bump();
                let value = if self.at_expr_start() {
                    Some(self.expr()?)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            T::Word(Kw::Print) => {
                self.bump();
                self.expr()?;
                return Ok(self.dropped_from(start, codes::SX4003.code, "PRINT dropped"));
            }
            T::Word(Kw::Use) => {
                self.bump();
                self.ident("a database name")?;
                return Ok(self.dropped_from(start, codes::SX4002.code, "USE dropped"));
            }
            T::Word(Kw::Commit) | T::Word(Kw::Rollback) | T::Word(Kw::Save) => {
                self.bump();
                if !self.eat_kw(Kw::Tran) && !self.eat_kw(Kw::Transaction) {
                    self.eat_word("WORK");
                }
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
            T::Word(Kw::Open)
            | T::Word(Kw::Close)
            | T::Word(Kw::Deallocate)
            | T::Word(Kw::Fetch) => {
                self.bump();
                self.skip_statement_rest();
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2002.code,
                    "cursor statement not converted",
                    "rewrite the cursor loop as a set-based statement or a FOR loop",
                ));
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
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2005.code,
                    format!("{word} not converted"),
                    "convert this statement by hand",
                ));
            }
            T::Word(_) if self.nth(1) == T::Colon && self.at_name() => {
                // A GOTO label.
                self.bump();
                self.bump();
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2005.code,
                    "GOTO label not converted",
                    "restructure the control flow with IF / WHILE",
                ));
            }
            _ => return Err(self.err("a statement")),
        };
        Ok(Stmt::new(kind, self.span_from(start)))
    }

    fn at_expr_start(&self) -> bool {
        if self.at_end() || self.starts_statement(self.pos) {
            return false;
        }
        match self.peek() {
            T::Word(Kw::End) | T::Word(Kw::Else) | T::Semi => false,
            T::Word(k) => {
                !k.is_reserved()
                    || matches!(
                        k,
                        Kw::Case
                            | Kw::Null
                            | Kw::Convert
                            | Kw::Left
                            | Kw::Right
                            | Kw::CurrentTimestamp
                            | Kw::Exists
                            | Kw::Not
                    )
            }
            T::RParen | T::Comma => false,
            _ => true,
        }
    }

    fn select_statement(&mut self) -> PResult<Stmt> {
        self.grammar_statement(|cx, toks| super::grammar::SelectStmtParser::new().parse(cx, toks))
    }

    /// INSERT, UPDATE, DELETE, MERGE, TRUNCATE, and any statement starting with a CTE
    /// list (`grammars/tsql.lalrpop`, `DmlStmt`).
    fn dml_statement(&mut self) -> PResult<Stmt> {
        self.grammar_statement(super::lower_dml::parse)
    }

    fn drop(&mut self) -> PResult<StmtKind> {
        self.expect_kw(Kw::Drop, "DROP")?;
        let object = match self.peek() {
            T::Word(Kw::Table) => ObjectKind::Table,
            T::Word(Kw::View) => ObjectKind::View,
            T::Word(Kw::Procedure) | T::Word(Kw::Proc) => ObjectKind::Procedure,
            T::Word(Kw::Function) => ObjectKind::Function,
            T::Word(Kw::Index) => ObjectKind::Index,
            _ if self.is_word("SCHEMA") => ObjectKind::Schema,
            _ => return Err(self.err("TABLE, VIEW, PROCEDURE, FUNCTION, INDEX or SCHEMA")),
        };
        self.bump();
        let if_exists = if self.is_kw(Kw::If) && self.nth_is_kw(1, Kw::Exists) {
            self.bump();
            self.bump();
            true
        } else {
            false
        };
        let mut names = Vec::new();
        loop {
            let mut name = self.table_name()?;
            if object == ObjectKind::Index && self.eat_kw(Kw::On) {
                // `DROP INDEX ix ON t`: keep the table name as the qualifier.
                let table = self.table_name()?;
                let mut parts = table.source.parts;
                parts.extend(name.source.parts);
                name.source.parts = parts;
            }
            names.push(name);
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(StmtKind::Drop {
            object,
            names,
            if_exists,
        })
    }

    fn create_or_alter(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let is_alter = self.is_kw(Kw::Alter);
        self.bump();
        let mut or_alter = false;
        if self.is_kw(Kw::Or) && self.nth_is_kw(1, Kw::Alter) {
            self.bump();
            self.bump();
            or_alter = true;
        }
        match self.peek() {
            T::Word(Kw::Procedure)
            | T::Word(Kw::Proc)
            | T::Word(Kw::Function)
            | T::Word(Kw::Trigger) => {
                let what = self.cur_text().to_ascii_uppercase();
                // A routine body runs to the end of its batch.
                self.pos = self.toks.len();
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2001.code,
                    format!("{what} definition not converted yet"),
                    "convert the routine by hand (Databricks SQL `CREATE PROCEDURE … LANGUAGE SQL` or a SQL UDF)",
                ));
            }
            T::Word(Kw::Table) if !is_alter => {
                self.bump();
                let def = self.create_table()?;
                return Ok(Stmt::new(StmtKind::CreateTable(def), self.span_from(start)));
            }
            T::Word(Kw::Table) => {
                self.bump();
                let kind = self.alter_table()?;
                return Ok(Stmt::new(kind, self.span_from(start)));
            }
            T::Word(Kw::View) => {
                self.bump();
                let name = self.table_name()?;
                let columns = if self.peek() == T::LParen {
                    self.paren_ident_list()?
                } else {
                    Vec::new()
                };
                if self.is_kw(Kw::With) {
                    self.bump();
                    while self.at_name() {
                        self.bump();
                        if !self.eat(T::Comma) {
                            break;
                        }
                    }
                }
                self.expect_kw(Kw::As, "AS")?;
                let query = self.query()?;
                if self.is_kw(Kw::With) && self.nth_is_kw(1, Kw::Check) {
                    self.bump();
                    self.bump();
                    self.eat_kw(Kw::Option);
                }
                return Ok(Stmt::new(
                    StmtKind::CreateView {
                        name,
                        columns,
                        query: Box::new(query),
                        or_replace: or_alter || is_alter,
                    },
                    self.span_from(start),
                ));
            }
            _ => {}
        }
        if !is_alter {
            let unique = self.eat_kw(Kw::Unique);
            if !self.eat_kw(Kw::Clustered) {
                self.eat_kw(Kw::Nonclustered);
            }
            self.eat_word("COLUMNSTORE");
            if self.eat_kw(Kw::Index) {
                let name = self.ident("an index name")?;
                self.expect_kw(Kw::On, "ON")?;
                let table = self.table_name()?;
                let columns = if self.peek() == T::LParen {
                    self.paren_ident_list()?
                } else {
                    Vec::new()
                };
                self.index_tail()?;
                return Ok(Stmt::new(
                    StmtKind::CreateIndex {
                        name,
                        table,
                        columns,
                        unique,
                    },
                    self.span_from(start),
                ));
            }
        }
        self.pos = start;
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

    fn index_tail(&mut self) -> PResult<()> {
        if self.eat_word("INCLUDE") {
            self.paren_ident_list()?;
        }
        if self.eat_kw(Kw::Where) {
            self.expr()?;
        }
        self.storage_options()
    }

    /// `WITH (…)`, `ON filegroup`, `TEXTIMAGE_ON fg`: dropped.
    fn storage_options(&mut self) -> PResult<()> {
        loop {
            let s = self.pos;
            if self.is_kw(Kw::With) && self.nth(1) == T::LParen {
                self.bump();
                self.skip_parens()?;
            } else if self.is_kw(Kw::On)
                || self.is_word("TEXTIMAGE_ON")
                || self.is_word("FILESTREAM_ON")
            {
                self.bump();
                self.ident_any("a file group")?;
                if self.peek() == T::LParen {
                    self.skip_parens()?;
                }
            } else {
                return Ok(());
            }
            let span = self.span_from(s);
            self.info(codes::SX4006.code, span, "storage option dropped");
        }
    }

    fn create_table(&mut self) -> PResult<TableDef> {
        let name = self.table_name()?;
        self.expect(T::LParen, "`(` starting the column list")?;
        let mut columns = Vec::new();
        let mut constraints = Vec::new();
        loop {
            if self.is_kw(Kw::Index) {
                let s = self.bump();
                self.ident_any("an index name")?;
                if !self.eat_kw(Kw::Clustered) {
                    self.eat_kw(Kw::Nonclustered);
                }
                self.paren_ident_list()?;
                let span = self.span_from(s);
                self.info(codes::SX4006.code, span, "inline index dropped");
            } else if self.at_table_constraint() {
                constraints.push(self.table_constraint()?);
            } else {
                let (col, mut cons) = self.column_def()?;
                columns.push(col);
                constraints.append(&mut cons);
            }
            if !self.eat(T::Comma) {
                break;
            }
            if self.peek() == T::RParen {
                break;
            }
        }
        self.expect(T::RParen, "`)` ending the column list")?;
        self.storage_options()?;
        Ok(TableDef {
            name,
            columns,
            constraints,
        })
    }

    fn at_table_constraint(&self) -> bool {
        matches!(
            self.peek(),
            T::Word(Kw::Constraint)
                | T::Word(Kw::Primary)
                | T::Word(Kw::Unique)
                | T::Word(Kw::Foreign)
                | T::Word(Kw::Check)
                | T::Word(Kw::Default)
        )
    }

    fn table_constraint(&mut self) -> PResult<Constraint> {
        let start = self.pos;
        let name = if self.eat_kw(Kw::Constraint) {
            Some(self.ident_any("a constraint name")?)
        } else {
            None
        };
        let c = match self.peek() {
            T::Word(Kw::Primary) | T::Word(Kw::Unique) => {
                let primary = self.is_kw(Kw::Primary);
                self.bump();
                if primary {
                    self.expect_kw(Kw::Key, "KEY")?;
                }
                if !self.eat_kw(Kw::Clustered) {
                    self.eat_kw(Kw::Nonclustered);
                }
                let columns = self.paren_ident_list()?;
                self.storage_options()?;
                let span = self.span_from(start);
                if primary {
                    Constraint::PrimaryKey {
                        name,
                        columns,
                        span,
                    }
                } else {
                    Constraint::Unique {
                        name,
                        columns,
                        span,
                    }
                }
            }
            T::Word(Kw::Foreign) => {
                self.bump();
                self.expect_kw(Kw::Key, "KEY")?;
                let columns = self.paren_ident_list()?;
                let (references, ref_columns) = self.references()?;
                Constraint::ForeignKey {
                    name,
                    columns,
                    references,
                    ref_columns,
                    span: self.span_from(start),
                }
            }
            T::Word(Kw::Check) => {
                self.bump();
                if self.is_kw(Kw::Not) {
                    self.bump();
                    self.eat_word("FOR");
                    self.eat_word("REPLICATION");
                }
                self.expect(T::LParen, "`(`")?;
                let expr = self.expr()?;
                self.expect(T::RParen, "`)`")?;
                Constraint::Check {
                    name,
                    expr,
                    span: self.span_from(start),
                }
            }
            T::Word(Kw::Default) => {
                return Err(self.unsupported(
                    codes::SX2005.code,
                    "a DEFAULT constraint added with ALTER TABLE is not supported yet".into(),
                    "declare the default in CREATE TABLE, or set it with ALTER COLUMN … SET DEFAULT by hand",
                ))
            }
            _ => return Err(self.err("PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK")),
        };
        Ok(c)
    }

    fn references(&mut self) -> PResult<(TableName, Vec<Ident>)> {
        self.expect_kw(Kw::References, "REFERENCES")?;
        let t = self.table_name()?;
        let cols = if self.peek() == T::LParen {
            self.paren_ident_list()?
        } else {
            Vec::new()
        };
        while self.is_kw(Kw::On) && (self.nth_is_kw(1, Kw::Delete) || self.nth_is_kw(1, Kw::Update))
        {
            self.bump();
            self.bump();
            if self.eat_kw(Kw::Cascade) || self.eat_word("RESTRICT") {
            } else if self.eat_kw(Kw::Set) {
                if !self.eat_kw(Kw::Null) {
                    self.expect_kw(Kw::Default, "NULL or DEFAULT")?;
                }
            } else {
                self.eat_word("NO");
                self.eat_word("ACTION");
            }
        }
        if self.is_kw(Kw::Not) && self.nth_is_kw(1, Kw::For) {
            self.bump();
            self.bump();
            self.eat_word("REPLICATION");
        }
        Ok((t, cols))
    }

    fn column_def(&mut self) -> PResult<(ColumnDef, Vec<Constraint>)> {
        let start = self.pos;
        let name = self.ident_any("a column name")?;
        let mut cons = Vec::new();
        let mut col = ColumnDef {
            name,
            ty: DataType::Unknown,
            source_type: String::new(),
            not_null: false,
            default: None,
            identity: None,
            computed: None,
            span: self.span_from(start),
        };
        if self.eat_kw(Kw::As) {
            col.computed = Some(self.expr()?);
            self.eat_word("PERSISTED");
            if self.is_kw(Kw::Not) && self.nth_is_kw(1, Kw::Null) {
                self.bump();
                self.bump();
                col.not_null = true;
            }
            col.span = self.span_from(start);
            return Ok((col, cons));
        }
        let (ty, source_type) = self.data_type(false)?;
        col.ty = ty;
        col.source_type = source_type;
        loop {
            if self.eat_kw(Kw::Collate) {
                let c = self.ident_any("a collation name")?;
                let upper = c.value.to_ascii_uppercase();
                if let DataType::String { collation, .. } = &mut col.ty {
                    *collation = Some(if upper.contains("_BIN") {
                        sqlxlate_ir::Collation::Binary
                    } else if upper.contains("_CS") {
                        sqlxlate_ir::Collation::BinaryRtrim
                    } else {
                        sqlxlate_ir::Collation::CaseInsensitiveRtrim
                    });
                }
            } else if self.eat_kw(Kw::Identity) {
                let mut seed = 1;
                let mut inc = 1;
                if self.eat(T::LParen) {
                    seed = self.signed_int()?;
                    self.expect(T::Comma, "`,`")?;
                    inc = self.signed_int()?;
                    self.expect(T::RParen, "`)`")?;
                }
                col.identity = Some((seed, inc));
            } else if self.eat_kw(Kw::Null) {
                col.not_null = false;
            } else if self.is_kw(Kw::Not) && self.nth_is_kw(1, Kw::Null) {
                self.bump();
                self.bump();
                col.not_null = true;
            } else if self.is_kw(Kw::Not) && self.nth_is_kw(1, Kw::For) {
                self.bump();
                self.bump();
                self.eat_word("REPLICATION");
            } else if self.eat_kw(Kw::Default) {
                col.default = Some(self.default_value()?);
            } else if self.eat_word("ROWGUIDCOL") || self.eat_word("SPARSE") {
            } else if self.is_kw(Kw::Constraint)
                || self.is_kw(Kw::Primary)
                || self.is_kw(Kw::Unique)
                || self.is_kw(Kw::References)
                || self.is_kw(Kw::Check)
                || self.is_kw(Kw::Foreign)
            {
                let cstart = self.pos;
                let cname = if self.eat_kw(Kw::Constraint) {
                    Some(self.ident_any("a constraint name")?)
                } else {
                    None
                };
                let one = vec![col.name.clone()];
                if self.is_kw(Kw::Primary) || self.is_kw(Kw::Unique) {
                    let primary = self.is_kw(Kw::Primary);
                    self.bump();
                    if primary {
                        self.expect_kw(Kw::Key, "KEY")?;
                        col.not_null = true;
                    }
                    if !self.eat_kw(Kw::Clustered) {
                        self.eat_kw(Kw::Nonclustered);
                    }
                    self.storage_options()?;
                    let span = self.span_from(cstart);
                    cons.push(if primary {
                        Constraint::PrimaryKey {
                            name: cname,
                            columns: one,
                            span,
                        }
                    } else {
                        Constraint::Unique {
                            name: cname,
                            columns: one,
                            span,
                        }
                    });
                } else if self.is_kw(Kw::Default) {
                    self.bump();
                    col.default = Some(self.default_value()?);
                } else if self.is_kw(Kw::Check) {
                    self.bump();
                    self.expect(T::LParen, "`(`")?;
                    let expr = self.expr()?;
                    self.expect(T::RParen, "`)`")?;
                    cons.push(Constraint::Check {
                        name: cname,
                        expr,
                        span: self.span_from(cstart),
                    });
                } else {
                    if self.eat_kw(Kw::Foreign) {
                        self.expect_kw(Kw::Key, "KEY")?;
                    }
                    let (references, ref_columns) = self.references()?;
                    cons.push(Constraint::ForeignKey {
                        name: cname,
                        columns: one,
                        references,
                        ref_columns,
                        span: self.span_from(cstart),
                    });
                }
            } else {
                break;
            }
        }
        col.span = self.span_from(start);
        Ok((col, cons))
    }

    fn default_value(&mut self) -> PResult<Expr> {
        self.value()
    }

    fn signed_int(&mut self) -> PResult<i64> {
        let neg = self.eat(T::Minus);
        let i = self.expect(T::Int, "an integer")?;
        let v: i64 = self.text(i).parse().unwrap_or(i64::MAX);
        Ok(if neg { -v } else { v })
    }

    fn alter_table(&mut self) -> PResult<StmtKind> {
        let name = self.table_name()?;
        let mut actions = Vec::new();
        if self.is_kw(Kw::With) && (self.nth_is_kw(1, Kw::Check) || self.nth_is_word(1, "NOCHECK"))
        {
            self.bump();
            self.bump();
        }
        if self.eat_kw(Kw::Add) {
            let mut cols = Vec::new();
            loop {
                if self.at_table_constraint() {
                    actions.push(AlterAction::AddConstraint(self.table_constraint()?));
                } else {
                    let (c, cons) = self.column_def()?;
                    cols.push(c);
                    actions.extend(cons.into_iter().map(AlterAction::AddConstraint));
                }
                if !self.eat(T::Comma) {
                    break;
                }
            }
            if !cols.is_empty() {
                actions.insert(0, AlterAction::AddColumns(cols));
            }
        } else if self.eat_kw(Kw::Drop) {
            if self.eat_kw(Kw::Constraint) {
                if self.is_kw(Kw::If) {
                    self.bump();
                    self.expect_kw(Kw::Exists, "EXISTS")?;
                }
                actions.push(AlterAction::DropConstraint(
                    self.ident_any("a constraint name")?,
                ));
            } else {
                self.eat_kw(Kw::Column);
                if self.is_kw(Kw::If) {
                    self.bump();
                    self.expect_kw(Kw::Exists, "EXISTS")?;
                }
                let mut v = vec![self.ident_any("a column name")?];
                while self.eat(T::Comma) {
                    v.push(self.ident_any("a column name")?);
                }
                actions.push(AlterAction::DropColumns(v));
            }
        } else if self.eat_kw(Kw::Alter) {
            self.expect_kw(Kw::Column, "COLUMN")?;
            let (c, _) = self.column_def()?;
            actions.push(AlterAction::AlterColumn(c));
        } else {
            return Err(self.unsupported(
                codes::SX2005.code,
                "this ALTER TABLE action is not supported".into(),
                "convert this statement by hand",
            ));
        }
        Ok(StmtKind::AlterTable { name, actions })
    }

    fn declare(&mut self) -> PResult<Stmt> {
        let start = self.expect_kw(Kw::Declare, "DECLARE")?;
        let mut decls = Vec::new();
        loop {
            if self.at_name()
                && (self.nth_is_kw(1, Kw::Cursor)
                    || self.nth_is_word(1, "INSENSITIVE")
                    || self.nth_is_word(1, "SCROLL"))
            {
                // DECLARE c CURSOR … FOR query
                while !self.at_end() && !self.is_kw(Kw::For) {
                    self.bump();
                }
                self.expect_kw(Kw::For, "FOR")?;
                self.query()?;
                if self.is_kw(Kw::For) && self.nth_is_kw(1, Kw::Update) {
                    self.bump();
                    self.bump();
                    if self.is_kw(Kw::Of) {
                        self.bump();
                        self.expr_list()?;
                    }
                }
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2002.code,
                    "cursor declaration not converted",
                    "rewrite the cursor loop as a set-based statement or a FOR loop",
                ));
            }
            let vi = self.expect(T::Var, "a variable name")?;
            let name = self.text(vi)[1..].to_string();
            self.eat_kw(Kw::As);
            if self.eat_kw(Kw::Table) {
                // A table variable: its columns become a table type; keys, checks and
                // indexes are dropped (they do not change what the variable holds).
                self.expect(T::LParen, "`(` starting the column list")?;
                let mut cols = Vec::new();
                loop {
                    if self.is_kw(Kw::Index) {
                        self.bump();
                        self.ident_any("an index name")?;
                        if !self.eat_kw(Kw::Clustered) {
                            self.eat_kw(Kw::Nonclustered);
                        }
                        self.paren_ident_list()?;
                    } else if self.at_table_constraint() {
                        self.table_constraint()?;
                    } else {
                        let (c, _) = self.column_def()?;
                        cols.push((c.name.value, c.ty));
                    }
                    if !self.eat(T::Comma) || self.peek() == T::RParen {
                        break;
                    }
                }
                self.expect(T::RParen, "`)` ending the column list")?;
                decls.push(VarDecl {
                    name,
                    ty: DataType::Table(cols),
                    init: None,
                    span: self.span_from(vi),
                });
                if !self.eat(T::Comma) {
                    break;
                }
                continue;
            }
            if self.is_kw(Kw::Cursor) {
                self.bump();
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2002.code,
                    "cursor variable not converted",
                    "rewrite the cursor loop as a set-based statement",
                ));
            }
            let (ty, _) = self.data_type(false)?;
            let init = if self.eat(T::Eq) {
                Some(self.expr()?)
            } else {
                None
            };
            decls.push(VarDecl {
                name,
                ty,
                init,
                span: self.span_from(vi),
            });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(Stmt::new(StmtKind::Declare(decls), self.span_from(start)))
    }

    fn set(&mut self) -> PResult<Stmt> {
        let start = self.expect_kw(Kw::Set, "SET")?;
        if self.peek() == T::Var && !self.at_end() {
            let vi = self.bump();
            let name = self.text(vi)[1..].to_string();
            let op = self.pos;
            if !self.eat(T::Eq) {
                self.expect(T::OpAssign, "`=`")?;
            }
            if self.is_kw(Kw::Cursor) {
                self.skip_statement_rest();
                return Ok(self.unconverted_from(
                    start,
                    codes::SX2002.code,
                    "cursor assignment not converted",
                    "rewrite the cursor loop as a set-based statement",
                ));
            }
            let mut value = self.expr()?;
            if self.tok(op).t == T::OpAssign {
                value = compound(self.text(op), var_expr(&name, self.tok_span(vi)), value);
            }
            return Ok(Stmt::new(
                StmtKind::SetVar { name, value },
                self.span_from(start),
            ));
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
            let cond = self.expr()?;
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
        let name = self.object_name("a procedure name")?;
        if name.name().eq_ignore_ascii_case("sp_executesql") {
            return dynamic(self);
        }
        let mut args = Vec::new();
        if self.at_expr_start() || self.peek() == T::Var {
            loop {
                let mut pname = None;
                if self.peek() == T::Var && self.nth(1) == T::Eq {
                    let i = self.bump();
                    pname = Some(self.text(i)[1..].to_string());
                    self.bump();
                }
                if self.is_kw(Kw::Default) {
                    return dynamic(self);
                }
                let v = self.value()?;
                if self.is_word("OUTPUT") || self.is_word("OUT") {
                    self.bump();
                    return Ok(self.unconverted_from(
                        start,
                        codes::SX2004.code,
                        "EXEC with OUTPUT parameters not converted",
                        "convert the procedure call by hand",
                    ));
                }
                args.push((pname, v));
                if !self.eat(T::Comma) {
                    break;
                }
            }
        }
        if self.is_kw(Kw::With) {
            self.bump();
            self.ident_any("an option")?;
        }
        let span = self.span_from(start);
        self.diags.push(
            sqlxlate_diagnostics::Diagnostic::new(
                codes::SX2008.code,
                name.span(),
                format!(
                    "procedure `{}` is not converted, so this call cannot run",
                    name.dotted()
                ),
            )
            .with_hint("convert the procedure (or inline its statements) before running the call"),
        );
        Ok(Stmt::new(StmtKind::Call { name, args }, span))
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
