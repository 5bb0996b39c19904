//! Statements: DDL, DML, variables and SQL scripting control flow.

use sqlxlate_diagnostics::codes;
use sqlxlate_ir::{
    AlterAction, Assignment, ColumnDef, Constraint, DataType, Expr, InsertSource, MergeAction,
    MergeMatch, ObjectKind, Relation, Stmt, StmtKind, TableDef, TableName, VarDecl,
};

use crate::doc::{clause, comma_sep, hard, join, line, lines, parens, t, D};
use crate::emitter::{Emitter, Place, Rounding};
use crate::names;
use crate::types::{column_type, TypeNote};

/// Comment lines for a commented-out text (`-- ` before every line).
pub(crate) fn commented(text: &str) -> Vec<String> {
    let mut lines = safe_lines(text);
    if lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|l| {
            let l = l.trim_end();
            if l.is_empty() {
                "--".to_string()
            } else {
                format!("-- {l}")
            }
        })
        .collect()
}

/// Splits text into lines at every character a SQL lexer may treat as a line break
/// (CR alone included: Spark ends a `--` comment there), and replaces the other control
/// characters, so that source text printed inside a comment can never become live code.
pub(crate) fn safe_lines(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(String::new());
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                lines.push(String::new())
            }
            '\t' => push_char(&mut lines, '\t'),
            c if c.is_control() => push_char(&mut lines, '\u{FFFD}'),
            c => push_char(&mut lines, c),
        }
    }
    lines
}

fn push_char(lines: &mut [String], c: char) {
    if let Some(l) = lines.last_mut() {
        l.push(c);
    }
}

/// The first line of a text.
fn first_line(text: &str) -> String {
    safe_lines(text.trim_start())
        .into_iter()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// True if the statements use BREAK or CONTINUE outside a nested loop.
fn uses_loop_control(stmts: &[Stmt], depth: u32) -> bool {
    if depth > crate::emitter::MAX_DEPTH {
        return false;
    }
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break | StmtKind::Continue => true,
        StmtKind::If {
            then_branch,
            else_branch,
            ..
        } => uses_loop_control(then_branch, depth + 1) || uses_loop_control(else_branch, depth + 1),
        StmtKind::Block(b) => uses_loop_control(b, depth + 1),
        _ => false,
    })
}

/// True if the statements contain RETURN.
pub(crate) fn uses_return(stmts: &[Stmt], depth: u32) -> bool {
    if depth > crate::emitter::MAX_DEPTH {
        return false;
    }
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::If {
            then_branch,
            else_branch,
            ..
        } => uses_return(then_branch, depth + 1) || uses_return(else_branch, depth + 1),
        StmtKind::Block(b) | StmtKind::While { body: b, .. } => uses_return(b, depth + 1),
        _ => false,
    })
}

/// Every variable declared anywhere in the statements, first declaration of a name only.
/// T-SQL variables are visible from their DECLARE to the end of the batch, while SQL
/// scripting only accepts DECLARE at the start of a compound block: declarations move to
/// the start of the outermost block and initial values become SET statements.
pub(crate) fn collect_declares(stmts: &[Stmt], out: &mut Vec<VarDecl>, depth: u32) {
    if depth > crate::emitter::MAX_DEPTH {
        return;
    }
    for s in stmts {
        match &s.kind {
            StmtKind::Declare(vars) => {
                for v in vars {
                    if !out.iter().any(|o| o.name.eq_ignore_ascii_case(&v.name)) {
                        out.push(v.clone());
                    }
                }
            }
            StmtKind::If {
                then_branch,
                else_branch,
                ..
            } => {
                collect_declares(then_branch, out, depth + 1);
                collect_declares(else_branch, out, depth + 1);
            }
            StmtKind::Block(b) | StmtKind::While { body: b, .. } => {
                collect_declares(b, out, depth + 1)
            }
            _ => {}
        }
    }
}

