//! Lowering helpers for the DDL section of the grammar (`grammars/tsql.lalrpop`):
//! CREATE / ALTER TABLE, CREATE / ALTER VIEW, CREATE INDEX and DROP.
//!
//! Physical options (storage clauses, inline indexes) are dropped with an
//! informational diagnostic; a DEFAULT table constraint is not supported.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{
    AlterAction, Collation, ColumnDef, DataType, Expr, Ident, ObjectKind, Query, Stmt, StmtKind,
    TableDef, TableName,
};

pub use sqlxlate_ir::Constraint;

use super::gram::{Cx, GErr, ParseError, Spanned, G};
use super::lexer::{Kw, T};
use super::lower::{self as L, R};

fn user(error: GErr) -> ParseError {
    ParseError::User { error }
}

fn expected(span: Span, what: &str, found: &str) -> ParseError {
    user(GErr {
        span,
        code: codes::SX1001.code,
        message: format!("expected {what}, found `{found}`"),
        hint: None,
    })
}

/// Checks that the word at `l..r` is one of `words` (contextual keywords that the
/// lexer does not know); `what` says what was expected otherwise.
pub fn word(cx: &Cx, l: usize, r: usize, words: &[&str], what: &str) -> R<()> {
    let w = cx.text(l, r);
    if words.iter().any(|x| w.eq_ignore_ascii_case(x)) {
        Ok(())
    } else {
        Err(expected(Span::new(l, r), what, w))
    }
}

/// `ON DELETE NO ACTION`.
pub fn no_action(cx: &Cx, l: usize, r: usize) -> R<()> {
    let text = cx.text(l, r);
    let mut words = text.split_whitespace();
    let ok = words.next().is_some_and(|w| w.eq_ignore_ascii_case("NO"))
        && words
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("ACTION"));
    if ok {
        Ok(())
    } else {
        Err(expected(
            Span::new(l, r),
            "CASCADE, SET NULL, SET DEFAULT, NO ACTION or RESTRICT",
            text,
        ))
    }
}

/// A storage option (`WITH (…)`, `ON fg`, …): dropped.
pub fn storage_dropped(cx: &mut Cx, l: usize, r: usize) {
    cx.push(Diagnostic::new(
        codes::SX4006.code,
        Span::new(l, r),
        "storage option dropped",
    ));
}

/// `TEXTIMAGE_ON fg` / `FILESTREAM_ON fg`: dropped.
pub fn storage_word(cx: &mut Cx, wl: usize, wr: usize, l: usize, r: usize) -> R<()> {
    word(
        cx,
        wl,
        wr,
        &["TEXTIMAGE_ON", "FILESTREAM_ON"],
        "WITH, ON or TEXTIMAGE_ON",
    )?;
    storage_dropped(cx, l, r);
    Ok(())
}

/// An integer (IDENTITY seed or increment).
pub fn int(cx: &Cx, l: usize, r: usize, neg: bool) -> i64 {
    let v: i64 = cx.text(l, r).parse().unwrap_or(i64::MAX);
    if neg {
        -v
    } else {
        v
    }
}

// ---------- CREATE TABLE ----------

/// One element of a column list.
pub enum Elem {
    /// A column with the constraints written on it.
    Column(ColumnDef, Vec<Constraint>),
    /// A table constraint.
    Constraint(Constraint),
    /// An inline index (dropped).
    Index,
}

/// `INDEX ix (…)` inside CREATE TABLE: dropped.
pub fn inline_index(cx: &mut Cx, l: usize, r: usize) -> Elem {
    cx.push(Diagnostic::new(
        codes::SX4006.code,
        Span::new(l, r),
        "inline index dropped",
    ));
    Elem::Index
}

/// The table definition from its column list.
pub fn table_def(name: TableName, elems: Vec<Elem>) -> TableDef {
    let mut columns = Vec::new();
    let mut constraints = Vec::new();
    for e in elems {
        match e {
            Elem::Column(c, mut cons) => {
                columns.push(c);
                constraints.append(&mut cons);
            }
            Elem::Constraint(c) => constraints.push(c),
            Elem::Index => {}
        }
    }
    TableDef {
        name,
        columns,
        constraints,
    }
}

/// CREATE TABLE.
pub fn create_table(def: TableDef, l: usize, r: usize) -> Stmt {
    Stmt::new(StmtKind::CreateTable(def), Span::new(l, r))
}

