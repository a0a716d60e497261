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
pub struct Clues {
    /// An ASCII digit: every figure has one.
    pub digit: bool,
    /// A currency symbol, code or word: [`money::amounts`](crate::money::amounts)
    /// finds nothing without one.
    pub money: bool,
    /// "%", "percent", "per cent", "pct", or a flat statement's "level",
    /// "flat" or "unchanged": [`growth::rates`](crate::growth::rates) needs one.
    pub rate: bool,
    /// A word an event trigger starts with ("talks", "visit", "met", "phone"…).
    pub event: bool,
}

impl Clues {
    /// Every pattern may match: the answer when the scan cannot be trusted
    /// (`digit` is always read, as it is never in doubt).
    pub const ALL: Clues = Clues {
        digit: true,
        money: true,
        rate: true,
        event: true,
    };
}

/// The clues of each sentence of `text`, in order.
pub fn sentences(text: &str, sentences: &[Sentence]) -> Vec<Clues> {
    sentences.iter().map(|s| clues(s.text(text))).collect()
}

/// The clues in one sentence.
pub fn clues(sentence: &str) -> Clues {
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
            let length = ((!scan::letters(head) & scan::HIGHS).trailing_zeros() / 8) as usize;
            word_clues(head, length, &mut found);
        }
        at += 8;
    }
    found.digit = digits != 0;
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

/// The clues a run of ASCII letters gives, by the words it may start.
///
/// Money: the codes and words of [`money`](crate::money)'s pattern, before
/// ("USD 5") or after ("5 billion yuan") the number. Rate: "percent", "pct",
/// "cent" ("per cent"), "level" ("the same level"), "flat", "unchanged".
/// Event: the first word of every trigger alternative in
/// [`events`](crate::events) ("video", "virtual", "tele"/"phone", "exchanged",
/// "sent", "visit", "summit", "talks", "met"/"meet", "arrived", "trip").
fn word_clues(head: u64, length: usize, found: &mut Clues) {
    // The first eight letters, lower-cased (`| 0x20` on an ASCII letter), as
    // one number, so each prefix test is a mask and a compare. Longer words
    // ("exchanged", "unchanged") are tested on their first eight letters,
    // which only makes the clue more generous; `length` counts at most eight.
    let key = head | 0x2020_2020_2020_2020;
    let starts = |p: Prefix| length >= p.len && key & p.mask == p.value;
    match key as u8 {
        b'a' => {
            found.money |= starts(AUD);
            found.event |= starts(ARRIVED);
        }
        b'b' => found.money |= starts(BRL),
        b'c' => {
            found.money |= starts(CNY) || starts(CAD) || starts(CHF);
            found.rate |= starts(CENT);
        }
        b'd' => found.money |= starts(DOLLARS),
        b'e' => {
            found.money |= starts(EUR);
            found.event |= starts(EXCHANGED);
        }
        b'f' => found.rate |= starts(FLAT),
        b'g' => found.money |= starts(GBP),
        b'i' => found.money |= starts(INR),
        b'j' => found.money |= starts(JPY),
        b'k' => found.money |= starts(KRW),
        b'l' => {
            found.money |= starts(LIRA);
            found.rate |= starts(LEVEL);
        }
        b'm' => found.event |= starts(MET) || starts(MEET),
        b'p' => {
            found.money |= starts(POUNDS);
            found.rate |= starts(PERCENT) || starts(PCT);
            found.event |= starts(PHONE);
        }
        b'r' => {
            found.money |= starts(RMB)
                || starts(RUB)
                || starts(RENMINBI)
                || starts(ROUBLES)
                || starts(RUPEES)
                || starts(REAIS);
        }
        b's' => found.event |= starts(SENT) || starts(SUMMIT),
        b't' => {
            found.money |= starts(TRY);
            found.event |= starts(TELE) || starts(TALKS) || starts(TRIP);
        }
        b'u' => {
            found.money |= starts(USD);
            found.rate |= starts(UNCHANGED);
        }
        b'v' => found.event |= starts(VIDEO) || starts(VIRTUAL) || starts(VISIT),
        b'w' => found.money |= starts(WON),
        b'y' => found.money |= starts(YUAN) || starts(YEN),
        _ => {}
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

const AUD: Prefix = prefix("aud");
const ARRIVED: Prefix = prefix("arrived");
const BRL: Prefix = prefix("brl");
const CNY: Prefix = prefix("cny");
const CAD: Prefix = prefix("cad");
const CHF: Prefix = prefix("chf");
const CENT: Prefix = prefix("cent");
const DOLLARS: Prefix = prefix("dollars");
const EUR: Prefix = prefix("eur");
const EXCHANGED: Prefix = prefix("exchanged");
const FLAT: Prefix = prefix("flat");
const GBP: Prefix = prefix("gbp");
const INR: Prefix = prefix("inr");
const JPY: Prefix = prefix("jpy");
const KRW: Prefix = prefix("krw");
const LIRA: Prefix = prefix("lira");
const LEVEL: Prefix = prefix("level");
const MET: Prefix = prefix("met");
const MEET: Prefix = prefix("meet");
const POUNDS: Prefix = prefix("pounds");
const PERCENT: Prefix = prefix("percent");
const PCT: Prefix = prefix("pct");
const PHONE: Prefix = prefix("phone");
const RMB: Prefix = prefix("rmb");
const RUB: Prefix = prefix("rub");
const RENMINBI: Prefix = prefix("renminbi");
const ROUBLES: Prefix = prefix("roubles");
const RUPEES: Prefix = prefix("rupees");
const REAIS: Prefix = prefix("reais");
const SENT: Prefix = prefix("sent");
const SUMMIT: Prefix = prefix("summit");
const TRY: Prefix = prefix("try");
const TELE: Prefix = prefix("tele");
const TALKS: Prefix = prefix("talks");
const TRIP: Prefix = prefix("trip");
const USD: Prefix = prefix("usd");
const UNCHANGED: Prefix = prefix("unchanged");
const VIDEO: Prefix = prefix("video");
const VIRTUAL: Prefix = prefix("virtual");
const VISIT: Prefix = prefix("visit");
const WON: Prefix = prefix("won");
const YUAN: Prefix = prefix("yuan");
const YEN: Prefix = prefix("yen");

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
    #[case("His trip to Moscow.")]
    #[case("Xi visited Moscow.")]
    fn event_triggers_are_never_skipped(#[case] sentence: &str) {
        assert!(clues(sentence).event, "{sentence}");
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
        with_non_ascii(sentence, found)
    }

    proptest::proptest! {
        #[test]
        fn eight_bytes_at_a_time_finds_what_one_at_a_time_finds(
            words in proptest::collection::vec(
                "(percent|PCT|visit|met|yuan|USD|\\$|%|€|ſ|[a-zA-Z]{1,12}|[0-9]{1,4}|[ .,@`\\[{]|é)",
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
