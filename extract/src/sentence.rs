//! Cutting text into sentences, keeping each one's byte range.
//!
//! Every line is at least one sentence (the input step puts one paragraph on a
//! line, and headlines carry no full stop). Within a line a sentence ends at
//! `.`, `!` or `?` (closing quotes and brackets included) followed by a space
//! and something that can start a sentence, unless the full stop belongs to an
//! abbreviation ("U.S.", "Mr.", "Jan.") or a number ("190.27").

/// A sentence as a byte range of the text, trimmed of surrounding spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Words that end with a full stop without ending a sentence.
#[cfg(test)]
const ABBREVIATIONS: [&str; 55] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "lt", "col", "sen", "rep", "gov",
    "pres", "amb", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "nos", "vol", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "est", "fig",
    "dept", "mt", "ft", "min", "rs", "nu", "tk", "sh", "shs", "ksh", "kshs", "ush", "ushs", "tsh",
    "tshs",
];

/// Whether `word`, lower-cased, is one of the abbreviations. A `match` on
/// the bytes, which compiles to a few comparisons: this runs at every full
/// stop, and comparing with each listed word in turn was about a sixth of
/// the cost of splitting. The tests check it against their list of the
/// same words (`ABBREVIATIONS`).
fn is_listed_abbreviation(word: &[u8]) -> bool {
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    if word.len() > lower.len() {
        return false;
    }
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..word.len()],
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"st"
            | b"sr"
            | b"jr"
            | b"gen"
            | b"lt"
            | b"col"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"pres"
            | b"amb"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"no"
            | b"nos"
            | b"vol"
            | b"inc"
            | b"ltd"
            | b"co"
            | b"corp"
            | b"vs"
            | b"etc"
            | b"approx"
            | b"est"
            | b"fig"
            | b"dept"
            | b"mt"
            | b"ft"
            | b"min"
            // Currency signs written with a full stop: "Rs. 865 billion",
            // "Nu. 31.6B", "Tk. 2,000 crore", "Kshs. 30 billion".
            | b"rs"
            | b"nu"
            | b"tk"
            | b"sh"
            | b"shs"
            | b"ksh"
            | b"kshs"
            | b"ush"
            | b"ushs"
            | b"tsh"
            | b"tshs"
    )
}

/// The length of the longest abbreviation ("approx").
const LONGEST_ABBREVIATION: usize = 6;

/// All sentences of `text`, in order.
///
/// One pass over the marks that can end a sentence (`.`, `!`, `?`) and one
/// over the line breaks, each a vectorised search whose start-up cost is paid
/// once per text rather than once per mark.
pub(crate) fn split(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    let mut marks = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut line_start = 0;
    let line_ends = memchr::memchr_iter(b'\n', bytes)
        .map(|n| n + 1)
        .chain((bytes.last() != Some(&b'\n') && !bytes.is_empty()).then_some(bytes.len()));
    for line_end in line_ends {
        let mut sentence_start = line_start;
        while let Some(i) = marks.next_if(|&i| i < line_end) {
            let j = after_closing_quotes(text, i + 1, line_end);
            if j < line_end
                && is_space(bytes[j])
                && bytes[i] == b'.'
                && is_abbreviation(text, sentence_start, i)
            {
                continue;
            }
            if breaks_a_number(text, i) {
                continue;
            }
            if j >= line_end || (is_space(bytes[j]) && starts_sentence(&text[j..line_end])) {
                push(text, sentence_start, j, &mut out);
                sentence_start = j;
            }
        }
        push(text, sentence_start, line_end, &mut out);
        line_start = line_end;
    }
    out
}

/// Where the closing quotes and brackets after a mark end (`from` is just
/// after the mark).
fn after_closing_quotes(text: &str, from: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = from;
    while j < end {
        let b = bytes[j];
        if b.is_ascii() {
            if matches!(b, b'"' | b'\'' | b')' | b']') {
                j += 1;
                continue;
            }
            break;
        }
        let c = text[j..end].chars().next().unwrap_or(' ');
        if matches!(c, '”' | '’' | '»') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\n'
}

/// Whether the full stop at `dot` is a number's point that print layout
/// broke from its decimals ("$41. 3 billion"): a digit before it, one space,
/// one to three digits and a scale after. "in 2023. 5 ministers met" ends a
/// sentence.
fn breaks_a_number(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    if dot == 0 || !bytes[dot - 1].is_ascii_digit() || bytes.get(dot + 1) != Some(&b' ') {
        return false;
    }
    let Some(tail) = text.get(dot + 2..) else {
        return false;
    };
    let n = tail.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&n) && crate::normalize::scale_follows(&tail[n..])
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

/// Whether a character ends the word before a full stop, looking back.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == '"'
}

