//! Numbers as news text writes them, rewritten as the figure patterns read
//! them, without moving a byte.
//!
//! Broadcasters spell figures out ("nine-point-two billion dollars",
//! "27-point-three percent", "about two trillion rubles"), continental
//! writers put a comma before the decimals ("$190,27 billion", "12,8%"), and
//! copy taken from print breaks a number across a space ("42. 5 billion").
//! [`numbers`] rewrites each such number in digits, padded with spaces to
//! its written length, so every offset found in the rewritten sentence is
//! the same offset in the original: quotes and spans come from the original
//! text, and the patterns need to know nothing of how numbers are spelled.
//!
//! Only numbers that stand before a scale word ("billion", "bn"…) or a
//! percent sign or word are rewritten: "the two countries" and "one of the
//! largest" stay words.

use std::borrow::Cow;

/// `sentence` with its spelled, comma-decimal and broken numbers written in
/// digits, padded to the same length; the sentence itself when it has none.
pub(crate) fn numbers(sentence: &str) -> Cow<'_, str> {
    let bytes = sentence.as_bytes();
    // Every rewrite ends right before a unit, so only the words shortly
    // before one are looked at: "two hundred and fifty million" is the
    // longest kind, and 48 bytes hold it.
    const REACH: usize = 48;
    let units = unit_starts(bytes);
    if units.is_empty() {
        return Cow::Borrowed(sentence);
    }
    let near_a_unit = |at: usize| units.iter().any(|&u| u > at && u - at <= REACH);
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let candidate = b.is_ascii_digit()
            || matches!(b | 0x20, b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n');
        // An ASCII byte is a character of its own, so `at` is a boundary.
        let word_start = candidate
            && near_a_unit(at)
            && !sentence[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let rewrite = if b.is_ascii_digit() && word_start {
            digits_then_more(sentence, at)
        } else if word_start {
            spelled(sentence, at)
        } else {
            None
        };
        match rewrite {
            Some((end, digits)) => {
                let buf = out.get_or_insert_with(|| bytes.to_vec());
                let written = &mut buf[at..end];
                written.fill(b' ');
                written[..digits.len()].copy_from_slice(digits.as_bytes());
                at = end;
            }
            None => at += 1,
        }
    }
    match out {
        // Only ASCII replaced ASCII, so the bytes are still UTF-8.
        Some(buf) => String::from_utf8(buf).map_or(Cow::Borrowed(sentence), Cow::Owned),
        None => Cow::Borrowed(sentence),
    }
}

/// Where units a rewritten number could stand before begin: "%", and the
/// scale and percent words ("billion", "bn", "per cent"...), also joined
/// to a number ("5bn"). One pass over the words, each tested by its length
/// and letters.
fn unit_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b == b'%' {
            starts.push(at);
            at += 1;
            continue;
        }
        if !b.is_ascii_alphabetic() || (at > 0 && bytes[at - 1].is_ascii_alphabetic()) {
            at += 1;
            continue;
        }
        let len = bytes[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if is_unit_word(&bytes[at..at + len], &bytes[at + len..]) {
            starts.push(at);
        }
        at += len;
    }
    starts
}

/// Whether a word is a scale or percent word ("per" only before "cent").
fn is_unit_word(word: &[u8], after: &[u8]) -> bool {
    let mut lower = [0u8; 12];
    if word.len() > lower.len() {
        return false;
    }
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    let w = &lower[..word.len()];
    let w = w.strip_suffix(b"s").filter(|r| r.len() > 2).unwrap_or(w);
    matches!(
        w,
        b"billion"
            | b"million"
            | b"trillion"
            | b"thousand"
            | b"bn"
            | b"bln"
            | b"mn"
            | b"mln"
            | b"tn"
            | b"trln"
            | b"tln"
            | b"crore"
            | b"lakh"
            | b"percent"
            | b"pct"
            | b"pc"
            | b"b"
            | b"m"
            | b"k"
    ) || (w == b"per" && after.len() >= 5 && after[1..5].eq_ignore_ascii_case(b"cent"))
}

/// A number in digits at `at` that goes on in a form the patterns do not
/// read: "190,27" (decimals after a comma), "42. 5" (broken after the
/// point), "27-point-three". Returns the end of what was read and its
/// digits, only when a scale or percent follows.
fn digits_then_more(s: &str, at: usize) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    let int_end = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    let int = &s[at..int_end];
    let rest = &s[int_end..];
    if let Some(compound) = compound_scales(int, rest) {
        return Some((int_end + compound.0, compound.1));
    }
    // "27-point-three", "27 point 3".
    if let Some((decimals, used)) = point_decimals(rest) {
        let end = int_end + used;
        return unit_follows(&s[end..]).then(|| (end, format!("{int}.{decimals}")));
    }
    // "190,27 billion": one or two digits after a comma, then no digit.
    // Three after it are thousands ("1,500"), as in English.
    if let Some(tail) = rest.strip_prefix(',') {
        let n = tail.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&n) && !preceded_by_thousands(s, at) {
            let end = int_end + 1 + n;
            let after = &s[end..];
            let comma_list = after.starts_with(',') || after.starts_with(", ");
            if !comma_list && unit_follows(after) {
                return Some((end, format!("{int}.{}", &tail[..n])));
            }
        }
    }
    // "42. 5 billion": a point and a space inside a number.
    if let Some(tail) = rest.strip_prefix(". ") {
        let n = tail.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&n) {
            let end = int_end + 2 + n;
            if scale_follows(&s[end..]) {
                return Some((end, format!("{int}.{}", &tail[..n])));
            }
        }
    }
    None
}