/// A column type as written, with an optional ROWGUIDCOL / SPARSE word after it.
pub struct ColType {
    spec: L::TypeSpec,
    word: Option<Span>,
}

impl ColType {
    /// A type (its second word may be ROWGUIDCOL or SPARSE).
    pub fn plain(spec: L::TypeSpec) -> ColType {
        ColType { spec, word: None }
    }
    /// A type followed by a word (ROWGUIDCOL or SPARSE).
    pub fn with_word(spec: L::TypeSpec, word: Span) -> ColType {
        ColType {
            spec,
            word: Some(word),
        }
    }
}

const COLUMN_WORDS: &[&str] = &["ROWGUIDCOL", "SPARSE"];

/// A column option.
pub enum ColOpt {
    /// `COLLATE name`.
    Collate(Ident),
    /// `IDENTITY [(seed, increment)]`.
    Identity(i64, i64),
    /// `NULL`.
    Null,
    /// `NOT NULL`.
    NotNull,
    /// `DEFAULT value` (also with a constraint name).
    Default(Expr),
    /// A column constraint.
    Constraint(Option<Ident>, ColCons, Span),
    /// Accepted and ignored (`NOT FOR REPLICATION`).
    Nothing,
}

/// The body of a column constraint.
pub enum ColCons {
    /// PRIMARY KEY.
    PrimaryKey,
    /// UNIQUE.
    Unique,
    /// CHECK (…).
    Check(Expr),
    /// [FOREIGN KEY] REFERENCES t (…).
    References(TableName, Vec<Ident>),
}

/// A computed column `name AS expr [PERSISTED] [NOT NULL]`.
pub fn computed(
    name: Ident,
    e: Expr,
    not_null: bool,
    l: usize,
    r: usize,
) -> (ColumnDef, Vec<Constraint>) {
    (
        ColumnDef {
            name,
            ty: DataType::Unknown,
            source_type: String::new(),
            not_null,
            default: None,
            identity: None,
            computed: Some(e),
            span: Span::new(l, r),
        },
        Vec::new(),
    )
}

/// A typed column with its options, in the order written.
pub fn column(
    cx: &mut Cx,
    name: Ident,
    t: ColType,
    opts: Vec<ColOpt>,
    l: usize,
    r: usize,
) -> R<(ColumnDef, Vec<Constraint>)> {
    let ColType { mut spec, word } = t;
    if let Some(w) = word {
        word_check(cx, w)?;
    }
    if let (Some(s), None) = (spec.second, &spec.args) {
        let w = cx.text(s.start as usize, s.end as usize);
        if COLUMN_WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)) {
            // `uniqueidentifier ROWGUIDCOL`: the word is a column option.
            spec.second = None;
            let end = spec
                .name
                .last()
                .map(|n| n.span.end)
                .unwrap_or(spec.span.end);
            spec.span = Span {
                start: spec.span.start,
                end,
            };
        }
    }
    let (ty, source_type) = L::data_type(cx, spec, false)?;
    let mut col = ColumnDef {
        name,
        ty,
        source_type,
        not_null: false,
        default: None,
        identity: None,
        computed: None,
        span: Span::new(l, r),
    };
    let mut cons = Vec::new();
    for o in opts {
        match o {
            ColOpt::Collate(c) => {
                let upper = c.value.to_ascii_uppercase();
                if let DataType::String { collation, .. } = &mut col.ty {
                    *collation = Some(if upper.contains("_BIN") {
                        Collation::Binary
                    } else if upper.contains("_CS") {
                        Collation::BinaryRtrim
                    } else {
                        Collation::CaseInsensitiveRtrim
                    });
                }
            }
            ColOpt::Identity(seed, inc) => col.identity = Some((seed, inc)),
            ColOpt::Null => col.not_null = false,
            ColOpt::NotNull => col.not_null = true,
            ColOpt::Default(e) => col.default = Some(e),
            ColOpt::Nothing => {}
            ColOpt::Constraint(name, body, span) => {
                let one = vec![col.name.clone()];
                cons.push(match body {
                    ColCons::PrimaryKey => {
                        col.not_null = true;
                        Constraint::PrimaryKey {
                            name,
                            columns: one,
                            span,
                        }
                    }
                    ColCons::Unique => Constraint::Unique {
                        name,
                        columns: one,
                        span,
                    },
                    ColCons::Check(expr) => Constraint::Check { name, expr, span },
                    ColCons::References(references, ref_columns) => Constraint::ForeignKey {
                        name,
                        columns: one,
                        references,
                        ref_columns,
                        span,
                    },
                });
            }
        }
    }
    Ok((col, cons))
}