impl Emitter<'_> {
    /// The `FROM … WHERE …` tail of an UPDATE or DELETE. A FROM clause left by the passes
    /// (not rewritten to MERGE) has no Databricks form: the statement is flagged.
    fn dml_tail(
        &mut self,
        mut parts: Vec<D>,
        from: &[sqlxlate_ir::Relation],
        selection: Option<&Expr>,
        s: &Stmt,
        what: &str,
    ) -> D {
        let from_doc = self.relations_doc(from);
        if let Some(f) = &from_doc {
            parts.push(clause("FROM", f.clone()));
        }
        if let Some(w) = selection {
            let d = self.ex0(w);
            parts.push(clause("WHERE", d));
        }
        let doc = join(parts, line()).group();
        if from_doc.is_some() {
            return self.unsupported_dml(doc, s, what);
        }
        doc
    }

    /// Comment lines for a statement's own comments.
    pub(crate) fn comment_lines(comments: &[sqlxlate_ir::Comment]) -> Vec<String> {
        let mut out = Vec::new();
        for c in comments {
            if c.block && !c.text.contains("*/") {
                // Kept verbatim (trailing spaces and the line break before `*/` included),
                // control characters replaced.
                let lines = safe_lines(&c.text);
                let n = lines.len();
                for (i, l) in lines.into_iter().enumerate() {
                    let mut s = String::new();
                    if i == 0 {
                        s.push_str("/*");
                    }
                    s.push_str(&l);
                    if i + 1 == n {
                        s.push_str("*/");
                    }
                    out.push(s);
                }
            } else {
                let mut lines = safe_lines(&c.text);
                if lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
                    lines.pop();
                }
                for l in lines {
                    let l = l.trim_end();
                    if l.is_empty() || l.starts_with(char::is_whitespace) {
                        out.push(format!("--{l}"));
                    } else {
                        out.push(format!("-- {l}"));
                    }
                }
            }
        }
        out
    }

    /// Prints a top-level statement as notebook cells (without its comments).
    pub(crate) fn top_stmt(&mut self, s: &Stmt) -> Vec<String> {
        match &s.kind {
            StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::Block(_)
            | StmtKind::Break
            | StmtKind::Continue => {
                let body = match &s.kind {
                    StmtKind::Block(b) => b.as_slice(),
                    _ => std::slice::from_ref(s),
                };
                vec![self.compound_cell(body)]
            }
            StmtKind::Return(_) => {
                self.diag_hint(
                    codes::SX3804.code,
                    s.span,
                    "return at the top level of a script dropped",
                    "later cells still run: move the statements that must not run into an IF",
                );
                vec!["-- RETURN (dropped: a notebook cell cannot end the script)".to_string()]
            }
            StmtKind::Unconverted(u) => {
                let mut l = vec![format!("-- [{}] not converted: see diagnostics", u.code)];
                l.extend(commented(&u.text));
                vec![l.join("\n")]
            }
            StmtKind::Dropped { code, text } => {
                vec![format!("-- [{code}] dropped: {}", first_line(text))]
            }
            _ => {
                let docs = self.simple_stmt(s, Place::TopLevel);
                docs.iter().map(|d| self.render(d)).collect()
            }
        }
    }

    /// A compound block cell: `BEGIN … END` with hoisted declarations.
    pub(crate) fn compound_cell(&mut self, body: &[Stmt]) -> String {
        let needs_return = uses_return(body, 0);
        let saved = self.return_label.take();
        if needs_return {
            self.return_label = Some("sx_script".into());
        }
        let inner = self.compound_body(body);
        self.return_label = saved;
        let doc = if needs_return {
            // Spark 4.1 accepts a label only on a nested block.
            t("BEGIN")
                .append(
                    hard()
                        .append(t("sx_script: BEGIN"))
                        .append(hard().append(inner).nest(2))
                        .append(hard())
                        .append(t("END sx_script;"))
                        .nest(2),
                )
                .append(hard())
                .append(t("END"))
        } else {
            t("BEGIN")
                .append(hard().append(inner).nest(2))
                .append(hard())
                .append(t("END"))
        };
        self.render(&doc)
    }

    /// The statements of an outermost compound block, declarations first.
    pub(crate) fn compound_body(&mut self, body: &[Stmt]) -> D {
        let mut decls = Vec::new();
        collect_declares(body, &mut decls, 0);
        let mut docs: Vec<D> = decls
            .iter()
            .map(|v| {
                if let DataType::Table(_) = v.ty {
                    self.var_type(v);
                    return t(format!(
                        "-- [SX2801] table variable {} not converted: use a temporary view",
                        names::variable(&v.name)
                    ));
                }
                let ty = self.var_type(v);
                t(format!("DECLARE {} {ty};", names::variable(&v.name)))
            })
            .collect();
        docs.extend(self.block_stmts(body));
        if docs.is_empty() {
            docs.push(t("SELECT 1 WHERE false;"));
        }
        lines(docs)
    }

    /// A variable's type, with the module collation for strings so that comparisons
    /// with collated columns are determinate.
    fn var_type(&mut self, v: &VarDecl) -> String {
        if let DataType::Table(_) = v.ty {
            self.diag_hint(
                codes::SX2801.code,
                v.span,
                "table variable cannot be declared as a SQL variable",
                "use a temporary view for the table variable",
            );
        }
        let (s, note) = column_type(&v.ty, self.collation);
        if note == TypeNote::Time {
            self.diag_hint(
                codes::SX3801.code,
                v.span,
                "time of day variable declared as STRING",
                "keep values as 'HH:mm:ss' text so that they compare and sort correctly",
            );
        }
        s
    }

    /// Statements inside a compound block, each ending with `;`. A list that
    /// [`runs_something`] denies prints only comments.
    pub(crate) fn block_stmts(&mut self, stmts: &[Stmt]) -> Vec<D> {
        let mut out = Vec::new();
        for s in stmts {
            for c in Self::comment_lines(&s.comments) {
                out.push(t(c));
            }
            out.extend(self.block_stmt(s));
        }
        out
    }

    fn block_stmt(&mut self, s: &Stmt) -> Vec<D> {
        if !self.enter(s.span) {
            return vec![t("-- statement nested too deeply")];
        }
        let r = self.block_stmt_inner(s);
        self.leave();
        r
    }

    fn block_stmt_inner(&mut self, s: &Stmt) -> Vec<D> {
        match &s.kind {
            StmtKind::Declare(vars) => vars
                .iter()
                .filter_map(|v| {
                    v.init.as_ref().map(|e| {
                        let d = self.ex0(e);
                        t(format!("SET {} = ", names::variable(&v.name)))
                            .append(d)
                            .append(t(";"))
                    })
                })
                .collect(),
            StmtKind::If {
                cond,
                then_branch,
                else_branch,
            } => vec![self.if_doc(cond, then_branch, else_branch)],
            StmtKind::While { label, cond, body } => {
                let label = match label {
                    Some(l) => Some(names::quote(l)),
                    None if uses_loop_control(body, 0) => Some(self.fresh_label("sx_loop")),
                    None => None,
                };
                let c = self.ex0(cond);
                self.loops.push(label.clone().unwrap_or_default());
                let mut b = self.block_stmts(body);
                self.loops.pop();
                if !runs_something(body) {
                    b.push(t("SELECT 1 WHERE false;"));
                }
                let head = match &label {
                    Some(l) => t(format!("{l}: WHILE ")),
                    None => t("WHILE "),
                };
                let tail = match &label {
                    Some(l) => format!("END WHILE {l};"),
                    None => "END WHILE;".to_string(),
                };
                vec![head
                    .append(c)
                    .append(t(" DO"))
                    .append(hard().append(lines(b)).nest(2))
                    .append(hard())
                    .append(t(tail))]
            }
            StmtKind::Block(b) => {
                let inner = self.block_stmts(b);
                if inner.is_empty() {
                    return Vec::new();
                }
                vec![t("BEGIN")
                    .append(hard().append(lines(inner)).nest(2))
                    .append(hard())
                    .append(t("END;"))]
            }
            StmtKind::Break | StmtKind::Continue => {
                let kw = if matches!(s.kind, StmtKind::Break) {
                    "LEAVE"
                } else {
                    "ITERATE"
                };
                match self.loops.last() {
                    Some(l) if !l.is_empty() => vec![t(format!("{kw} {l};"))],
                    _ => {
                        self.diag_hint(
                            codes::SX2801.code,
                            s.span,
                            "break or continue outside a loop",
                            "move the statement into the WHILE loop it belongs to, or remove it",
                        );
                        vec![t(format!("-- [SX2801] {kw} outside a loop"))]
                    }
                }
            }
            StmtKind::Return(value) => {
                if value.is_some() || self.return_label.as_deref() == Some("sx_script") {
                    self.diag_hint(
                        codes::SX3804.code,
                        s.span,
                        if value.is_some() {
                            "returned value dropped"
                        } else {
                            "return ends only this notebook cell"
                        },
                        "later cells still run: move the statements that must not run into an IF",
                    );
                }
                match &self.return_label {
                    Some(l) => vec![t(format!("LEAVE {l};"))],
                    None => vec![t("-- RETURN dropped")],
                }
            }
            StmtKind::Unconverted(u) => {
                let mut l = vec![t(format!("-- [{}] not converted: see diagnostics", u.code))];
                l.extend(commented(&u.text).into_iter().map(t));
                l
            }
            StmtKind::Dropped { code, text } => {
                vec![t(format!("-- [{code}] dropped: {}", first_line(text)))]
            }
            _ => self
                .simple_stmt(s, Place::Block)
                .into_iter()
                .map(|d| {
                    if is_comment_doc(&d) {
                        d
                    } else {
                        d.append(t(";"))
                    }
                })
                .collect(),
        }
    }

    fn if_doc(&mut self, cond: &Expr, then_branch: &[Stmt], else_branch: &[Stmt]) -> D {
        let c = self.ex0(cond);
        let (c, then_branch, else_branch) = if then_branch.is_empty() && !else_branch.is_empty() {
            (t("NOT ").append(parens(c)), else_branch, then_branch)
        } else {
            (c, then_branch, else_branch)
        };
        let mut tb = self.block_stmts(then_branch);
        if !runs_something(then_branch) {
            tb.push(t("SELECT 1 WHERE false;"));
        }
        let mut d = t("IF ")
            .append(c)
            .append(t(" THEN"))
            .append(hard().append(lines(tb)).nest(2));
        let mut rest = else_branch;
        // ELSE IF chains print as ELSEIF.
        loop {
            match rest {
                [Stmt {
                    kind:
                        StmtKind::If {
                            cond,
                            then_branch,
                            else_branch,
                        },
                    comments,
                    ..
                }] if comments.is_empty() && !then_branch.is_empty() => {
                    let c = self.ex0(cond);
                    let mut tb = self.block_stmts(then_branch);
                    if !runs_something(then_branch) {
                        tb.push(t("SELECT 1 WHERE false;"));
                    }
                    d = d
                        .append(hard())
                        .append(t("ELSEIF "))
                        .append(c)
                        .append(t(" THEN"))
                        .append(hard().append(lines(tb)).nest(2));
                    rest = else_branch;
                }
                [] => break,
                other => {
                    let mut eb = self.block_stmts(other);
                    if !eb.is_empty() && !runs_something(other) {
                        // Only comments (dropped statements): SQL scripting needs a
                        // statement in every branch.
                        eb.push(t("SELECT 1 WHERE false;"));
                    }
                    if !eb.is_empty() {
                        d = d
                            .append(hard())
                            .append(t("ELSE"))
                            .append(hard().append(lines(eb)).nest(2));
                    }
                    break;
                }
            }
        }
        d.append(hard()).append(t("END IF;"))
    }

    /// Prints a non-control statement as one or more statements (without `;`).
    pub(crate) fn simple_stmt(&mut self, s: &Stmt, place: Place) -> Vec<D> {
        match &s.kind {
            StmtKind::Query(q) => vec![self.query(q)],
            StmtKind::CreateTableAs { name, query } => {
                let q = self.query(query);
                if names::is_temp_table(name) {
                    self.temp_table_note(s);
                    // Older Databricks runtimes have no CREATE OR REPLACE TEMPORARY TABLE.
                    let kw = if self.portable() {
                        "CREATE TABLE"
                    } else {
                        "CREATE TEMPORARY TABLE"
                    };
                    vec![
                        t(format!("DROP TABLE IF EXISTS {}", names::table(name))),
                        clause(&format!("{kw} {} AS", names::table(name)), q),
                    ]
                } else if names::is_session_scoped(name) {
                    self.diag_hint(
                        codes::SX3806.code,
                        s.span,
                        "select into a session-scoped table printed as a temporary view",
                        "the view is recomputed on every read; write a table if the sources change",
                    );
                    vec![clause(
                        &format!("CREATE OR REPLACE TEMPORARY VIEW {} AS", names::table(name)),
                        q,
                    )]
                } else if self.portable() {
                    self.diag_hint(
                        codes::SX4802.code,
                        s.span,
                        "create table as printed as drop table if exists and create table",
                        "nothing to do; the databricks profile prints CREATE OR REPLACE TABLE instead",
                    );
                    vec![
                        t(format!("DROP TABLE IF EXISTS {}", names::table(name))),
                        clause(&format!("CREATE TABLE {} AS", names::table(name)), q),
                    ]
                } else {
                    vec![clause(
                        &format!("CREATE OR REPLACE TABLE {} AS", names::table(name)),
                        q,
                    )]
                }
            }
            StmtKind::CreateTable(def) => self.create_table(def, s),
            StmtKind::AlterTable { name, actions } => self.alter_table(name, actions, s),
            StmtKind::Drop {
                object,
                names: ns,
                if_exists,
            } => {
                let ie = if *if_exists { " IF EXISTS" } else { "" };
                let mut out = Vec::new();
                for n in ns {
                    let text = match object {
                        ObjectKind::Table if names::is_temp_table(n) => {
                            format!("DROP TABLE IF EXISTS {}", names::table(n))
                        }
                        ObjectKind::Table if names::is_session_scoped(n) => {
                            format!("DROP VIEW IF EXISTS {}", names::table(n))
                        }
                        ObjectKind::Table => format!("DROP TABLE{ie} {}", names::table(n)),
                        ObjectKind::View => format!("DROP VIEW{ie} {}", names::table(n)),
                        // The naming pass gives a function's name a catalog target like
                        // a table's; an unqualified one is a session function.
                        ObjectKind::Function if names::is_session_scoped(n) => format!(
                            "DROP TEMPORARY FUNCTION IF EXISTS {}",
                            names::routine(&n.source)
                        ),
                        ObjectKind::Function => {
                            format!("DROP FUNCTION{ie} {}", names::table(n))
                        }
                        ObjectKind::Schema => format!("DROP SCHEMA{ie} {}", names::table(n)),
                        ObjectKind::Procedure => {
                            let text = format!("DROP PROCEDURE{ie} {}", names::routine(&n.source));
                            if self.portable() {
                                out.push(self.move_to_databricks_only(text, s, "drop procedure"));
                                continue;
                            }
                            text
                        }
                        ObjectKind::Index => {
                            self.diag_hint(
                                codes::SX4800.code,
                                s.span,
                                "drop index dropped",
                                "nothing to do: Delta tables have no secondary indexes",
                            );
                            out.push(t(format!(
                                "-- DROP INDEX {} dropped: Delta has no secondary indexes",
                                n.source.dotted()
                            )));
                            continue;
                        }
                    };
                    out.push(t(text));
                }
                out
            }
            StmtKind::CreateView {
                name,
                columns,
                query,
                ..
            } => {
                let q = self.query(query);
                let cols = if columns.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names::ident_list(columns))
                };
                let kw = if names::is_session_scoped(name) {
                    "CREATE OR REPLACE TEMPORARY VIEW"
                } else {
                    "CREATE OR REPLACE VIEW"
                };
                vec![clause(&format!("{kw} {}{cols} AS", names::table(name)), q)]
            }
            StmtKind::CreateIndex {
                name,
                table,
                columns,
                unique,
            } => {
                let cols = names::ident_list(columns);
                self.diag_hint(
                    codes::SX4800.code,
                    s.span,
                    "create index dropped: Delta has no secondary indexes",
                    format!(
                        "consider ALTER TABLE {} CLUSTER BY ({cols})",
                        names::table(table)
                    ),
                );
                vec![t(format!(
                    "-- CREATE {}INDEX {} ON {} ({cols}) dropped: Delta has no secondary indexes; consider CLUSTER BY ({cols})",
                    if *unique { "UNIQUE " } else { "" },
                    names::ident(name),
                    names::table(table),
                ))]
            }
            StmtKind::Insert {
                target,
                columns,
                source,
                overwrite,
            } => {
                let cols = if columns.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names::ident_list(columns))
                };
                let kw = if *overwrite {
                    "INSERT OVERWRITE TABLE"
                } else {
                    "INSERT INTO"
                };
                match source {
                    InsertSource::Query(q) => {
                        self.insert_rounding = self.rounding_for(target, columns);
                        let q = self.query(q);
                        self.insert_rounding.clear();
                        vec![t(format!("{kw} {}{cols}", names::table(target)))
                            .append(line())
                            .append(q)
                            .group()]
                    }
                    InsertSource::DefaultValues => {
                        let tn = names::table(target);
                        let known = self
                            .tables
                            .iter()
                            .find(|(n, _)| *n == tn)
                            .map(|(_, cols)| cols.clone());
                        if let Some(cols) = known {
                            // Spark has no DEFAULT VALUES: name the columns and insert DEFAULT.
                            let generated = |c: &&ColumnDef| {
                                !self.portable() && (c.identity.is_some() || c.computed.is_some())
                            };
                            let mut chosen: Vec<&ColumnDef> =
                                cols.iter().filter(|c| !generated(c)).collect();
                            if chosen.is_empty() {
                                chosen = cols.iter().filter(|c| c.computed.is_none()).collect();
                            }
                            if !chosen.is_empty() {
                                let names_ = chosen
                                    .iter()
                                    .map(|c| names::ident(&c.name))
                                    .collect::<Vec<_>>()
                                    .join(", ");
                                let defaults = vec!["DEFAULT"; chosen.len()].join(", ");
                                return vec![t(format!(
                                    "INSERT INTO {tn} ({names_}) VALUES ({defaults})"
                                ))];
                            }
                        }
                        self.diag_hint(
                            codes::SX2801.code,
                            s.span,
                            "insert of default values has no Spark form",
                            "list the columns and insert DEFAULT for each",
                        );
                        vec![t(format!(
                            "-- [SX2801] not converted: INSERT INTO {} DEFAULT VALUES",
                            names::table(target)
                        ))]
                    }
                }
            }
            StmtKind::Update {
                target,
                alias,
                assignments,
                from,
                selection,
            } => {
                let mut parts = vec![t(format!(
                    "UPDATE {}{}",
                    names::table(target),
                    alias
                        .as_ref()
                        .map(|a| format!(" AS {}", names::ident(a)))
                        .unwrap_or_default()
                ))];
                let a = self.assignments(assignments);
                parts.push(clause("SET", a));
                vec![self.dml_tail(parts, from, selection.as_ref(), s, "update")]
            }
            StmtKind::Delete {
                target,
                alias,
                from,
                selection,
            } => {
                let parts = vec![t(format!(
                    "DELETE FROM {}{}",
                    names::table(target),
                    alias
                        .as_ref()
                        .map(|a| format!(" AS {}", names::ident(a)))
                        .unwrap_or_default()
                ))];
                vec![self.dml_tail(parts, from, selection.as_ref(), s, "delete")]
            }
            StmtKind::Merge(m) => {
                let mut parts = vec![t(format!(
                    "MERGE INTO {}{}",
                    names::table(&m.target),
                    m.target_alias
                        .as_ref()
                        .map(|a| format!(" AS {}", names::ident(a)))
                        .unwrap_or_default()
                ))];
                let src = self.relation(&m.source);
                parts.push(t("USING ").append(src));
                let on = self.ex0(&m.on);
                parts.push(clause("ON", on));
                for c in &m.clauses {
                    let mut head = match c.matched {
                        MergeMatch::Matched => t("WHEN MATCHED"),
                        MergeMatch::NotMatchedByTarget => t("WHEN NOT MATCHED"),
                        MergeMatch::NotMatchedBySource => t("WHEN NOT MATCHED BY SOURCE"),
                    };
                    if let Some(cond) = &c.condition {
                        let d = self.ex0(cond);
                        head = head.append(t(" AND ")).append(d);
                    }
                    let action = match &c.action {
                        MergeAction::Update { assignments } => {
                            let a = self.assignments(assignments);
                            t("UPDATE SET ").append(a.nest(2))
                        }
                        MergeAction::Delete => t("DELETE"),
                        MergeAction::Insert { columns, values } => {
                            let v = self.ex_list(values);
                            let cols = if columns.is_empty() {
                                String::new()
                            } else {
                                format!("({}) ", names::ident_list(columns))
                            };
                            t(format!("INSERT {cols}VALUES ")).append(parens(v))
                        }
                    };
                    parts.push(
                        head.append(t(" THEN"))
                            .append(line().append(action).nest(2))
                            .group(),
                    );
                }
                vec![lines(parts)]
            }
            StmtKind::Truncate { name } => {
                vec![t(format!("TRUNCATE TABLE {}", names::table(name)))]
            }
            StmtKind::Declare(vars) => vars
                .iter()
                .map(|v| {
                    if let DataType::Table(_) = v.ty {
                        self.var_type(v);
                        return t(format!(
                            "-- [SX2801] table variable {} not converted: use a temporary view",
                            names::variable(&v.name)
                        ));
                    }
                    let ty = self.var_type(v);
                    let mut d = t(format!(
                        "DECLARE OR REPLACE VARIABLE {} {ty}",
                        names::variable(&v.name)
                    ));
                    if let Some(e) = &v.init {
                        d = d.append(t(" DEFAULT ")).append(self.ex0(e));
                    }
                    d.group()
                })
                .collect(),
            StmtKind::SetVar { name, value } => {
                let kw = if place == Place::TopLevel {
                    "SET VAR"
                } else {
                    "SET"
                };
                let v = self.ex0(value);
                vec![t(format!("{kw} {} = ", names::variable(name)))
                    .append(v)
                    .group()]
            }
            StmtKind::SetVarsFromQuery { names: ns, query } => {
                let kw = if place == Place::TopLevel {
                    "SET VAR"
                } else {
                    "SET"
                };
                let vars = ns
                    .iter()
                    .map(|n| names::variable(n))
                    .collect::<Vec<_>>()
                    .join(", ");
                let target = if ns.len() == 1 {
                    vars
                } else {
                    format!("({vars})")
                };
                let q = self.query(query);
                vec![t(format!("{kw} {target} = ")).append(parens(q)).group()]
            }
            StmtKind::Call { name, args } => {
                let docs = args
                    .iter()
                    .map(|(n, e)| {
                        let d = self.ex0(e);
                        match n {
                            Some(n) => t(format!("{} => ", names::variable(n))).append(d),
                            None => d,
                        }
                    })
                    .collect();
                let doc = t("CALL ").append(crate::doc::call(&names::routine(name), docs));
                if self.portable() {
                    let text = self.render(&doc);
                    return vec![self.move_to_databricks_only(text, s, "call")];
                }
                vec![doc]
            }
            // Control flow and markers are handled by the callers.
            _ => Vec::new(),
        }
    }

    fn assignments(&mut self, a: &[Assignment]) -> D {
        let docs = a
            .iter()
            .map(|x| {
                let v = self.ex0(&x.value);
                t(format!("{} = ", names::ident(&x.column))).append(v)
            })
            .collect();
        comma_sep(docs)
    }

    fn relations_doc(&mut self, from: &[Relation]) -> Option<D> {
        if from.is_empty() {
            return None;
        }
        let rels = from.iter().map(|r| self.relation(r)).collect();
        Some(comma_sep(rels))
    }

    /// An UPDATE or DELETE with joins: reported and kept as a comment.
    fn unsupported_dml(&mut self, doc: D, s: &Stmt, what: &str) -> D {
        self.diag_hint(
            codes::SX2800.code,
            s.span,
            format!("{what} with a from clause has no Databricks form"),
            "rewrite it as MERGE INTO target USING source ON … WHEN MATCHED THEN …",
        );
        let text = self.render(&doc);
        let mut l = vec![format!(
            "-- [SX2800] not converted: {what} with a from clause; rewrite as MERGE INTO"
        )];
        l.extend(commented(&text));
        lines(l.into_iter().map(t).collect())
    }

    /// Moves a statement to the databricks-only output and leaves a marker comment.
    pub(crate) fn move_to_databricks_only(&mut self, text: String, s: &Stmt, what: &str) -> D {
        self.diag_hint(
            codes::SX4801.code,
            s.span,
            format!("{what} moved to the databricks-only output"),
            "run the databricks-only output on Databricks after the main output",
        );
        self.databricks_only.push(text);
        t(format!(
            "-- [SX4801] {what} moved to the databricks-only output"
        ))
    }

    fn column_def(&mut self, c: &ColumnDef, pk: bool, only: &mut Vec<String>, table: &str) -> D {
        let mut ty = c.ty.clone();
        if c.identity.is_some() && !self.portable() {
            // Delta identity columns are BIGINT.
            ty = DataType::BigInt;
        }
        let (tys, note) = column_type(&ty, self.collation);
        if note == TypeNote::Time {
            self.diag_hint(
                codes::SX3801.code,
                c.span,
                "time of day column declared as STRING",
                "keep values as 'HH:mm:ss' text so that they compare and sort correctly",
            );
        }
        let mut d = t(format!("{} {tys}", names::ident(&c.name)));
        if c.not_null || (pk && !self.portable()) {
            d = d.append(t(" NOT NULL"));
        }
        if let Some(e) = &c.default {
            d = d.append(t(" DEFAULT ")).append(self.ex0(e));
        }
        if let Some((seed, inc)) = c.identity {
            let g =
                format!("GENERATED BY DEFAULT AS IDENTITY (START WITH {seed} INCREMENT BY {inc})");
            if self.portable() {
                self.diag_hint(
                    codes::SX4801.code,
                    c.span,
                    "identity column moved to the databricks-only output",
                    "declare the column as shown in the databricks-only output when the table is created on Databricks",
                );
                only.push(format!(
                    "-- identity column {} of {table}: on Databricks declare it as {} BIGINT {g}",
                    names::ident(&c.name),
                    names::ident(&c.name)
                ));
            } else {
                d = d.append(t(format!(" {g}")));
            }
        }
        if let Some(e) = &c.computed {
            let ex = self.ex0(e);
            if self.portable() {
                self.diag_hint(
                    codes::SX3808.code,
                    c.span,
                    "computed column printed as a plain column",
                    "compute the value where rows are inserted, or use the databricks-only output on Databricks",
                );
                let text = self.render(&ex);
                only.push(format!(
                    "-- computed column {} of {table}: on Databricks declare it as {} {tys} GENERATED ALWAYS AS ({text})",
                    names::ident(&c.name),
                    names::ident(&c.name)
                ));
            } else {
                d = d.append(t(" GENERATED ALWAYS AS ")).append(parens(ex));
            }
        }
        d.group()
    }

    fn constraint_doc(&mut self, c: &Constraint) -> D {
        let named = |n: &Option<sqlxlate_ir::Ident>| -> String {
            n.as_ref()
                .map(|n| format!("CONSTRAINT {} ", names::ident(n)))
                .unwrap_or_default()
        };
        match c {
            Constraint::PrimaryKey { name, columns, .. } => t(format!(
                "{}PRIMARY KEY ({})",
                named(name),
                names::ident_list(columns)
            )),
            Constraint::Unique { name, columns, .. } => t(format!(
                "{}UNIQUE ({})",
                named(name),
                names::ident_list(columns)
            )),
            Constraint::ForeignKey {
                name,
                columns,
                references,
                ref_columns,
                ..
            } => {
                let rc = if ref_columns.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names::ident_list(ref_columns))
                };
                t(format!(
                    "{}FOREIGN KEY ({}) REFERENCES {}{rc}",
                    named(name),
                    names::ident_list(columns),
                    names::table(references)
                ))
            }
            Constraint::Check { name, expr, .. } => {
                let e = self.ex0(expr);
                t(format!("{}CHECK ", named(name))).append(parens(e))
            }
        }
    }

    fn create_table(&mut self, def: &TableDef, s: &Stmt) -> Vec<D> {
        let name = names::table(&def.name);
        self.tables.retain(|(n, _)| *n != name);
        self.tables.push((name.clone(), def.columns.clone()));
        let temp = names::is_temp_table(&def.name);
        if temp {
            self.temp_table_note(s);
        } else if names::is_session_scoped(&def.name) {
            self.diag_hint(
                codes::SX3809.code,
                s.span,
                "table definition for a session-scoped table printed as a permanent table",
                "drop it at the end of the script, or build it as a temporary view",
            );
        }
        let pk_cols: Vec<String> = def
            .constraints
            .iter()
            .filter_map(|c| match c {
                Constraint::PrimaryKey { columns, .. } => Some(columns),
                _ => None,
            })
            .flatten()
            .map(|i| i.value.to_ascii_lowercase())
            .collect();
        let mut only: Vec<String> = Vec::new();
        let mut items: Vec<D> = def
            .columns
            .iter()
            .map(|c| {
                let pk = pk_cols.contains(&c.name.value.to_ascii_lowercase());
                self.column_def(c, pk, &mut only, &name)
            })
            .collect();
        let mut after: Vec<D> = Vec::new();
        for c in &def.constraints {
            let d = self.constraint_doc(c);
            let in_table = matches!(
                c,
                Constraint::PrimaryKey { .. } | Constraint::ForeignKey { .. }
            );
            if let Constraint::Unique { .. } = c {
                // Databricks has no UNIQUE constraint.
                self.diag_hint(
                    codes::SX4801.code,
                    s.span,
                    "unique constraint dropped: Databricks has no unique constraints",
                    "check uniqueness in the load (for example with a GROUP BY … HAVING count(*) > 1 query)",
                );
                let text = self.render(&d);
                after.push(t(format!(
                    "-- {text} dropped: Databricks has no unique constraints"
                )));
            } else if self.portable() {
                let text = self.render(&d);
                only.push(format!("ALTER TABLE {name} ADD {text}"));
            } else if in_table {
                items.push(d);
            } else {
                after.push(t(format!("ALTER TABLE {name} ADD ")).append(d));
            }
        }
        if self.portable() && !only.is_empty() {
            self.diag_hint(
                codes::SX4801.code,
                s.span,
                "identity, constraints or computed columns moved to the databricks-only output",
                "run the databricks-only output on Databricks after the main output",
            );
            self.databricks_only.extend(only);
        }
        let kw = if temp && !self.portable() {
            "CREATE TEMPORARY TABLE"
        } else {
            "CREATE TABLE"
        };
        let mut doc = t(format!("{kw} {name} ")).append(parens(comma_sep(items)));
        let has_default = def.columns.iter().any(|c| c.default.is_some());
        if has_default && !self.portable() {
            doc = doc.append(line()).append(t(
                "TBLPROPERTIES ('delta.feature.allowColumnDefaults' = 'supported')",
            ));
        }
        let mut out = Vec::new();
        if temp {
            out.push(t(format!("DROP TABLE IF EXISTS {name}")));
        }
        out.push(doc.group());
        out.extend(after);
        out
    }

    /// Per inserted position, how SQL Server rounds the stored value; empty when no
    /// column needs it or the columns are unknown.
    fn rounding_for(&self, target: &TableName, columns: &[sqlxlate_ir::Ident]) -> Vec<Rounding> {
        let tn = names::table(target);
        let Some((_, defs)) = self.tables.iter().find(|(n, _)| *n == tn) else {
            return Vec::new();
        };
        let r: Vec<Rounding> = if columns.is_empty() {
            defs.iter().map(|c| Rounding::of(&c.source_type)).collect()
        } else {
            columns
                .iter()
                .map(|i| {
                    defs.iter()
                        .find(|c| c.name.value.eq_ignore_ascii_case(&i.value))
                        .map_or(Rounding::None, |c| Rounding::of(&c.source_type))
                })
                .collect()
        };
        if r.iter().all(|x| *x == Rounding::None) {
            Vec::new()
        } else {
            r
        }
    }

    /// Notes that a temp table is printed as a materialised table.
    fn temp_table_note(&mut self, s: &Stmt) {
        if self.portable() {
            self.diag_hint(
                codes::SX4803.code,
                s.span,
                "temp table materialised as a table in the scratch schema sx_session",
                "drop the scratch schema sx_session when the script is done if its tables should not outlive the session",
            );
        } else {
            self.diag_hint(
                codes::SX4803.code,
                s.span,
                "temp table printed as a databricks temporary table",
                "temporary tables need a databricks sql warehouse or runtime 18.1 or later",
            );
        }
    }

    fn alter_table(&mut self, name: &TableName, actions: &[AlterAction], s: &Stmt) -> Vec<D> {
        let tn = names::table(name);
        let mut out = Vec::new();
        for a in actions {
            match a {
                AlterAction::AddColumns(cols) => {
                    let mut only = Vec::new();
                    let docs = cols
                        .iter()
                        .map(|c| self.column_def(c, false, &mut only, &tn))
                        .collect();
                    if self.portable() && !only.is_empty() {
                        self.databricks_only.extend(only);
                    }
                    out.push(
                        t(format!("ALTER TABLE {tn} ADD COLUMNS ")).append(parens(comma_sep(docs))),
                    );
                }
                AlterAction::DropColumns(cols) => out.push(t(format!(
                    "ALTER TABLE {tn} DROP COLUMNS ({})",
                    names::ident_list(cols)
                ))),
                AlterAction::AlterColumn(c) => {
                    let (tys, _) = column_type(&c.ty, self.collation);
                    out.push(t(format!(
                        "ALTER TABLE {tn} ALTER COLUMN {} TYPE {tys}",
                        names::ident(&c.name)
                    )));
                    out.push(t(format!(
                        "ALTER TABLE {tn} ALTER COLUMN {} {} NOT NULL",
                        names::ident(&c.name),
                        if c.not_null { "SET" } else { "DROP" }
                    )));
                }
                AlterAction::AddConstraint(c) => {
                    let d = self.constraint_doc(c);
                    let doc = t(format!("ALTER TABLE {tn} ADD ")).append(d);
                    if self.portable() {
                        let text = self.render(&doc);
                        out.push(self.move_to_databricks_only(text, s, "constraint"));
                    } else {
                        out.push(doc);
                    }
                }
                AlterAction::DropConstraint(n) => {
                    let text = format!(
                        "ALTER TABLE {tn} DROP CONSTRAINT IF EXISTS {}",
                        names::ident(n)
                    );
                    if self.portable() {
                        out.push(self.move_to_databricks_only(text, s, "constraint"));
                    } else {
                        out.push(t(text));
                    }
                }
            }
        }
        out
    }
}

