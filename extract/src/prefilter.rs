//! Cheap necessary conditions, so the costly patterns run only on sentences
//! where they can match.
//!
//! Every match of the money, rate and event patterns contains a symbol (`$`,
//! `%`, `€`…) or one of a few words that starts a run of ASCII letters:
//! "percent" in "5percent", "visit" in "state visit", "dollars" in "U.S.
//! dollars", "met" in "met with". One scan over a sentence's bytes collects
//! these clues; a sentence without the clue for a pattern cannot match it, so
//! skipping the pattern there changes no result. The clues are deliberately
//! generous ("rub" in "rubber" is a money clue): a false clue only costs the
//! pattern run it would have cost anyway.
//!
//! The patterns are case-insensitive by Unicode rules, under which "ſ"
//! (U+017F) is an "s" and the Kelvin sign (U+212A) a "k". A sentence with
//! either gets every pattern clue, so it takes the full path.

use crate::{scan, sentence::Sentence};

/// Which families of patterns may match in a sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Clues {
    /// An ASCII digit: every figure has one.
    pub digit: bool,
    /// A currency symbol, code or word: [`money::amounts`](crate::money::amounts)
    /// finds nothing without one.
    pub money: bool,
    /// "%", "percent", "per cent", "pct", "pc", or a flat statement's "level",
    /// "flat", "unchanged" or "changed" ("little changed"):
    /// [`growth::rates`](crate::growth::rates) needs one.
    pub rate: bool,
    /// A word an event trigger starts with ("talks", "visit", "met", "phone"…).
    pub event: bool,
    /// A trade measure word ("trade", "exports", "turnover", "deficit"…): a
    /// sentence without figures may still say which pair or period the
    /// article speaks of.
    pub measure: bool,
}

impl Clues {
    /// Every pattern may match: the answer when the scan cannot be trusted
    /// (`digit` is always read, as it is never in doubt).
    pub(crate) const ALL: Clues = Clues {
        digit: true,
        money: true,
        rate: true,
        event: true,
        measure: true,
    };
}

/// The clues of each sentence of `text`, in order.
pub(crate) fn sentences(text: &str, sentences: &[Sentence]) -> Vec<Clues> {
    sentences.iter().map(|s| clues(s.text(text))).collect()
}

/// The clues in one sentence.
pub(crate) fn clues(sentence: &str) -> Clues {
    let bytes = sentence.as_bytes();
    let mut found = Clues::default();
    let (mut digits, mut symbols, mut high) = (0u64, 0u64, 0u64);
    // Eight bytes at a time: digits, "%" and "$" ("US$", "HK$"...) and
    // non-ASCII bytes are flagged, and the words tested where a run of ASCII
    // letters starts (a letter whose previous byte is not one).
    let mut previous_was_letter = 0u64;
    let mut at = 0;
    while at < bytes.len() {
        let word = scan::load_padded(bytes, at);
        digits |= scan::in_range(word, b'0', b'9');
        symbols |= scan::in_range(word, b'$', b'%');
        high |= word;
        let letters = scan::letters(word);
        let mut starts = letters & !((letters << 8) | previous_was_letter);
        previous_was_letter = letters >> 56;
        while starts != 0 {
            let start = at + (starts.trailing_zeros() / 8) as usize;
            starts &= starts - 1;
            // Eight bytes from the word's start (zeros past the sentence's
            // end): the bytes after a short word are masked out by the prefix
            // tests, which need only the word's length up to eight.
            let head = scan::load_padded(bytes, start);
            // Most words start with three letters no clue starts with; the
            // set is tested first, as it is cheaper than the word's length
            // (and, reading only low bits, may let a shorter word through).
            if !TABLE.has_head(head) {
                continue;
            }
            let length = ((!scan::letters(head) & scan::HIGHS).trailing_zeros() / 8) as usize;
            if length >= 3 {
                word_clues(head, length, &mut found);
            }
        }
        at += 8;
    }
    found.digit = digits != 0;
    if found.digit && !found.money {
        found.money = two_letter_money(bytes);
    }
    if found.digit && !found.rate {
        found.rate = percent_as_pc(bytes);
    }
    if symbols != 0 {
        // "$" and "%" are neighbours in ASCII: tell them apart.
        found.money |= sentence.contains('$');
        found.rate |= sentence.contains('%');
    }
    if high & scan::HIGHS != 0 {
        return with_non_ascii(sentence, found);
    }
    found
}

