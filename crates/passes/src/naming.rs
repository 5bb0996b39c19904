//! Naming pass: fills `TableName.target` for every table reference and collects the
//! module's table mappings.
//!
//! - Permanent tables map to `{catalog}.{schema}.{name}`: the catalog comes from the
//!   options, the schema is kept as written (`dbo` when absent), and catalog object
//!   names are lower-cased. Database and server parts of 3- and 4-part names are
//!   dropped with an informational diagnostic (once per table).
//! - `#t` → `t`, `##t` → `global_t`, `@t` → `tv_t`: session-scoped (no catalog or
//!   schema), except that in the portable profile temp tables (`#t`, `##t`) are
//!   materialised as real tables in the scratch schema `{catalog}.sx_session`. A session name that would clash with another source object's session
//!   name gets a numeric suffix, in order of first appearance.
//! - A one-part name that matches a CTE in scope is not a table: its target is the
//!   CTE name as written (no catalog or schema) and it is not reported.
//! - An UPDATE / DELETE whose target is the alias of a table in its FROM clause is
//!   normalised: the target becomes that table and `alias` is set.
//! - User-defined functions get the same three-level names as tables. A call
//!   (`ExprKind::Call`) or definition (`FunctionDef`) with a schema-qualified name has
//!   its name *replaced* by the target name `{catalog}.{schema}.{name}` (lower-cased,
//!   normalised, database and server parts dropped), which the emitter prints as is.
//!   One-part call names are left alone (T-SQL requires a schema for scalar UDFs, so a
//!   one-part call is a built-in the front-end did not map, and has flagged), except a
//!   table-valued call of a function the input defines; a one-part definition is `dbo`'s.
//!   Exception: open-source Spark cannot call a qualified table-valued function, so in
//!   the portable profile table-valued functions keep only their own name (a session
//!   function), with `SX3513` when the input does not define the function itself.

use indexmap::IndexMap;
use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::visit::{self, TableRole, VisitorMut};
use sqlxlate_ir::{
    Expr, ExprKind, FunctionBody, Ident, Module, ObjectKind, ObjectName, Profile, Query, Relation,
    Stmt, StmtKind, TableKind, TableName, TargetName, UnitKind,
};

use crate::{Access, PassOptions, TableMapping};

/// Runs the naming pass.
pub fn run(module: &mut Module, options: &PassOptions) -> (Vec<TableMapping>, Vec<Diagnostic>) {
    let mut v = Naming {
        catalog: options.catalog.clone(),
        profile: options.profile,
        cte_scopes: Vec::new(),
        tables: IndexMap::new(),
        session_names: IndexMap::new(),
        diagnostics: Vec::new(),
        too_deep_reported: false,
        local_functions: Vec::new(),
        local_session_functions: Vec::new(),
        functions_seen: Vec::new(),
        target_sources: IndexMap::new(),
        routine_drop: false,
    };
    // Function definitions first, so that calls know which functions the input defines.
    for u in &mut module.units {
        if let UnitKind::Function(f) = &mut u.kind {
            let table_valued = matches!(f.body, FunctionBody::Table(_));
            v.name_function(&mut f.name, table_valued, true);
        }
    }
    visit::walk_module_mut(&mut v, module);
    let tables = v
        .tables
        .into_values()
        .map(|mut m| {
            m.access.sort();
            m.access.dedup();
            m
        })
        .collect();
    (tables, v.diagnostics)
}

struct Naming {
    catalog: String,
    profile: Profile,
    /// CTE names (lower-cased) per enclosing query.
    cte_scopes: Vec<Vec<String>>,
    /// Keyed by the printed target name (lower-case).
    tables: IndexMap<String, TableMapping>,
    /// Session name → the source key that owns it.
    session_names: IndexMap<String, String>,
    diagnostics: Vec<Diagnostic>,
    too_deep_reported: bool,
    /// `schema.name` (lower-cased, normalised) of every function the input defines.
    local_functions: Vec<String>,
    /// `schema.name` of the functions the input defines that print as session
    /// functions (portable table-valued functions).
    local_session_functions: Vec<String>,
    /// Target names of functions already reported (SX4500 / SX4501 once per function).
    functions_seen: Vec<String>,
    /// For each permanent target name, the `schema.name` spellings (lower-cased) that
    /// map to it: two different ones are a collision (SX3514, once per spelling).
    target_sources: IndexMap<String, Vec<String>>,
    /// Inside `DROP FUNCTION` / `DROP PROCEDURE`: the names are routines, not tables, so
    /// they get a target name but are not listed in the table mappings.
    routine_drop: bool,
}

