//! The bridge between the logos lexer and the lalrpop grammar (`grammars/tsql.lalrpop`):
//! the grammar's token type, the token adapter, the parse context and the error type.
//!
//! The adapter turns the significant tokens of one statement into the grammar's
//! input. It also decides the few places where T-SQL needs more than one token of
//! lookahead, so that the grammar stays LR(1):
//! - a `WITH (` or `OPTION (` group, and an old-style table hint `(NOLOCK)`, become
//!   one token each (their contents are options the output drops or re-derives);
//! - `FOR XML` / `FOR JSON` stop the parse with an "unsupported" error;
//! - nesting deeper than [`MAX_DEPTH`] stops the parse (the IR and every pass are
//!   recursive, so depth is capped before the tree exists).

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::Ident;

use super::lexer::{Kw, Tok, T};

/// Maximum nesting of parentheses, CASE and prefix operators in one statement.
pub const MAX_DEPTH: u32 = 64;

/// A grammar token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum G {
    /// A lexer token, passed through.
    T(T),
    /// `WITH ( … )` as one token (table hints, table and index options).
    WithGroup,
    /// `( NOLOCK … )` directly after a table name: an old-style table hint.
    HintGroup,
    /// `OPTION ( … )` query hints.
    OptionGroup,
    /// Synthetic first token: parse a condition (IF / WHILE), not a statement.
    CondStart,
}

/// A `(start, token, end)` triple as lalrpop expects from an external lexer.
pub type Spanned = (usize, G, usize);

/// A parse failure with its location (byte offsets into the decoded text).
#[derive(Debug, Clone)]
pub struct GErr {
    /// Where.
    pub span: Span,
    /// Diagnostic code.
    pub code: &'static str,
    /// Message.
    pub message: String,
    /// Hint.
    pub hint: Option<&'static str>,
}

impl GErr {
    /// An "unsupported" error with a hint.
    pub fn unsupported(span: Span, message: impl Into<String>, hint: &'static str) -> GErr {
        GErr {
            span,
            code: codes::SX2007.code,
            message: message.into(),
            hint: Some(hint),
        }
    }
}

/// The lalrpop error type for this grammar.
pub type ParseError = lalrpop_util::ParseError<usize, G, GErr>;

/// What grammar actions can read and write: the source text and the diagnostics
/// (informational and warning; errors are [`GErr`] values).
pub struct Cx<'s> {
    /// The decoded text of the file.
    pub src: &'s str,
    /// Diagnostics produced while parsing.
    pub diags: Vec<Diagnostic>,
}

impl<'s> Cx<'s> {
    /// A context over `src`.
    pub fn new(src: &'s str) -> Cx<'s> {
        Cx {
            src,
            diags: Vec::new(),
        }
    }
    /// The text between two byte offsets.
    pub fn text(&self, l: usize, r: usize) -> &'s str {
        self.src.get(l..r).unwrap_or("")
    }
    /// An identifier from a name token (bracketed and double-quoted ones unquoted).
    pub fn ident(&self, l: usize, r: usize) -> Ident {
        let raw = self.text(l, r);
        let span = Span::new(l, r);
        if raw.starts_with('[') {
            Ident {
                value: super::parse::unquote(raw, ']'),
                quoted: true,
                span,
            }
        } else if raw.starts_with('"') {
            Ident {
                value: super::parse::unquote(raw, '"'),
                quoted: true,
                span,
            }
        } else {
            Ident::new(raw, span)
        }
    }
    /// An identifier from a `'string'` token (a column alias written as a string).
    pub fn str_ident(&self, l: usize, r: usize) -> Ident {
        let raw = self.text(l, r);
        let v = raw
            .get(1..raw.len().saturating_sub(1))
            .unwrap_or("")
            .replace("''", "'");
        Ident {
            value: v,
            quoted: true,
            span: Span::new(l, r),
        }
    }
    /// Records an informational or warning diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
}

/// Words that make a parenthesised group after a table name an old-style table hint.
const OLD_HINTS: &[&str] = &[
    "NOLOCK",
    "READUNCOMMITTED",
    "UPDLOCK",
    "HOLDLOCK",
    "ROWLOCK",
    "TABLOCK",
    "TABLOCKX",
    "READPAST",
    "XLOCK",
    "PAGLOCK",
    "NOWAIT",
];