/// Whether a "RM", "Rs", "Rp" or a rand's "R" may stand before a number
/// ("RM484.1 billion", "Rs 5,000 crore", "Rp 2 trillion", "R546 billion"),
/// the naira's "N" ("N5.9 trillion"), the ngultrum's "Nu" ("Nu 48.2B") or
/// a kina's or kwacha's "K" ("K6.1bil"): they are too short for the word
/// table, and the money pattern reads them in capitals only.
fn two_letter_money(bytes: &[u8]) -> bool {
    let digit_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    memchr::memchr_iter(b'R', bytes)
        .any(|at| matches!(bytes.get(at + 1), Some(b'M' | b's' | b'p' | b'0'..=b'9')))
        || memchr::memchr_iter(b'N', bytes).any(|at| {
            digit_at(at + 1)
                || (bytes.get(at + 1) == Some(&b'u') && (digit_at(at + 2) || digit_at(at + 3)))
        })
        || memchr::memchr_iter(b'K', bytes).any(|at| digit_at(at + 1))
}

/// Whether "pc" (per cent, as the British and South Asian press write it:
/// "12.5pc") may follow a number: a "pc" that starts a word or follows a
/// digit. Too short for the word table.
fn percent_as_pc(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'p', b'P', bytes).any(|at| {
        matches!(bytes.get(at + 1), Some(b'c' | b'C'))
            && (at == 0 || !bytes[at - 1].is_ascii_alphabetic())
    })
}

/// The clues of a sentence with non-ASCII characters, from those found in
/// its ASCII: currency symbols are money, and a Unicode case variant of an
/// ASCII letter sends the sentence down the full path.
fn with_non_ascii(sentence: &str, mut found: Clues) -> Clues {
    if sentence.contains(['\u{17f}', '\u{212a}']) {
        return Clues {
            digit: found.digit,
            ..Clues::ALL
        };
    }
    if sentence.contains(['€', '£', '¥', '₽', '₹']) {
        found.money = true;
    }
    found
}

/// Which clue a word gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Money,
    Rate,
    Event,
    Measure,
}

