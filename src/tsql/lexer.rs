//! The T-SQL lexer (logos). Tokens carry no data beyond small `Copy` payloads; their
//! text is always a borrowed slice of the source, so lexing allocates nothing per token.
//!
//! Keywords are decided in the identifier callback with an exact ASCII
//! case-insensitive lookup ([`Kw::lookup`]), not with `ignore(case)` tokens: that keeps
//! the generated automaton small and does not fold Unicode (`ſelect` is an identifier).

use logos::{Lexer, Logos};

/// One token kind. The text is `&src[start..end]` of the [`Tok`] that holds it.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r\n\f\v\x{A0}\x{2000}-\x{200B}\x{2028}\x{2029}\x{3000}\x{FEFF}]+")]
pub enum T {
    /// An identifier or keyword (`Kw::None` for a plain identifier).
    #[regex(r"[A-Za-z_\x{80}-\x{9F}\x{A1}-\x{1FFF}\x{200C}-\x{2027}\x{202A}-\x{2FFF}\x{3001}-\x{FEFE}\x{FF00}-\x{10FFFF}][A-Za-z0-9_@$#\x{80}-\x{9F}\x{A1}-\x{1FFF}\x{200C}-\x{2027}\x{202A}-\x{2FFF}\x{3001}-\x{FEFE}\x{FF00}-\x{10FFFF}]*", word)]
    Word(Kw),
    /// `[bracketed]` identifier; `false` when unterminated.
    #[token("[", bracketed)]
    Bracketed(bool),
    /// `"quoted"` identifier; `false` when unterminated.
    #[token("\"", dquoted)]
    DQuoted(bool),
    /// `@name`.
    #[regex(r"@[A-Za-z0-9_@$#\x{80}-\x{9F}\x{A1}-\x{1FFF}\x{200C}-\x{2027}\x{202A}-\x{2FFF}\x{3001}-\x{FEFE}\x{FF00}-\x{10FFFF}]+")]
    Var,
    /// `@@name`.
    #[regex(r"@@[A-Za-z0-9_]+", priority = 10)]
    GlobalVar,
    /// `#temp` or `##temp`.
    #[regex(r"##?[A-Za-z0-9_@$#]+")]
    TempName,
    /// `'string'`; `false` when unterminated.
    #[token("'", squoted)]
    Str(bool),
    /// `N'string'`; `false` when unterminated.
    #[token("N'", squoted)]
    #[token("n'", squoted)]
    NStr(bool),
    /// Integer.
    #[regex(r"[0-9]+", priority = 5)]
    Int,
    /// Decimal `1.5`, `1.`, `.5`.
    #[regex(r"[0-9]+\.[0-9]*|\.[0-9]+")]
    Dec,
    /// Float `1.5E3`.
    #[regex(r"([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+")]
    Float,
    /// Money `$12.50`.
    #[regex(r"\$[0-9]+(\.[0-9]*)?")]
    Money,
    /// Binary `0x0A0B`.
    #[regex(r"0[xX][0-9A-Fa-f]*")]
    Binary,
    /// sqlcmd variable `$(name)`.
    #[regex(r"\$\([A-Za-z0-9_]+\)")]
    SqlcmdVar,
    /// `-- …` to end of line.
    #[regex(r"--[^\r\n]*", allow_greedy = true)]
    LineComment,
    /// `/* … */`, nested; `false` when unterminated.
    #[token("/*", block_comment)]
    BlockComment(bool),
    /// `(`
    #[token("(")]
    LParen,
    /// `)`
    #[token(")")]
    RParen,
    /// `,`
    #[token(",")]
    Comma,
    /// `.`
    #[token(".")]
    Dot,
    /// `;`
    #[token(";")]
    Semi,
    /// `:`
    #[token(":")]
    Colon,
    /// `::`
    #[token("::")]
    ColonColon,
    /// `=`
    #[token("=")]
    Eq,
    /// `<>` or `!=`
    #[token("<>")]
    #[token("!=")]
    NotEq,
    /// `<`
    #[token("<")]
    Lt,
    /// `<=` or `!>`
    #[token("<=")]
    #[token("!>")]
    LtEq,
    /// `>`
    #[token(">")]
    Gt,
    /// `>=` or `!<`
    #[token(">=")]
    #[token("!<")]
    GtEq,
    /// `+`
    #[token("+")]
    Plus,
    /// `-`
    #[token("-")]
    Minus,
    /// `*`
    #[token("*")]
    Star,
    /// `/`
    #[token("/")]
    Slash,
    /// `%`
    #[token("%")]
    Percent,
    /// `&`
    #[token("&")]
    Amp,
    /// `|`
    #[token("|")]
    Pipe,
    /// `^`
    #[token("^")]
    Caret,
    /// `~`
    #[token("~")]
    Tilde,
    /// Compound assignment `+=`, `-=`, `*=`, `/=`, `%=`, `&=`, `|=`, `^=`.
    #[regex(r"[-+*/%&|^]=")]
    OpAssign,
    /// Anything the lexer does not recognise (one character).
    Error,
}

