//! Lowering helpers for the grammar's variable and call statements (`SET @v = …`,
//! `EXEC proc …`, `RETURN`, `PRINT`, `USE`), and the constructors of dropped and
//! unconverted statements that other statement helpers share.

use sqlxlate_diagnostics::{codes, Diagnostic, Span};
use sqlxlate_ir::{Expr, Ident, ObjectName, Stmt, StmtKind, Unconverted, VarDecl};

use super::gram::{Cx, GErr, ParseError};
use super::lower::{data_type, TypeSpec, R};
use super::query::{compound, var_expr};

/// A statement of kind `kind` spanning `l..r`.
pub fn simple(kind: StmtKind, l: usize, r: usize) -> Stmt {
    Stmt::new(kind, Span::new(l, r))
}

/// An intentionally dropped statement, with its informational diagnostic.
pub fn dropped(cx: &mut Cx, code: &'static str, message: &str, l: usize, r: usize) -> Stmt {
    let span = Span::new(l, r);
    cx.push(Diagnostic::new(code, span, message));
    Stmt::new(
        StmtKind::Dropped {
            code: code.to_string(),
            text: cx.text(l, r).to_string(),
        },
        span,
    )
}

/// A recognised statement that is not converted, with its error diagnostic; the
/// output keeps it as a commented-out copy.
pub fn unconverted(
    cx: &mut Cx,
    code: &'static str,
    message: impl Into<String>,
    hint: &'static str,
    l: usize,
    r: usize,
) -> Stmt {
    let span = Span::new(l, r);
    cx.push(Diagnostic::new(code, span, message).with_hint(hint));
    Stmt::new(
        StmtKind::Unconverted(Unconverted {
            code: code.to_string(),
            text: cx.text(l, r).to_string(),
            span,
        }),
        span,
    )
}

/// `SET @v = e` or `SET @v op= e` (`op` is the span of the compound operator).
pub fn set_var(
    cx: &Cx,
    vl: usize,
    vr: usize,
    op: Option<(usize, usize)>,
    e: Expr,
    l: usize,
    r: usize,
) -> Stmt {
    let name = cx.text(vl + 1, vr).to_string();
    let value = match op {
        Some((ol, or)) => compound(cx.text(ol, or), var_expr(&name, Span::new(vl, vr)), e),
        None => e,
    };
    Stmt::new(StmtKind::SetVar { name, value }, Span::new(l, r))
}

/// One EXEC argument.
pub enum ExecArg {
    /// `[@p =] value` (the `@p` span when named).
    Value(Option<(usize, usize)>, Expr),
    /// `value OUTPUT`.
    Output,
    /// `[@p =] DEFAULT`.
    Default,
}

/// `value OUTPUT` / `value OUT`: recognised, not converted by the caller.
pub fn exec_out(cx: &Cx, l: usize, r: usize) -> R<ExecArg> {
    let w = cx.text(l, r);
    if w.eq_ignore_ascii_case("OUTPUT") || w.eq_ignore_ascii_case("OUT") {
        Ok(ExecArg::Output)
    } else {
        Err(ParseError::User {
            error: GErr {
                span: Span::new(l, r),
                code: codes::SX1001.code,
                message: format!("expected `,`, OUTPUT or the end of the call, found `{w}`"),
                hint: None,
            },
        })
    }
}

/// `EXEC proc args`: a call of a procedure that is not converted (yet), flagged so
/// that nobody expects the output to run as is.
pub fn exec(cx: &mut Cx, parts: Vec<Ident>, args: Vec<ExecArg>, l: usize, r: usize) -> Stmt {
    let name = ObjectName { parts };
    if name.name().eq_ignore_ascii_case("sp_executesql")
        || args.iter().any(|a| matches!(a, ExecArg::Default))
    {
        return unconverted(
            cx,
            codes::SX2004.code,
            "dynamic SQL not converted",
            "replace the dynamic statement by static SQL, or use EXECUTE IMMEDIATE",
            l,
            r,
        );
    }
    if args.iter().any(|a| matches!(a, ExecArg::Output)) {
        return unconverted(
            cx,
            codes::SX2004.code,
            "EXEC with OUTPUT parameters not converted",
            "convert the procedure call by hand",
            l,
            r,
        );
    }
    let args = args
        .into_iter()
        .filter_map(|a| match a {
            ExecArg::Value(n, v) => Some((n.map(|(nl, nr)| cx.text(nl + 1, nr).to_string()), v)),
            _ => None,
        })
        .collect();
    cx.push(
        Diagnostic::new(
            codes::SX2008.code,
            name.span(),
            format!(
                "procedure `{}` is not converted, so this call cannot run",
                name.dotted()
            ),
        )
        .with_hint("convert the procedure (or inline its statements) before running the call"),
    );
    Stmt::new(StmtKind::Call { name, args }, Span::new(l, r))
}

/// One item of DECLARE.
pub enum Decl {
    /// `@v [AS] type [= e]` or a table variable.
    Var(VarDecl),
    /// `@c CURSOR`: a cursor variable.
    Cursor,
}

/// `@v [AS] type [= e]`.
pub fn decl_var(
    cx: &mut Cx,
    l: usize,
    vr: usize,
    t: TypeSpec,
    init: Option<Expr>,
    r: usize,
) -> R<Decl> {
    let (ty, _) = data_type(cx, t, false)?;
    Ok(Decl::Var(VarDecl {
        name: cx.text(l + 1, vr).to_string(),
        ty,
        init,
        span: Span::new(l, r),
    }))
}

/// `@t [AS] TABLE (…)`: a table variable; its columns become a table type. Keys and
/// checks are dropped (they do not change what the variable holds); inline indexes are
/// dropped with a note.
pub fn decl_table(
    cx: &Cx,
    l: usize,
    vr: usize,
    elems: Vec<super::lower_ddl::Elem>,
    r: usize,
) -> Decl {
    let cols = elems
        .into_iter()
        .filter_map(|e| match e {
            super::lower_ddl::Elem::Column(c, _) => Some((c.name.value, c.ty)),
            _ => None,
        })
        .collect();
    Decl::Var(VarDecl {
        name: cx.text(l + 1, vr).to_string(),
        ty: sqlxlate_ir::DataType::Table(cols),
        init: None,
        span: Span::new(l, r),
    })
}

/// `DECLARE …`.
pub fn declare(cx: &mut Cx, decls: Vec<Decl>, l: usize, r: usize) -> Stmt {
    if decls.iter().any(|d| matches!(d, Decl::Cursor)) {
        return unconverted(
            cx,
            codes::SX2002.code,
            "cursor variable not converted",
            "rewrite the cursor loop as a set-based statement",
            l,
            r,
        );
    }
    let decls = decls
        .into_iter()
        .filter_map(|d| match d {
            Decl::Var(v) => Some(v),
            Decl::Cursor => None,
        })
        .collect();
    Stmt::new(StmtKind::Declare(decls), Span::new(l, r))
}
