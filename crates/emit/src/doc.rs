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

/// Items separated by `sep`, as a balanced tree of concatenations: a long list (ten
/// thousand VALUES rows, a long AND chain) must not become a chain as deep as the list,
/// whose drop would overflow the stack. Layout is the same as `RcDoc::intersperse`'s
/// (concatenation is associative).
pub(crate) fn join(items: Vec<D>, sep: D) -> D {
    fn go(items: &mut [Option<D>], sep: &D) -> D {
        match items.len() {
            0 => RcDoc::nil(),
            1 => items[0].take().unwrap_or_else(RcDoc::nil),
            n => {
                let (a, b) = items.split_at_mut(n / 2);
                go(a, sep).append(sep.clone()).append(go(b, sep))
            }
        }
    }
    let mut v: Vec<Option<D>> = items.into_iter().map(Some).collect();
    go(&mut v, &sep)
}

/// Items separated by `,` and a line.
pub(crate) fn comma_sep(items: Vec<D>) -> D {
    join(items, t(",").append(line()))
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
    join(items, hard())
}

/// Renders a document at a width.
pub(crate) fn render(doc: &D, width: usize) -> String {
    let mut out = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = doc.render(width.max(1), &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_matches_intersperse_and_stays_shallow() {
        let items = |n: usize| (0..n).map(|i| t(format!("x{i}"))).collect::<Vec<D>>();
        for n in [0, 1, 2, 3, 7, 16] {
            let a = render(&join(items(n), t(",").append(line())).group(), 20);
            let b = render(
                &RcDoc::intersperse(items(n), t(",").append(line())).group(),
                20,
            );
            assert_eq!(a, b, "n = {n}");
        }
        // A list this long as a chain would overflow the stack when dropped.
        let big = lines(items(200_000));
        assert!(render(&big, 80).lines().count() == 200_000);
    }
}