fn word(lex: &mut Lexer<T>) -> Kw {
    Kw::lookup(lex.slice())
}

fn bracketed(lex: &mut Lexer<T>) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == b']' {
            if rest.get(i + 1) == Some(&b']') {
                i += 2;
                continue;
            }
            lex.bump(i + 1);
            return true;
        }
        i += 1;
    }
    lex.bump(rest.len());
    false
}

fn quoted_by(lex: &mut Lexer<T>, q: u8) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == q {
            if rest.get(i + 1) == Some(&q) {
                i += 2;
                continue;
            }
            lex.bump(i + 1);
            return true;
        }
        i += 1;
    }
    lex.bump(rest.len());
    false
}

fn dquoted(lex: &mut Lexer<T>) -> bool {
    quoted_by(lex, b'"')
}

fn squoted(lex: &mut Lexer<T>) -> bool {
    quoted_by(lex, b'\'')
}

fn block_comment(lex: &mut Lexer<T>) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut depth = 1usize;
    let mut i = 0;
    while i + 1 < rest.len() {
        match (rest[i], rest[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    lex.bump(i);
                    return true;
                }
            }
            _ => i += 1,
        }
    }
    lex.bump(rest.len());
    false
}

/// A token with its byte range in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Kind.
    pub t: T,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// Lexes `src[from..to]` and appends tokens (offsets relative to `src`).
pub fn lex_into(src: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    let mut lex = T::lexer(&src[from..to]);
    while let Some(r) = lex.next() {
        let span = lex.span();
        let t = r.unwrap_or(T::Error);
        out.push(Tok {
            t,
            start: (from + span.start) as u32,
            end: (from + span.end) as u32,
        });
    }
}

macro_rules! keywords {
    ($( $v:ident = $s:literal $(, $res:ident)? ;)*) => {
        /// Keywords (decided by exact ASCII case-insensitive lookup).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Kw { None, $($v,)* }
        impl Kw {
            /// The keyword spelled by `s`, or `Kw::None`.
            pub fn lookup(s: &str) -> Kw {
                // The table is sorted by length, then spelling (checked by a test), so
                // most comparisons are decided by length without a memcmp.
                const TABLE: &[(&str, Kw)] = &[$( ($s, Kw::$v), )*];
                let b = s.as_bytes();
                if b.len() > 24 || b.len() < 2 { return Kw::None; }
                let mut buf = [0u8; 24];
                for (d, c) in buf.iter_mut().zip(b) { *d = c.to_ascii_uppercase(); }
                let key = &buf[..b.len()];
                match TABLE.binary_search_by(|(k, _)| k.len().cmp(&key.len()).then_with(|| k.as_bytes().cmp(key))) {
                    Ok(i) => TABLE[i].1,
                    Err(_) => Kw::None,
                }
            }
            /// The keyword table, in lookup order.
            #[cfg(test)]
            pub fn table() -> Vec<&'static str> { vec![$($s),*] }
            /// True for keywords T-SQL reserves (never an alias or bare name).
            pub fn is_reserved(self) -> bool {
                match self {
                    $( Kw::$v => keywords!(@res $($res)?), )*
                    Kw::None => false,
                }
            }
        }
    };
    (@res R) => { true };
    (@res) => { false };
}

