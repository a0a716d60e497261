//! Binding the pieces of a sentence into observations: an amount or a rate,
//! the measure it belongs to (total trade, exports, imports, balance), the two
//! countries, and the period.
//!
//! The rules read like a careful reader's: a number is a trade figure only if a
//! trade word is the nearest measure word before it (so "investment of $5
//! billion" and "tariffs of 25 percent" are not); a growth rate in the same
//! clause as a value describes that value; the period nearest the number is
//! its period; and when a sentence names no countries but says "bilateral",
//! the article's two countries are meant. Every choice is written into the
//! observation's `reason`, and a figure that cannot be completed becomes a
//! warning rather than a guess.

mod binder;
mod clause;
mod dedup;
mod measure;
mod pair;
mod respectively;

use crate::{
    country::{self, Mention},
    growth,
    model::{Metric, Observation, Period, Warning},
    money::{self, Amount},
    period,
    prefilter::Clues,
    sentence::Sentence,
};

pub use crate::context::DocumentContext;
use binder::{Carried, SentenceBinder};
use dedup::dedup;
use measure::figure_words;
use respectively::respectively_list;

/// The figures of a whole document, and warnings for the ones that could not
/// be completed.
///
/// `clues` are the sentences' [`prefilter`](crate::prefilter) clues, one per
/// sentence: the money and rate patterns run only where theirs are present.
///
/// `amounts` are each sentence's amounts of money, as
/// [`money::amounts_with`] read them in the sentence with its numbers
/// written in digits ([`normalize::numbers`](crate::normalize::numbers)).
pub fn observations(
    doc: &DocumentContext<'_>,
    sentences: &[Sentence],
    clues: &[Clues],
    amounts: Vec<Vec<Amount>>,
) -> (Vec<Observation>, Vec<Warning>) {
    let mut out: Vec<Observation> = Vec::new();
    let mut warnings = Vec::new();
    // "the same period" refers to the period the article spoke of last.
    let mut last_period: Option<Period> = None;
    // The sentence before, and the period and pair of its first figure.
    let mut previous: Option<Carried> = None;
    let mut amounts = amounts.into_iter();
    for (i, s) in sentences.iter().enumerate() {
        let original = s.text(doc.text);
        let mut amounts = amounts.next().unwrap_or_default();
        let clue = clues.get(i).copied().unwrap_or(Clues::ALL);
        // A figure needs a number, in digits or spelled out before a scale
        // or percent (which then has the money or rate clue), or a flat
        // statement (which has the rate clue).
        let may_be_figure = clue.digit || clue.money || clue.rate;
        if !may_be_figure {
            continue;
        }
        let normalized = crate::normalize::numbers(original);
        let sentence: &str = &normalized;
        let has_number = clue.digit || sentence.bytes().any(|b| b.is_ascii_digit());
        let flat = clue.rate && mentions_flat(sentence);
        if !(has_number || flat) {
            continue;
        }
        money::fill_unwritten(&mut amounts, doc.currency);
        let rates = if clue.rate {
            growth::rates(sentence)
        } else {
            Vec::new()
        };
        if amounts.is_empty() && rates.is_empty() {
            continue;
        }
        let words = figure_words(sentence);
        let periods = period::periods(sentence, doc.published.date);
        // "U.S. dollars" names a currency, not a country.
        let countries: Vec<Mention> = country::mentions(sentence)
            .into_iter()
            .filter(|m| !amounts.iter().any(|a| m.start < a.end && a.start < m.end))
            .collect();
        if let Some(list) = respectively_list(sentence, &words, &countries, &amounts, &rates) {
            warnings.push(Warning {
                code: "figure_incomplete".to_owned(),
                message: format!(
                    "figures left out: they are given 'respectively' for {list}, which this reader does not match one to one (\"{sentence}\")"
                ),
            });
            continue;
        }
        let binder = SentenceBinder {
            doc,
            sentence,
            original,
            offset: s.start,
            words: &words,
            periods: &periods,
            countries: &countries,
            carried: previous.as_ref().filter(|c| c.sentence + 1 == i),
        };

        let figures_before = out.len();
        let period_before = last_period.clone();
        let had_amounts = !amounts.is_empty();
        let mut bound: Vec<(Amount, Observation)> = Vec::new();
        for amount in amounts {
            match binder.amount(&amount, &mut last_period) {
                Ok(Some(o)) => bound.push((amount, o)),
                Ok(None) => {}
                Err(message) => warnings.push(Warning {
                    code: "figure_incomplete".to_owned(),
                    message,
                }),
            }
        }
        for rate in rates {
            match binder.rate(&rate, &bound, &mut last_period) {
                Ok(Some(o)) => out.push(o),
                Ok(None) => {}
                Err(message) => warnings.push(Warning {
                    code: "figure_incomplete".to_owned(),
                    message,
                }),
            }
        }
        out.extend(bound.into_iter().map(|(_, o)| o));
        // Goals are not reports: a period is carried from reported figures
        // only, and from the first of them, as a comparison's base ("...,
        // compared with 291 billion euros in 2023") comes after what it is
        // compared with.
        if let Some(o) = out[figures_before..]
            .iter()
            .filter(|o| o.metric != Metric::TradeTarget)
            .min_by_key(|o| o.provenance.span[0])
        {
            previous = Some(Carried {
                sentence: i,
                period: o.period.clone(),
                pair: Some(o.pair.undirected()),
                total: o.metric == Metric::TradeValue,
            });
        } else if let Some(period) = last_period
            .as_ref()
            .filter(|p| out.len() == figures_before && Some(*p) != period_before.as_ref())
        {
            // A figure left out for its pair named the period.
            previous = Some(Carried {
                sentence: i,
                period: period.clone(),
                pair: None,
                total: false,
            });
        } else if had_amounts && periods.is_empty() {
            // "Copper exports to China alone were worth $22.1 bln.": money
            // that is not a figure of the series, in a sentence that names no
            // period, goes on about the period before; the carry passes on.
            if let Some(c) = previous.as_mut().filter(|c| c.sentence + 1 == i) {
                c.sentence = i;
            }
        }
    }
    out.sort_by_key(|o| o.provenance.span[0]);
    // The headline, as characters: the text's first line.
    let headline_end = doc
        .text
        .find('\n')
        .map_or(0, |end| doc.text[..end].chars().count());
    dedup(&mut out, headline_end);
    (out, warnings)
}

fn mentions_flat(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    // "unchanged" holds "changed", as in "little changed".
    lower.contains("same level") || lower.contains("flat") || lower.contains("changed")
}
