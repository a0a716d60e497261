//! Which period phrase of a sentence dates which figure, in one order of
//! precedence:
//!
//! 1. its own: the phrase right after it ("$26 billion in 2022-23", "$5.3
//!    billion in January–June 2023", "¥25.4 trillion for the year through
//!    March"), with at most a preposition between;
//! 2. its clause's: a phrase in its clause that no other figure owns,
//!    before it ("In 2022, trade rose 29.3% to $190 billion") or after it;
//! 3. its sentence's: the first phrase of the sentence owned by a figure
//!    that is not a comparison's base, or by none ("India's exports stood
//!    at $3.25bn, whereas imports had been $9.87bn last financial year";
//!    "exports rose to €242 billion in 2010 compared with €206 billion in
//!    2009, and imports to €170 billion": the imports are 2010's).
//!
//! A phrase owned by a comparison's base ("compared with €206 billion in
//! 2009", "up from $4.1 billion in 2022") dates that base only. What comes
//! after these (the period in force, a base's year before) is the binder's.

use crate::period::PeriodMention;

/// A figure of the sentence: its span and whether it is the base of a
/// comparison ("from $76 billion", "compared with €206 billion").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Spot {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) base: bool,
    /// A rate rather than an amount.
    pub(super) rate: bool,
}

/// How a figure's period phrase was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Found {
    Own,
    Clause,
    Sentence,
}

/// Words that may stand between a figure and its own period phrase.
const LINKS: [&str; 20] = [
    "",
    "in",
    "during",
    "for",
    "over",
    "of",
    "as of",
    "at the end of",
    "by the end of",
    "at the end",
    "through",
    "in the period",
    "during the period",
    "in the period of",
    "so far",
    "in the whole of",
    "by",
    "until",
    "till",
    "in the same period in",
];

/// The figure among `spots` that owns the period phrase `p`: the one right
/// before it with only a link word between.
fn owner(sentence: &str, spots: &[Spot], p: &PeriodMention) -> Option<usize> {
    spots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.end <= p.start)
        .max_by_key(|(_, s)| s.end)
        .filter(|(_, s)| {
            // "23 billion zlotys, a year later it rose to 29 billion": a
            // phrase after a comma that goes on into a clause opens that
            // clause, and dates what follows.
            let opens_a_clause = sentence[s.end..p.start].contains(',')
                && sentence[p.end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_alphabetic());
            if opens_a_clause {
                return false;
            }
            let gap = sentence[s.end..p.start]
                .trim()
                .trim_start_matches([',', '(', ')'])
                .trim();
            let gap = gap.to_ascii_lowercase();
            let gap = gap.strip_suffix(" the").unwrap_or(&gap);
            LINKS.contains(&gap)
        })
        .map(|(i, _)| i)
}

/// The period phrase that dates figure `at` of `spots`, in a sentence whose
/// clause around it spans `clause`; `excluded` are the spans of years named
/// as a comparison's base ("compared to 2022"), which date nothing.
pub(super) fn period_for<'p>(
    sentence: &str,
    periods: &'p [PeriodMention],
    spots: &[Spot],
    at: usize,
    clause: (usize, usize),
    excluded: &[(usize, usize)],
) -> Option<(&'p PeriodMention, Found)> {
    let figure = spots.get(at)?;
    let owners: Vec<Option<usize>> = periods.iter().map(|p| owner(sentence, spots, p)).collect();
    // A year compared with dates nothing, unless a figure owns it: "compared
    // to 2022" is no figure's, "compared with $20 billion in 2019" is the
    // base's.
    let free = |p: &PeriodMention| !excluded.iter().any(|&(s, e)| p.start < e && s < p.end);
    let candidates = || {
        periods
            .iter()
            .zip(&owners)
            .filter(|(p, o)| o.is_some() || free(p))
    };
    if let Some((p, _)) = candidates().find(|(_, o)| **o == Some(at)) {
        return Some((p, Found::Own));
    }
    // A base without a phrase of its own is dated by what it is compared
    // with, a year before ("from January to May shipments totaled $49.7
    // billion, down from $68.4 billion a year ago").
    if figure.base {
        return None;
    }
    // Another figure's own phrase is not this one's, unless that figure is
    // a head (not a base) and this one is dated by the sentence (below).
    let in_clause = candidates()
        .filter(|(p, o)| o.is_none() && p.start >= clause.0 && p.end <= clause.1)
        .map(|(p, _)| p);
    let before = in_clause.clone().rfind(|p| p.end <= figure.start);
    let after = in_clause.clone().find(|p| p.start >= figure.end);
    if let Some(p) = before.or(after) {
        return Some((p, Found::Clause));
    }
    // A phrase another head figure owns, said in parallel: the nearest
    // before, else the first after; failing those, the sentence's first
    // phrase no figure owns.
    let head_owned = || candidates().filter(|(_, o)| o.is_some_and(|i| !spots[i].base));
    head_owned()
        .rfind(|(p, _)| p.end <= figure.start)
        .or_else(|| head_owned().next())
        .or_else(|| candidates().find(|(_, o)| o.is_none()))
        .map(|(p, _)| (p, Found::Sentence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{model::PartialDate, period};
    use rstest::rstest;

    /// Figures are written "$N" (a base when "from"/"with" stands before);
    /// returns the label of the period dating each.
    fn dated(sentence: &str) -> Vec<Option<String>> {
        let periods = period::periods(sentence, Some(PartialDate::year(2024)));
        let money = crate::money::amounts(sentence);
        let spots: Vec<Spot> = money
            .iter()
            .map(|a| {
                let before = sentence[..a.start].trim_end();
                Spot {
                    start: a.start,
                    end: a.end,
                    base: before.ends_with("from") || before.ends_with("with"),
                    rate: false,
                }
            })
            .collect();
        let excluded = crate::growth::compared_year_spans(sentence);
        (0..spots.len())
            .map(|i| {
                let clause = super::super::clause::Clauses::of(sentence).at(spots[i].start);
                period_for(sentence, &periods, &spots, i, clause, &excluded).map(|(p, _)| match &p
                    .kind
                {
                    period::PeriodKind::Fixed { period, .. } => period.label.clone(),
                    other => format!("{other:?}"),
                })
            })
            .collect()
    }

    fn labels(want: &[Option<&str>]) -> Vec<Option<String>> {
        want.iter().map(|w| w.map(str::to_owned)).collect()
    }

    #[rstest]
    #[case::each_amount_its_own_year(
        "Trade grew from $0.9 billion in 2015 to $1.6 billion in 2022.",
        &[Some("2015"), Some("2022")]
    )]
    #[case::clause_opening_period(
        "In 2021, trade between Chile and Peru rose to $5 billion.",
        &[Some("2021")]
    )]
    #[case::the_sentence_period_after_a_parallel_clause(
        "Chile's exports stood at $2 billion, whereas imports from Peru had been $3 billion last year.",
        &[Some("2023"), Some("2023")]
    )]
    #[case::a_base_keeps_its_own_and_the_head_is_shared(
        "Exports rose to $24 billion in 2020 compared with $20 billion in 2019, and imports to $17 billion compared with $15 billion in 2019.",
        &[Some("2020"), Some("2019"), Some("2020"), Some("2019")]
    )]
    #[case::a_base_without_its_own_is_left_to_the_binder(
        "Trade fell to $5.1 billion in 2021 from $6.3 billion.",
        &[Some("2021"), None]
    )]
    fn each_figure_takes_the_phrase_that_dates_it(
        #[case] sentence: &str,
        #[case] want: &[Option<&str>],
    ) {
        assert_eq!(dated(sentence), labels(want), "{sentence}");
    }
}