/// The scratch schema that holds temp tables (`#t`, `##t`) in the portable profile.
pub const SCRATCH_SCHEMA: &str = "sx_session";

/// The session-scoped base name for a temp table or table variable.
fn session_base(kind: TableKind, raw: &str) -> String {
    let bare = valid_object_name(&raw.trim_start_matches(['#', '@']).to_lowercase());
    match kind {
        TableKind::GlobalTemp => format!("global_{bare}"),
        TableKind::Variable => format!("tv_{bare}"),
        _ => bare,
    }
}

/// A Unity Catalog / Spark object name: each run of characters other than ASCII
/// letters, digits and `_` becomes one `_` (`member info` → `member_info`).
pub fn valid_object_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_bad = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
            in_bad = false;
        } else if !in_bad {
            out.push('_');
            in_bad = true;
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// Quotes a name part with backticks when it is not a plain identifier.
pub fn quote_part(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        s.to_string()
    } else {
        format!("`{}`", s.replace('`', "``"))
    }
}

/// The printed form of a target name (`main.dbo.member`, `t`).
pub fn target_display(t: &TargetName) -> String {
    [
        t.catalog.as_deref(),
        t.schema.as_deref(),
        Some(t.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(quote_part)
    .collect::<Vec<_>>()
    .join(".")
}

impl Naming {
    fn is_cte(&self, t: &TableName) -> bool {
        if t.kind != TableKind::Permanent || t.source.parts.len() != 1 {
            return false;
        }
        let n = t.source.name().to_lowercase();
        self.cte_scopes.iter().any(|s| s.contains(&n))
    }

    fn access(role: TableRole) -> Access {
        match role {
            TableRole::Read => Access::Read,
            TableRole::Write => Access::Write,
            TableRole::Create => Access::Create,
        }
    }

    fn name_permanent(&mut self, t: &mut TableName, role: TableRole) {
        let parts = &t.source.parts;
        let n = parts.len();
        let name = t.source.name().to_string();
        let schema_written = if n >= 2 {
            parts[n - 2].value.clone()
        } else {
            String::new()
        };
        let schema = if schema_written.is_empty() {
            "dbo".to_string()
        } else {
            schema_written.clone()
        };
        if schema.eq_ignore_ascii_case("sys") || schema.eq_ignore_ascii_case("INFORMATION_SCHEMA") {
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX2513.code,
                    t.span(),
                    format!(
                        "`{}` is a SQL Server system catalog view with no equivalent under that name",
                        t.source.dotted()
                    ),
                )
                .with_hint("query the Unity Catalog information schema (for example system.information_schema.tables) by hand"),
            );
        }
        let schema_target = valid_object_name(&schema.to_lowercase());
        let name_target = valid_object_name(&name.to_lowercase());
        let normalised =
            schema_target != schema.to_lowercase() || name_target != name.to_lowercase();
        let target = TargetName {
            catalog: Some(self.catalog.clone()),
            schema: Some(schema_target),
            name: name_target,
            zone: None,
        };
        let key = target_display(&target);
        if normalised && !self.tables.contains_key(&key) {
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX4501.code,
                    t.span(),
                    format!(
                        "`{}` is not a valid catalog object name; mapped to `{key}`",
                        t.source.dotted()
                    ),
                )
                .with_hint("rename the table if another name maps to the same target"),
            );
        }
        let mut source_parts: Vec<String> = parts[..n.saturating_sub(2)]
            .iter()
            .map(|p| p.value.clone())
            .collect();
        source_parts.push(schema);
        source_parts.push(name);
        let source = source_parts.join(".");
        let span = t.span();
        if !self.tables.contains_key(&key) && n > 2 {
            let dropped = parts[..n - 2]
                .iter()
                .map(|p| p.value.as_str())
                .collect::<Vec<_>>()
                .join(".");
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX4500.code,
                    span,
                    format!("`{dropped}` dropped from `{}`; mapped to `{key}`", t.source.dotted()),
                )
                .with_hint("map different source databases to different catalogs or schemas if their names collide"),
            );
        }
        let spelling = format!(
            "{}.{}",
            source_parts[source_parts.len() - 2],
            source_parts[source_parts.len() - 1]
        )
        .to_lowercase();
        let seen = self.target_sources.entry(key.clone()).or_default();
        if !seen.contains(&spelling) {
            if let Some(first) = seen.first() {
                self.diagnostics.push(
                    Diagnostic::new(
                        codes::SX3514.code,
                        span,
                        format!(
                            "`{}` and `{first}` are different tables in the source but both map to `{key}`",
                            t.source.dotted()
                        ),
                    )
                    .with_hint("rename one of the tables so that their normalised names differ"),
                );
            }
            seen.push(spelling);
        }
        if !self.routine_drop {
            self.record(key, source, span, role);
        }
        t.target = Some(target);
    }

    fn name_session(&mut self, t: &mut TableName, role: TableRole) {
        let raw = t.source.name().to_string();
        let prefix = match t.kind {
            TableKind::Temp => "#",
            TableKind::GlobalTemp => "##",
            TableKind::Variable => "@",
            TableKind::Permanent => "",
        };
        let bare = raw.trim_start_matches(['#', '@']);
        let source = format!("{prefix}{bare}");
        let source_key = source.to_lowercase();
        let base = session_base(t.kind, &raw);
        // Find the name this source already owns, or the first free one.
        let mut name = base.clone();
        let mut i = 2;
        loop {
            match self.session_names.get(&name) {
                Some(owner) if *owner != source_key => {
                    name = format!("{base}_{i}");
                    i += 1;
                }
                Some(_) => break,
                None => {
                    self.session_names.insert(name.clone(), source_key.clone());
                    break;
                }
            }
        }
        // Temp tables are materialised: in the portable profile as real tables in a
        // scratch schema of the catalog, on Databricks as temporary tables.
        let scratch = self.profile == Profile::Portable
            && matches!(t.kind, TableKind::Temp | TableKind::GlobalTemp);
        let target = TargetName {
            catalog: scratch.then(|| self.catalog.clone()),
            schema: scratch.then(|| SCRATCH_SCHEMA.to_string()),
            name,
            zone: None,
        };
        let key = target_display(&target);
        self.record(key, source, t.span(), role);
        t.target = Some(target);
    }

    /// Replaces a schema-qualified function name with its target name (see the module
    /// documentation). `defined` is true for the function's own definition.
    ///
    /// Idempotent: a table-valued call is seen first as a relation, then again as an
    /// expression; a name already replaced maps to itself and is not reported again.
    fn name_function(&mut self, name: &mut ObjectName, table_valued: bool, defined: bool) {
        let n = name.parts.len();
        if n == 0 {
            return;
        }
        if n == 1 {
            // `CREATE FUNCTION f` creates `dbo.f`, and a table-valued function may be
            // called by its own name; any other one-part call is not a user function.
            let key = format!("dbo.{}", valid_object_name(&name.name().to_lowercase()));
            let user_function = defined || table_valued && self.local_functions.contains(&key);
            if !user_function {
                return;
            }
        }
        let span = name.span();
        let written = name.dotted();
        let schema = match n.checked_sub(2).map(|i| name.parts[i].value.as_str()) {
            None | Some("") => "dbo".to_string(),
            Some(s) => s.to_lowercase(),
        };
        let own = name.name().to_lowercase();
        let schema_target = valid_object_name(&schema);
        let name_target = valid_object_name(&own);
        let local_key = format!("{schema_target}.{name_target}");
        if defined && !self.local_functions.contains(&local_key) {
            self.local_functions.push(local_key.clone());
        }
        if table_valued && self.profile == Profile::Portable {
            if defined && !self.local_session_functions.contains(&local_key) {
                self.local_session_functions.push(local_key.clone());
            }
            if !defined && !self.local_functions.contains(&local_key) {
                self.diagnostics.push(
                    Diagnostic::new(
                        codes::SX3513.code,
                        span,
                        format!(
                            "table-valued function `{written}` called as the session function `{name_target}`"
                        ),
                    )
                    .with_hint(format!(
                        "create `{name_target}` as a temporary function in the session before this statement, or convert with the databricks profile"
                    )),
                );
            }
            name.parts = vec![Ident::new(name_target, span)];
            return;
        }
        let target = TargetName {
            catalog: Some(self.catalog.clone()),
            schema: Some(schema_target.clone()),
            name: name_target.clone(),
            zone: None,
        };
        let key = target_display(&target);
        if !self.functions_seen.contains(&key) {
            self.functions_seen.push(key.clone());
            if schema_target != schema || name_target != own {
                self.diagnostics.push(
                    Diagnostic::new(
                        codes::SX4501.code,
                        span,
                        format!(
                            "`{written}` is not a valid catalog object name; mapped to `{key}`"
                        ),
                    )
                    .with_hint("rename the function if another name maps to the same target"),
                );
            }
            if n > 2 {
                let dropped = name.parts[..n - 2]
                    .iter()
                    .map(|p| p.value.as_str())
                    .collect::<Vec<_>>()
                    .join(".");
                self.diagnostics.push(
                    Diagnostic::new(
                        codes::SX4500.code,
                        span,
                        format!("`{dropped}` dropped from `{written}`; mapped to `{key}`"),
                    )
                    .with_hint("map different source databases to different catalogs or schemas if their names collide"),
                );
            }
        }
        name.parts = vec![
            Ident::new(self.catalog.clone(), span),
            Ident::new(schema_target, span),
            Ident::new(name_target, span),
        ];
    }

    fn record(&mut self, key: String, source: String, span: Span, role: TableRole) {
        let access = Self::access(role);
        let entry = self
            .tables
            .entry(key.clone())
            .or_insert_with(|| TableMapping {
                source,
                target: key,
                access: Vec::new(),
                first_span: span,
            });
        entry.access.push(access);
    }
}