keywords! {
    As = "AS", R; By = "BY", R; Go = "GO"; If = "IF", R; In = "IN", R; Is = "IS", R; Of = "OF", R;
    On = "ON", R; Or = "OR", R; To = "TO", R; Add = "ADD", R; All = "ALL", R; And = "AND", R;
    Any = "ANY", R; Asc = "ASC", R; End = "END", R; For = "FOR", R; Key = "KEY", R;
    Not = "NOT", R; Row = "ROW"; Set = "SET", R; Top = "TOP", R; Try = "TRY"; Use = "USE", R;
    Bulk = "BULK", R; Case = "CASE", R; Cast = "CAST"; Cube = "CUBE"; Dbcc = "DBCC", R;
    Deny = "DENY", R; Desc = "DESC", R; Drop = "DROP", R; Else = "ELSE", R; Exec = "EXEC", R;
    From = "FROM", R; Full = "FULL", R; Goto = "GOTO", R; Into = "INTO", R; Join = "JOIN", R;
    Kill = "KILL", R; Left = "LEFT", R; Like = "LIKE", R; Next = "NEXT"; Null = "NULL", R;
    Only = "ONLY"; Open = "OPEN", R; Over = "OVER", R; Proc = "PROC", R; Rows = "ROWS";
    Save = "SAVE", R; Sets = "SETS"; Then = "THEN", R; Ties = "TIES"; Tran = "TRAN", R;
    View = "VIEW", R; When = "WHEN", R; With = "WITH", R; Alter = "ALTER", R; Apply = "APPLY";
    Begin = "BEGIN", R; Break = "BREAK", R; Catch = "CATCH"; Check = "CHECK", R;
    Close = "CLOSE", R; Cross = "CROSS", R; Fetch = "FETCH", R; First = "FIRST";
    Grant = "GRANT", R; Group = "GROUP", R; Index = "INDEX", R; Inner = "INNER", R;
    Merge = "MERGE", R; Nulls = "NULLS"; Order = "ORDER", R; Outer = "OUTER", R;
    Pivot = "PIVOT", R; Print = "PRINT", R; Range = "RANGE"; Right = "RIGHT", R;
    Table = "TABLE", R; Throw = "THROW"; Union = "UNION", R; Using = "USING"; Where = "WHERE", R;
    While = "WHILE", R; Backup = "BACKUP", R; Column = "COLUMN", R; Commit = "COMMIT", R;
    Create = "CREATE", R; Cursor = "CURSOR", R; Delete = "DELETE", R; Escape = "ESCAPE", R;
    Except = "EXCEPT", R; Exists = "EXISTS", R; Having = "HAVING", R; Insert = "INSERT", R;
    Offset = "OFFSET"; Option = "OPTION", R; Return = "RETURN", R; Revert = "REVERT", R;
    Revoke = "REVOKE", R; Rollup = "ROLLUP"; Select = "SELECT", R; Source = "SOURCE";
    Target = "TARGET"; Unique = "UNIQUE", R; Update = "UPDATE", R; Values = "VALUES", R;
    Window = "WINDOW"; Within = "WITHIN"; Between = "BETWEEN", R; Cascade = "CASCADE", R;
    Collate = "COLLATE", R; Convert = "CONVERT", R; Current = "CURRENT", R;
    Declare = "DECLARE", R; Default = "DEFAULT", R; Execute = "EXECUTE", R;
    Foreign = "FOREIGN", R; Matched = "MATCHED"; Percent = "PERCENT", R; Primary = "PRIMARY", R;
    Restore = "RESTORE", R; Setuser = "SETUSER", R; Trigger = "TRIGGER", R;
    Unpivot = "UNPIVOT", R; Waitfor = "WAITFOR", R; Continue = "CONTINUE", R;
    Distinct = "DISTINCT", R; Function = "FUNCTION", R; Grouping = "GROUPING";
    Identity = "IDENTITY", R; Rollback = "ROLLBACK", R; Shutdown = "SHUTDOWN", R;
    Truncate = "TRUNCATE", R; TryCast = "TRY_CAST"; Clustered = "CLUSTERED", R;
    Following = "FOLLOWING"; Intersect = "INTERSECT", R; Partition = "PARTITION";
    Preceding = "PRECEDING"; Procedure = "PROCEDURE", R; Raiserror = "RAISERROR", R;
    Recursive = "RECURSIVE"; Unbounded = "UNBOUNDED"; Checkpoint = "CHECKPOINT", R;
    Constraint = "CONSTRAINT", R; Deallocate = "DEALLOCATE", R; References = "REFERENCES", R;
    Reconfigure = "RECONFIGURE", R; Transaction = "TRANSACTION", R; TryConvert = "TRY_CONVERT";
    Nonclustered = "NONCLUSTERED", R; CurrentTimestamp = "CURRENT_TIMESTAMP", R;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(T, &str)> {
        let mut v = Vec::new();
        lex_into(s, 0, s.len(), &mut v);
        v.iter()
            .map(|t| (t.t, &s[t.start as usize..t.end as usize]))
            .collect()
    }

    #[test]
    fn keyword_table_is_sorted_for_binary_search() {
        let t = Kw::table();
        let mut sorted = t.clone();
        sorted.sort_by_key(|k| (k.len(), *k));
        assert_eq!(t, sorted);
        for k in t {
            assert_ne!(Kw::lookup(&k.to_ascii_lowercase()), Kw::None, "{k}");
        }
    }

    #[test]
    fn keywords_are_ascii_case_insensitive_only() {
        assert_eq!(kinds("sElEcT")[0].0, T::Word(Kw::Select));
        assert_eq!(kinds("ſelect")[0].0, T::Word(Kw::None));
        assert_eq!(kinds("selects")[0].0, T::Word(Kw::None));
    }

    #[test]
    fn lexes_identifiers_variables_and_literals() {
        let k =
            kinds("[a]]b] \"q\" @v @@ROWCOUNT #t ##g N'x''y' 'z' 12 1.5 1.5E3 $12.50 0x0A :: $(v)");
        let ts: Vec<T> = k.iter().map(|x| x.0).collect();
        assert_eq!(
            ts,
            vec![
                T::Bracketed(true),
                T::DQuoted(true),
                T::Var,
                T::GlobalVar,
                T::TempName,
                T::TempName,
                T::NStr(true),
                T::Str(true),
                T::Int,
                T::Dec,
                T::Float,
                T::Money,
                T::Binary,
                T::ColonColon,
                T::SqlcmdVar,
            ]
        );
        assert_eq!(k[0].1, "[a]]b]");
        assert_eq!(k[6].1, "N'x''y'");
    }

    #[test]
    fn nested_block_comments_and_crlf() {
        let k = kinds("/* a /* b */ c */\r\nSELECT -- x\r\n1");
        assert_eq!(k[0], (T::BlockComment(true), "/* a /* b */ c */"));
        assert_eq!(k[1].0, T::Word(Kw::Select));
        assert_eq!(k[2], (T::LineComment, "-- x"));
        assert_eq!(k[3], (T::Int, "1"));
        assert_eq!(kinds("/* open")[0].0, T::BlockComment(false));
        assert_eq!(kinds("'open")[0].0, T::Str(false));
    }

    #[test]
    fn unicode_identifiers_and_whitespace() {
        let k = kinds("SELECT\u{a0}naïve, 日本 FROM\u{3000}t");
        let texts: Vec<&str> = k.iter().map(|x| x.1).collect();
        assert_eq!(texts, vec!["SELECT", "naïve", ",", "日本", "FROM", "t"]);
    }

    #[test]
    fn unknown_characters_become_error_tokens() {
        let k = kinds("a ` b");
        assert_eq!(k[1].0, T::Error);
        assert_eq!(k[2].0, T::Word(Kw::None));
    }
}
