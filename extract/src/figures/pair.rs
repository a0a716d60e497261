//! Which two parties a figure is between, and in which direction.

use std::sync::OnceLock;

use regex::Regex;

use super::{
    binder::SentenceBinder,
    clause::clause,
    measure::{world_scope, Measure, MeasureWord},
};
use crate::{
    country::{self, Mention},
    model::{Metric, Pair},
};

pub(super) fn region_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("region", r"\b(?:Latin\s+America|the\s+Americas|Central\s+Asia|(?:Southeast|South|East|West|Western)\s+Asia|Asia|Middle\s+East|Arab\s+(?:states|countries|world)|Gulf\s+(?:states|countries)|BRICS|Pacific\s+Island\s+countries)\b")
    })
}

/// A region named as a trading party that no party code stands for
/// ("China-Latin America trade", "exports to Asia"). Blocs with a code
/// (ASEAN, the EU, the Eurasian Economic Union...) and Africa are parties,
/// read by [`country`].
pub(super) fn region_of(sentence: &str) -> Option<&str> {
    // The pattern runs only on sentences holding one of its words.
    if ![
        "America", "Asia", "East", "Arab", "Gulf", "BRICS", "Pacific",
    ]
    .iter()
    .any(|w| sentence.contains(w))
    {
        return None;
    }
    region_re().find(sentence).map(|m| m.as_str())
}

/// Words that make a figure the article's pair's: "bilateral trade", "trade
/// between the two countries", and a leader's "our trade" in the transcript
/// of a meeting of two.
pub(super) fn bilateral_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("bilateral", r"(?i)\b(?:bilateral|mutual|two-way|two\s+way|between\s+the\s+two|the\s+two\s+(?:countries|nations|sides|economies)|both\s+(?:countries|sides|nations)|our\s+(?:trade|two\s+countries|countries))\b")
    })
}