fn word_check(cx: &Cx, w: Span) -> R<()> {
    word(
        cx,
        w.start as usize,
        w.end as usize,
        COLUMN_WORDS,
        "a column option, `,` or `)`",
    )
}

/// Table-level PRIMARY KEY.
pub fn primary_key(name: Option<Ident>, columns: Vec<Ident>, l: usize, r: usize) -> Constraint {
    Constraint::PrimaryKey {
        name,
        columns,
        span: Span::new(l, r),
    }
}

/// Table-level UNIQUE.
pub fn unique(name: Option<Ident>, columns: Vec<Ident>, l: usize, r: usize) -> Constraint {
    Constraint::Unique {
        name,
        columns,
        span: Span::new(l, r),
    }
}

/// Table-level FOREIGN KEY.
pub fn foreign_key(
    name: Option<Ident>,
    columns: Vec<Ident>,
    (references, ref_columns): (TableName, Vec<Ident>),
    l: usize,
    r: usize,
) -> Constraint {
    Constraint::ForeignKey {
        name,
        columns,
        references,
        ref_columns,
        span: Span::new(l, r),
    }
}

/// Table-level CHECK.
pub fn check(name: Option<Ident>, expr: Expr, l: usize, r: usize) -> Constraint {
    Constraint::Check {
        name,
        expr,
        span: Span::new(l, r),
    }
}

/// A DEFAULT table constraint (`ALTER TABLE t ADD DEFAULT 0 FOR c`): not supported.
pub fn default_constraint(l: usize, r: usize) -> R<()> {
    Err(user(GErr {
        span: Span::new(l, r),
        code: codes::SX2005.code,
        message: "a DEFAULT constraint added with ALTER TABLE is not supported yet".into(),
        hint: Some(
            "declare the default in CREATE TABLE, or set it with ALTER COLUMN … SET DEFAULT by hand",
        ),
    }))
}

/// The value of the DEFAULT-constraint production (never built: its DEFAULT errors).
pub fn unreachable_constraint() -> Constraint {
    Constraint::PrimaryKey {
        name: None,
        columns: Vec::new(),
        span: Span::default(),
    }
}

// ---------- ALTER TABLE ----------

/// ALTER TABLE.
pub fn alter_table(name: TableName, actions: Vec<AlterAction>, l: usize, r: usize) -> Stmt {
    Stmt::new(StmtKind::AlterTable { name, actions }, Span::new(l, r))
}

/// `ADD …`: the new columns first, then the constraints in order.
pub fn add_actions(elems: Vec<Elem>) -> Vec<AlterAction> {
    let mut actions = Vec::new();
    let mut cols = Vec::new();
    for e in elems {
        match e {
            Elem::Column(c, cons) => {
                cols.push(c);
                actions.extend(cons.into_iter().map(AlterAction::AddConstraint));
            }
            Elem::Constraint(c) => actions.push(AlterAction::AddConstraint(c)),
            Elem::Index => {}
        }
    }
    if !cols.is_empty() {
        actions.insert(0, AlterAction::AddColumns(cols));
    }
    actions
}

// ---------- views, indexes, DROP ----------

/// CREATE [OR ALTER] VIEW / ALTER VIEW.
pub fn create_view(
    name: TableName,
    columns: Option<Vec<Ident>>,
    query: Query,
    or_replace: bool,
    l: usize,
    r: usize,
) -> Stmt {
    Stmt::new(
        StmtKind::CreateView {
            name,
            columns: columns.unwrap_or_default(),
            query: Box::new(query),
            or_replace,
        },
        Span::new(l, r),
    )
}

/// CREATE INDEX.
pub fn create_index(
    name: Ident,
    table: TableName,
    columns: Option<Vec<Ident>>,
    unique: bool,
    l: usize,
    r: usize,
) -> Stmt {
    Stmt::new(
        StmtKind::CreateIndex {
            name,
            table,
            columns: columns.unwrap_or_default(),
            unique,
        },
        Span::new(l, r),
    )
}

