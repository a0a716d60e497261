//! Figures listed "respectively".

use super::measure::{names_both_flows, Measure, MeasureWord};
use crate::{country::Mention, growth, money::Amount};

/// What a sentence lists figures for "respectively", when that is several
/// measures ("exports and imports were $124.8 billion and $142.9 billion,
/// respectively") or several partners ("exports to China and the United
/// States rose 5.3% and 10.2%, respectively"): read by nearness, each
/// figure would take the last measure or the first partner, so the
/// sentence's figures are left out instead. Figures listed for periods
/// ("$267.7 billion in 2023 and $310.6 billion in 2022, respectively")
/// carry their own and are read as usual.
pub(super) fn respectively_list(
    sentence: &str,
    words: &[MeasureWord],
    countries: &[Mention],
    amounts: &[Amount],
    rates: &[growth::Rate],
) -> Option<&'static str> {
    if amounts.len() < 2 && rates.len() < 2 {
        return None;
    }
    if !crate::scan::contains_ascii_ci(sentence.as_bytes(), b"respectively") {
        return None;
    }
    let first_value = amounts
        .iter()
        .map(|a| a.start)
        .chain(rates.iter().map(|r| r.start))
        .min()?;
    // Two kinds of measure before the first figure: "exports and imports"
    // (read as one word, the whole trade, unless figures are listed for it).
    let before_first = || {
        words
            .iter()
            .filter(|w| w.end <= first_value && w.measure != Measure::Other)
    };
    if before_first().any(|w| names_both_flows(&sentence[w.start..w.end])) {
        return Some("several measures");
    }
    let mut kinds = before_first().map(|w| w.measure);
    if let Some(first) = kinds.next() {
        if kinds.any(|k| k != first) {
            return Some("several measures");
        }
    }
    // Two countries joined after "to", "from" or "with": "to China and the
    // United States" (a pair "between China and Russia" is one party each).
    let partners = countries.windows(2).any(|w| {
        let between = sentence[w[0].end..w[1].start].trim();
        let joined = ["and", "and the", ",", ", and", ", and the"]
            .iter()
            .any(|j| between.eq_ignore_ascii_case(j));
        let before = sentence[..w[0].start].trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        let word = before.rsplit(' ').next().unwrap_or_default();
        joined
            && ["to", "from", "with"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word))
    });
    partners.then_some("several partners")
}