/// "1 billion 204 million", as Central Asian and Russian wires write a
/// figure in two scales: the bytes after the first number it spans, and
/// the figure in one scale ("1.204 billion"). The rewrite holds its own
/// scale word, so it ends after the second scale, not before a unit.
fn compound_scales(int: &str, rest: &str) -> Option<(usize, String)> {
    const STEPS: [(&str, &str); 2] = [(" trillion ", "billion"), (" billion ", "million")];
    let (big, small) = STEPS
        .iter()
        .find(|(big, _)| crate::scan::starts_with_ascii_ci(rest, big))?;
    let tail = &rest[big.len()..];
    let n = tail.bytes().take_while(u8::is_ascii_digit).count();
    let after = tail.get(n..)?.strip_prefix(' ')?;
    if !(1..=3).contains(&n) || !crate::scan::starts_with_ascii_ci(after, small) {
        return None;
    }
    let used = big.len() + n + 1 + small.len();
    // "1 billion 5 million" is 1.005 billion.
    let rewritten = format!("{int}.{:0>3}{}", &tail[..n], big.trim_end());
    (rewritten.len() <= int.len() + used).then_some((used, rewritten))
}

/// Whether the digits at `at` follow a thousands group ("1,234,56" is not
/// a decimal comma).
fn preceded_by_thousands(s: &str, at: usize) -> bool {
    s[..at].ends_with(',') && s[..at - 1].ends_with(|c: char| c.is_ascii_digit())
}

/// "-point-three", " point 3", "-point-two-five" after a number: the
/// decimals and the bytes read.
fn point_decimals(rest: &str) -> Option<(String, usize)> {
    let sep = |s: &str| -> Option<usize> {
        let c = s.as_bytes().first()?;
        (*c == b'-' || *c == b' ').then_some(1)
    };
    let mut used = sep(rest)?;
    let word = &rest[used..];
    if !crate::scan::starts_with_ascii_ci(word, "point") {
        return None;
    }
    used += "point".len();
    used += sep(&rest[used..])?;
    let mut decimals = String::new();
    loop {
        let tail = &rest[used..];
        let n = tail.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 && decimals.is_empty() {
            decimals.push_str(&tail[..n]);
            used += n;
            break;
        }
        let Some((digit, len)) = digit_word(tail) else {
            break;
        };
        decimals.push(char::from(b'0' + digit));
        used += len;
        // "two-five", "two five": more digits after a separator.
        match sep(&rest[used..]) {
            Some(k) if digit_word(&rest[used + k..]).is_some() => used += k,
            _ => break,
        }
    }
    (!decimals.is_empty()).then_some((decimals, used))
}

/// A spelled number at `at` ("nine-point-two", "seventy-six", "two
/// hundred and fifty", "six") followed by a scale or percent.
fn spelled(s: &str, at: usize) -> Option<(usize, String)> {
    let (value, mut end) = spelled_integer(&s[at..])?;
    let mut digits = value.to_string();
    if let Some((decimals, used)) = point_decimals(&s[at + end..]) {
        digits = format!("{digits}.{decimals}");
        end += used;
    }
    let end = at + end;
    if digits.len() > end - at {
        return None;
    }
    unit_follows(&s[end..]).then_some((end, digits))
}

/// An integer below a thousand written in words, with the bytes read.
fn spelled_integer(s: &str) -> Option<(u32, usize)> {
    let (mut value, mut used) = below_hundred(s)?;
    // "two hundred", "two hundred and fifty", "a hundred" is not read ("a" is
    // not a number word here).
    if let Some(rest) = s[used..].strip_prefix(' ') {
        if let Some(after) = word_at(rest, "hundred") {
            value *= 100;
            used += 1 + "hundred".len();
            let tail = &rest[after..];
            let joined = tail
                .strip_prefix(" and ")
                .map(|t| (t, 5))
                .or_else(|| tail.strip_prefix(' ').map(|t| (t, 1)));
            if let Some((t, k)) = joined {
                if let Some((more, n)) = below_hundred(t) {
                    value += more;
                    used += k + n;
                }
            }
        }
    }
    Some((value, used))
}

