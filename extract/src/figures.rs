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

use std::{collections::HashSet, sync::OnceLock};

use chrono::Datelike;
use regex::Regex;

use crate::{
    country::{self, Mention},
    growth::{self, Rate},
    model::{Metric, Observation, Pair, Period, Provenance, Status, Warning},
    money::{self, Amount},
    period::{self, PeriodKind, PeriodMention},
    pipeline::CharIndex,
    prefilter::Clues,
    published::Published,
    sentence::Sentence,
};

/// What one measure word says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    Trade,
    Export,
    Import,
    Surplus,
    Deficit,
    /// Money or a rate of something else: investment, a loan, a tariff, a share.
    Other,
}

fn measure_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("measure", r"(?ix)
            \b(?P<both>(?:imports?\s+and\s+exports?|exports?\s+and\s+imports?))\b
          | \b(?P<surplus>surplus(?:es)?)\b
          | \b(?P<deficit>deficits?)\b
          | \b(?P<export>exports?|exported|exporting|outbound\s+shipments(?:\s+to)?|shipments\s+to|sales\s+to|supplies\s+to|deliveries\s+to)\b
          | \b(?P<import>imports?|imported|importing|inbound\s+shipments(?:\s+from)?|shipments\s+from|purchases\s+from|supplies\s+from|deliveries\s+from)\b
          | \b(?P<trade>trade|traded|turnover|commerce|trading\s+volume)\b
          | \b(?P<other>investments?|invested|investing|loans?|credit|aid|grants?|deals?|contracts?|projects?|funds?|funding|financing|GDP|economy|budget|reserves|debt|bonds?|capital|valuation|capitali[sz]ation|revenues?|profits?|assets|spending|costs?|prices?|tariffs?|duties|duty|subsid\w*|pledged?|share|shares|stake|proportion|inflation|unemployment|interest|rate|rates|resumption|population|output|production|sales|market)\b
        ")
    })
}

fn target_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("target", r"(?i)\b(?:targets?|goal|aims?\s+to|aimed\s+at|to\s+reach|will\s+reach|would\s+reach|could\s+reach|expected\s+to|forecast|projected|plans?\s+to|strive\s+to|seek\s+to|set\s+to|to\s+hit|to\s+exceed|to\s+top|to\s+double|to\s+raise|to\s+boost|raising|boosting|by\s+(?:19|20)\d\d|(?:may|might|could|will|would|should|can)\s+(?:well\s+|likely\s+|even\s+|soon\s+)?(?:exceed|reach|top|hit|surpass|grow|rise|increase|double|climb|amount|total|fall|decline|drop)|likely\s+to|poised\s+to|on\s+track\s+to|(?-i:may)|might|could|will|would|should)\b")
    })
}

/// Whether the words after a figure make it a goal's amount: "exceeded the
/// $200 billion target", "the $100 billion goal".
fn names_a_goal(after: &str) -> bool {
    let after = after.trim_start();
    ["target", "goal"].iter().any(|w| {
        crate::scan::starts_with_ascii_ci(after, w)
            && !after
                .as_bytes()
                .get(w.len())
                .is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Bytes between two spans of a sentence (0 when they touch or overlap).
fn span_distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// The year of "the $200 billion target for 2024": "for" and a year right
/// after the goal's word.
fn goal_for_year(after: &str) -> Option<Period> {
    let after = after.trim_start();
    let rest = ["target", "goal"]
        .iter()
        .find(|w| crate::scan::starts_with_ascii_ci(after, w))
        .map(|w| &after[w.len()..])?;
    let rest = rest.trim_start().strip_prefix("for")?.trim_start();
    let year = rest.get(..4)?;
    let end_ok = !rest
        .as_bytes()
        .get(4)
        .is_some_and(u8::is_ascii_alphanumeric);
    (end_ok && (year.starts_with("19") || year.starts_with("20")))
        .then(|| year.parse().ok())
        .flatten()
        .and_then(Period::year)
}

/// A change already reported before "to reach" makes it a result: "grew by
/// 32 percent in 2023 to reach a record $41 billion".
fn reported_change_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("reported change", r"(?i)\b(?:grew|rose|increased|jumped|surged|climbed|expanded|soared|gained|advanced|fell|declined|dropped)\b")
    })
}

/// Whether the words before a figure (in its clause) state a goal or a
/// forecast rather than a result.
fn states_a_goal(before: &str) -> bool {
    let mut goals = target_re().find_iter(before).peekable();
    if goals.peek().is_none() {
        return false;
    }
    // Only "to reach", "to hit", "to exceed", "to top" read as results after
    // a reported change; every other goal word ("aims to", "by 2030") stays.
    let only_reaching = goals.all(|m| {
        let w = m.as_str().to_ascii_lowercase();
        ["to reach", "to hit", "to exceed", "to top"]
            .iter()
            .any(|r| w.split_whitespace().eq(r.split_whitespace()))
    });
    !(only_reaching && reported_change_re().is_match(before))
}

fn by_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile(
            "by year",
            r"(?i)\bby\s+(?:the\s+end\s+of\s+)?(?P<y>(?:19|20)\d\d)\b",
        )
    })
}

fn region_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("region", r"\b(?:Africa|African\s+(?:countries|nations|states)|ASEAN|Latin\s+America|Central\s+Asia|Southeast\s+Asia|Middle\s+East|Arab\s+(?:states|countries|world)|Gulf\s+(?:states|countries)|BRICS|Pacific\s+Island\s+countries)\b")
    })
}

/// A region named as a trading party ("China-Africa trade", "trade with
/// ASEAN"); "South Africa" is a country and not one.
fn region_of(sentence: &str) -> Option<&str> {
    // The pattern runs only on sentences holding one of its words.
    if !sentence.contains("Africa")
        && ![
            "ASEAN", "America", "Asia", "East", "Arab", "Gulf", "BRICS", "Pacific",
        ]
        .iter()
        .any(|w| sentence.contains(w))
    {
        return None;
    }
    region_re()
        .find_iter(sentence)
        .find(|m| !sentence[..m.start()].ends_with("South "))
        .map(|m| m.as_str())
}