/// The words that give a clue, as the prefixes a run of letters is tested
/// for, sorted by first letter. Money: the codes and words of
/// [`money`](crate::money)'s pattern, before ("USD 5") or after ("5 billion
/// yuan") the number, and the scale words a number written without a
/// currency needs to be read as money ("stood at 100.32 billion"). Rate: "percent", "pct", "cent" ("per cent"), "level"
/// ("the same level"), "flat", "unchanged", "changed" ("little changed"). Event: the first word of every
/// trigger alternative in [`events`](crate::events) ("video", "virtual",
/// "tele"/"phone", "exchanged", "sent", "visit", "summit", "talks",
/// "conversation" ("in a conversation with"), "met"/"meet", "hosted",
/// "received", "arrived", "trip", "travel", "delegation" ("leading a
/// delegation to")). Longer words ("exchanged", "unchanged")
/// are tested on their first eight letters, which only makes the clue more
/// generous.
const WORDS: [(&str, Kind); 135] = [
    ("aed", Kind::Money),
    ("arrived", Kind::Event),
    ("aud", Kind::Money),
    ("baht", Kind::Money),
    ("bdt", Kind::Money),
    ("bhd", Kind::Money),
    ("btn", Kind::Money),
    ("billion", Kind::Money),
    ("bln", Kind::Money),
    ("brl", Kind::Money),
    ("cad", Kind::Money),
    ("cedi", Kind::Money),
    ("cent", Kind::Rate),
    ("changed", Kind::Rate),
    ("chf", Kind::Money),
    ("cny", Kind::Money),
    ("commerce", Kind::Measure),
    ("conversation", Kind::Event),
    ("crore", Kind::Money),
    ("deficit", Kind::Measure),
    ("delegation", Kind::Event),
    ("deliveri", Kind::Measure),
    ("dinar", Kind::Money),
    ("dirham", Kind::Money),
    ("dollars", Kind::Money),
    ("dong", Kind::Money),
    ("egp", Kind::Money),
    ("eur", Kind::Money),
    ("exchanged", Kind::Event),
    ("export", Kind::Measure),
    ("flat", Kind::Rate),
    ("francs", Kind::Money),
    ("gbp", Kind::Money),
    ("ghs", Kind::Money),
    ("hkd", Kind::Money),
    ("host", Kind::Event),
    ("hryvni", Kind::Money),
    ("idr", Kind::Money),
    ("ils", Kind::Money),
    ("import", Kind::Measure),
    ("inr", Kind::Money),
    ("iqd", Kind::Money),
    ("jod", Kind::Money),
    ("jpy", Kind::Money),
    ("kina", Kind::Money),
    ("kip", Kind::Money),
    ("kyat", Kind::Money),
    ("kes", Kind::Money),
    ("krw", Kind::Money),
    ("ksh", Kind::Money),
    ("kwd", Kind::Money),
    ("kzt", Kind::Money),
    ("lakh", Kind::Money),
    ("lak", Kind::Money),
    ("lkr", Kind::Money),
    ("level", Kind::Rate),
    ("lira", Kind::Money),
    ("meet", Kind::Event),
    ("met", Kind::Event),
    ("mad", Kind::Money),
    ("million", Kind::Money),
    ("mmk", Kind::Money),
    ("mln", Kind::Money),
    ("mxn", Kind::Money),
    ("myr", Kind::Money),
    ("naira", Kind::Money),
    ("ngn", Kind::Money),
    ("ngultrum", Kind::Money),
    ("npr", Kind::Money),
    ("nok", Kind::Money),
    ("nzd", Kind::Money),
    ("pct", Kind::Rate),
    ("percent", Kind::Rate),
    ("pgk", Kind::Money),
    ("peso", Kind::Money),
    ("php", Kind::Money),
    ("phone", Kind::Event),
    ("pkr", Kind::Money),
    ("pln", Kind::Money),
    ("pounds", Kind::Money),
    ("purchase", Kind::Measure),
    ("qar", Kind::Money),
    ("rand", Kind::Money),
    ("reais", Kind::Money),
    ("receive", Kind::Event),
    ("renminbi", Kind::Money),
    ("ringgit", Kind::Money),
    ("riyal", Kind::Money),
    ("rmb", Kind::Money),
    ("roubles", Kind::Money),
    ("rub", Kind::Money),
    ("rupees", Kind::Money),
    ("rupiah", Kind::Money),
    ("sales", Kind::Measure),
    ("sar", Kind::Money),
    ("sek", Kind::Money),
    ("sent", Kind::Event),
    ("sgd", Kind::Money),
    ("shekel", Kind::Money),
    ("shilling", Kind::Money),
    ("shipment", Kind::Measure),
    ("shs", Kind::Money),
    ("summit", Kind::Event),
    ("supplies", Kind::Measure),
    ("surplus", Kind::Measure),
    ("taka", Kind::Money),
    ("talks", Kind::Event),
    ("tele", Kind::Event),
    ("tenge", Kind::Money),
    ("thb", Kind::Money),
    ("trade", Kind::Measure),
    ("trading", Kind::Measure),
    ("travel", Kind::Event),
    ("trillion", Kind::Money),
    ("trip", Kind::Event),
    ("trln", Kind::Money),
    ("try", Kind::Money),
    ("tsh", Kind::Money),
    ("turnover", Kind::Measure),
    ("twd", Kind::Money),
    ("tzs", Kind::Money),
    ("uah", Kind::Money),
    ("ugx", Kind::Money),
    ("unchanged", Kind::Rate),
    ("usd", Kind::Money),
    ("ush", Kind::Money),
    ("video", Kind::Event),
    ("virtual", Kind::Event),
    ("visit", Kind::Event),
    ("vnd", Kind::Money),
    ("won", Kind::Money),
    ("yen", Kind::Money),
    ("yuan", Kind::Money),
    ("zar", Kind::Money),
    ("zloty", Kind::Money),
];

/// [`WORDS`] packed for testing, and where each first letter's words lie.
struct Table {
    prefixes: [(Prefix, Kind); WORDS.len()],
    /// For `a`..=`z`, the range of `prefixes` starting with that letter.
    by_letter: [(u8, u8); 26],
    /// The first three letters of every prefix, as a set: one bit per
    /// three letters, each letter's low five bits (its place in the
    /// alphabet, either case). A word whose first three letters are not in
    /// the set starts no prefix, as every prefix has at least three.
    heads: [u64; 512],
}

impl Table {
    const fn head_index(word: u64) -> usize {
        ((word & 0x1f) << 10 | (word >> 8 & 0x1f) << 5 | (word >> 16 & 0x1f)) as usize
    }