impl SentenceBinder<'_> {
    /// The two countries, in the order the metric needs.
    pub(super) fn pair(
        &self,
        metric: Metric,
        word: MeasureWord,
    ) -> Result<(Pair, String, f32), String> {
        let codes = self.parties();
        let codes = if codes.len() > 2 {
            self.nearest_two(&codes, word)
        } else {
            codes
        };
        let bilateral = bilateral_re().is_match(self.sentence);
        let doc_pair = self.doc.pair;
        // "Trade between China and Africa": the other party is a region,
        // which no country code stands for, so neither the article's other
        // country nor a guess will do.
        if codes.len() < 2 {
            if let Some(region) = region_of(self.sentence) {
                return Err(format!(
                    "the other party, '{region}', is a region, not a country"
                ));
            }
        }
        // "China's foreign trade", "total exports": a country's trade with
        // the world, which the article's other country does not complete.
        if codes.len() < 2 && !bilateral {
            if let Some(scope) = world_scope(&self.sentence[..word.start]) {
                return Err(format!(
                    "'{scope} {}' is trade with the whole world, not with one partner",
                    &self.sentence[word.start..word.end]
                ));
            }
        }
        let (a, b, reason, penalty) = if let Some((partner, main)) =
            self.partner_only(word, doc_pair)
        {
            let named = codes.contains(&main);
            let reason = if named {
                format!("pair: the sentence names {main}, and {partner} as this clause's partner")
            } else {
                format!(
                    "pair: the clause names only the partner, {partner}; the article is mostly about {main}"
                )
            };
            (main, partner, reason, if named { 0.0 } else { 0.2 })
        } else {
            match (codes.as_slice(), doc_pair) {
                ([a, b, ..], _) => (*a, *b, format!("pair: the sentence names {a} and {b}"), 0.0),
                ([a], Some((x, y))) if *a == x || *a == y => {
                    let other = if *a == x { y } else { x };
                    (
                        *a,
                        other,
                        format!("pair: the sentence names {a}; the article is about {x} and {y}"),
                        0.1,
                    )
                }
                ([], Some((x, y))) if bilateral => (
                    x,
                    y,
                    format!("pair: 'bilateral' in an article about {x} and {y}"),
                    0.1,
                ),
                ([], Some((x, y)))
                    if self
                        .carried
                        .is_some_and(|c| c.pair.as_ref() == Some(&Pair::sorted(x, y))) =>
                {
                    (
                        x,
                        y,
                        format!(
                    "pair: none named; the sentence before reports {x} and {y}, the article's pair"
                ),
                        0.15,
                    )
                }
                _ => return Err("the sentence does not say which two countries trade".to_owned()),
            }
        };
        if !metric.is_directed() {
            return Ok((Pair::sorted(a, b), reason, penalty));
        }
        let (from, to, how) = self.direction(metric, word, a, b);
        Ok((
            Pair(from.to_owned(), to.to_owned()),
            format!("{reason}; {how}"),
            penalty + if how.contains("assumed") { 0.2 } else { 0.0 },
        ))
    }

    /// "Trade with the EU fell 2.9 percent ..., while trade with the United
    /// States declined 6.8 percent", in a wrap of China's customs data: a
    /// clause whose only country follows its measure word as the partner
    /// ("trade with", "exports to", "imports from") trades with the country
    /// the article is mostly about, not with the partner of another clause.
    /// Returns the partner and that country.
    pub(super) fn partner_only(
        &self,
        word: MeasureWord,
        doc_pair: Option<(&'static str, &'static str)>,
    ) -> Option<(&'static str, &'static str)> {
        let (main, second) = doc_pair?;
        let clause = clause(self.sentence, word.start);
        let mut in_clause = self
            .countries
            .iter()
            .filter(|m| m.start >= clause.0 && m.end <= clause.1);
        let only = in_clause.next()?;
        if in_clause.any(|m| m.code != only.code) || only.start < word.end {
            return None;
        }
        let between = self.sentence[word.end..only.start].trim();
        let between = between.strip_suffix(" the").unwrap_or(between).trim_end();
        if !["with", "to", "from"].contains(&between) {
            return None;
        }
        // Only where the sentence alone would get it wrong: another clause
        // names a second country, or the partner is not the article's.
        let elsewhere = self.countries.iter().any(|m| m.code != only.code);
        let outside = only.code != main && only.code != second;
        (elsewhere || outside).then_some((only.code, if only.code == main { second } else { main }))
    }

    /// Of three or more countries a sentence names, the two nearest the
    /// measure word, in the order the sentence names them: in "Mexico
    /// overtook China as the largest source of U.S. imports, with goods
    /// imports from Mexico rising 4.6%", the imports are Mexico's to the
    /// U.S., not to China, named first.
    pub(super) fn nearest_two(
        &self,
        codes: &[&'static str],
        word: MeasureWord,
    ) -> Vec<&'static str> {
        let distance = |m: &Mention| {
            if m.end <= word.start {
                word.start - m.end
            } else {
                m.start.saturating_sub(word.end)
            }
        };
        let mut near: Vec<&Mention> = self
            .countries
            .iter()
            .filter(|m| codes.contains(&m.code))
            .collect();
        near.sort_by_key(|m| distance(m));
        let mut two: Vec<&Mention> = Vec::with_capacity(2);
        for m in near {
            if two.len() == 2 {
                break;
            }
            if !two.iter().any(|t| t.code == m.code) {
                two.push(m);
            }
        }
        two.sort_by_key(|m| m.start);
        two.into_iter().map(|m| m.code).collect()
    }

    /// The countries a sentence names as parties. A capital named after
    /// "in" or "at" is where something happened ("met in Astana"), not a
    /// trading party, when a country of the article is named besides: it is
    /// set aside then, and kept only when nothing else names two countries.
    pub(super) fn parties(&self) -> Vec<&'static str> {
        let codes = country::distinct(self.countries);
        if codes.len() < 2 {
            return codes;
        }
        let venue = |m: &country::Mention| {
            country::is_capital(m.name) && {
                let before = self.sentence[..m.start].trim_end();
                before.ends_with(" in") || before.ends_with(" at")
            }
        };
        let named: Vec<country::Mention> = self
            .countries
            .iter()
            .filter(|m| !venue(m))
            .cloned()
            .collect();
        let rest = country::distinct(&named);
        let in_article = |c: &&str| self.doc.pair.is_some_and(|(x, y)| *c == x || *c == y);
        match rest.as_slice() {
            [_, _, ..] => rest,
            [one] if in_article(one) => rest,
            _ => codes,
        }
    }

    /// `[from, to]` for exports and imports: "China's exports to Russia",
    /// "imports from Russia"; `[reporter, partner]` for a balance.
    pub(super) fn direction(
        &self,
        metric: Metric,
        word: MeasureWord,
        a: &'static str,
        b: &'static str,
    ) -> (&'static str, &'static str, String) {
        let other = |c: &'static str| if c == a { b } else { a };
        let flow = match metric {
            Metric::ExportValue | Metric::ExportGrowthYoy => Measure::Export,
            Metric::ImportValue | Metric::ImportGrowthYoy => Measure::Import,
            _ => {
                return match self.balance_reporter(word, a, b) {
                    Some((r, how)) => (
                        r,
                        other(r),
                        format!("balance of {r} with {}: {how}", other(r)),
                    ),
                    None => (a, b, format!("balance: reporter not stated, assumed {a}")),
                };
            }
        };
        if let Some(stated) = self.stated_direction(flow, word, a, b) {
            return stated;
        }
        // "Exports to Russia rose 5 %, while imports fell": the other flow
        // of the same sentence, stated, runs the other way.
        let reverse = if flow == Measure::Export {
            Measure::Import
        } else {
            Measure::Export
        };
        let counterpart = self
            .words
            .iter()
            .filter(|w| w.measure == reverse)
            .find_map(|w| self.stated_direction(reverse, *w, a, b));
        if let Some((from, to, _)) = counterpart {
            let what = if flow == Measure::Export {
                "imports"
            } else {
                "exports"
            };
            return (
                to,
                from,
                format!(
                    "direction: the reverse of the {what} the sentence states ({from} to {to})"
                ),
            );
        }
        if flow == Measure::Export {
            (a, b, format!("direction: not stated, assumed {a} to {b}"))
        } else {
            (b, a, format!("direction: not stated, assumed {b} to {a}"))
        }
    }

    /// Whose surplus or deficit a balance is, and how that was read, in
    /// order of trust: the owner ("Japan's deficit"); the country the
    /// balance is left with ("leaving Japan with a deficit"); the partner
    /// after it ("a surplus with China" is the other country's); the side
    /// the sentence's own flows report from ("exports to Australia ...,
    /// leaving a deficit" is the exporter's); else the first country before.
    pub(super) fn balance_reporter(
        &self,
        word: MeasureWord,
        a: &'static str,
        b: &'static str,
    ) -> Option<(&'static str, &'static str)> {
        let other = |c: &'static str| if c == a { b } else { a };
        if let Some(owner) = self.owner(word) {
            return Some((owner, "its owner is named"));
        }
        let left_with = self.countries.iter().rev().find(|m| {
            m.end <= word.start
                && word.start - m.end <= 20
                && self.sentence[m.end..word.start]
                    .trim_start()
                    .starts_with("with ")
        });
        if let Some(m) = left_with {
            return Some((m.code, "the country left with it is named"));
        }
        let after = &self.sentence[word.end.min(self.sentence.len())..];
        let clause_end = after.find([',', ';']).unwrap_or(after.len());
        if let Some(with) = after[..clause_end].find(" with ") {
            let partner_at = word.end + with + " with ".len();
            if let Some(m) = self
                .countries
                .iter()
                .find(|m| (partner_at..=partner_at + 4).contains(&m.start))
            {
                return Some((other(m.code), "the partner is named after it"));
            }
        }
        let flows = self
            .words
            .iter()
            .filter(|w| matches!(w.measure, Measure::Export | Measure::Import));
        for w in flows {
            if let Some((from, to, _)) = self.stated_direction(w.measure, *w, a, b) {
                let reporter = if w.measure == Measure::Export {
                    from
                } else {
                    to
                };
                return Some((reporter, "the sentence reports that country's trade"));
            }
        }
        self.countries
            .iter()
            .find(|m| m.end <= word.start)
            .map(|m| (m.code, "the first country named before it"))
    }

    /// The country named just before a word ("China's exports", "Russian imports").
    pub(super) fn owner(&self, word: MeasureWord) -> Option<&'static str> {
        self.countries
            .iter()
            .rev()
            .find(|m| m.end <= word.start && word.start - m.end <= 4)
            .map(|m| m.code)
    }

    /// `[from, to]` of an export or import word, when the sentence states
    /// it: a country after "to" or "from" ("exports to Russia", "shipments
    /// to Japan", "imports from the US") or one owning the word ("China's
    /// exports").
    pub(super) fn stated_direction(
        &self,
        flow: Measure,
        word: MeasureWord,
        a: &'static str,
        b: &'static str,
    ) -> Option<(&'static str, &'static str, String)> {
        let other = |c: &'static str| if c == a { b } else { a };
        let after = &self.sentence[word.end..];
        let following = |prep: &str| -> Option<&'static str> {
            // The word may end with its preposition ("shipments to"): the
            // country is then right after it, "the" allowed between.
            let ends_with_prep = self.sentence[word.start..word.end]
                .rsplit(|c: char| c.is_ascii_whitespace())
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(prep));
            let at = if ends_with_prep {
                0
            } else {
                let lower = after.to_ascii_lowercase();
                let at = lower.find(&format!(" {prep} "))?;
                if at > 40 {
                    return None;
                }
                at + prep.len() + 1
            };
            self.countries
                .iter()
                .find(|m| m.start >= word.end + at && m.start <= word.end + at + 7)
                .map(|m| m.code)
        };
        let owner = self.owner(word);
        if flow == Measure::Export {
            if let Some(to) = following("to") {
                return Some((other(to), to, format!("direction: exports to {to}")));
            }
            if let Some(from) = following("from").or(owner) {
                return Some((from, other(from), format!("direction: exports of {from}")));
            }
        } else {
            if let Some(from) = following("from") {
                return Some((from, other(from), format!("direction: imports from {from}")));
            }
            if let Some(importer) = owner {
                return Some((
                    other(importer),
                    importer,
                    format!("direction: imports of {importer}"),
                ));
            }
        }
        None
    }
}
