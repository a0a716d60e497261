//! Binding the pieces of a sentence into observations: an amount or a rate,
//! the measure it belongs to (total trade, exports, imports, balance), the two
//! parties, and the period.
//!
//! The rules read like a careful reader's: a number is a trade figure only if a
//! trade word is the nearest measure word before it (so "investment of $5
//! billion" and "tariffs of 25 percent" are not); a growth rate in the same
//! clause as a value describes that value; the phrase that dates a number is
//! the one right after it, else its clause's, else its sentence's
//! ([`dating`]); what a sentence leaves out (the period, whose trade, what
//! "it" is) comes from what the article said before ([`discourse`]). Every
//! choice is written into the observation's `reason`, and a figure that
//! cannot be completed becomes a warning rather than a guess.
//!
//! The modules, one concern each: [`measure`] is the lexicon of measure
//! words; [`clause`] the shape of a sentence around a figure (clauses,
//! goals, bases of comparisons, changes, negation); [`dating`] which period
//! phrase dates which figure; [`pair`] which two parties and which
//! direction; [`discourse`] what carries from sentence to sentence;
//! [`respectively`] figures listed one to one; [`dedup`] one report per
//! figure.

mod binder;
mod clause;
mod dating;
mod dedup;
mod discourse;
mod measure;
mod pair;
mod respectively;

use std::{borrow::Cow, cell::Cell};

use crate::{
    country::{self, Mention},
    growth,
    model::{Metric, Observation, Pair, Period, Status, Warning},
    money::{self, Amount},
    period::{self, PeriodKind, PeriodMention},
    prefilter::Clues,
    sentence::Sentence,
};