/// 0..=99 in words: "seven", "seventeen", "seventy", "seventy-six",
/// "seventy six".
fn below_hundred(s: &str) -> Option<(u32, usize)> {
    if let Some((tens, len)) = tens_word(s) {
        let rest = &s[len..];
        if let Some(r) = rest.strip_prefix(['-', ' ']) {
            if let Some((unit, n)) = digit_word(r).filter(|(d, _)| *d > 0) {
                return Some((tens + u32::from(unit), len + 1 + n));
            }
        }
        return Some((tens, len));
    }
    if let Some((teen, len)) = teen_word(s) {
        return Some((teen, len));
    }
    digit_word(s).map(|(d, len)| (u32::from(d), len))
}

const DIGITS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS: [&str; 10] = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The byte after `word` when `s` starts with it as a whole word (any case).
fn word_at(s: &str, word: &str) -> Option<usize> {
    let whole = crate::scan::starts_with_ascii_ci(s, word)
        && !s
            .as_bytes()
            .get(word.len())
            .is_some_and(|b| b.is_ascii_alphanumeric());
    whole.then_some(word.len())
}

fn digit_word(s: &str) -> Option<(u8, usize)> {
    DIGITS
        .iter()
        .enumerate()
        .find_map(|(d, w)| word_at(s, w).map(|len| (d as u8, len)))
}

fn teen_word(s: &str) -> Option<(u32, usize)> {
    TEENS
        .iter()
        .enumerate()
        .find_map(|(i, w)| word_at(s, w).map(|len| (10 + i as u32, len)))
}

fn tens_word(s: &str) -> Option<(u32, usize)> {
    TENS.iter()
        .enumerate()
        .find_map(|(i, w)| word_at(s, w).map(|len| (20 + 10 * i as u32, len)))
}

/// The scale words of [`money`](crate::money)'s pattern, spelled as it
/// reads them.
const SCALES: [&str; 16] = [
    "trillion", "trln", "tln", "tn", "billion", "bln", "bn", "million", "mln", "mn", "thousand",
    "crore", "lakh", "b", "m", "k",
];

/// Whether a scale word follows (after spaces or a hyphen): "billion",
/// "-billion", " bn".
pub(crate) fn scale_follows(after: &str) -> bool {
    let t = after.trim_start_matches([' ', '-']);
    SCALES.iter().any(|w| {
        crate::scan::starts_with_ascii_ci(t, w)
            && !t
                .as_bytes()
                .get(w.len())
                .is_some_and(|b| b.is_ascii_alphabetic() && b | 0x20 != b's')
    })
}

/// Whether a scale or a percent follows.
fn unit_follows(after: &str) -> bool {
    if scale_follows(after) {
        return true;
    }
    let t = after.trim_start_matches(' ');
    t.starts_with('%')
        || ["percent", "per cent", "pct", "pc"]
            .iter()
            .any(|w| word_at(t, w).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::point_words(
        "shipments of six-point-four billion dollars",
        "shipments of 6.4            billion dollars"
    )]
    #[case::digits_point_word("fell 31-point-two percent", "fell 31.2         percent")]
    #[case::tens_and_unit("about eighty-three trillion won", "about 83           trillion won")]
    #[case::plain_word("some four trillion rubles", "some 4    trillion rubles")]
    #[case::teen("nineteen per cent", "19       per cent")]
    #[case::hundreds(
        "two hundred and fifty million euros",
        "250                   million euros"
    )]
    #[case::comma_decimal("reached €41,7 billion", "reached €41.7 billion")]
    #[case::two_scales(
        "was 1 billion 204 million dollars",
        "was 1.204 billion         dollars"
    )]
    #[case::two_scales_one_digit(
        "was 2 billion 5 million dollars",
        "was 2.005 billion       dollars"
    )]
    #[case::comma_decimal_rate("up 9,5%", "up 9.5%")]
    #[case::broken_after_point("Sh 63. 8 billion", "Sh 63.8  billion")]
    #[case::two_point_words(
        "a rise of seven-point-two-five percent",
        "a rise of 7.25                 percent"
    )]
    fn numbers_are_rewritten_in_place(#[case] text: &str, #[case] want: &str) {
        let got = numbers(text);
        assert_eq!(got, want);
        assert_eq!(got.len(), text.len(), "the same length");
    }

    #[rstest]
    #[case::count_words("the two countries signed three deals")]
    #[case::thousands("exports of $1,500 million")]
    #[case::list_of_numbers("in rounds 3,4 and 5 percent")]
    #[case::year_then_number("in 2023. 5 ministers met")]
    #[case::word_inside_a_word("someone percent")]
    #[case::thousands_group_then_comma("1,234,56 billion")]
    fn other_numbers_are_left_alone(#[case] text: &str) {
        assert_eq!(numbers(text), text);
    }

    #[test]
    fn any_text_keeps_its_length_and_stays_text() {
        for text in [
            "nine-point-",
            "point-two billion",
            "twenty-",
            "1,",
            "é,5 billion",
            "Türkiye's six per cent",
            "€5,",
            "ninety-nine-point-nine-nine-nine%",
        ] {
            assert_eq!(numbers(text).len(), text.len(), "{text}");
        }
    }
}
