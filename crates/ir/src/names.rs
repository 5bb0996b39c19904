use serde::Serialize;
use sqlxlate_diagnostics::Span;

/// An identifier as written in the source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Ident {
    /// The name without quoting (`[Order Details]` → `Order Details`).
    pub value: String,
    /// True if the source quoted it.
    pub quoted: bool,
    /// Where.
    pub span: Span,
}

impl Ident {
    /// A new identifier.
    pub fn new(value: impl Into<String>, span: Span) -> Ident {
        Ident {
            value: value.into(),
            quoted: false,
            span,
        }
    }
}

/// A possibly qualified object name as written (`server.db.schema.object`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ObjectName {
    /// The parts, outermost first. Empty parts (`db..t`) are kept as empty identifiers.
    pub parts: Vec<Ident>,
}

impl ObjectName {
    /// The last part (the object's own name).
    pub fn name(&self) -> &str {
        self.parts.last().map(|i| i.value.as_str()).unwrap_or("")
    }
    /// The parts joined with dots, as the source would spell them without quotes.
    pub fn dotted(&self) -> String {
        self.parts
            .iter()
            .map(|p| p.value.as_str())
            .collect::<Vec<_>>()
            .join(".")
    }
    /// Span of the whole name.
    pub fn span(&self) -> Span {
        match (self.parts.first(), self.parts.last()) {
            (Some(a), Some(b)) => a.span.cover(b.span),
            _ => Span::default(),
        }
    }
}

/// What kind of table a name refers to in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// A permanent table or view.
    Permanent,
    /// Session-local temporary table (`#t`).
    Temp,
    /// Global temporary table (`##t`).
    GlobalTemp,
    /// Table variable (`@t`).
    Variable,
}

/// The medallion zone of a dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// Landing / staging.
    Bronze,
    /// Cleansed / conformed.
    Silver,
    /// Marts, aggregates, reports.
    Gold,
}

/// The name a table gets on the target.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct TargetName {
    /// Unity Catalog catalog; `None` for session-scoped datasets (temp views).
    pub catalog: Option<String>,
    /// Schema; `None` for session-scoped datasets.
    pub schema: Option<String>,
    /// Table name.
    pub name: String,
    /// Medallion zone, once classified.
    pub zone: Option<Zone>,
}

/// A reference to a table, view or other dataset.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct TableName {
    /// As written in the source.
    pub source: ObjectName,
    /// What kind of object.
    pub kind: TableKind,
    /// Filled in by the naming pass.
    pub target: Option<TargetName>,
}

impl TableName {
    /// Span of the source name.
    pub fn span(&self) -> Span {
        self.source.span()
    }
}