pub(crate) use crate::context::DocumentContext;
use binder::SentenceBinder;
use dating::Spot;
use dedup::dedup;
use discourse::{Discourse, Referent, Scope};
use measure::{anaphors, figure_words, Measure, MeasureWord};
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
/// `normalized` are the sentences so written, one per sentence (where its
/// clues hold no money and no rate, the sentence as it is).
pub(crate) fn observations(
    doc: &DocumentContext<'_>,
    sentences: &[Sentence],
    clues: &[Clues],
    normalized: &[Cow<'_, str>],
    amounts: Vec<Vec<Amount>>,
) -> (Vec<Observation>, Vec<Warning>) {
    let mut out: Vec<Observation> = Vec::new();
    let mut warnings = Warnings::default();
    let mut discourse = Discourse::default();
    let mut amounts = amounts.into_iter();
    for (i, s) in sentences.iter().enumerate() {
        let original = s.text(doc.text);
        let mut amounts = amounts.next().unwrap_or_default();
        let clue = clues.get(i).copied().unwrap_or(Clues::ALL);
        // A figure needs a number, in digits or spelled out before a scale
        // or percent (which then has the money or rate clue), or a flat
        // statement (which has the rate clue). A sentence without one may
        // still say what the article speaks of.
        if !(clue.digit || clue.money || clue.rate || clue.measure) {
            continue;
        }
        let sentence: &str = normalized.get(i).map_or(original, |n| n);
        let has_number = clue.digit || sentence.bytes().any(|b| b.is_ascii_digit());
        let flat = clue.rate && mentions_flat(sentence);
        money::fill_unwritten(&mut amounts, doc.currency);
        let rates = if clue.rate && (has_number || flat) {
            growth::rates(sentence)
        } else {
            Vec::new()
        };
        if amounts.is_empty() && rates.is_empty() {
            if clue.measure {
                note_topic(doc, sentence, i, clue.digit, &mut discourse);
            }
            continue;
        }
        let mut words = figure_words(sentence);
        if let Some(referent) = &discourse.referent {
            let measure = if referent.deficit {
                Measure::Deficit
            } else {
                measure_of_metric(referent.metric)
            };
            words.extend(anaphors(sentence, measure));
            // A ranking continued without a measure word of its own.
            if !words
                .iter()
                .any(|w| w.measure != Measure::Other && !w.anaphor)
                && matches!(measure, Measure::Trade | Measure::Export | Measure::Import)
            {
                words.extend(measure::ranking_cues(sentence, measure));
            }
            words.sort_by_key(|w| w.start);
        }
        let periods = period::periods_in(sentence, &frame(doc, &discourse));
        // "U.S. dollars" names a currency, not a country.
        let mut countries: Vec<Mention> = country::mentions(sentence)
            .into_iter()
            .filter(|m| !amounts.iter().any(|a| m.start < a.end && a.start < m.end))
            .collect();
        // "trade with the bloc", "exports to the neighbouring country".
        doc.add_references(sentence, &mut countries);
        let listing = match respectively_list(sentence, &words, &countries, &amounts, &rates) {
            Ok(listing) => listing.unwrap_or_default(),
            Err(list) => {
                warnings.left_out(format!(
                    "figures left out: they are given 'respectively' for {list}, but not as many figures as {list} (\"{original}\")"
                ));
                continue;
            }
        };
        let mut spots: Vec<Spot> = amounts
            .iter()
            .map(|a| Spot {
                start: a.start,
                end: a.end,
                base: clause::introduces_a_base(sentence, a.start),
                rate: false,
            })
            .chain(rates.iter().map(|r| Spot {
                start: r.start,
                end: r.end,
                base: false,
                rate: true,
            }))
            .collect();
        // "compared with €159 billion in 2009 and €187 billion in 2008":
        // an amount listed after a base is one too.
        for i in 1..spots.len() {
            let (prev, this) = (spots[i - 1], spots[i]);
            if prev.base && !prev.rate && !this.rate && this.start >= prev.end {
                let gap = sentence[prev.end..this.start].trim().to_ascii_lowercase();
                let listed = (gap == "and" || gap.ends_with(" and") || gap.ends_with(", and"))
                    && gap.len() < 40
                    && !gap.contains(';');
                if listed {
                    spots[i].base = true;
                }
            }
        }
        let clauses = clause::Clauses::of(sentence);
        let compared = growth::compared(sentence);
        let mut excluded: Vec<(usize, usize)> = compared.iter().map(|(_, span)| *span).collect();
        excluded.extend(compared_periods(sentence, &periods));
        let binder = SentenceBinder {
            doc,
            sentence,
            original,
            offset: s.start,
            words: &words,
            periods: &periods,
            countries: &countries,
            spots: &spots,
            excluded: &excluded,
            compared: &compared,
            clauses: &clauses,
            discourse: &discourse,
            world: Cell::new(None),
            wrap: Cell::new(None),
            bilateral: std::cell::OnceCell::new(),
            listing: &listing,
            counts: if listing.measures.is_empty() && listing.partners.is_empty() {
                (amounts.len(), rates.len())
            } else {
                listing.counts
            },
        };

        let figures_before = out.len();
        let mut last_period = discourse.period().cloned();
        let period_before = last_period.clone();
        let mut bound: Vec<(usize, Observation)> = Vec::new();
        for (k, amount) in amounts.iter().enumerate() {
            match binder.amount(k, amount, &mut last_period) {
                Ok(Some(o)) => bound.push((k, o)),
                Ok(None) => {}
                Err(message) => warnings.left_out(message),
            }
        }
        settle_balances_by_their_flows(&mut bound);
        // The writer's conversions, bound as the figures they convert.
        let converted: Vec<Observation> = bound
            .iter()
            .filter_map(|(k, o)| binder.conversion(&amounts[*k], o))
            .collect();
        for (j, rate) in rates.iter().enumerate() {
            match binder.rate(j, rate, &bound, &mut last_period) {
                Ok(Some(o)) => out.push(o),
                Ok(None) => {}
                Err(message) => warnings.left_out(message),
            }
        }
        let world = binder.world.get();
        let wrap = binder.wrap.get();
        // The first reported figure that is not a comparison's base.
        let head = bound
            .iter()
            .filter(|(k, o)| {
                !spots[*k].base && o.status == Status::Reported && !o.period.unresolved
            })
            .map(|(_, o)| o.clone())
            .chain(
                out[figures_before..]
                    .iter()
                    .filter(|o| o.status == Status::Reported && !o.period.unresolved)
                    .cloned(),
            )
            .min_by_key(|o| o.provenance.span[0]);
        // What "it" stands for next: the first value reported (a rate is
        // of a value, not one itself).
        let value = bound
            .iter()
            .filter(|(k, o)| {
                !spots[*k].base && o.status == Status::Reported && !o.period.unresolved
            })
            .map(|(_, o)| o)
            .min_by_key(|o| o.provenance.span[0])
            .map(|o| Referent {
                metric: o.metric,
                pair: o.pair.clone(),
                deficit: o.metric == Metric::TradeBalance && o.value < 0.0,
            });
        out.extend(bound.into_iter().map(|(_, o)| o));
        out.extend(converted);
        after_figures(
            head.as_ref(),
            value,
            world,
            wrap,
            last_period.filter(|p| Some(p) != period_before.as_ref()),
            i,
            &mut discourse,
        );
        if out.len() == figures_before && clue.measure {
            note_topic(doc, sentence, i, clue.digit, &mut discourse);
        }
    }
    out.sort_by_key(|o| o.provenance.span[0]);
    // The headline, as characters: the text's first line.
    let headline_end = doc
        .text
        .find('\n')
        .map_or(0, |end| doc.text[..end].chars().count());
    dedup(&mut out, headline_end);
    (out, warnings.into_list())
}

/// Most figures left out that are listed one by one. A hostile text (a
/// five-megabyte line of "$5 billion rose 3% and ...") leaves out hundreds
/// of thousands, each quoting its sentence: listing them all took 1.6 GB.
const MAX_LEFT_OUT: usize = 500;

/// The warnings of the figures, with those past [`MAX_LEFT_OUT`] counted.
#[derive(Default)]
struct Warnings {
    list: Vec<Warning>,
    more: usize,
}

impl Warnings {
    fn left_out(&mut self, message: String) {
        if self.list.len() < MAX_LEFT_OUT {
            self.list.push(Warning {
                code: "figure_incomplete".to_owned(),
                message,
            });
        } else {
            self.more += 1;
        }
    }

    fn into_list(mut self) -> Vec<Warning> {
        if self.more > 0 {
            self.list.push(Warning {
                code: "figure_incomplete".to_owned(),
                message: format!("{} more figures left out, not listed one by one", self.more),
            });
        }
        self.list
    }
}

/// What the figures of sentence `at` leave in force: their period, their
/// pair (or a country's trade with the world, when a figure was left out as
/// that), and the first reported one as what "it" stands for next. Goals are
/// not reports and carry nothing; the first reported figure that is not a
/// comparison's base counts ("..., compared with 291 billion euros in 2023"
/// is not what the sentence reports). A sentence whose partners were named
/// one clause at a time beside the reporting country ("exports to China
/// rose ..., while exports to the EU ...") is a wrap of that country's
/// trade: a clause after it that names no partner is the country's total.
fn after_figures(
    head: Option<&Observation>,
    value: Option<Referent>,
    world: Option<&'static str>,
    wrap: Option<&'static str>,
    named: Option<Period>,
    at: usize,
    discourse: &mut Discourse,
) {
    match head {
        Some(o) => {
            use chrono::Datelike;
            discourse.set_period(o.period.clone(), at);
            discourse.data_year = Some(o.period.end.year());
            let (a, b) = sorted(&o.pair);
            discourse.scope = Some(match wrap {
                Some(reporter) => Scope::World(reporter),
                None => Scope::Pair(a, b),
            });
            if value.is_some() {
                discourse.referent = value;
            }
        }
        None => {
            // A figure left out for its pair named the period.
            if let Some(p) = named {
                discourse.set_period(p, at);
            }
            if let Some(c) = world.or(wrap) {
                discourse.scope = Some(Scope::World(c));
                discourse.referent = None;
            }
        }
    }
}

/// The country named right at byte `at` of a sentence, a "the " or the
/// like allowed before it: the party a preposition ending there introduces
/// ("to China", "with the Philippines").
pub(super) fn named_at(countries: &[Mention], at: usize) -> Option<&Mention> {
    countries.iter().find(|m| (at..=at + 4).contains(&m.start))
}

/// The party `lead` ("to ", "in favour of ") introduces right after byte
/// `at` of `sentence`, white space before it skipped: "exports to Kenya",
/// "$2.2 billion in favour of China".
pub(super) fn party_after(
    sentence: &str,
    countries: &[Mention],
    at: usize,
    lead: &str,
) -> Option<&'static str> {
    let rest = sentence.get(at..)?.trim_start();
    let from = sentence.len() - rest.len() + lead.len();
    crate::scan::starts_with_ascii_ci(rest, lead)
        .then(|| named_at(countries, from).map(|m| m.code))
        .flatten()
}