/// Words that make a figure the article's pair's: "bilateral trade", "trade
/// between the two countries", and a leader's "our trade" in the transcript
/// of a meeting of two.
fn bilateral_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("bilateral", r"(?i)\b(?:bilateral|mutual|two-way|two\s+way|between\s+the\s+two|the\s+two\s+(?:countries|nations|sides|economies)|both\s+(?:countries|sides|nations)|our\s+(?:trade|two\s+countries|countries))\b")
    })
}

fn clause_break_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("clause break", r"(?i);|\s(?:while|whereas|but|although)\s|,\s+(?:and|while)\s+(?:the|its|their|China|Russia|trade|exports|imports|shipments)\b")
    })
}

/// A measure word and where it stands in the sentence.
#[derive(Clone, Copy, Debug)]
struct MeasureWord {
    measure: Measure,
    start: usize,
    end: usize,
}

fn measure_words(sentence: &str) -> Vec<MeasureWord> {
    // Matches without captures (a capture search costs thousands of
    // instructions a match); the matched words alone tell the group, as
    // the tests check against the pattern's captures.
    measure_re()
        .find_iter(sentence)
        .map(|m| MeasureWord {
            measure: measure_of_word(m.as_str()),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

/// The measure words that can say what a figure measures. In "exports to
/// the US, its largest export market, rose to $136.6 billion" the words
/// "export market" describe a country, not the figure: an export or import
/// word before "market" or "destination" is left out, and so is the
/// "market" after it.
fn figure_words(sentence: &str) -> Vec<MeasureWord> {
    let mut words = measure_words(sentence);
    let mut describing: Vec<(usize, usize)> = Vec::new();
    for w in &words {
        if !matches!(w.measure, Measure::Export | Measure::Import) {
            continue;
        }
        let rest = &sentence[w.end..];
        let after = rest.trim_start();
        let gap = rest.len() - after.len();
        let noun = ["markets", "market", "destinations", "destination"]
            .into_iter()
            .find(|n| crate::scan::starts_with_ascii_ci(after, n));
        if let Some(noun) = noun {
            if gap > 0 {
                describing.push((w.start, w.end + gap + noun.len()));
            }
        }
    }
    if !describing.is_empty() {
        words.retain(|w| !describing.iter().any(|&(s, e)| w.start >= s && w.end <= e));
    }
    // "crude exports", "soybean imports", "non-oil trade": a part of the
    // trade, not the country's total, so not a figure of the series.
    for w in &mut words {
        if matches!(
            w.measure,
            Measure::Export | Measure::Import | Measure::Trade
        ) && (names_a_part(&sentence[..w.start]) || names_a_part_after(&sentence[w.end..]))
        {
            w.measure = Measure::Other;
        }
    }
    words
}

/// The word that ends `before` when it widens a measure to trade with the
/// whole world ("foreign trade", "total exports", "overall imports").
fn world_scope(before: &str) -> Option<&str> {
    let word = before.trim_end().rsplit(' ').next()?;
    [
        "foreign",
        "external",
        "overall",
        "total",
        "global",
        "worldwide",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
    .then_some(word)
}

/// Whether the words after a measure narrow it to goods of one kind:
/// "exports of Chinese cars", "imports of crude oil" (the first two words
/// after "of", not past "and": "exports of goods and services" is the whole).
fn names_a_part_after(after: &str) -> bool {
    let after = after.trim_start();
    if !crate::scan::starts_with_ascii_ci(after, "of ") {
        return false;
    }
    after[3..]
        .split_whitespace()
        .take(2)
        .take_while(|w| !w.eq_ignore_ascii_case("and"))
        .any(names_a_kind)
}

/// Whether the words between a measure and its money count goods of one
/// kind: "imported 107 million tonnes of Russian crude worth $60.6 billion",
/// "exported 900,000 cars to Russia ..., worth about $20 billion". The money
/// is those goods' worth, a part of the trade. (Without a count, "exports,
/// mostly oil and gas, rose to ..." still describe the whole.)
fn counts_goods_of_a_kind(gap: &str) -> bool {
    let gap = gap.trim_start();
    if !gap.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    gap.split_whitespace().take(8).any(names_a_kind)
}

/// Whether `word` (punctuation around it aside) is one of [`KINDS`].
fn names_a_kind(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    KINDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Words that narrow a measure to goods of one kind.
const KINDS: [&str; 48] = [
    "crude",
    "oil",
    "gas",
    "lng",
    "coal",
    "energy",
    "fuel",
    "petroleum",
    "soybean",
    "soybeans",
    "soy",
    "grain",
    "wheat",
    "corn",
    "rice",
    "beef",
    "pork",
    "meat",
    "seafood",
    "food",
    "agricultural",
    "farm",
    "car",
    "cars",
    "auto",
    "vehicle",
    "ev",
    "chip",
    "chips",
    "semiconductor",
    "steel",
    "iron",
    "aluminium",
    "aluminum",
    "copper",
    "gold",
    "timber",
    "fertilizer",
    "arms",
    "defence",
    "defense",
    "weapons",
    "textile",
    "garment",
    "pharmaceutical",
    "services",
    "digital",
    "tourism",
];

/// Whether the word that ends `before` narrows a measure to goods of one
/// kind ("crude", "soybean", "non-oil", "services").
fn names_a_part(before: &str) -> bool {
    let Some(word) = before.trim_end().rsplit(' ').next() else {
        return false;
    };
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    // On bytes: the word may hold other scripts, and "non-" is ASCII.
    if word.len() > 4 && crate::scan::starts_with_ascii_ci(word, "non-") {
        return true;
    }
    names_a_kind(word)
}

/// Which group of [`measure_re`] matched `word`, from the word itself: the
/// groups' words differ in their first letters, except "shipments" and
/// "sales", told by the preposition that follows ("sales" alone is
/// another measure's).
fn measure_of_word(word: &str) -> Measure {
    let w = word.as_bytes();
    let starts = |p: &str| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let ends =
        |p: &str| w.len() >= p.len() && w[w.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes());
    if names_both_flows(word) {
        Measure::Trade
    } else if starts("surplus") {
        Measure::Surplus
    } else if starts("deficit") {
        Measure::Deficit
    } else if starts("export")
        || starts("outbound")
        || (starts("shipments") || starts("sales") || starts("supplies") || starts("deliveries"))
            && ends("to")
    {
        Measure::Export
    } else if starts("import")
        || starts("inbound")
        || (starts("shipments")
            || starts("purchases")
            || starts("supplies")
            || starts("deliveries"))
            && ends("from")
    {
        Measure::Import
    } else if starts("trade") || starts("turnover") || starts("commerce") || starts("trading") {
        Measure::Trade
    } else {
        Measure::Other
    }
}

/// Whether a word [`measure_re`] matched is "imports and exports" (or
/// "exports and imports"): the whole trade. No other word of the pattern
/// that starts with "export" or "import" holds white space.
fn names_both_flows(word: &str) -> bool {
    (crate::scan::starts_with_ascii_ci(word, "export")
        || crate::scan::starts_with_ascii_ci(word, "import"))
        && word.bytes().any(|b| b.is_ascii_whitespace())
}

/// The group of [`measure_re`] by its captures: the reference for
/// [`measure_of_word`].
#[cfg(test)]
fn measure_by_captures(c: &regex::Captures<'_>) -> Measure {
    if c.name("both").is_some() {
        Measure::Trade
    } else if c.name("surplus").is_some() {
        Measure::Surplus
    } else if c.name("deficit").is_some() {
        Measure::Deficit
    } else if c.name("export").is_some() {
        Measure::Export
    } else if c.name("import").is_some() {
        Measure::Import
    } else if c.name("trade").is_some() {
        Measure::Trade
    } else {
        Measure::Other
    }
}

/// The clause of `sentence` around byte `at`: (start, end).
fn clause(sentence: &str, at: usize) -> (usize, usize) {
    let mut start = 0;
    let mut end = sentence.len();
    for m in clause_break_re().find_iter(sentence) {
        // ", while imports ...", ", and China's ...": the word the break
        // ends with opens the next clause.
        let next = if m.as_str().ends_with(|c: char| c.is_ascii_alphabetic()) {
            m.as_str()
                .rfind(|c: char| c.is_ascii_whitespace())
                .map_or(m.end(), |i| m.start() + i + 1)
        } else {
            m.end()
        };
        if next <= at {
            start = next;
        } else if m.start() >= at {
            end = m.start();
            break;
        }
    }
    (start, end)
}

/// How far after a number a measure word may stand ("$5 billion in exports").
const MEASURE_AFTER: usize = 30;

/// What a sentence lists figures for "respectively", when that is several
/// measures ("exports and imports were $124.8 billion and $142.9 billion,
/// respectively") or several partners ("exports to China and the United
/// States rose 5.3% and 10.2%, respectively"): read by nearness, each
/// figure would take the last measure or the first partner, so the
/// sentence's figures are left out instead. Figures listed for periods
/// ("$267.7 billion in 2023 and $310.6 billion in 2022, respectively")
/// carry their own and are read as usual.
fn respectively_list(
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

/// The measure a number at `start..end` belongs to: the nearest measure word
/// before it in its clause, else one just after it. "Trade surplus" is a
/// balance, not a trade value.
fn measure_of(
    words: &[MeasureWord],
    clause: (usize, usize),
    start: usize,
    end: usize,
) -> Option<MeasureWord> {
    let before = words
        .iter()
        .filter(|w| w.end <= start && w.start >= clause.0)
        .fold(None::<MeasureWord>, |best, w| {
            // "trade surplus": the balance word right after "trade" wins.
            match best {
                Some(b)
                    if b.measure == Measure::Trade
                        && matches!(w.measure, Measure::Surplus | Measure::Deficit)
                        && w.start <= b.end + 1 =>
                {
                    Some(*w)
                }
                _ => Some(*w),
            }
        });
    if before.is_some() {
        return before;
    }
    words
        .iter()
        .find(|w| w.start >= end && w.start <= end + MEASURE_AFTER && w.end <= clause.1)
        .copied()
}

/// Everything the binder needs about the document.
pub struct DocumentContext<'a> {
    pub text: &'a str,
    pub published: &'a Published,
    /// The two countries the article is about.
    pub pair: Option<(&'static str, &'static str)>,
    pub chars: &'a CharIndex<'a>,
}

/// The figures of a whole document, and warnings for the ones that could not
/// be completed.
///
/// `clues` are the sentences' [`prefilter`](crate::prefilter) clues, one per
/// sentence: the money and rate patterns run only where theirs are present.
pub fn observations(
    doc: &DocumentContext<'_>,
    sentences: &[Sentence],
    clues: &[Clues],
) -> (Vec<Observation>, Vec<Warning>) {
    let mut out: Vec<Observation> = Vec::new();
    let mut warnings = Vec::new();
    // "the same period" refers to the period the article spoke of last.
    let mut last_period: Option<Period> = None;
    // The sentence before, and the period and pair of its first figure.
    let mut previous: Option<Carried> = None;
    for (i, s) in sentences.iter().enumerate() {
        let sentence = s.text(doc.text);
        let clue = clues.get(i).copied().unwrap_or(Clues::ALL);
        // Without an ASCII digit no number parses, so only a flat statement
        // (which has the rate clue) can be a figure.
        let may_be_figure = clue.digit || (clue.rate && mentions_flat(sentence));
        if !may_be_figure {
            continue;
        }
        let amounts = if clue.money {
            money::amounts(sentence)
        } else {
            Vec::new()
        };
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

/// A headline and its body often say the same thing: keep one, the body's,
/// whose sentence says more as a source ("Bilateral trade volume ... in the
/// first quarter of this year reached $54.1 billion, up 3.5 percent" rather
/// than "China, Russia trade up 3.5% in Q1"). The headline ends at character
/// `headline_end`.
fn dedup(out: &mut Vec<Observation>, headline_end: usize) {
    let mut seen: HashSet<(Pair, Metric, Period, u64)> = HashSet::with_capacity(out.len());
    let in_headline = |o: &Observation| o.provenance.sentence_span[0] < headline_end;
    let body = (0..out.len()).filter(|&i| !in_headline(&out[i]));
    let headline = (0..out.len()).filter(|&i| in_headline(&out[i]));
    let mut keep = vec![false; out.len()];
    for i in body.chain(headline) {
        let o = &out[i];
        keep[i] = seen.insert((
            o.pair.clone(),
            o.metric,
            o.period.clone(),
            o.value.to_bits(),
        ));
    }
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    drop_rounded_repeats(out);
    drop_bounds_met_exactly(out);
}

/// "Trade exceeded $150 billion for the first time, reaching $171.49
/// billion": a bound ("more than", "under") that an exact figure for the
/// same pair, measure and period meets says nothing more, and would chart
/// as a second value.
fn drop_bounds_met_exactly(out: &mut Vec<Observation>) {
    use crate::model::Qualifier as Q;
    let mut dropped = vec![false; out.len()];
    for group in same_series(out) {
        let exact = || {
            group
                .iter()
                .map(|&i| &out[i])
                .filter(|o| o.qualifier.is_none())
                .map(|o| o.value)
        };
        let (Some(lowest), Some(highest)) = (exact().reduce(f64::min), exact().reduce(f64::max))
        else {
            continue;
        };
        for &i in &group {
            let bound = out[i].value;
            dropped[i] = match out[i].qualifier {
                Some(Q::MoreThan | Q::Over | Q::Above | Q::Exceeding) => highest > bound,
                Some(Q::AtLeast) => highest >= bound,
                Some(Q::LessThan | Q::Under) => lowest < bound,
                Some(Q::UpTo) => lowest <= bound,
                _ => false,
            };
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    out.retain(|_| keep.next().unwrap_or(true));
}

/// The observations of each series (same pair, measure and period), as
/// indices into `out`: the repeats the two rules above look for are within
/// one, so each looks at its own and the work stays near linear in the
/// number of figures (a 10 MiB stress input has tens of thousands).
fn same_series(out: &[Observation]) -> Vec<Vec<usize>> {
    let mut groups: std::collections::HashMap<(Metric, &Pair, &Period), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, o) in out.iter().enumerate() {
        groups
            .entry((o.metric, &o.pair, &o.period))
            .or_default()
            .push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// A headline's rounded figure and the body's exact one are one report
/// ("trade grows 26%" over "grew by 26.3%"): of two figures with the same
/// pair, measure and period, the one written with fewer decimals is dropped
/// when the other lies within half a unit of its last digit.
fn drop_rounded_repeats(out: &mut Vec<Observation>) {
    if out.len() < 2 {
        return;
    }
    let written: Vec<Option<(u32, f64)>> = out.iter().map(rounding).collect();
    let mut dropped = vec![false; out.len()];
    for group in same_series(out) {
        // `finer[k]`: the sorted values of the group written with more than
        // `k` decimals, so a figure with `k` asks one binary search.
        let most = group
            .iter()
            .filter_map(|&i| written[i].map(|(d, _)| d))
            .max()
            .unwrap_or(0)
            .min(12) as usize;
        let mut finer: Vec<Vec<f64>> = vec![Vec::new(); most];
        for &i in &group {
            if let Some((d, _)) = written[i] {
                for list in finer.iter_mut().take((d as usize).min(most)) {
                    list.push(out[i].value);
                }
            }
        }
        for list in &mut finer {
            list.sort_unstable_by(f64::total_cmp);
        }
        for &i in &group {
            let Some((decimals, half_unit)) = written[i] else {
                continue;
            };
            let Some(list) = finer.get(decimals as usize) else {
                continue;
            };
            let value = out[i].value;
            let from = list.partition_point(|&v| v < value - half_unit);
            dropped[i] = list.get(from).is_some_and(|&v| v <= value + half_unit);
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    out.retain(|_| keep.next().unwrap_or(true));
}

/// How a figure was written: its decimals and half a unit of its last digit,
/// in the figure's units ("$240 billion": 0 and 0.5 billion). `None` for a
/// figure that is not one number (a range) or cannot be read back.
fn rounding(o: &Observation) -> Option<(u32, f64)> {
    let p = &o.provenance;
    let skip = p.span[0].checked_sub(p.sentence_span[0])?;
    let figure: String = p
        .quote
        .chars()
        .skip(skip)
        .take(p.span[1] - p.span[0])
        .collect();
    let start = figure.find(|c: char| c.is_ascii_digit())?;
    let digits = &figure[start..];
    let end = digits
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(digits.len());
    let number = digits[..end].trim_end_matches(['.', ',']);
    // A second number makes a range ("$55 billion to $57 billion").
    if digits[end..].contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    let written: f64 = number.replace(',', "").parse().ok()?;
    if written == 0.0 {
        return None;
    }
    let unit = (o.value / written).abs();
    Some((decimals, 0.5 * unit / 10f64.powi(decimals as i32)))
}

struct SentenceBinder<'a> {
    doc: &'a DocumentContext<'a>,
    sentence: &'a str,
    /// Byte offset of the sentence in the document.
    offset: usize,
    words: &'a [MeasureWord],
    periods: &'a [PeriodMention],
    countries: &'a [Mention],
    /// What the first reported figure of the sentence just before says, if
    /// it had one.
    carried: Option<&'a Carried>,
}

/// The first reported figure of a sentence, as the next sentence may go on
/// about it.
struct Carried {
    /// The sentence's index.
    sentence: usize,
    /// "Trade reached $200 billion in 2024. Exports to China were $61
    /// billion, ..." gives the second sentence's figures 2024.
    period: Period,
    /// For a sentence that names no country ("In the first five months of
    /// 2024, trade turnover amounted to $17.4 billion"). `None` after a
    /// figure left out for its pair, whose period still carries: "China's
    /// total imports and exports reached 41.76 trillion yuan in 2023. ...
    /// trade with Russia surged 26.3 percent to 1.76 trillion yuan".
    pair: Option<Pair>,
    /// Whether it was the total trade, which "it" may refer to next ("In
    /// the first eight months of this year, it totaled $70.8 billion").
    total: bool,
}

/// What an observation is being built from.
struct Parts {
    metric: Metric,
    pair: Pair,
    period: Period,
    reasons: Vec<String>,
    confidence: f32,
}

impl SentenceBinder<'_> {
    fn amount(
        &self,
        amount: &Amount,
        last_period: &mut Option<Period>,
    ) -> Result<Option<Observation>, String> {
        let clause = clause(self.sentence, amount.start);
        let word = measure_of(self.words, clause, amount.start, amount.end)
            .or_else(|| self.it_is_the_total(clause, amount));
        let Some(word) = word else {
            return Ok(None);
        };
        if word.end <= amount.start
            && counts_goods_of_a_kind(&self.sentence[word.end..amount.start])
        {
            return Ok(None);
        }
        let as_written = &self.sentence[amount.start..amount.end];
        let before = &self.sentence[clause.0..amount.start];
        let after = &self.sentence[amount.end..clause.1.max(amount.end)];
        let is_target = states_a_goal(before) || self.goal_year_after(after) || names_a_goal(after);
        let (metric, sign) = match (word.measure, is_target) {
            (Measure::Other, _) => return Ok(None),
            (_, true) => (Metric::TradeTarget, 1.0),
            (Measure::Trade, false) => (Metric::TradeValue, 1.0),
            (Measure::Export, false) => (Metric::ExportValue, 1.0),
            (Measure::Import, false) => (Metric::ImportValue, 1.0),
            (Measure::Surplus, false) => (Metric::TradeBalance, 1.0),
            (Measure::Deficit, false) => (Metric::TradeBalance, -1.0),
        };
        let written = &self.sentence[word.start..word.end];
        let mut reasons = vec![if written.eq_ignore_ascii_case("it") {
            "measure: 'it' before the figure, the total trade of the sentence before".to_owned()
        } else {
            format!(
                "measure: '{written}' before the figure{}",
                if is_target { ", stated as a goal" } else { "" }
            )
        }];
        // "exceeded the $200 billion target set by the two leaders", in a
        // sentence of 2023's result: a goal named by a noun refers to one set
        // before, whose year is not the result's. Only "by 2024" or "the
        // target for 2024" dates it.
        let named_goal = is_target && !states_a_goal(before) && !self.goal_year_after(after);
        let period = if named_goal {
            match goal_for_year(after) {
                Some(p) => Ok((p, "period: the goal's year, 'for' it".to_owned(), 0.0)),
                None if by_year_re().is_match(self.sentence) => self.target_period(amount.start),
                None => Err("a goal named without its year".to_owned()),
            }
        } else if is_target {
            self.target_period(amount.start)
        } else {
            self.period_near(amount.start, amount.end, last_period, self.carried_period())
        };
        let (period, period_reason, period_penalty) = match period {
            Ok(p) => p,
            Err(why) => {
                return Err(format!(
                    "'{as_written}' left out: {why} (\"{}\")",
                    self.sentence
                ));
            }
        };
        // "up from $798.8 billion a year earlier": the figure is the base of
        // a comparison, a year before the period the sentence reports.
        let base = (!is_target)
            .then(|| {
                comparison_base(&self.sentence[amount.end..])
                    .or_else(|| self.changed_from(amount).then_some("changed from"))
            })
            .flatten();
        let (period, period_reason) = match base {
            Some(phrase) => match period.year_before() {
                Some(mut before) => {
                    before.inferred = period.inferred;
                    let reason = if phrase == "changed from" {
                        format!(
                            "period: the value it changed from, the year before {}",
                            period.label
                        )
                    } else {
                        format!(
                            "period: the base of a comparison, '{phrase}' than {}",
                            period.label
                        )
                    };
                    (before, reason)
                }
                None => {
                    return Err(format!(
                        "'{as_written}' left out: it is the base of a comparison ('{phrase}') with a period that has no year before it (\"{}\")",
                        self.sentence
                    ))
                }
            },
            None => (period, period_reason),
        };
        reasons.push(period_reason);
        let (pair, pair_reason, pair_penalty) = match self.pair(metric, word) {
            Ok(p) => p,
            Err(why) => {
                // A figure left out for its pair still names the period
                // "the same period" may refer to next ("China's foreign
                // trade ... in the first 10 months. Trade with Russia ...
                // in the same period").
                if !is_target && base.is_none() {
                    *last_period = Some(period);
                }
                return Err(format!(
                    "'{as_written}' left out: {why} (\"{}\")",
                    self.sentence
                ));
            }
        };
        reasons.push(pair_reason);
        // A bare "$" is read as US dollars, but papers in other dollar
        // countries write their own currency so: say so, and trust it less.
        let mut currency_penalty = 0.0;
        if let Some(local) = self.local_dollar(amount) {
            reasons.push(format!(
                "currency: '$' read as US dollars, though the report is from {local}, where '$' may mean the local dollar"
            ));
            currency_penalty = 0.2;
        }
        // "The same period" later on means what the sentence reports, not its base.
        if base.is_none() {
            *last_period = Some(period.clone());
        }
        let parts = Parts {
            metric,
            pair,
            period,
            reasons,
            confidence: 0.9 - period_penalty - pair_penalty - currency_penalty,
        };
        Ok(Some(self.observation(
            parts,
            sign * amount.value,
            Some(amount.currency.to_owned()),
            amount,
            is_target,
        )))
    }

    fn rate(
        &self,
        rate: &Rate,
        bound: &[(Amount, Observation)],
        last_period: &mut Option<Period>,
    ) -> Result<Option<Observation>, String> {
        let clause = clause(self.sentence, rate.start);
        let before = &self.sentence[clause.0..rate.start];
        let as_written = &self.sentence[rate.start..rate.end];
        if states_a_goal(before) {
            // A forecast growth rate is not a reported one.
            return Ok(None);
        }
        // "has grown more than 50% since 2020" is growth over years, not
        // over one: not a year-on-year rate, so not a figure of the series.
        let after = self.sentence[rate.end..clause.1.max(rate.end)].trim_start();
        if crate::scan::starts_with_ascii_ci(after, "since ") {
            return Err(format!(
                "'{as_written}' left out: growth since a past date is not a year-on-year rate (\"{}\")",
                self.sentence
            ));
        }
        // A value in the same clause is what the rate describes: "rose 29.3
        // percent year-on-year to $190.27 billion".
        // Not when the rate has a period of its own, nearer to it than to the
        // value and another than the value's: "rose 26.3% to $240.1 billion in
        // 2023, and grew a further 5% in the first four months of 2024".
        let own_period = self.own_period(rate.start, rate.end);
        let partner = bound.iter().find(|(a, o)| {
            let c = crate::figures::clause(self.sentence, a.start);
            let elsewhere = own_period.is_some_and(|(p, at)| {
                p != &o.period
                    && span_distance(at, (rate.start, rate.end))
                        < span_distance(at, (a.start, a.end))
            });
            c == clause && o.status == Status::Reported && !elsewhere
        });
        let (metric, pair, period, mut reasons, confidence) = if let Some((_, value)) = partner {
            let metric = match value.metric {
                Metric::ExportValue => Metric::ExportGrowthYoy,
                Metric::ImportValue => Metric::ImportGrowthYoy,
                Metric::TradeValue => Metric::TradeGrowthYoy,
                _ => return Ok(None),
            };
            let reasons = vec![format!(
                "the rate describes '{}' in the same clause",
                value.as_written
            )];
            (
                metric,
                value.pair.clone(),
                value.period.clone(),
                reasons,
                value.provenance.confidence,
            )
        } else {
            let Some(word) = measure_of(self.words, clause, rate.start, rate.end) else {
                return Ok(None);
            };
            let metric = match word.measure {
                Measure::Trade => Metric::TradeGrowthYoy,
                Measure::Export => Metric::ExportGrowthYoy,
                Measure::Import => Metric::ImportGrowthYoy,
                _ => return Ok(None),
            };
            let mut reasons = vec![format!(
                "measure: '{}' before the rate",
                &self.sentence[word.start..word.end]
            )];
            let (period, period_reason, period_penalty) = self
                .period_near(rate.start, rate.end, last_period, self.carried_period())
                .map_err(|why| format!("'{as_written}' left out: {why} (\"{}\")", self.sentence))?;
            reasons.push(period_reason);
            let (pair, pair_reason, pair_penalty) = self
                .pair(metric, word)
                .map_err(|why| format!("'{as_written}' left out: {why} (\"{}\")", self.sentence))?;
            reasons.push(pair_reason);
            *last_period = Some(period.clone());
            (
                metric,
                pair,
                period,
                reasons,
                0.9 - period_penalty - pair_penalty,
            )
        };
        let mut confidence = confidence;
        if rate.flat {
            reasons.push("a statement that the level did not change, read as about 0 %".to_owned());
        } else if rate.year_on_year {
            reasons.push("the sentence compares with a year earlier".to_owned());
        } else if let Some(before) = year_before(&period)
            .filter(|y| crate::growth::compared_years(self.sentence).contains(y))
        {
            reasons.push(format!(
                "the sentence compares with {before}, the year before"
            ));
        } else {
            reasons.push(
                "no comparison stated; read as year on year, as trade growth usually is".to_owned(),
            );
            confidence -= 0.15;
        }
        let parts = Parts {
            metric,
            pair,
            period,
            reasons,
            confidence,
        };
        let span = (rate.start, rate.end);
        Ok(Some(self.rate_observation(parts, rate, span)))
    }

    /// The fixed period named nearest to `start..end`, with where it stands;
    /// a year compared with ("compared to $4.1 billion in 2022") is none.
    fn own_period(&self, start: usize, end: usize) -> Option<(&Period, (usize, usize))> {
        let bases = crate::growth::compared_year_spans(self.sentence);
        self.periods
            .iter()
            .filter(|p| !bases.iter().any(|&(s, e)| p.start < e && s < p.end))
            .min_by_key(|p| span_distance((p.start, p.end), (start, end)))
            .and_then(|p| match &p.kind {
                PeriodKind::Fixed { period, .. } => Some((period, (p.start, p.end))),
                _ => None,
            })
    }

    /// The fixed period nearest to the number, or the one "the same period"
    /// refers back to. Returns the period, the reason, and a confidence penalty.
    fn period_near(
        &self,
        start: usize,
        end: usize,
        last_period: &Option<Period>,
        carried: Option<&Period>,
    ) -> Result<(Period, String, f32), String> {
        let distance = |p: &PeriodMention| {
            if p.end <= start {
                start - p.end
            } else {
                p.start.saturating_sub(end)
            }
        };
        // A period that cannot be read ("last year" with no publication
        // date, "FY24", "April-January") and stands nearer than any that
        // can is the figure's: it is left out rather than given a farther one.
        let unreadable = |p: &PeriodMention| {
            matches!(
                p.kind,
                PeriodKind::Unresolved { .. }
                    | PeriodKind::FiscalYear { .. }
                    | PeriodKind::AcrossYears { .. }
            )
        };
        let mut nearest = self.periods.iter().min_by_key(|p| distance(p));
        // "rose to $111 billion in 2023 from $76 billion in 2022, while
        // imports climbed to $129 billion from $114 billion": the second
        // clause names no period, and the one nearest before it is the base
        // of the first change. Said in parallel, its figures are the first
        // figure's period (and its base, a year before that, as below).
        let mut passed_base = None;
        if let Some(p) = nearest.filter(|p| p.end <= start) {
            let bases = crate::growth::compared_year_spans(self.sentence);
            let is_base = |q: &PeriodMention| bases.iter().any(|&(s, e)| q.start < e && s < q.end);
            if is_base(p) {
                if let Some(first) = self.periods.iter().find(|q| {
                    q.end <= p.start && !is_base(q) && matches!(q.kind, PeriodKind::Fixed { .. })
                }) {
                    passed_base = Some(&self.sentence[p.start..p.end]);
                    nearest = Some(first);
                }
            }
        }
        if let Some(p) = nearest.filter(|p| unreadable(p)) {
            return Err(unreadable_reason(&p.kind));
        }
        match nearest.map(|p| &p.kind) {
            Some(PeriodKind::Fixed { period, reason }) if passed_base.is_some() => Ok((
                period.clone(),
                format!(
                    "period: {reason}, as the sentence's first figure ('{}', nearer, is the base of its change)",
                    passed_base.unwrap_or_default()
                ),
                if period.inferred { 0.3 } else { 0.1 },
            )),
            Some(PeriodKind::Fixed { period, reason }) => {
                let penalty = if period.inferred { 0.2 } else { 0.0 }
                    + if self.doc.published.confidence < 0.5 && reason.contains("published") {
                        0.2
                    } else {
                        0.0
                    };
                Ok((period.clone(), format!("period: {reason}"), penalty))
            }
            // "so far this year" after "the first eight months of 2024" is
            // those months; after anything else its end is not known.
            Some(PeriodKind::SoFar { year, phrase }) => match last_period {
                Some(p)
                    if p.start.ordinal() == 1
                        && p.start.year() == *year
                        && p.end.year() == *year
                        && p.end.month() < 12 =>
                {
                    Ok((
                        p.clone(),
                        format!(
                            "period: '{phrase}' as the part of {year} before, {}",
                            p.label
                        ),
                        0.1,
                    ))
                }
                _ => Err(unreadable_reason(&PeriodKind::SoFar {
                    year: *year,
                    phrase: phrase.clone(),
                })),
            },
            Some(PeriodKind::SamePeriod) => match last_period {
                Some(p) => Ok((
                    p.clone(),
                    format!("period: 'the same period' as before, {}", p.label),
                    0.1,
                )),
                None => Err("'the same period' with no period before it".to_owned()),
            },
            _ => self
                .periods
                .iter()
                .find(|p| unreadable(p))
                .map(|p| unreadable_reason(&p.kind))
                .map_or_else(
                    || match carried {
                        Some(p) => Ok((
                            p.clone(),
                            format!(
                                "period: none named; the sentence before reports {}",
                                p.label
                            ),
                            0.2,
                        )),
                        None => Err("the sentence names no period".to_owned()),
                    },
                    Err,
                ),
        }
    }

    /// A goal's year: "by 2030", else the nearest year.
    fn target_period(&self, start: usize) -> Result<(Period, String, f32), String> {
        if let Some(c) = by_year_re().captures(self.sentence) {
            if let Some(p) = c
                .name("y")
                .and_then(|y| y.as_str().parse().ok())
                .and_then(Period::year)
            {
                let label = p.label.clone();
                return Ok((p, format!("period: the goal's year, 'by {label}'"), 0.0));
            }
        }
        // A goal's year is its own, never the reported figures' before it.
        self.period_near(start, start, &None, None)
    }

    /// "In the first eight months of this year, it totaled $70.8 billion":
    /// after a sentence whose first figure was the total trade, "it" with a
    /// verb of amounting straight before the money is that trade. The word
    /// "it" stands for the measure.
    fn it_is_the_total(&self, clause: (usize, usize), amount: &Amount) -> Option<MeasureWord> {
        static RE: OnceLock<Regex> = OnceLock::new();
        if !self.carried.is_some_and(|c| c.total) {
            return None;
        }
        let re = RE.get_or_init(|| {
            crate::pattern::compile(
                "it amounted",
                r"(?i)\bit\s+(?:totall?ed|reached|stood\s+at|amounted\s+to|was|came\s+to|hit|rose\s+to|fell\s+to|grew\s+to|dropped\s+to)\s*$",
            )
        });
        let m = re.find(&self.sentence[clause.0..amount.start])?;
        let start = clause.0 + m.start();
        Some(MeasureWord {
            measure: Measure::Trade,
            start,
            end: start + 2,
        })
    }

    /// The period carried from the sentence before, if any.
    fn carried_period(&self) -> Option<&Period> {
        self.carried.map(|c| &c.period)
    }

    /// Whether `amount` is the value a figure changed from, with no period
    /// of its own: "fell to $5.1 billion in 2023 from $6.3 billion", "was
    /// $56 billion in 2023, up from $52 billion". ("from $6.3 billion in
    /// 2022" names its own.)
    fn changed_from(&self, amount: &Amount) -> bool {
        let before = self.sentence[..amount.start].trim_end();
        let word = before.rsplit(' ').next().unwrap_or_default();
        let own_period = self
            .periods
            .iter()
            .any(|p| p.start >= amount.end && p.start <= amount.end + 16);
        word.eq_ignore_ascii_case("from") && !own_period
    }

    /// Whether the words after a figure give it a year still to come ("$80
    /// billion by 2030"): a goal, not a result, unless the year has passed
    /// ("had reached $100 billion by 2023", in an article of 2024).
    fn goal_year_after(&self, after: &str) -> bool {
        let Some(c) = by_year_re().captures(after) else {
            return false;
        };
        let opens = c
            .get(0)
            .is_some_and(|m| after[..m.start()].trim().is_empty());
        let year: Option<i32> = c.name("y").and_then(|y| y.as_str().parse().ok());
        let published = self.doc.published.year();
        opens && year.is_some_and(|y| published.is_none_or(|p| y >= p))
    }

    /// The dateline's place when `amount` is written with a bare "$" and
    /// the report comes from a country with a dollar of its own.
    fn local_dollar(&self, amount: &Amount) -> Option<&str> {
        const DOLLAR_CITIES: [&str; 16] = [
            "OTTAWA",
            "TORONTO",
            "MONTREAL",
            "VANCOUVER",
            "CALGARY",
            "CANBERRA",
            "SYDNEY",
            "MELBOURNE",
            "BRISBANE",
            "PERTH",
            "SINGAPORE",
            "HONG KONG",
            "WELLINGTON",
            "AUCKLAND",
            "TAIPEI",
            "KUALA LUMPUR",
        ];
        let written = &self.sentence[amount.start..amount.end];
        let bare = amount.currency == "USD"
            && written
                .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .starts_with('$')
            && !written.contains("US$")
            && !written.contains("U.S.");
        let place = self.doc.published.dateline.as_ref()?.place.as_str();
        (bare && DOLLAR_CITIES.iter().any(|c| c.eq_ignore_ascii_case(place))).then_some(place)
    }

    /// The two countries, in the order the metric needs.
    fn pair(&self, metric: Metric, word: MeasureWord) -> Result<(Pair, String, f32), String> {
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
    fn partner_only(
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
    fn nearest_two(&self, codes: &[&'static str], word: MeasureWord) -> Vec<&'static str> {
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
    fn parties(&self) -> Vec<&'static str> {
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
    fn direction(
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
    fn balance_reporter(
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
    fn owner(&self, word: MeasureWord) -> Option<&'static str> {
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
    fn stated_direction(
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

    fn provenance(
        &self,
        start: usize,
        end: usize,
        confidence: f32,
        reasons: Vec<String>,
    ) -> Provenance {
        let chars = self.doc.chars;
        let abs = |i: usize| chars.char_offset(self.offset + i);
        // In ascending order, so the index moves forward only.
        let sentence_start = abs(0);
        let span = [abs(start), abs(end)];
        let sentence_end = abs(self.sentence.len());
        Provenance {
            quote: self.sentence.to_owned(),
            span,
            sentence_span: [sentence_start, sentence_end],
            confidence: confidence.clamp(0.05, 1.0),
            reason: reasons.join("; "),
        }
    }

    fn observation(
        &self,
        parts: Parts,
        value: f64,
        currency: Option<String>,
        amount: &Amount,
        target: bool,
    ) -> Observation {
        let provenance = self.provenance(amount.start, amount.end, parts.confidence, parts.reasons);
        Observation {
            pair: parts.pair,
            metric: parts.metric,
            period: parts.period,
            value,
            currency,
            unit: None,
            qualifier: amount.qualifier,
            range: amount.range,
            equivalent: amount.equivalent.clone(),
            status: if target {
                Status::Target
            } else {
                Status::Reported
            },
            as_written: self.sentence[amount.start..amount.end].to_owned(),
            provenance,
        }
    }

    fn rate_observation(&self, parts: Parts, rate: &Rate, span: (usize, usize)) -> Observation {
        let provenance = self.provenance(span.0, span.1, parts.confidence, parts.reasons);
        Observation {
            pair: parts.pair,
            metric: parts.metric,
            period: parts.period,
            value: rate.value,
            currency: None,
            unit: Some("percent".to_owned()),
            qualifier: rate.qualifier,
            range: None,
            equivalent: None,
            status: Status::Reported,
            as_written: self.sentence[span.0..span.1].to_owned(),
            provenance,
        }
    }
}

/// The year before `period`, when it lies within one calendar year.
fn year_before(period: &Period) -> Option<i32> {
    use chrono::Datelike;
    let year = period.start.year();
    (period.end.year() == year).then_some(year - 1)
}

/// The phrase that makes a figure the base of a comparison, when the text
/// after it opens with one: "$798.8 billion a year earlier", "$49.4 billion
/// in the previous fiscal". ("Last year" is not one: it names a period.)
fn comparison_base(after: &str) -> Option<&'static str> {
    const PHRASES: [&str; 14] = [
        "a year earlier",
        "a year ago",
        "a year before",
        "the year before",
        "the previous year",
        "the prior year",
        "the preceding year",
        "the previous fiscal",
        "the previous financial year",
        "the year-earlier period",
        "the same period a year earlier",
        "the same period a year ago",
        "the same period of the previous year",
        "the corresponding period of the previous year",
    ];
    let rest = after.trim_start();
    let rest = ["in ", "during ", "for "]
        .iter()
        .find_map(|p| crate::scan::starts_with_ascii_ci(rest, p).then(|| &rest[p.len()..]))
        .unwrap_or(rest);
    let bytes = rest.as_bytes();
    PHRASES.into_iter().find(|p| {
        crate::scan::starts_with_ascii_ci(rest, p)
            && !bytes.get(p.len()).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Why a figure whose period cannot be read is left out.
fn unreadable_reason(kind: &PeriodKind) -> String {
    match kind {
        PeriodKind::Unresolved { phrase } => format!(
            "the period '{phrase}' depends on a publication date the article does not give"
        ),
        PeriodKind::FiscalYear { phrase } => format!(
            "'{phrase}' is a fiscal year, whose months depend on the country that keeps it; it is not read as a calendar year"
        ),
        PeriodKind::AcrossYears { phrase } => format!(
            "'{phrase}' runs across two calendar years, which a series of calendar periods cannot hold"
        ),
        PeriodKind::SoFar { year, phrase } => format!(
            "'{phrase}' runs from January {year} to a month the article does not give"
        ),
        PeriodKind::Fixed { .. } | PeriodKind::SamePeriod => "the period is not readable".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_trade_is_told_by_the_word_before_in_any_script() {
        assert!(names_a_part("Saudi Arabia's crude"));
        assert!(names_a_part("the Non-oil"));
        assert!(!names_a_part("Russia's"));
        // A multi-byte character across the fourth byte must not split.
        assert!(!names_a_part("the xyzé-trade"));
        assert!(!names_a_part("Türkiye's"));
    }

    proptest::proptest! {
        #[test]
        fn measure_words_are_told_as_the_pattern_groups_them(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "surplus", "Surpluses", "deficit", "DEFICITS", "export", "Exports", "exported",
                    "exporting", "outbound", "Outbound", "shipments", "Shipments", "sales", "SALES",
                    "purchases", "to", "TO", "from", "From", "inbound", "import", "Imports",
                    "imported", "importing", "trade", "Trade", "turnover", "commerce", "trading",
                    "volume", "investment", "loans", "share", "rate", "market", "tradeable",
                    "exporter", "salesman", "China", "$5", "billion", "the", ",", " ", "  ", "\n",
                    "and", "AND", "supplies", "Deliveries",
                ]),
                0..24,
            ),
        ) {
            let sentence = words.join(" ");
            let by_captures: Vec<(Measure, usize, usize)> = measure_re()
                .captures_iter(&sentence)
                .filter_map(|c| {
                    let whole = c.get(0)?;
                    Some((measure_by_captures(&c), whole.start(), whole.end()))
                })
                .collect();
            let by_words: Vec<(Measure, usize, usize)> = measure_words(&sentence)
                .into_iter()
                .map(|w| (w.measure, w.start, w.end))
                .collect();
            proptest::prop_assert_eq!(by_words, by_captures, "{:?}", sentence);
        }
    }
}