/// `DROP SCHEMA`.
pub fn drop_schema(cx: &Cx, l: usize, r: usize) -> R<ObjectKind> {
    word(
        cx,
        l,
        r,
        &["SCHEMA"],
        "TABLE, VIEW, PROCEDURE, FUNCTION, INDEX or SCHEMA",
    )?;
    Ok(ObjectKind::Schema)
}

/// `DROP INDEX ix ON t`: the table name becomes the index name's qualifier.
pub fn index_on(mut ix: TableName, table: TableName) -> TableName {
    let mut parts = table.source.parts;
    parts.extend(ix.source.parts);
    ix.source.parts = parts;
    ix
}

/// DROP.
pub fn drop(
    object: ObjectKind,
    names: Vec<TableName>,
    if_exists: bool,
    l: usize,
    r: usize,
) -> Stmt {
    Stmt::new(
        StmtKind::Drop {
            object,
            names,
            if_exists,
        },
        Span::new(l, r),
    )
}

/// Where any word is valid (column and constraint names), lalrpop lists every
/// keyword as expected: keep only the other terminals, so that the message says
/// "a name" (the keywords are names there).
/// Token rewrites before a DDL statement is parsed: drops column words that change
/// nothing ([`drop_column_words`]) and takes `WITH CHECK OPTION` off the end of a view
/// (after a query it would need two tokens of lookahead: GROUP BY … WITH ROLLUP).
/// Returns where the statement really ends when tokens were taken off its end.
pub fn prepare(cx: &Cx, toks: &mut Vec<Spanned>) -> Option<usize> {
    let head = |k: Kw| toks.iter().take(4).any(|t| t.1 == G::T(T::Word(k)));
    if !matches!(
        toks.first().map(|t| t.1),
        Some(G::T(T::Word(Kw::Create | Kw::Alter)))
    ) {
        return None;
    }
    let is_view = head(Kw::View);
    drop_column_words(cx, toks);
    if !is_view {
        return None;
    }
    let n = toks.len();
    let is = |i: usize, k: Kw| toks.get(i).is_some_and(|t| t.1 == G::T(T::Word(k)));
    if n >= 3 && is(n - 3, Kw::With) && is(n - 2, Kw::Check) && is(n - 1, Kw::Option) {
        let end = toks[n - 1].2;
        toks.truncate(n - 3);
        Some(end)
    } else if n >= 2 && is(n - 2, Kw::With) && is(n - 1, Kw::Check) {
        let end = toks[n - 1].2;
        toks.truncate(n - 2);
        Some(end)
    } else {
        None
    }
}

/// Drops keywords from lalrpop's expected list at positions that take any word (they
/// would list every keyword).
pub fn trim_expected(e: ParseError) -> ParseError {
    fn trim(expected: &mut Vec<String>) {
        let has = |w: &str| expected.iter().any(|x| x == w);
        // Only an any-word position expects SELECT and WHERE as well as a name.
        if has("Ident") && has("\"SELECT\"") && has("\"WHERE\"") {
            expected.retain(|x| {
                let inner = x.trim_matches('"');
                !(x.starts_with('"') && inner.chars().all(|c| c.is_ascii_alphabetic() || c == '_'))
            });
        }
    }
    match e {
        ParseError::UnrecognizedToken {
            token,
            mut expected,
        } => {
            trim(&mut expected);
            ParseError::UnrecognizedToken { token, expected }
        }
        ParseError::UnrecognizedEof {
            location,
            mut expected,
        } => {
            trim(&mut expected);
            ParseError::UnrecognizedEof { location, expected }
        }
        e => e,
    }
}

