//! Figures listed "respectively": the k-th figure goes with the k-th
//! measure ("exports and imports were $124.8 billion and $142.9 billion,
//! respectively") or the k-th partner ("exports to China and the United
//! States rose 5.3% and 10.2%, respectively"). Read by nearness, each
//! figure would take the last measure or the first partner. Figures listed
//! for periods ("$267.7 billion in 2023 and $310.6 billion in 2022,
//! respectively") carry their own and are read as usual.

use super::measure::{Measure, MeasureWord};
use crate::{country::Mention, growth, money::Amount};

/// What a sentence lists its figures for, one to one.
#[derive(Clone, Debug, Default)]
pub(super) struct Listing {
    /// The measures listed, in order ("exports and imports").
    pub(super) measures: Vec<MeasureWord>,
    /// The partners listed, in order ("to China and the United States").
    pub(super) partners: Vec<&'static str>,
    /// How many amounts and rates the list gives, the first ones of each
    /// kind ([`respectively_list`] says which).
    pub(super) counts: (usize, usize),
}

impl Listing {
    /// The measure that goes with the `k`-th of `n` figures of a kind.
    pub(super) fn measure(&self, k: usize, n: usize) -> Option<MeasureWord> {
        (self.measures.len() == n).then(|| self.measures.get(k).copied())?
    }

    /// The partner that goes with the `k`-th of `n` figures of a kind.
    pub(super) fn partner(&self, k: usize, n: usize) -> Option<&'static str> {
        (self.partners.len() == n).then(|| self.partners.get(k).copied())?
    }
}

/// What `sentence` lists its figures for "respectively", if it does and
/// they are several measures or several partners; `Err` with why when the
/// figures cannot be matched one to one (their number differs from the
/// list's).
pub(super) fn respectively_list(
    sentence: &str,
    words: &[MeasureWord],
    countries: &[Mention],
    amounts: &[Amount],
    rates: &[growth::Rate],
) -> Result<Option<Listing>, &'static str> {
    if amounts.len() < 2 && rates.len() < 2 {
        return Ok(None);
    }
    let Some(respectively) = crate::scan::find_ascii_ci(sentence.as_bytes(), b"respectively")
    else {
        return Ok(None);
    };
    let Some(first_value) = amounts
        .iter()
        .map(|a| a.start)
        .chain(rates.iter().map(|r| r.start))
        .min()
    else {
        return Ok(None);
    };
    // A kind's figures before the word are its list, and the ones after
    // it are read as usual ("..., respectively, leaving a deficit of $3
    // billion"); a kind with fewer than two before it is listed after it
    // ("rose 5% and 7%, respectively, to $50 billion and $62 billion").
    let listed = |starts: &mut dyn Iterator<Item = usize>, all: usize| {
        let before = starts.filter(|s| *s < respectively).count();
        if before >= 2 {
            before
        } else {
            all
        }
    };
    let counts = (
        listed(&mut amounts.iter().map(|a| a.start), amounts.len()),
        listed(&mut rates.iter().map(|r| r.start), rates.len()),
    );
    let listing = Listing {
        measures: listed_measures(sentence, words, first_value),
        partners: listed_partners(sentence, countries, first_value),
        counts,
    };
    if listing.measures.len() < 2 && listing.partners.len() < 2 {
        return Ok(None);
    }
    let lengths = [listing.measures.len(), listing.partners.len()];
    let fits = |n: usize| n < 2 || lengths.contains(&n);
    if !fits(counts.0) || !fits(counts.1) {
        return Err(if listing.measures.len() >= 2 {
            "several measures"
        } else {
            "several partners"
        });
    }
    Ok(Some(listing))
}

/// "exports and imports", "imports and exports" before the first figure:
/// the measures one word names, or two measure words of different kinds.
fn listed_measures(sentence: &str, words: &[MeasureWord], first_value: usize) -> Vec<MeasureWord> {
    let before: Vec<&MeasureWord> = words
        .iter()
        .filter(|w| w.end <= first_value && w.measure != Measure::Other && !w.anaphor)
        .collect();
    // One word naming both flows: split it at " and ".
    if let Some(w) = before
        .iter()
        .find(|w| super::measure::names_both_flows(&sentence[w.start..w.end]))
    {
        let text = &sentence[w.start..w.end];
        let Some(and) = text.to_ascii_lowercase().find(" and ") else {
            return Vec::new();
        };
        let (first, second) = (&text[..and], &text[and + 5..]);
        let flow = |t: &str| {
            if crate::scan::starts_with_ascii_ci(t.trim(), "export") {
                Measure::Export
            } else {
                Measure::Import
            }
        };
        return vec![
            MeasureWord {
                measure: flow(first),
                start: w.start,
                end: w.start + and,
                anaphor: false,
            },
            MeasureWord {
                measure: flow(second),
                start: w.start + and + 5,
                end: w.end,
                anaphor: false,
            },
        ];
    }
    let mut kinds: Vec<MeasureWord> = Vec::new();
    for w in &before {
        // "trade deficits with China and India": one measure, its balance word.
        let compound_head = w.measure == Measure::Trade
            && before.iter().any(|b| {
                matches!(b.measure, Measure::Surplus | Measure::Deficit)
                    && b.start > w.start
                    && b.start <= w.end + 1
            });
        if !compound_head && !kinds.iter().any(|k| k.measure == w.measure) {
            kinds.push(**w);
        }
    }
    if kinds.len() >= 2 {
        kinds
    } else {
        Vec::new()
    }
}

/// Parties joined by "and" (or commas) after "to", "from" or "with",
/// before the first figure: "to China and the United States". A pair
/// "between China and Russia" is one party each, not a list.
fn listed_partners(sentence: &str, countries: &[Mention], first_value: usize) -> Vec<&'static str> {
    let before: Vec<&Mention> = countries.iter().filter(|m| m.end <= first_value).collect();
    for (i, m) in before.iter().enumerate() {
        let lead = sentence[..m.start].trim_end();
        let lead = lead.strip_suffix("the").unwrap_or(lead).trim_end();
        let word = lead.rsplit(' ').next().unwrap_or_default();
        if !["to", "from", "with"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word))
        {
            continue;
        }
        let mut list = vec![m.code];
        let mut last = *m;
        for next in &before[i + 1..] {
            let between = sentence[last.end..next.start].trim();
            let joined = ["and", "and the", ",", ", and", ", and the", ", the"]
                .iter()
                .any(|j| between.eq_ignore_ascii_case(j));
            if !joined {
                break;
            }
            list.push(next.code);
            last = next;
        }
        if list.len() >= 2 {
            return list;
        }
    }
    // "Trade with Chile reached $1.2 billion and with Peru $0.9 billion,
    // growing by 6.5 percent and 4.1 percent respectively":
    // partners named one by one, each after "with".
    let with: Vec<&'static str> = after_with(sentence, countries)
        .iter()
        .map(|m| m.code)
        .collect();
    match with.as_slice() {
        [first, rest @ ..] if rest.iter().all(|c| c != first) && !rest.is_empty() => with,
        _ => Vec::new(),
    }
}

/// The countries `sentence` names right after "with" ("with Malaysia",
/// "with the Philippines"), in order.
pub(super) fn after_with<'m>(sentence: &str, countries: &'m [Mention]) -> Vec<&'m Mention> {
    countries
        .iter()
        .filter(|m| {
            let lead = sentence[..m.start].trim_end();
            let lead = lead.strip_suffix("the").unwrap_or(lead).trim_end();
            lead.rsplit(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("with"))
        })
        .collect()
}