/// The pair's two codes as `'static` strings, in alphabetical order.
fn sorted(pair: &Pair) -> (&'static str, &'static str) {
    let code = |c: &str| -> &'static str { country::static_code(c).unwrap_or("") };
    let u = pair.undirected();
    (code(&u.0), code(&u.1))
}

/// A sentence about trade without figures may still say what the article
/// speaks of: "Trade between Kazakhstan and China has grown fast" (the
/// pair), "Germany's surplus is the bloc's largest" (a country's trade with
/// the world), "In the first ten months, trade was brisk" (the period), and
/// what "it" will stand for ("Sino-Russian trade has been growing. In 2017,
/// it rose ...").
/// `[from, to]` of an export or import word of the pair `(a, b)` when the
/// sentence states it: a partner right after "to" or "from", else the
/// owner ("Polish exports").
fn stated_flow(
    sentence: &str,
    countries: &[Mention],
    word: MeasureWord,
    owner: Option<&'static str>,
    (a, b): (&'static str, &'static str),
) -> Option<Pair> {
    let other = |c: &'static str| if c == a { b } else { a };
    let export = match word.measure {
        Measure::Export => true,
        Measure::Import => false,
        _ => return None,
    };
    let prep = if export { "to " } else { "from " };
    let partner = party_after(sentence, countries, word.end, prep).filter(|c| *c == a || *c == b);
    let (from, to) = match (partner, owner.filter(|o| *o == a || *o == b)) {
        (Some(p), _) if export => (other(p), p),
        (Some(p), _) => (p, other(p)),
        (None, Some(o)) if export => (o, other(o)),
        (None, Some(o)) => (other(o), o),
        (None, None) => return None,
    };
    Some(Pair(from.to_owned(), to.to_owned()))
}

