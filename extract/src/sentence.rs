//! Cutting text into sentences, keeping each one's byte range.
//!
//! Every line is at least one sentence (the input step puts one paragraph on a
//! line, and headlines carry no full stop). Within a line a sentence ends at
//! `.`, `!` or `?` (closing quotes and brackets included) followed by a space
//! and something that can start a sentence, unless the full stop belongs to an
//! abbreviation ("U.S.", "Mr.", "Jan.") or a number ("190.27").

/// A sentence as a byte range of the text, trimmed of surrounding spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 44] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "lt", "col", "sen", "rep", "gov",
    "pres", "amb", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "nos", "vol", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "est", "fig",
    "dept", "mt", "ft", "min",
];

/// The length of the longest of [`ABBREVIATIONS`] ("approx").
const LONGEST_ABBREVIATION: usize = 6;

/// All sentences of `text`, in order.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        split_line(text, line_start, line_end, &mut out);
        line_start = line_end;
    }
    out
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut sentence_start = start;
    let mut i = start;
    while i < end {
        // Only a mark can end a sentence: skip to the next one.
        i = memchr::memchr3(b'.', b'!', b'?', &bytes[i..end]).map_or(end, |p| i + p);
        if i >= end {
            break;
        }
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Include closing quotes and brackets after the mark.
            let mut j = i + 1;
            while j < end {
                let rest = &text[j..end];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            if j < end
                && is_space(bytes[j])
                && b == b'.'
                && is_abbreviation(text, sentence_start, i)
            {
                i = j;
                continue;
            }
            if j >= end || (is_space(bytes[j]) && starts_sentence(&text[j..end])) {
                push(text, sentence_start, j, out);
                sentence_start = j;
                i = j;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, sentence_start, end, out);
}

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\n'
}

/// Whether what follows the spaces can open a sentence.
fn starts_sentence(rest: &str) -> bool {
    let next = rest.trim_start().chars().next();
    next.is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'' | '«')
    })
}

/// Whether the word ending at byte `dot` (the full stop) is an abbreviation.
fn is_abbreviation(text: &str, floor: usize, dot: usize) -> bool {
    let before = &text[floor..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |p| p + 1);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "U.S", "J", "a.m".
    let initials = word.split('.').all(|l| {
        let mut chars = l.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    });
    // Runs at every full stop, so no allocation: the list is lower-case ASCII.
    initials
        || (word.len() <= LONGEST_ABBREVIATION
            && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

/// No real sentence is this long. Longer runs (text without full stops, or
/// garbage) are cut at a space below the limit, so the work done per
/// sentence stays bounded and extraction stays linear in the input size.
pub const MAX_SENTENCE: usize = 2_000;

fn push(text: &str, mut start: usize, end: usize, out: &mut Vec<Sentence>) {
    while end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[start..cut]
            .rfind(' ')
            .map_or(cut, |p| start + p)
            .max(start + 1);
        let cut = (cut..=end)
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(end);
        push_trimmed(text, start, cut, out);
        start = cut;
    }
    push_trimmed(text, start, end, out);
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(Sentence {
            start: start + lead,
            end: start + lead + trimmed.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn lines_and_full_stops_end_sentences() {
        assert_eq!(
            sentences("Headline without stop\nTrade rose. It fell! Why? \"Yes.\" Done"),
            vec![
                "Headline without stop",
                "Trade rose.",
                "It fell!",
                "Why?",
                "\"Yes.\"",
                "Done"
            ]
        );
    }

    #[test]
    fn numbers_and_abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("It reached 244.8 billion U.S. dollars in 2024. Mr. Wang met Dr. Li on Jan. 5. Next."),
            vec![
                "It reached 244.8 billion U.S. dollars in 2024.",
                "Mr. Wang met Dr. Li on Jan. 5.",
                "Next."
            ]
        );
    }

    #[test]
    fn a_lower_case_continuation_is_not_a_new_sentence() {
        assert_eq!(
            sentences("Talks in St. Petersburg. ok"),
            vec!["Talks in St. Petersburg. ok"]
        );
    }

    #[test]
    fn the_longest_abbreviation_bounds_the_list() {
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(LONGEST_ABBREVIATION)
        );
        assert!(is_abbreviation("approx.", 0, 6));
    }

    #[test]
    fn runaway_sentences_are_cut_below_the_limit() {
        let text = "word ".repeat(2_000) + "é".repeat(3_000).as_str();
        let all = split(&text);
        assert!(all.len() > 4);
        for s in &all {
            assert!(s.end - s.start <= MAX_SENTENCE, "{}", s.end - s.start);
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }

    #[test]
    fn ranges_point_into_the_text_even_with_multibyte_characters() {
        let text = "  Russia’s trade rose. “Quote” came.\n";
        for s in split(text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert_eq!(
            sentences(text),
            vec!["Russia’s trade rose.", "“Quote” came."]
        );
    }
}