    const fn new() -> Table {
        let mut t = Table {
            prefixes: [(prefix("aaa"), Kind::Money); WORDS.len()],
            by_letter: [(0, 0); 26],
            heads: [0; 512],
        };
        let mut i = 0;
        while i < WORDS.len() {
            let p = prefix(WORDS[i].0);
            assert!(p.len >= 3, "every clue word has three letters or more");
            let letter = (p.value as u8 - b'a') as usize;
            if i > 0 {
                let before = WORDS[i - 1].0.as_bytes()[0];
                assert!(
                    before <= WORDS[i].0.as_bytes()[0],
                    "WORDS is sorted by first letter"
                );
                if before != WORDS[i].0.as_bytes()[0] {
                    t.by_letter[letter].0 = i as u8;
                }
            } else {
                t.by_letter[letter].0 = 0;
            }
            t.by_letter[letter].1 = i as u8 + 1;
            t.prefixes[i] = (p, WORDS[i].1);
            let at = Table::head_index(p.value);
            t.heads[at / 64] |= 1 << (at % 64);
            i += 1;
        }
        t
    }

    /// Whether the first three bytes of `head` (letters) start a prefix.
    fn has_head(&self, head: u64) -> bool {
        let at = Table::head_index(head);
        self.heads[at / 64] & (1 << (at % 64)) != 0
    }
}

static TABLE: Table = Table::new();

/// The clues a run of ASCII letters gives, by the words it may start:
/// `head` holds its first eight bytes, `length` its length up to eight.
fn word_clues(head: u64, length: usize, found: &mut Clues) {
    // The first eight letters, lower-cased (`| 0x20` on an ASCII letter), as
    // one number, so each prefix test is a mask and a compare.
    let key = head | 0x2020_2020_2020_2020;
    let letter = usize::from((key as u8).wrapping_sub(b'a'));
    let Some(&(from, to)) = TABLE.by_letter.get(letter) else {
        return;
    };
    for &(p, kind) in &TABLE.prefixes[usize::from(from)..usize::from(to)] {
        if length >= p.len && key & p.mask == p.value {
            match kind {
                Kind::Money => found.money = true,
                Kind::Rate => found.rate = true,
                Kind::Event => found.event = true,
                Kind::Measure => found.measure = true,
            }
        }
    }
}

/// A lower-case prefix of at most eight letters, packed as [`word_clues`] packs words.
#[derive(Clone, Copy)]
struct Prefix {
    value: u64,
    mask: u64,
    len: usize,
}