fn note_topic(
    doc: &DocumentContext<'_>,
    sentence: &str,
    at: usize,
    digit: bool,
    discourse: &mut Discourse,
) {
    // Nothing to note without a party or a period named.
    let mut countries = country::mentions(sentence);
    doc.add_references(sentence, &mut countries);
    let lower_has = |w: &str| crate::scan::contains_ascii_ci(sentence.as_bytes(), w.as_bytes());
    let may_name_a_period = digit || ["month", "quarter", "half"].iter().any(|w| lower_has(w));
    if countries.is_empty() && !may_name_a_period {
        return;
    }
    // "the Lagos International Trade Fair", "the Trade Ministry": a name,
    // not talk of trade.
    let in_a_name = |w: &MeasureWord| {
        sentence[w.start..].starts_with(|c: char| c.is_ascii_uppercase())
            && sentence[w.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_uppercase())
    };
    let words: Vec<MeasureWord> = figure_words(sentence)
        .into_iter()
        .filter(|w| w.measure != Measure::Other && !in_a_name(w))
        .collect();
    let Some(first) = words.first() else {
        return;
    };
    let parties: Vec<&'static str> = country::distinct(&countries);
    let owner = countries
        .iter()
        .rev()
        .find(|m| {
            m.end <= first.start && {
                let gap = sentence[m.end..first.start].trim_end();
                gap.is_empty()
                    || ["'s", "’s"].contains(&gap)
                    || measure::world_scope(&sentence[..first.start]).is_some()
            }
        })
        .map(|m| m.code);
    let nearest = nearest_parties(&countries, first);
    let scope = match parties.as_slice() {
        [_, _] => nearest.map(|(a, b)| pair_scope(a, b)),
        // Three or more ("Korea's dependence on China for goods bought from
        // Japan"): the nearest two are the topic only if they are the
        // article's pair.
        [_, _, _, ..] => nearest
            .filter(|&(a, b)| {
                doc.pair
                    .is_none_or(|(x, y)| (a, b) == (x, y) || (b, a) == (x, y))
            })
            .map(|(a, b)| pair_scope(a, b)),
        [a] if measure::world_scope(&sentence[..first.start]).is_some() => Some(Scope::World(a)),
        [a] if owner == Some(a) => match &discourse.scope {
            Some(s) if s.other_than(a).is_some() => None,
            _ => Some(Scope::World(a)),
        },
        [a] => {
            let other = doc
                .reporter_code()
                .filter(|r| r != a)
                .or_else(|| discourse.scope.as_ref().and_then(|s| s.other_than(a)));
            other.map(|o| pair_scope(a, o))
        }
        [] => None,
    };
    if let Some(scope) = scope {
        if matches!(scope, Scope::World(_)) {
            discourse.referent = None;
        }
        discourse.scope = Some(scope);
    }
    if let Some(Scope::Pair(a, b)) = &discourse.scope {
        if first.measure == Measure::Trade {
            discourse.referent = Some(Referent {
                metric: Metric::TradeValue,
                pair: Pair::sorted(a, b),
                deficit: false,
            });
        }
        // "Polish exports to Ukraine are growing year by year. In 2020,
        // it only slightly exceeded 23 billion zlotys": the flow a sentence
        // without figures speaks of is what "it" stands for next.
        if let Some(pair) = stated_flow(sentence, &countries, *first, owner, (a, b)) {
            discourse.referent = Some(Referent {
                metric: if first.measure == Measure::Export {
                    Metric::ExportValue
                } else {
                    Metric::ImportValue
                },
                pair,
                deficit: false,
            });
        }
    }
    // The last period it names ("the deficit for the first nine months
    // has crossed the deficit for full 2021": "then" is 2021 next), unless
    // it speaks of plans.
    // A period needs a year's digits or a word for part of one.
    if !may_name_a_period || clause::states_a_goal(sentence) {
        return;
    }
    let periods = period::periods_in(sentence, &frame(doc, discourse));
    let bases = growth::compared_year_spans(sentence);
    let named = periods
        .iter()
        .rev()
        .find_map(|p: &PeriodMention| match &p.kind {
            PeriodKind::Fixed { period, .. }
                if !period.inferred && !bases.iter().any(|&(s, e)| p.start < e && s < p.end) =>
            {
                Some(period.clone())
            }
            _ => None,
        });
    if let Some(p) = named {
        discourse.set_period(p, at);
    }
}