/// Whether the word ending at byte `dot` (the full stop) is an abbreviation.
fn is_abbreviation(text: &str, floor: usize, dot: usize) -> bool {
    let before = &text.as_bytes()[floor..dot];
    // The word's start, by bytes while they are ASCII (nearly always); a
    // character beyond ASCII sends the search to whole characters.
    let mut word_start = before.len();
    while word_start > 0 {
        let b = before[word_start - 1];
        if !b.is_ascii() {
            word_start = text[floor..dot]
                .char_indices()
                .rev()
                .find(|&(_, c)| ends_word(c))
                .map_or(0, |(p, c)| p + c.len_utf8());
            break;
        }
        if ends_word(char::from(b)) {
            break;
        }
        word_start -= 1;
    }
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "U.S", "J", "a.m", also the last
    // part of a compound ("the Chile-U.S. Trade Council meeting").
    let last_start = word
        .iter()
        .rposition(|&b| b == b'-' || b == b'/')
        .map_or(word_start, |i| word_start + i + 1);
    let last_part = &text[floor + last_start..dot];
    let initials = last_part.split('.').all(|l| {
        let mut chars = l.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    });
    initials || is_listed_abbreviation(word)
}

/// No real sentence is this long. Longer runs (text without full stops, or
/// garbage) are cut at a space below the limit, so the work done per
/// sentence stays bounded and extraction stays linear in the input size.
pub(crate) const MAX_SENTENCE: usize = 2_000;

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
    // Most sentences begin and end with ASCII that is not white space: no
    // character needs decoding to know there is nothing to trim.
    let (first, last) = (slice.bytes().next(), slice.bytes().last());
    if let (Some(first), Some(last)) = (first, last) {
        let kept = |b: u8| b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0b;
        if kept(first) && kept(last) {
            out.push(Sentence { start, end });
            return;
        }
    }
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

    /// The first splitter, line by line and mark by mark: the reference.
    fn split_by_lines(text: &str) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(text.len() / 120 + 1);
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let line_end = line_start + line.len();
            split_line_by_marks(text, line_start, line_end, &mut out);
            line_start = line_end;
        }
        out
    }

    fn split_line_by_marks(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
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
                if b == b'.' && breaks_a_number(text, i) {
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

    proptest::proptest! {
        #[test]
        fn splits_as_the_reference_does(
            words in proptest::collection::vec(
                "(Trade|rose|U\\.S\\.|Mr\\.|Jan\\.|190\\.27|[a-zA-Z]{1,6}|[0-9]{1,3}|[.!?]|[.!?][\"')\\]]|[ \t\n]|”|’|»|“|é|\\. |\\.\n| [A-Z]| \\(|[\u{b}\u{c}\r]|\u{a0})",
                0..40,
            ),
        ) {
            let text = words.concat();
            proptest::prop_assert_eq!(split(&text), split_by_lines(&text), "{:?}", text);
        }
    }

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

    #[rstest::rstest]
    #[case::after_a_hyphen("They held the Chile-U.S. Trade meeting in Lima on Monday. Next.")]
    #[case::after_a_slash("It was an EU/U.S. Trade and Technology Council meeting in Lima. Next.")]
    fn initials_ending_a_compound_do_not_end_sentences(#[case] text: &str) {
        assert_eq!(sentences(text).len(), 2, "{:?}", sentences(text));
    }

    #[rstest::rstest]
    #[case::a_point_before_billion("Exports reached $41. 3 billion in 2023. Next.", 2)]
    #[case::a_point_before_a_percent_free_scale("Trade was Rs 9. 25 crore last year. Next.", 2)]
    #[case::a_year_ending_a_sentence("Trade grew in 2023. 5 ministers met in Lima.", 2)]
    #[case::a_count_after_a_number("They signed 12. 3 more deals followed. Next.", 3)]
    fn a_number_broken_after_its_point_stays_in_its_sentence(
        #[case] text: &str,
        #[case] count: usize,
    ) {
        assert_eq!(sentences(text).len(), count, "{:?}", sentences(text));
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

    /// The first way of telling an abbreviation, kept as the reference.
    fn is_abbreviation_by_search(text: &str, floor: usize, dot: usize) -> bool {
        let before = &text[floor..dot];
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| ends_word(c))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &before[word_start..];
        if word.is_empty() {
            return false;
        }
        let initials = word.split('.').all(|l| {
            let mut chars = l.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        });
        initials
            || (word.len() <= LONGEST_ABBREVIATION
                && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
    }

    #[test]
    fn every_listed_abbreviation_is_known_in_any_case() {
        for a in ABBREVIATIONS {
            assert!(is_listed_abbreviation(a.as_bytes()), "{a}");
            assert!(is_listed_abbreviation(a.to_uppercase().as_bytes()), "{a}");
            let longer = format!("{a}x");
            assert_eq!(
                is_listed_abbreviation(longer.as_bytes()),
                ABBREVIATIONS.contains(&longer.as_str()),
                "{longer}"
            );
        }
        assert!(!is_listed_abbreviation(b"said"));
        assert!(!is_listed_abbreviation(b"approxi"));
    }

    proptest::proptest! {
        #[test]
        fn abbreviations_are_told_as_by_the_reference(
            words in proptest::collection::vec(
                "(Mr|mrs|U|S|a\\.m|Jan|SEPT|approx|é|Ā|said|2024|[a-zA-Z]{1,7}|[ (\"\t]|\u{a0}|\u{3000}|\\.)",
                1..12,
            ),
        ) {
            let text = words.concat() + ".";
            let dot = text.len() - 1;
            for floor in (0..=dot).filter(|&f| text.is_char_boundary(f)) {
                proptest::prop_assert_eq!(
                    is_abbreviation(&text, floor, dot),
                    is_abbreviation_by_search(&text, floor, dot),
                    "{:?} from {}", text, floor
                );
            }
        }
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
