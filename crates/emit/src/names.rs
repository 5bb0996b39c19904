//! Identifiers and table names: quoting and the target spelling of names.

use sqlxlate_ir::{Ident, ObjectName, TableName};

/// Words that must be back-quoted when used as identifiers: Spark's ANSI reserved
/// keywords plus the clause words that would be read as syntax after a name.
const RESERVED: &[&str] = &[
    "all",
    "and",
    "anti",
    "any",
    "as",
    "authorization",
    "between",
    "both",
    "by",
    "case",
    "cast",
    "check",
    "cluster",
    "collate",
    "column",
    "constraint",
    "create",
    "cross",
    "cube",
    "current",
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "distinct",
    "distribute",
    "div",
    "else",
    "end",
    "escape",
    "except",
    "exists",
    "false",
    "fetch",
    "filter",
    "for",
    "foreign",
    "from",
    "full",
    "grant",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "inner",
    "intersect",
    "interval",
    "into",
    "is",
    "join",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "minus",
    "natural",
    "not",
    "null",
    "nulls",
    "of",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "over",
    "overlaps",
    "partition",
    "pivot",
    "primary",
    "qualify",
    "range",
    "references",
    "regexp",
    "right",
    "rlike",
    "rollup",
    "rows",
    "select",
    "semi",
    "session_user",
    "set",
    "some",
    "sort",
    "table",
    "then",
    "time",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "unknown",
    "unpivot",
    "user",
    "using",
    "values",
    "when",
    "where",
    "window",
    "with",
];

/// True when `s` can be printed without back-quotes.
pub(crate) fn is_plain(s: &str) -> bool {
    let mut chars = s.chars();
    let first_ok = matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_');
    first_ok
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !RESERVED.contains(&s.to_ascii_lowercase().as_str())
}

/// Prints one identifier part, back-quoted when needed (a back-quote inside is doubled).
pub(crate) fn quote(s: &str) -> String {
    if is_plain(s) {
        s.to_string()
    } else {
        format!("`{}`", s.replace('`', "``"))
    }
}

/// Prints an identifier.
pub(crate) fn ident(i: &Ident) -> String {
    quote(&i.value)
}

/// Prints identifiers separated by `, `.
pub(crate) fn ident_list(ids: &[Ident]) -> String {
    ids.iter().map(ident).collect::<Vec<_>>().join(", ")
}

/// Prints qualifier parts and a name joined by dots.
pub(crate) fn dotted(parts: &[Ident]) -> String {
    parts.iter().map(ident).collect::<Vec<_>>().join(".")
}

/// The target spelling of a table name: `catalog.schema.name` once the naming pass
/// has filled `target`, otherwise the source name's last part.
pub(crate) fn table(t: &TableName) -> String {
    match &t.target {
        Some(tn) => {
            let mut parts = Vec::new();
            if let Some(c) = &tn.catalog {
                parts.push(quote(c));
            }
            if let Some(s) = &tn.schema {
                parts.push(quote(s));
            }
            parts.push(quote(&tn.name));
            parts.join(".")
        }
        None => quote(t.source.name()),
    }
}

/// True when the table is session-scoped (a temporary view on the target).
pub(crate) fn is_session_scoped(t: &TableName) -> bool {
    match &t.target {
        Some(tn) => tn.catalog.is_none(),
        None => !matches!(t.kind, sqlxlate_ir::TableKind::Permanent),
    }
}

/// True for a temp table (`#t`, `##t`): printed as a materialised table.
pub(crate) fn is_temp_table(t: &TableName) -> bool {
    matches!(
        t.kind,
        sqlxlate_ir::TableKind::Temp | sqlxlate_ir::TableKind::GlobalTemp
    )
}

/// A variable's target name: `v_` and the source name.
pub(crate) fn variable(name: &str) -> String {
    quote(&format!("v_{name}"))
}

/// A user-defined function's target name: every part of the name, lower-cased and
/// quoted where needed. After the naming pass a schema-qualified name is already the
/// target name (`main.dbo.fn_age`); a one-part name prints as itself.
pub(crate) fn function(name: &ObjectName) -> String {
    if name.parts.is_empty() {
        return quote("");
    }
    name.parts
        .iter()
        .map(|p| quote(&p.value.to_ascii_lowercase()))
        .collect::<Vec<_>>()
        .join(".")
}

/// True when a function prints as a catalog object rather than a session (temporary)
/// function: its name is qualified (the naming pass qualifies every persistent one).
pub(crate) fn is_catalog_function(name: &ObjectName) -> bool {
    name.parts.len() > 1
}

/// A procedure's target name: the source name's last part, lower-cased; schema parts
/// are dropped because procedures are created in the session's current schema.
pub(crate) fn routine(name: &ObjectName) -> String {
    quote(&name.name().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote("member_id"), "member_id");
        assert_eq!(quote("Order Details"), "`Order Details`");
        assert_eq!(quote("select"), "`select`");
        assert_eq!(quote("1abc"), "`1abc`");
        assert_eq!(quote("a`b"), "`a``b`");
        assert_eq!(variable("x"), "v_x");
        assert_eq!(variable("x$y"), "`v_x$y`");
    }
}