/// What the sentence's periods are read against: the publication date, the
/// year of the figures before, the reporting country's fiscal calendar.
fn frame<'a>(doc: &DocumentContext<'_>, discourse: &'a Discourse) -> period::Frame<'a> {
    period::Frame {
        published: doc.published.date,
        data_year: discourse.data_year(),
        fiscal: doc.fiscal,
        in_force: discourse.period().cloned(),
        earlier: &discourse.earlier,
    }
}

/// The two distinct parties named nearest a measure word.
fn nearest_parties(
    countries: &[Mention],
    word: &MeasureWord,
) -> Option<(&'static str, &'static str)> {
    let distance = |m: &Mention| {
        if m.end <= word.start {
            word.start - m.end
        } else {
            m.start.saturating_sub(word.end)
        }
    };
    let mut near: Vec<&Mention> = countries.iter().collect();
    near.sort_by_key(|m| distance(m));
    let first = near.first()?.code;
    let second = near.iter().map(|m| m.code).find(|c| *c != first)?;
    Some((first, second))
}

fn pair_scope(a: &'static str, b: &'static str) -> Scope {
    if a <= b {
        Scope::Pair(a, b)
    } else {
        Scope::Pair(b, a)
    }
}

/// The measure of a metric, for the words that stand for a figure of it.
fn measure_of_metric(metric: Metric) -> Measure {
    match metric {
        Metric::ExportValue | Metric::ExportGrowthYoy => Measure::Export,
        Metric::ImportValue | Metric::ImportGrowthYoy => Measure::Import,
        Metric::TradeBalance => Measure::Surplus,
        Metric::TradeValue | Metric::TradeGrowthYoy | Metric::TradeTarget => Measure::Trade,
    }
}