/// Index of the token closing the parenthesis at `open`, if any.
fn close_of(toks: &[Tok], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate().skip(open) {
        match t.t {
            T::LParen => depth += 1,
            T::RParen => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn tspan(t: &Tok) -> Span {
    Span::new(t.start as usize, t.end as usize)
}

/// Converts the significant tokens of one statement into grammar tokens.
pub fn adapt(src: &str, toks: &[Tok]) -> Result<Vec<Spanned>, GErr> {
    let text = |t: &Tok| src.get(t.start as usize..t.end as usize).unwrap_or("");
    let mut out = Vec::with_capacity(toks.len());
    let mut depth = 0u32;
    let mut prefix_run = 0u32;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let next = toks.get(i + 1).map(|n| n.t);
        // Groups collapsed into one token.
        let group = match t.t {
            T::Word(Kw::With) if next == Some(T::LParen) => Some(G::WithGroup),
            T::Word(Kw::Option) if next == Some(T::LParen) => Some(G::OptionGroup),
            T::LParen
                if i > 0
                    && matches!(
                        toks[i - 1].t,
                        T::Word(_) | T::Bracketed(true) | T::DQuoted(true) | T::TempName
                    )
                    && toks.get(i + 1).is_some_and(|n| {
                        matches!(n.t, T::Word(_))
                            && OLD_HINTS.iter().any(|h| text(n).eq_ignore_ascii_case(h))
                    }) =>
            {
                Some(G::HintGroup)
            }
            _ => None,
        };
        if let Some(g) = group {
            let open = if g == G::HintGroup { i } else { i + 1 };
            let Some(close) = close_of(toks, open) else {
                let last = toks.last().map(tspan).unwrap_or_default();
                return Err(GErr {
                    span: Span::new(last.end as usize, last.end as usize),
                    code: codes::SX1001.code,
                    message: "expected `)`, found the end of the statement".into(),
                    hint: Some("close the parenthesis"),
                });
            };
            out.push((t.start as usize, g, toks[close].end as usize));
            i = close + 1;
            prefix_run = 0;
            continue;
        }
        match t.t {
            T::Word(Kw::For)
                if toks.get(i + 1).is_some_and(|n| {
                    matches!(n.t, T::Word(_))
                        && (text(n).eq_ignore_ascii_case("XML")
                            || text(n).eq_ignore_ascii_case("JSON"))
                }) =>
            {
                return Err(GErr::unsupported(
                    tspan(&t),
                    "FOR XML / FOR JSON is not supported (XML and JSON features are out of scope)",
                    "build the document with to_json / string functions by hand",
                ));
            }
            T::LParen | T::Word(Kw::Case) => depth += 1,
            T::RParen => depth = depth.saturating_sub(1),
            T::Word(Kw::End) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if matches!(t.t, T::Word(Kw::Not) | T::Minus | T::Plus | T::Tilde) {
            prefix_run += 1;
        } else {
            prefix_run = 0;
        }
        if depth + prefix_run > MAX_DEPTH {
            return Err(GErr {
                span: tspan(&t),
                code: codes::SX1002.code,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                hint: Some("simplify the statement, for example with CTEs or variables"),
            });
        }
        out.push((t.start as usize, G::T(t.t), t.end as usize));
        i += 1;
    }
    Ok(out)
}

/// Turns a lalrpop error into a [`GErr`]. `end` is where the statement ends (for
/// "unexpected end" errors).
pub fn convert_error(src: &str, e: ParseError, end: usize) -> GErr {
    use lalrpop_util::ParseError as P;
    match e {
        P::User { error } => error,
        P::InvalidToken { location } => GErr {
            span: Span::new(location, location + 1),
            code: codes::SX0100.code,
            message: "unrecognised input".into(),
            hint: Some("remove or fix the character"),
        },
        P::UnrecognizedEof { expected, .. } => GErr {
            span: Span::new(end, end),
            code: codes::SX1001.code,
            message: format!(
                "expected {}, found the end of the statement",
                describe_expected(&expected)
            ),
            hint: None,
        },
        P::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => unexpected(src, l, tok, r, &expected),
        P::ExtraToken { token: (l, tok, r) } => unexpected(src, l, tok, r, &[]),
    }
}

/// The diagnostic for a token that is broken in itself (an unrecognised character,
/// an unterminated string or quoted name, a sqlcmd variable), whatever was expected.
pub fn broken_token(t: T, found: &str) -> Option<(&'static str, String, &'static str)> {
    Some(match t {
        T::Error => (
            codes::SX0100.code,
            // Escaped: the character may be a control character (NUL).
            format!("unrecognised character `{}`", found.escape_debug()),
            "remove or fix the character",
        ),
        T::Str(false) | T::NStr(false) | T::Bracketed(false) | T::DQuoted(false) => (
            codes::SX0101.code,
            "unterminated string or quoted identifier".to_string(),
            "close the string or identifier",
        ),
        T::SqlcmdVar => (
            codes::SX0103.code,
            format!("sqlcmd variable `{found}` cannot be converted"),
            "substitute the variable's value before converting",
        ),
        _ => return None,
    })
}

/// A token's text as shown in a message: its first line, at most 40 characters.
pub fn shown(found: &str) -> String {
    let first_line = found.lines().next().unwrap_or("");
    let mut shown: String = first_line.chars().take(40).collect();
    if shown.len() < found.len() {
        shown.push('…');
    }
    shown
}

fn unexpected(src: &str, l: usize, tok: G, r: usize, expected: &[String]) -> GErr {
    let span = Span::new(l, r);
    let found = src.get(l..r).unwrap_or("");
    if let G::T(t) = tok {
        if let Some((code, message, hint)) = broken_token(t, found) {
            return GErr {
                span,
                code,
                message,
                hint: Some(hint),
            };
        }
    }
    let message = if expected.is_empty() {
        format!("unexpected `{}`", shown(found))
    } else {
        format!(
            "expected {}, found `{}`",
            describe_expected(expected),
            shown(found)
        )
    };
    GErr {
        span,
        code: codes::SX1001.code,
        message,
        hint: None,
    }
}

/// A readable summary of lalrpop's expected-terminal list.
fn describe_expected(expected: &[String]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut expression = false;
    let mut name = false;
    for e in expected {
        match e.as_str() {
            "Ident" | "QIdent" | "DQIdent" => name = true,
            "Int" | "Str" => expression = true,
            "Dec" | "Float" | "Money" | "Binary" | "NStr" | "Var" | "GlobalVar" | "TempName"
            | "WithGroup" | "HintGroup" | "OptionGroup" | "OpAssign" => {}
            s => {
                let s = s.trim_matches('"');
                let kw = Kw::lookup(s);
                if kw != Kw::None && !kw.is_reserved() {
                    // Non-reserved keywords are also names: listed as "a name".
                    name = true;
                    continue;
                }
                words.push(format!("`{s}`"));
            }
        }
    }
    // Operators that could continue an expression are noise when something else was
    // expected too (`(a + 1 FROM` lacks a `)`, not an `OR`).
    const CONTINUATIONS: &[&str] = &[
        "`OR`",
        "`AND`",
        "`+`",
        "`-`",
        "`*`",
        "`/`",
        "`%`",
        "`&`",
        "`|`",
        "`^`",
        "`COLLATE`",
        "`IS`",
        "`IN`",
        "`LIKE`",
        "`BETWEEN`",
        "`NOT`",
        "`=`",
        "`<>`",
        "`<`",
        "`<=`",
        "`>`",
        "`>=`",
    ];
    if words.iter().any(|w| !CONTINUATIONS.contains(&w.as_str())) || expression || name {
        words.retain(|w| !CONTINUATIONS.contains(&w.as_str()));
    }
    if expression {
        // Tokens that start an expression are summed up by "an expression".
        const STARTERS: &[&str] = &[
            "`(`",
            "`-`",
            "`+`",
            "`~`",
            "`NULL`",
            "`CASE`",
            "`EXISTS`",
            "`CAST`",
            "`CONVERT`",
            "`TRY_CAST`",
            "`TRY_CONVERT`",
            "`LEFT`",
            "`RIGHT`",
            "`CURRENT_TIMESTAMP`",
            "`NOT`",
        ];
        words.retain(|w| !STARTERS.contains(&w.as_str()));
        words.insert(0, "an expression".into());
    } else if name {
        words.insert(0, "a name".into());
    }
    match words.len() {
        0 => "something else".into(),
        1 => words.remove(0),
        n if n <= 6 => {
            let last = words.pop().unwrap_or_default();
            format!("{} or {last}", words.join(", "))
        }
        _ => format!("one of {}, …", words[..6].join(", ")),
    }
}
