//! Compiling the extractor's patterns, with ASCII meanings for `\b`, `\s`,
//! `\d` and `\w`.
//!
//! The patterns are written in the usual syntax, and every pattern runs on
//! text the input step has reduced: there, every Unicode space and control
//! character has become a plain space, so `\s` can only ever meet ASCII.
//! Digits are parsed with `str::parse`, which reads ASCII digits only, so a
//! Unicode digit matched by `\d` could never become a number. Word boundaries
//! are drawn around ASCII words (the numbers, units and English words the
//! patterns look for).
//!
//! The Unicode forms cost a great deal: `\b` makes the fast (lazy DFA) engine
//! give up on the first non-ASCII byte, so an article with one curly quote
//! or dash was searched by the slow engines; and the Unicode classes make
//! every automaton many times larger, which the capture searches pay for at
//! each match. The rewrite happens once, when a pattern is first used.

use regex::Regex;

/// Getters for patterns compiled by [`compile`] on first use and kept for
/// the life of the process, one line each:
///
/// ```ignore
/// patterns! {
///     /// A year of this century or the last.
///     fn year_re = r"\b(?:19|20)\d\d\b";
/// }
/// ```
///
/// makes `fn year_re() -> &'static Regex`. The pattern may be any
/// expression giving a `&str` (`&format!(...)` to build it from parts); it
/// is evaluated once, on the first call. A pattern that does not compile
/// panics with its getter's name.
macro_rules! patterns {
    ($($(#[$attr:meta])* $vis:vis fn $name:ident = $pattern:expr;)+) => {
        $(
            $(#[$attr])*
            $vis fn $name() -> &'static ::regex::Regex {
                static CELL: ::std::sync::OnceLock<::regex::Regex> = ::std::sync::OnceLock::new();
                CELL.get_or_init(|| $crate::pattern::compile(stringify!($name), $pattern))
            }
        )+
    };
}
pub(crate) use patterns;

/// The pattern `$pattern`, compiled as [`patterns!`] compiles it, for the
/// one function that uses it: `let re = lazy!("name", r"...");`.
macro_rules! lazy {
    ($name:expr, $pattern:expr $(,)?) => {{
        static CELL: ::std::sync::OnceLock<::regex::Regex> = ::std::sync::OnceLock::new();
        CELL.get_or_init(|| $crate::pattern::compile($name, $pattern))
    }};
}
pub(crate) use lazy;

/// `pattern` compiled with ASCII `\b`, `\B`, `\s`, `\d` and `\w`.
///
/// The patterns are constants of this crate, so one that does not compile is
/// a bug caught by the first test that uses it, and it panics with the
/// pattern's name.
pub(crate) fn compile(name: &str, pattern: &str) -> Regex {
    Regex::new(&ascii_classes(pattern))
        .unwrap_or_else(|e| panic!("the {name} pattern does not compile: {e}"))
}

/// `patterns` compiled as one set, each as [`compile`] compiles it: one
/// pass tells which of them match.
pub(crate) fn compile_set(name: &str, patterns: &[&str]) -> regex::RegexSet {
    regex::RegexSet::new(patterns.iter().map(|p| ascii_classes(p)))
        .unwrap_or_else(|e| panic!("the {name} patterns do not compile: {e}"))
}

/// Rewrites the Perl classes and word boundaries of `pattern` to their ASCII
/// forms, outside and inside bracketed classes; everything else is kept.
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars().peekable();
    // Nesting depth of bracketed classes ("[a-z[:digit:]]" nests).
    let mut class_depth = 0usize;
    // Just after an opening bracket (and its "^"), where "]" is a literal.
    let mut class_start = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let inside = class_depth > 0;
                match (escaped, inside) {
                    ('b', false) => out.push_str(r"(?-u:\b)"),
                    ('B', false) => out.push_str(r"(?-u:\B)"),
                    ('s', false) => out.push_str(r"(?-u:\s)"),
                    ('d', false) => out.push_str("[0-9]"),
                    ('w', false) => out.push_str(r"(?-u:\w)"),
                    ('s', true) => out.push_str(r" \t\n\x0B\x0C\r"),
                    ('d', true) => out.push_str("0-9"),
                    ('w', true) => out.push_str("0-9A-Za-z_"),
                    _ => {
                        out.push('\\');
                        out.push(escaped);
                    }
                }
                class_start = false;
            }
            '[' => {
                out.push(c);
                class_depth += 1;
                class_start = true;
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
            }
            ']' if class_depth > 0 && !class_start => {
                out.push(c);
                class_depth -= 1;
            }
            _ => {
                out.push(c);
                class_start = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_classes_become_ascii_outside_and_inside_brackets() {
        assert_eq!(ascii_classes(r"\bup\b"), r"(?-u:\b)up(?-u:\b)");
        assert_eq!(ascii_classes(r"\d+\s*%"), r"[0-9]+(?-u:\s)*%");
        assert_eq!(ascii_classes(r"[\d.,]"), "[0-9.,]");
        assert_eq!(ascii_classes(r"[^\s)]"), r"[^ \t\n\x0B\x0C\r)]");
        assert_eq!(ascii_classes(r"[\w-]"), "[0-9A-Za-z_-]");
    }

    #[test]
    fn other_escapes_and_literal_brackets_are_kept() {
        assert_eq!(ascii_classes(r"\$\.\\b"), r"\$\.\\b");
        assert_eq!(ascii_classes(r"[]\d]"), "[]0-9]");
        assert_eq!(ascii_classes(r"[^]\s]x\s"), r"[^] \t\n\x0B\x0C\r]x(?-u:\s)");
        assert_eq!(ascii_classes(r"\(\d\)"), r"\([0-9]\)");
        assert_eq!(ascii_classes(r"[a-z[:digit:]]\d"), "[a-z[:digit:]][0-9]");
        assert_eq!(ascii_classes(r"\p{Lu}€—"), r"\p{Lu}€—");
    }

    #[test]
    fn ascii_boundaries_hold_next_to_non_ascii_text() {
        let re = compile("test", r"\b(?:rose|up)\s+\d+(?:\.\d+)?\s*%");
        let m = re
            .find("Trade “rose 5.2 %” — exports were up 3%")
            .map(|m| m.as_str());
        assert_eq!(m, Some("rose 5.2 %"));
        assert!(
            re.find("٣ rose ٣%").is_none(),
            "Unicode digits are not digits here"
        );
    }
}