/// "Its exports to India stood at $89.99 billion and imports were at $13.97
/// billion, leaving a trade deficit of $76 billion": the exports exceed the
/// imports, so the deficit is the partner's, whatever the word order says.
/// A balance reported beside both flows of the same pair, period and
/// currency belongs to the side the arithmetic gives.
fn settle_balances_by_their_flows(bound: &mut [(usize, Observation)]) {
    let flows: Vec<(Pair, Period, String, f64)> = bound
        .iter()
        .filter(|(_, o)| o.metric == Metric::ExportValue && o.status == Status::Reported)
        .filter_map(|(_, o)| {
            Some((
                o.pair.clone(),
                o.period.clone(),
                o.currency.clone()?,
                o.value,
            ))
        })
        .collect();
    for (pair, period, currency, exports) in flows {
        let reverse = Pair(pair.1.clone(), pair.0.clone());
        let imports = bound.iter().find(|(_, o)| {
            o.metric == Metric::ImportValue
                && o.pair == reverse
                && o.period == period
                && o.currency.as_deref() == Some(currency.as_str())
        });
        let Some(imports) = imports.map(|(_, o)| o.value) else {
            continue;
        };
        // The exporter (pair.0) has the surplus when it sells more.
        let surplus_side = if exports >= imports { &pair.0 } else { &pair.1 };
        for (_, o) in bound.iter_mut().filter(|(_, o)| {
            o.metric == Metric::TradeBalance
                && o.period == period
                && o.currency.as_deref() == Some(currency.as_str())
                && o.pair.undirected() == pair.undirected()
        }) {
            let magnitude = o.value.abs();
            let surplus_word = o.value > 0.0;
            let owner = if surplus_word {
                surplus_side.clone()
            } else if surplus_side == &pair.0 {
                pair.1.clone()
            } else {
                pair.0.clone()
            };
            let partner = if owner == pair.0 {
                pair.1.clone()
            } else {
                pair.0.clone()
            };
            if o.pair.0 != owner {
                o.pair = Pair(owner, partner);
                o.provenance.reason.push_str(&format!(
                    "; whose balance: the sentence's exports ({exports}) and imports ({imports}) say so"
                ));
            }
            o.value = if surplus_word { magnitude } else { -magnitude };
        }
    }
}

/// Period phrases named as what a figure is compared with: "grew by $12
/// million compared to September 2018", "higher than in the first half of
/// 2022", "up from the first quarter". They date no figure of their own.
fn compared_periods(sentence: &str, periods: &[PeriodMention]) -> Vec<(usize, usize)> {
    const MARKERS: [&str; 9] = [
        "compared to",
        "compared with",
        "as against",
        "against",
        "versus",
        "vs.",
        "than",
        "than in",
        "up from",
    ];
    periods
        .iter()
        .filter(|p| {
            let before = sentence[..p.start].trim_end().to_ascii_lowercase();
            let before = before.strip_suffix(" the").unwrap_or(&before);
            MARKERS.iter().any(|m| {
                before.ends_with(m)
                    && before[..before.len() - m.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_ascii_alphanumeric())
            })
        })
        .map(|p| (p.start, p.end))
        .collect()
}

fn mentions_flat(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    // "unchanged" holds "changed", as in "little changed".
    lower.contains("same level") || lower.contains("flat") || lower.contains("changed")
}