/// If an UPDATE / DELETE target is the alias of a table in its FROM clause, returns
/// that table's name.
fn alias_target(target: &TableName, from: &[Relation]) -> Option<TableName> {
    if target.kind != TableKind::Permanent || target.source.parts.len() != 1 {
        return None;
    }
    let want = target.source.name().to_lowercase();
    let mut stack: Vec<&Relation> = from.iter().collect();
    let mut budget = 10_000usize;
    while let Some(r) = stack.pop() {
        budget = budget.saturating_sub(1);
        if budget == 0 {
            return None;
        }
        match r {
            Relation::Table {
                name,
                alias: Some(a),
                ..
            } if a.value.to_lowercase() == want => return Some(name.clone()),
            Relation::Join { left, right, .. } => {
                stack.push(right);
                stack.push(left);
            }
            _ => {}
        }
    }
    None
}

impl VisitorMut for Naming {
    fn enter_relation(&mut self, r: &mut Relation) {
        if let Relation::Function { call, .. } = r {
            if let ExprKind::Call { name, .. } = &mut call.kind {
                self.name_function(name, true, false);
            }
        }
    }
    fn enter_expr(&mut self, e: &mut Expr) -> bool {
        if let ExprKind::Call { name, .. } = &mut e.kind {
            self.name_function(name, false, false);
        }
        true
    }
    fn enter_query(&mut self, q: &mut Query) {
        self.cte_scopes
            .push(q.with.iter().map(|c| c.name.value.to_lowercase()).collect());
    }
    fn leave_query(&mut self, _q: &mut Query) {
        self.cte_scopes.pop();
    }
    fn enter_stmt(&mut self, s: &mut Stmt) -> bool {
        self.routine_drop = matches!(
            s.kind,
            StmtKind::Drop {
                object: ObjectKind::Function | ObjectKind::Procedure,
                ..
            }
        );
        match &mut s.kind {
            StmtKind::Update {
                target,
                alias,
                from,
                ..
            }
            | StmtKind::Delete {
                target,
                alias,
                from,
                ..
            } => {
                if let Some(real) = alias_target(target, from) {
                    let written = target.source.parts.first().cloned();
                    *target = real;
                    if alias.is_none() {
                        *alias = written;
                    }
                }
            }
            _ => {}
        }
        true
    }
    fn leave_stmt(&mut self, _s: &mut Stmt) {
        self.routine_drop = false;
    }
    fn table(&mut self, t: &mut TableName, role: TableRole) {
        if self.routine_drop && t.kind == TableKind::Permanent {
            // A function created as a session function is dropped as one.
            let n = t.source.parts.len();
            let schema = match n.checked_sub(2).map(|i| t.source.parts[i].value.as_str()) {
                None | Some("") => "dbo".to_string(),
                Some(s) => s.to_lowercase(),
            };
            let key = format!(
                "{}.{}",
                valid_object_name(&schema),
                valid_object_name(&t.source.name().to_lowercase())
            );
            if self.local_session_functions.contains(&key) {
                t.target = Some(TargetName {
                    catalog: None,
                    schema: None,
                    name: valid_object_name(&t.source.name().to_lowercase()),
                    zone: None,
                });
                return;
            }
        }
        if self.is_cte(t) {
            t.target = Some(TargetName {
                catalog: None,
                schema: None,
                name: t.source.name().to_string(),
                zone: None,
            });
            return;
        }
        match t.kind {
            TableKind::Permanent => self.name_permanent(t, role),
            _ => self.name_session(t, role),
        }
    }
    fn too_deep(&mut self, span: Span) {
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            self.diagnostics.push(
                Diagnostic::new(
                    codes::SX2500.code,
                    span,
                    "nesting deeper than 256 levels; table names inside were not mapped",
                )
                .with_hint("split the statement into smaller ones"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::*;
    use crate::tests::{module_of, opts};
    use sqlxlate_ir::{Cte, DataType, FunctionDef, InsertSource, Unit};

    fn sp() -> Span {
        Span::new(0, 1)
    }

    #[test]
    fn portable_temp_tables_go_to_the_scratch_schema_and_bad_names_are_normalised() {
        let q = query(select(
            vec![item(star(None, sp()), None)],
            vec![
                rel(table_name(&["#stage"], TableKind::Temp, sp()), None, sp()),
                rel(table_name(&["@t"], TableKind::Variable, sp()), None, sp()),
            ],
            None,
            sp(),
        ));
        let ins = StmtKind::Insert {
            target: table_name(&["dbo", "Member Info"], TableKind::Permanent, sp()),
            columns: vec![],
            source: InsertSource::Query(Box::new(q)),
            overwrite: false,
        };
        let mut m = module_of(vec![ins]);
        let (tables, diags) = run(&mut m, &opts(Profile::Portable));
        let got: Vec<(String, String)> = tables.into_iter().map(|t| (t.source, t.target)).collect();
        assert_eq!(
            got,
            vec![
                (
                    "dbo.Member Info".into(),
                    "spark_catalog.dbo.member_info".into()
                ),
                ("#stage".into(), "spark_catalog.sx_session.stage".into()),
                ("@t".into(), "tv_t".into()),
            ]
        );
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["SX4501"]);
        assert_eq!(valid_object_name("a--b c"), "a_b_c");
    }

    #[test]
    fn permanent_temp_and_variable_tables_are_mapped() {
        let q = query(select(
            vec![item(star(None, sp()), None)],
            vec![
                rel(
                    table_name(&["Member"], TableKind::Permanent, sp()),
                    None,
                    sp(),
                ),
                rel(table_name(&["#stage"], TableKind::Temp, sp()), None, sp()),
                rel(
                    table_name(&["##g"], TableKind::GlobalTemp, sp()),
                    None,
                    sp(),
                ),
                rel(table_name(&["@t"], TableKind::Variable, sp()), None, sp()),
                rel(
                    table_name(&["Sales", "Claims"], TableKind::Permanent, sp()),
                    None,
                    sp(),
                ),
            ],
            None,
            sp(),
        ));
        let ins = StmtKind::Insert {
            target: table_name(&["dbo", "MEMBER"], TableKind::Permanent, sp()),
            columns: vec![],
            source: InsertSource::Query(Box::new(q)),
            overwrite: false,
        };
        let mut m = module_of(vec![ins]);
        let (tables, diags) = run(&mut m, &opts(Profile::Databricks));
        assert!(diags.is_empty());
        let got: Vec<(String, String, Vec<Access>)> = tables
            .into_iter()
            .map(|t| (t.source, t.target, t.access))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "dbo.MEMBER".into(),
                    "main.dbo.member".into(),
                    vec![Access::Read, Access::Write]
                ),
                ("#stage".into(), "stage".into(), vec![Access::Read]),
                ("##g".into(), "global_g".into(), vec![Access::Read]),
                ("@t".into(), "tv_t".into(), vec![Access::Read]),
                (
                    "Sales.Claims".into(),
                    "main.sales.claims".into(),
                    vec![Access::Read]
                ),
            ]
        );
    }

    #[test]
    fn four_part_names_keep_schema_and_report_the_drop() {
        let s = StmtKind::Truncate {
            name: table_name(&["srv", "Db", "Fin", "Ledger"], TableKind::Permanent, sp()),
        };
        let mut m = module_of(vec![s]);
        let (tables, diags) = run(&mut m, &opts(Profile::Databricks));
        assert_eq!(tables[0].target, "main.fin.ledger");
        assert_eq!(tables[0].source, "srv.Db.Fin.Ledger");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "SX4500");
    }

    #[test]
    fn cte_references_are_not_tables() {
        let inner = query(select(
            vec![item(star(None, sp()), None)],
            vec![rel(
                table_name(&["dbo", "T"], TableKind::Permanent, sp()),
                None,
                sp(),
            )],
            None,
            sp(),
        ));
        let mut q = query(select(
            vec![item(star(None, sp()), None)],
            vec![rel(
                table_name(&["Recent"], TableKind::Permanent, sp()),
                None,
                sp(),
            )],
            None,
            sp(),
        ));
        q.with.push(Cte {
            name: Ident::new("recent", sp()),
            columns: vec![],
            query: inner,
        });
        let mut m = module_of(vec![StmtKind::Query(Box::new(q))]);
        let (tables, _) = run(&mut m, &opts(Profile::Databricks));
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].target, "main.dbo.t");
    }

    #[test]
    fn temp_names_that_clash_get_a_suffix() {
        let s1 = StmtKind::Truncate {
            name: table_name(&["#tv_x"], TableKind::Temp, sp()),
        };
        let s2 = StmtKind::Truncate {
            name: table_name(&["@x"], TableKind::Variable, sp()),
        };
        let mut m = module_of(vec![s1, s2]);
        let (tables, _) = run(&mut m, &opts(Profile::Databricks));
        assert_eq!(tables[0].target, "tv_x");
        assert_eq!(tables[1].target, "tv_x_2");
    }

    fn call_expr(parts: &[&str], at: usize) -> Expr {
        Expr::new(
            ExprKind::Call {
                name: ObjectName {
                    parts: parts
                        .iter()
                        .map(|p| Ident::new(*p, Span::new(at, at + 1)))
                        .collect(),
                },
                args: vec![],
            },
            Span::new(at, at + 1),
        )
    }

    /// `SELECT <calls> FROM <table-valued call>` plus the definitions given.
    fn module_with_calls(scalar: Vec<Expr>, tvf: Expr, defs: Vec<(&[&str], bool)>) -> Module {
        let q = query(select(
            scalar.into_iter().map(|e| item(e, None)).collect(),
            vec![Relation::Function {
                call: tvf,
                alias: None,
                columns: vec![],
                span: sp(),
            }],
            None,
            sp(),
        ));
        let mut m = module_of(vec![StmtKind::Query(Box::new(q))]);
        for (parts, table_valued) in defs {
            let body = if table_valued {
                FunctionBody::Table(Box::new(query(select(vec![], vec![], None, sp()))))
            } else {
                FunctionBody::Scalar(crate::build::int(1, sp()))
            };
            m.units.push(Unit {
                kind: UnitKind::Function(FunctionDef {
                    name: ObjectName {
                        parts: parts.iter().map(|p| Ident::new(*p, sp())).collect(),
                    },
                    params: vec![],
                    returns: DataType::Int,
                    body,
                    span: sp(),
                    comments: vec![],
                }),
                batch: 0,
            });
        }
        m
    }

    fn call_names(m: &Module) -> Vec<String> {
        struct Calls(Vec<String>);
        impl visit::Visitor for Calls {
            fn enter_expr(&mut self, e: &Expr) -> bool {
                if let ExprKind::Call { name, .. } = &e.kind {
                    self.0.push(name.dotted());
                }
                true
            }
        }
        let mut v = Calls(Vec::new());
        visit::walk_module(&mut v, m);
        for u in &m.units {
            if let UnitKind::Function(f) = &u.kind {
                v.0.push(format!("def {}", f.name.dotted()));
            }
        }
        v.0
    }

    #[test]
    fn function_calls_get_catalog_and_schema_like_tables() {
        let mut m = module_with_calls(
            vec![
                call_expr(&["dbo", "fn_Age"], 10),
                call_expr(&["ClaimsDB", "Fin", "fn Tax"], 20),
                call_expr(&["fn_Unknown"], 30),
            ],
            call_expr(&["Sales", "tvf_Open"], 40),
            vec![(&["dbo", "fn_Age"], false)],
        );
        let (tables, diags) = run(&mut m, &opts(Profile::Databricks));
        assert!(tables.is_empty(), "functions are not tables: {tables:?}");
        let mut names = call_names(&m);
        names.sort();
        assert_eq!(
            names,
            vec![
                "def main.dbo.fn_age",
                "fn_Unknown",
                "main.dbo.fn_age",
                "main.fin.fn_tax",
                "main.sales.tvf_open",
            ]
        );
        // A one-part definition is dbo's, and its table-valued calls may omit the schema.
        let mut m = module_with_calls(
            vec![call_expr(&["tvf_Local"], 10)],
            call_expr(&["tvf_Local"], 40),
            vec![(&["tvf_Local"], true)],
        );
        run(&mut m, &opts(Profile::Databricks));
        let mut one_part = call_names(&m);
        one_part.sort();
        assert_eq!(
            one_part,
            vec!["def main.dbo.tvf_local", "main.dbo.tvf_local", "tvf_Local"]
        );
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["SX4501", "SX4500"]);
    }

    #[test]
    fn portable_table_valued_functions_keep_only_their_name() {
        // A table-valued function the input defines is a session function: no warning.
        let mut m = module_with_calls(
            vec![call_expr(&["dbo", "fn_Age"], 10)],
            call_expr(&["dbo", "tvf_Local"], 40),
            vec![(&["dbo", "tvf_Local"], true)],
        );
        let (_, diags) = run(&mut m, &opts(Profile::Portable));
        assert!(diags.is_empty(), "{diags:?}");
        let mut names = call_names(&m);
        names.sort();
        assert_eq!(
            names,
            vec!["def tvf_local", "spark_catalog.dbo.fn_age", "tvf_local"]
        );
        // One it does not define cannot be called qualified on open-source Spark.
        let mut m = module_with_calls(vec![], call_expr(&["Sales", "tvf_Open"], 40), vec![]);
        let (_, diags) = run(&mut m, &opts(Profile::Portable));
        assert_eq!(call_names(&m), vec!["tvf_open"]);
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["SX3513"]);
    }

    #[test]
    fn dropped_functions_are_named_but_not_listed_as_tables() {
        let drop = |parts: &[&str]| StmtKind::Drop {
            object: ObjectKind::Function,
            names: vec![table_name(parts, TableKind::Permanent, sp())],
            if_exists: true,
        };
        let mut m = module_with_calls(
            vec![],
            call_expr(&["dbo", "tvf_Local"], 40),
            vec![(&["dbo", "tvf_Local"], true)],
        );
        m.units
            .extend(module_of(vec![drop(&["dbo", "tvf_Local"]), drop(&["dbo", "fn_Age"])]).units);
        let (tables, diags) = run(&mut m, &opts(Profile::Portable));
        assert!(diags.is_empty(), "{diags:?}");
        let dropped: Vec<String> = crate::tests::stmt_kinds(&m)
            .iter()
            .filter_map(|k| match k {
                StmtKind::Drop { names, .. } => names[0].target.as_ref().map(target_display),
                _ => None,
            })
            .collect();
        assert_eq!(dropped, vec!["tvf_local", "spark_catalog.dbo.fn_age"]);
        // Only the table the function reads would be listed; here there is none.
        assert!(tables.is_empty(), "{tables:?}");
    }

    #[test]
    fn update_target_written_as_alias_is_resolved() {
        let upd = StmtKind::Update {
            target: table_name(&["m"], TableKind::Permanent, sp()),
            alias: None,
            assignments: vec![],
            from: vec![rel(
                table_name(&["dbo", "Member"], TableKind::Permanent, sp()),
                Some("m"),
                sp(),
            )],
            selection: None,
        };
        let mut m = module_of(vec![upd]);
        let (tables, _) = run(&mut m, &opts(Profile::Databricks));
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].access, vec![Access::Read, Access::Write]);
        match &crate::tests::stmt_kinds(&m)[0] {
            StmtKind::Update { target, alias, .. } => {
                assert_eq!(target.source.dotted(), "dbo.Member");
                assert_eq!(alias.as_ref().map(|a| a.value.as_str()), Some("m"));
            }
            other => panic!("{other:?}"),
        }
    }
}
