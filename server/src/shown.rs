//! Text from outside (file names, folder paths, the reasons that name them)
//! made safe for one line of a log or a terminal: a control character in a
//! file name could end the line and forge the next one ("evil\nERROR ..."),
//! or start an escape sequence, so each is written escaped.

use std::borrow::Cow;

/// `text` with its control characters escaped (`\n`, `\u{1b}`); unchanged,
/// and not copied, when it has none.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rstest::rstest]
    #[case::a_new_line("evil\nFORGED ERROR line.txt", "evil\\nFORGED ERROR line.txt")]
    #[case::an_escape_sequence("a\u{1b}[31mred.txt", "a\\u{1b}[31mred.txt")]
    #[case::a_carriage_return("x\r.txt", "x\\r.txt")]
    #[case::plain_text_beyond_ascii("Brasília – notes.txt", "Brasília – notes.txt")]
    fn control_characters_are_escaped_and_nothing_else(
        #[case] given: &str,
        #[case] shown_as: &str,
    ) {
        assert_eq!(shown(given), shown_as);
    }
}