const fn prefix(s: &str) -> Prefix {
    let bytes = s.as_bytes();
    let len = if bytes.len() < 8 { bytes.len() } else { 8 };
    let mut value = 0u64;
    let mut i = 0;
    while i < len {
        value |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    let mask = if len == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    Prefix { value, mask, len }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Trade reached $190.27 billion.")]
    #[case("It reached 244.8 billion U.S. dollars.")]
    #[case("Exports were worth USD5 million.")]
    #[case("It came to 1.2 trln yuan.")]
    #[case("Imports hit 350 billion ROUBLES.")]
    #[case("Trade stood at €4.5bn.")]
    #[case("Trade stood at £800m.")]
    #[case("A total of ₹5,000 crore.")]
    #[case("Some 14 trillion won.")]
    #[case("Around 5 billion TRY.")]
    #[case("Trade rose to RM484.1 billion.")]
    #[case("Exports were Rs 5,000 crore.")]
    #[case("Exports were Rs. 5,000 crore.")]
    #[case("Imports reached Rp 2.1 trillion.")]
    #[case("Trade amounted to R546 billion.")]
    #[case("Trade was R$ 12 billion.")]
    #[case("It came to NT$1.2 trillion.")]
    #[case("Some 7.9 trillion dong.")]
    #[case("About 120 billion baht.")]
    #[case("Over 45 billion dirhams.")]
    #[case("It was 3 billion Swiss francs.")]
    #[case("Exports hit 14 billion Canadian dollars.")]
    #[case("Imports were MXN 250 billion.")]
    fn money_is_never_skipped(#[case] sentence: &str) {
        assert!(clues(sentence).money, "{sentence}");
        assert!(
            !crate::money::amounts(sentence).is_empty(),
            "the case itself has money: {sentence}"
        );
    }

    #[rstest]
    #[case("Trade rose 29.3 percent.")]
    #[case("Trade rose 29.3percent.")]
    #[case("Exports fell 4.1 per cent.")]
    #[case("Imports grew 3 PCT.")]
    #[case("Exports were up 12%.")]
    #[case("Trade remained flat.")]
    #[case("Exports were largely UNCHANGED.")]
    #[case("Trade was about the same level as a year earlier.")]
    #[case("Trade was little changed from a year earlier.")]
    fn rates_are_never_skipped(#[case] sentence: &str) {
        assert!(clues(sentence).rate, "{sentence}");
        assert!(
            !crate::growth::rates(sentence).is_empty(),
            "the case itself has a rate: {sentence}"
        );
    }

    #[rstest]
    #[case("They held talks via video link.")]
    #[case("They spoke by telephone.")]
    #[case("Putin phoned Xi.")]
    #[case("They exchanged congratulatory messages.")]
    #[case("He sent a letter.")]
    #[case("A state visit began.")]
    #[case("The summit opened.")]
    #[case("Xi MET Putin.")]
    #[case("Xi meets Putin.")]
    #[case("He arrived in Moscow.")]
    #[case("He will travel to Moscow.")]
    #[case("His trip to Moscow.")]
    #[case("Xi visited Moscow.")]
    #[case("Lopez Obrador HOSTED Biden.")]
    #[case("Shoukry received his counterpart.")]
    #[case("Lopez said so in a conversation with his counterpart.")]
    #[case("She will lead a trade delegation to Peru.")]
    fn event_triggers_are_never_skipped(#[case] sentence: &str) {
        assert!(clues(sentence).event, "{sentence}");
    }

    #[test]
    fn every_clue_word_gives_its_clue_in_either_case() {
        for (word, kind) in WORDS {
            for w in [word.to_owned(), word.to_uppercase(), format!("{word}s")] {
                let c = clues(&w);
                let want = match kind {
                    Kind::Money => c.money,
                    Kind::Rate => c.rate,
                    Kind::Event => c.event,
                    Kind::Measure => c.measure,
                };
                assert!(want, "{w}: {c:?}");
            }
        }
        assert!(!TABLE.has_head(u64::from_le_bytes(*b"the\0\0\0\0\0")));
        assert_eq!(clues("The agreement was signed"), Clues::default());
    }

    #[test]
    fn long_words_are_tested_on_their_first_eight_letters() {
        assert!(clues("They EXCHANGED views.").event);
        assert!(clues("Exports remained unchanged.").rate);
        assert!(!clues("They changed views.").event);
    }

    /// The clues by the obvious method: every run of ASCII letters, and
    /// every byte, looked at one at a time.
    fn clues_one_byte_at_a_time(sentence: &str) -> Clues {
        let bytes = sentence.as_bytes();
        let mut found = Clues::default();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let mut head = [0u8; 8];
                let n = (i - start).min(8);
                head[..n].copy_from_slice(&bytes[start..start + n]);
                word_clues(u64::from_le_bytes(head), n, &mut found);
                continue;
            }
            match bytes[i] {
                b'0'..=b'9' => found.digit = true,
                b'%' => found.rate = true,
                b'$' => found.money = true,
                _ => {}
            }
            i += 1;
        }
        if found.digit && !found.money {
            found.money = ["RM", "Rs", "Rp"].iter().any(|p| sentence.contains(p))
                || sentence
                    .as_bytes()
                    .windows(2)
                    .any(|w| matches!(w, [b'R' | b'N', b'0'..=b'9']));
        }
        if found.digit && !found.rate {
            let lower = sentence.to_ascii_lowercase();
            found.rate = lower
                .match_indices("pc")
                .any(|(at, _)| !lower[..at].ends_with(|c: char| c.is_ascii_alphabetic()));
        }
        with_non_ascii(sentence, found)
    }

    proptest::proptest! {
        #[test]
        fn eight_bytes_at_a_time_finds_what_one_at_a_time_finds(
            words in proptest::collection::vec(
                "(percent|PCT|pc|PC|visit|met|yuan|USD|RM|Rs|Rp|\\$|%|€|ſ|[a-zA-Z]{1,12}|[0-9]{1,4}|[ .,@`\\[{]|é)",
                0..40,
            ),
            glue in "[ a-z]{0,3}",
        ) {
            let sentence = words.join(&glue);
            proptest::prop_assert_eq!(clues(&sentence), clues_one_byte_at_a_time(&sentence), "{:?}", sentence);
        }
    }

    #[test]
    fn plain_sentences_carry_no_clues() {
        let c = clues("The two sides agreed to deepen cooperation in energy and agriculture.");
        assert_eq!(c, Clues::default());
        let c = clues("More than 20 documents were signed on the economy.");
        assert!(c.digit && !c.money && !c.rate && !c.event, "{c:?}");
    }

    #[test]
    fn unicode_case_variants_of_ascii_letters_take_the_full_path() {
        // "ſ" matches "s" and the Kelvin sign "k" case-insensitively.
        assert_eq!(clues("5 billion rubleſ"), Clues::ALL);
        assert_eq!(clues("5 billion \u{212a}RW"), Clues::ALL);
        assert_eq!(
            clues("the ſame level"),
            Clues {
                digit: false,
                ..Clues::ALL
            }
        );
    }
}