/// True for a document that is only a comment marker (no `;` after it).
fn is_comment_doc(d: &D) -> bool {
    crate::doc::render(d, 1000).starts_with("--")
}

/// True when printing `stmts` in a compound block yields at least one statement (not
/// only the comments of dropped or unconverted statements). SQL scripting rejects an
/// IF branch or a loop body without a statement.
fn runs_something(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Dropped { .. } | StmtKind::Unconverted(_) => false,
        StmtKind::Declare(vars) => vars.iter().any(|v| v.init.is_some()),
        StmtKind::Block(b) => runs_something(b),
        _ => true,
    })
}

#[cfg(test)]
mod comment_safety_tests {
    use super::*;

    #[test]
    fn a_lone_carriage_return_cannot_end_the_comment() {
        let lines = commented("RAISERROR('load failed\rDROP TABLE main.dbo.eligibility', 16, 1);");
        assert_eq!(
            lines,
            vec![
                "-- RAISERROR('load failed".to_string(),
                "-- DROP TABLE main.dbo.eligibility', 16, 1);".to_string()
            ]
        );
    }

    #[test]
    fn control_characters_are_replaced_and_every_line_is_commented() {
        let lines = commented("a\u{0}b\u{0B}c\u{2028}d\r\ne\n");
        assert_eq!(lines, vec!["-- a\u{FFFD}b", "-- c", "-- d", "-- e"]);
        assert!(lines.iter().all(|l| l.starts_with("--")));
    }

    #[test]
    fn block_comments_keep_their_spacing() {
        let c = sqlxlate_ir::Comment {
            span: Default::default(),
            text: " inline ".into(),
            block: true,
        };
        assert_eq!(Emitter::comment_lines(&[c]), vec!["/* inline */"]);
    }
}