/// Takes the column options ROWGUIDCOL and SPARSE (which change nothing in the
/// output) off a CREATE / ALTER TABLE before parsing: they may appear anywhere in a
/// column's option list, where a word would otherwise need more lookahead.
pub fn drop_column_words(cx: &Cx, toks: &mut Vec<Spanned>) {
    let is_table = toks.iter().take(4).any(|t| t.1 == G::T(T::Word(Kw::Table)))
        && matches!(
            toks.first().map(|t| t.1),
            Some(G::T(T::Word(Kw::Create | Kw::Alter)))
        );
    if !is_table {
        return;
    }
    let mut i = 1;
    while i < toks.len() {
        let (l, g, r) = toks[i];
        let prev = toks[i - 1].1;
        let word = g == G::T(T::Word(Kw::None))
            && COLUMN_WORDS
                .iter()
                .any(|w| cx.text(l, r).eq_ignore_ascii_case(w));
        let after_type_or_option = matches!(
            prev,
            G::T(T::RParen | T::Word(_) | T::Bracketed(true) | T::DQuoted(true))
        ) && !matches!(
            prev,
            G::T(T::Word(
                Kw::Add | Kw::Column | Kw::Table | Kw::Constraint | Kw::References | Kw::On
            ))
        ) && i >= 3;
        if word && after_type_or_option {
            toks.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, stmts};
    use sqlxlate_diagnostics::Severity;
    use sqlxlate_ir::{AlterAction, StmtKind};

    fn kinds(src: &str) -> (Vec<StmtKind>, Vec<String>) {
        let (m, d) = run(src);
        let k = stmts(&m).iter().map(|s| s.kind.clone()).collect();
        let e = d
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code.to_string())
            .collect();
        (k, e)
    }

    #[test]
    fn alter_table_actions_stay_one_statement() {
        let (k, e) = kinds(
            "ALTER TABLE t DROP COLUMN a, b\nALTER TABLE t ALTER COLUMN c INT NOT NULL\n\
             ALTER TABLE t WITH CHECK ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (a) ON DELETE SET NULL ON UPDATE CASCADE\n\
             ALTER TABLE t DROP CONSTRAINT IF EXISTS ck\nSELECT 1",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(k.len(), 5, "{k:#?}");
        assert!(
            matches!(&k[0], StmtKind::AlterTable { actions, .. } if matches!(&actions[..], [AlterAction::DropColumns(v)] if v.len() == 2))
        );
        assert!(
            matches!(&k[1], StmtKind::AlterTable { actions, .. } if matches!(&actions[..], [AlterAction::AlterColumn(c)] if c.not_null))
        );
        assert!(matches!(&k[2], StmtKind::AlterTable { .. }));
        assert!(matches!(&k[3], StmtKind::AlterTable { .. }));
        assert!(matches!(&k[4], StmtKind::Query(_)));
    }

    #[test]
    fn unsupported_alter_table_parts_keep_their_codes() {
        let (k, e) = kinds("ALTER TABLE t SWITCH PARTITION 1 TO t2\nSELECT 1");
        assert_eq!(e, ["SX2005"]);
        assert!(matches!(k.last(), Some(StmtKind::Query(_))));
        let (k, e) = kinds("ALTER TABLE t ADD DEFAULT ((0)) FOR a\nSELECT 1");
        assert_eq!(e, ["SX2005"]);
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn views_with_options_ctes_and_check_option() {
        let (k, e) = kinds(
            "CREATE VIEW v WITH SCHEMABINDING AS WITH c AS (SELECT 1 AS x) SELECT x FROM c GROUP BY x WITH ROLLUP\n\
             CREATE OR ALTER VIEW w (a) AS SELECT 1 WITH CHECK OPTION\nSELECT 2",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(k.len(), 3, "{k:#?}");
        assert!(matches!(
            &k[0],
            StmtKind::CreateView {
                or_replace: false,
                ..
            }
        ));
        assert!(
            matches!(&k[1], StmtKind::CreateView { or_replace: true, columns, .. } if columns.len() == 1)
        );
    }

    #[test]
    fn drop_if_exists_and_column_words() {
        let (k, e) = kinds(
            "DROP TABLE IF EXISTS #t, dbo.x\nDROP INDEX ix ON dbo.t\n\
             CREATE TABLE t (g UNIQUEIDENTIFIER NOT NULL ROWGUIDCOL, h VARCHAR(10) SPARSE NULL, sparse INT)",
        );
        assert!(e.is_empty(), "{e:?}");
        assert!(matches!(&k[0], StmtKind::Drop { if_exists: true, names, .. } if names.len() == 2));
        assert!(matches!(&k[1], StmtKind::Drop { names, .. } if names[0].source.parts.len() == 3));
        assert!(
            matches!(&k[2], StmtKind::CreateTable(t) if t.columns.len() == 3 && t.columns[0].not_null)
        );
    }
}
