//! Small helpers over the `pretty` crate's documents.

use pretty::RcDoc;

/// The document type every printer returns.
pub(crate) type D = RcDoc<'static, ()>;

/// Plain text (must not contain a newline).
pub(crate) fn t(s: impl Into<String>) -> D {
    RcDoc::text(s.into())
}

/// A line break, or a space when the group fits.
pub(crate) fn line() -> D {
    RcDoc::line()
}

/// A line break, or nothing when the group fits.
pub(crate) fn line_() -> D {
    RcDoc::line_()
}

/// A forced line break.
pub(crate) fn hard() -> D {
    RcDoc::hardline()
}

/// Items separated by `,` and a line.
pub(crate) fn comma_sep(items: Vec<D>) -> D {
    RcDoc::intersperse(items, t(",").append(line()))
}

/// `name(args)`, breaking after `(` and between arguments when it does not fit.
pub(crate) fn call(name: &str, args: Vec<D>) -> D {
    if args.is_empty() {
        return t(format!("{name}()"));
    }
    t(format!("{name}("))
        .append(line_().append(comma_sep(args)).nest(2))
        .append(line_())
        .append(t(")"))
        .group()
}

/// `(inner)`, with the contents on their own indented lines when it does not fit.
pub(crate) fn parens(inner: D) -> D {
    t("(")
        .append(line_().append(inner).nest(2))
        .append(line_())
        .append(t(")"))
        .group()
}

/// A clause: its keyword, then the body on the same line when it fits, or indented below.
pub(crate) fn clause(keyword: &str, body: D) -> D {
    t(keyword).append(line().append(body).nest(2)).group()
}

/// Lines joined by forced line breaks.
pub(crate) fn lines(items: Vec<D>) -> D {
    RcDoc::intersperse(items, hard())
}

/// Renders a document at a width.
pub(crate) fn render(doc: &D, width: usize) -> String {
    let mut out = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = doc.render(width.max(1), &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
