//! Rates of change: "rose 29.3 percent year-on-year", "down 4.1% from a year
//! earlier", "a 12 percent increase", and flat statements such as "roughly at
//! the same level as last year", which are kept as about 0 with their qualifier.
//!
//! This module reads the numbers and their direction only. Whether a rate
//! describes trade (and not a tariff, a share or a resumption rate) is decided
//! by [`figures`](crate::figures), which knows the rest of the sentence.

use regex::Regex;

use crate::{model::Qualifier, money::qualifier};

/// A percentage with a direction, or a flat statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rate {
    /// Signed percent: negative for a fall.
    pub value: f64,
    pub qualifier: Option<Qualifier>,
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// The sentence says the comparison is with a year earlier.
    pub year_on_year: bool,
    /// A qualitative "same level as last year" rather than a number.
    pub flat: bool,
}

/// A percentage without regard to direction (shares, tariffs and rates of
/// other things look the same); [`rates`] keeps only those with a direction.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Percent {
    pub value: f64,
    pub qualifier: Option<Qualifier>,
    pub start: usize,
    pub end: usize,
}

crate::pattern::patterns! {
    /// A percentage with its qualifier: "nearly 12.4%", "3 percent".
    fn percent_re = r"(?i)(?:\b(?P<qual>no\s+less\s+than|at\s+least|upwards\s+of|just\s+over|just\s+under|nearly|almost|about|around|roughly|approximately|some|more\s+than|over|above|less\s+than|under|up\s+to|close\s+to)\s+)?(?P<num>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b|pct\b|pc\b)";
    /// Words of rising, which give a rate its sign.
    fn up_re = r"(?i)\b(?:rose|rise|rises|rising|risen|up|increased?|increases|increasing|grew|grow|grows|growing|grown|growth|jumped|jumps?|surged?|surging|spiked?|spikes|spiking|climbed|climbs?|expanded|expands?|expansion|gained|gains?|soared|soars?|added|higher|advanced|rebounded|increase)\b";
    /// Words of falling.
    fn down_re = r"(?i)\b(?:fell|fall|falls|falling|fallen|down|declined?|declines|declining|dropped|drops?|dropping|shrank|shrink|shrinks|shrunk|shrinking|contracted|contracts?|contraction|decreased?|decreases|decreasing|slumped|slumps?|plunged|plunges?|plummeted|lower|slid|slides?|tumbled|dipped|dips?|slipped|eased)\b";
    /// What makes a rate year on year: "year on year", "from a year
    /// earlier", "compared with the same period last year".
    fn yoy_re = r"(?i)\byear[- ](?:on|over)[- ]year\b|\bon[- ]year\b|\by[-/]o[-/]y\b|\by/y\b|\byoy\b|\b(?:from|than|over|on|compared\s+(?:with|to))\s+(?:in\s+)?(?:a\s+year\s+(?:earlier|ago|before)|the\s+(?:same|corresponding)\s+period|(?:the\s+)?(?:previous|preceding|prior)\s+year|last\s+year|the\s+year\s+before)|\bannual(?:ly)?\b|\bon\s+an\s+annual\s+basis\b|\bon\s+the\s+year\b";
    /// A comparison with a year by name: "compared to 2022", "up from $4.1
    /// billion in 2022", "than in 2023", "down 12.8% on 2022".
    fn compared_year_re = r"(?i)\b(?:from|than|over|on|compared\s+(?:with|to)|against|versus)\s+(?:in\s+|that\s+of\s+)?(?:(?:(?:a|the)\s+)?(?:record\s+)?(?:(?:US|A|C|HK|S|NT|R)?[$€£¥]|(?:USD|EUR|CNY|RMB|INR|Rs\.?)\s)?\s?[0-9][0-9.,]*\s*(?:[a-z]+\s+){0,2}in\s+)?(?P<y>(?:19|20)[0-9][0-9])\b";
}

/// The years `sentence` compares with by name (the tests' view of
/// [`compared_year_spans`]).
#[cfg(test)]
fn compared_years(sentence: &str) -> Vec<i32> {
    compared_year_re()
        .captures_iter(sentence)
        .filter_map(|c| c.name("y")?.as_str().parse().ok())
        .collect()
}

/// Where in `sentence` the years it compares with stand: "2022" of "from $76
/// billion in 2022" is the base of a change, not a period figures report.
pub(crate) fn compared_year_spans(sentence: &str) -> Vec<(usize, usize)> {
    compared(sentence)
        .into_iter()
        .map(|(_, span)| span)
        .collect()
}

/// The years `sentence` compares with, with where each stands.
pub(crate) fn compared(sentence: &str) -> Vec<(i32, (usize, usize))> {
    // Every match ends in a year, so it needs "19" or "20".
    if !sentence.contains("19") && !sentence.contains("20") {
        return Vec::new();
    }
    compared_year_re()
        .captures_iter(sentence)
        .filter_map(|c| {
            let y = c.name("y")?;
            Some((y.as_str().parse().ok()?, (y.start(), y.end())))
        })
        .collect()
}

crate::pattern::patterns! {
    fn flat_re = r"(?i)\b(?:(?P<qual>roughly|about|around|approximately|basically|largely|virtually|nearly|almost|broadly|more\s+or\s+less)\s+)?(?:at\s+)?the\s+same\s+level\s+(?:with|as)\s+(?:that\s+of\s+|in\s+)?(?:(?:19|20)\d\d|last\s+year|a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|preceding|prior)\s+year|the\s+same\s+period(?:\s+(?:of\s+)?last\s+year)?)|\b(?:remained|was|were|stayed|held|stood|remain|remains)\s+(?:(?P<qual2>roughly|about|largely|virtually|broadly|almost|basically|nearly)\s+)?(?:flat|unchanged)\b|\b(?P<little>little|barely)\s+changed\b";
}

/// Every percentage in `sentence`, direction or not.
pub(crate) fn percents(sentence: &str) -> Vec<Percent> {
    percent_re()
        .captures_iter(sentence)
        .filter_map(|c| {
            let whole = c.get(0)?;
            Some(Percent {
                value: c.name("num")?.as_str().parse().ok()?,
                qualifier: c.name("qual").and_then(|q| qualifier(q.as_str())),
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// How far before a number a direction word may stand ("rose by nearly").
const WINDOW_BEFORE: usize = 40;
/// How far after ("a 5 percent year-on-year decline").
const WINDOW_AFTER: usize = 32;

/// Rates of change in `sentence`: percentages with a direction, and flat statements.
pub(crate) fn rates(sentence: &str) -> Vec<Rate> {
    // Asked once, and only of a sentence with a rate to describe.
    let mut year_on_year: Option<bool> = None;
    // The direction of the rate before, for one whose verb is left out:
    // "exports rose by 48.2%, imports ‒ by 2.1%".
    let mut previous: Option<f64> = None;
    let mut previous_end: Option<usize> = None;
    let mut out: Vec<Rate> = percents(sentence)
        .into_iter()
        .filter_map(|p| {
            // ... or listed after it: "rose 5.3% and 10.2%".
            let elliptical = || {
                let before = sentence[..p.start].trim_end();
                let by = before.len() >= 3
                    && before.as_bytes()[before.len() - 3..].eq_ignore_ascii_case(b" by");
                let listed = previous_end.is_some_and(|end: usize| {
                    let gap = sentence[end.min(p.start)..p.start].trim();
                    matches!(gap, "and" | "," | ", and" | "and by" | ", and by")
                        || measured_listing(gap)
                });
                (by || listed).then_some(previous).flatten()
            };
            let sign = direction(sentence, p.start, p.end).or_else(elliptical)?;
            previous = Some(sign);
            previous_end = Some(p.end);
            Some(Rate {
                value: sign * p.value,
                qualifier: p.qualifier,
                start: p.start,
                end: p.end,
                year_on_year: *year_on_year.get_or_insert_with(|| yoy_re().is_match(sentence)),
                flat: false,
            })
        })
        .collect();
    for c in flat_re().captures_iter(sentence) {
        let Some(whole) = c.get(0) else { continue };
        let qual = c
            .name("qual")
            .or_else(|| c.name("qual2"))
            .map(|q| q.as_str().to_ascii_lowercase());
        let qualifier = match qual.as_deref() {
            Some(q) => qualifier(q).or(Some(Qualifier::Roughly)),
            // "unchanged" as a rounded statement is still approximate.
            None => Some(Qualifier::About),
        };
        out.push(Rate {
            value: 0.0,
            qualifier,
            start: whole.start(),
            end: whole.end(),
            year_on_year: true,
            flat: true,
        });
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Whether the words between two rates list the second after the first's
/// measure: "a decline of 7.2% in exports and 4.4% in imports".
fn measured_listing(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix("in ") else {
        return false;
    };
    let Some(measure) = rest
        .strip_suffix("and")
        .or_else(|| rest.strip_suffix(','))
        .map(|m| m.trim_end().trim_end_matches(','))
    else {
        return false;
    };
    let words: Vec<&str> = measure.split_whitespace().collect();
    (1..=3).contains(&words.len()) && words.iter().all(|w| w.chars().all(char::is_alphabetic))
}

/// +1 for a rise, -1 for a fall, `None` when no direction word stands next to
/// the number. The nearest word wins.
fn direction(sentence: &str, start: usize, end: usize) -> Option<f64> {
    // A sign written on the number says it outright: "(+1.6% y/y)", "-2.1%".
    // Only after a space or a bracket, as in "2023-2.1%" the dash joins.
    let mut head = sentence[..start].chars().rev();
    let sign = match head.next() {
        Some('+') => Some(1.0),
        Some('-' | '−') => Some(-1.0),
        _ => None,
    };
    if sign.is_some() && head.next().is_none_or(|c| c == '(' || c.is_whitespace()) {
        return sign;
    }
    let from = sentence.floor_char_boundary(start.saturating_sub(WINDOW_BEFORE));
    // Only as far back as the previous number: "rose 5% ... and 7%" binds each to its own.
    let before = &sentence[from..start];
    let before = match before.rfind(|c: char| c.is_ascii_digit()) {
        Some(p) => &before[p + 1..],
        None => before,
    };
    // "exports make up some 46% of output": "up" of a phrasal verb.
    let last = |re: &Regex| {
        re.find_iter(before)
            .filter(|m| {
                let head = before[..m.start()].trim_end().to_ascii_lowercase();
                !(m.as_str().eq_ignore_ascii_case("up")
                    && ["make", "makes", "made", "making", "set", "sets"]
                        .iter()
                        .any(|v| head.ends_with(v)))
            })
            .last()
            .map(|m| m.end())
    };
    let nearest_before = match (last(up_re()), last(down_re())) {
        (Some(u), Some(d)) => Some(if u > d { 1.0 } else { -1.0 }),
        (Some(_), None) => Some(1.0),
        (None, Some(_)) => Some(-1.0),
        (None, None) => None,
    };
    if nearest_before.is_some() {
        return nearest_before;
    }
    let to = sentence.floor_char_boundary((end + WINDOW_AFTER).min(sentence.len()));
    // Only as far as the next number: in "Brazil with 29.5%, some $1.8
    // billion, up 25.5%", "up" is the second rate's.
    let after = &sentence[end..to];
    let after = match after.find(|c: char| c.is_ascii_digit()) {
        Some(p) => &after[..p],
        None => after,
    };
    // "3.0% less than in 2023", "6.6% more than in the same period": the
    // comparison itself gives the direction.
    let comparing = after.trim_start();
    for (words, sign) in [
        ("more than", 1.0),
        ("less than", -1.0),
        ("fewer than", -1.0),
        ("more compared", 1.0),
        ("less compared", -1.0),
        ("less year", -1.0),
        ("more year", 1.0),
    ] {
        if crate::scan::starts_with_ascii_ci(comparing, words) {
            return Some(sign);
        }
    }
    let first = |re: &Regex| re.find(after).map(|m| m.start());
    match (first(up_re()), first(down_re())) {
        (Some(u), Some(d)) => Some(if u < d { 1.0 } else { -1.0 }),
        (Some(_), None) => Some(1.0),
        (None, Some(_)) => Some(-1.0),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("an increase of 16.5% compared to 2022", &[2022])]
    #[case("up from $4.1 billion in 2022 and A$3 bn in 2021", &[2022])]
    #[case("5% more than in 2023, and higher than 2019", &[2023, 2019])]
    #[case("compared with 4.1 bln yuan in 2020", &[2020])]
    #[case("a 17% drop from a record $690 billion in 2022", &[2022])]
    #[case("up 5% in 2023", &[])]
    #[case("down 12.8% on 2022", &[2022])]
    #[case("to USD 4.26 billion in 2023-24 from USD 3.14 billion in 2022-23", &[2022])]
    #[case("from 2,022 tonnes", &[])]
    fn years_compared_with_by_name(#[case] text: &str, #[case] want: &[i32]) {
        assert_eq!(compared_years(text), want);
    }

    #[rstest]
    #[case(
        "Bilateral trade rose 29.3 percent year-on-year to $190.27 billion.",
        29.3,
        true
    )]
    #[case("Exports were up 12% from a year earlier.", 12.0, true)]
    #[case("That was 3.0% less than in the previous four quarters.", -3.0, false)]
    #[case(
        "Trade reached $17.4 billion, 6.6% more than in the same period of 2023.",
        6.6,
        true
    )]
    #[case("Exports reached $24.3 billion, a decline of 3.2% on the year.", -3.2, true)]
    #[case("Imports fell 4.1 per cent.", -4.1, false)]
    #[case("Trade declined by 8.5 pct compared with the same period last year.", -8.5, true)]
    #[case("Exports to Ghana climbed 14.2pc year on year.", 14.2, true)]
    #[case("Imports fell 3 pc from a year earlier.", -3.0, true)]
    #[case("Trade grew by 10.2% y/y.", 10.2, true)]
    #[case("Exports jumped 35 percent.", 35.0, false)]
    #[case("Turnover surged 26.3% in 2022.", 26.3, false)]
    #[case("Trade dropped 3 percent.", -3.0, false)]
    #[case("Imports shrank 1.7%.", -1.7, false)]
    #[case("The economy contracted 2 percent.", -2.0, false)]
    #[case("a 5 percent year-on-year decline in trade", -5.0, true)]
    #[case("a 7.5% increase in exports", 7.5, false)]
    #[case("Trade increased 2.1 percent over the same period.", 2.1, true)]
    #[case("Exports climbed 6%.", 6.0, false)]
    #[case("Trade was down 0.5 percent.", -0.5, false)]
    #[case("an annual growth of 4 percent", 4.0, true)]
    #[case("Imports decreased 9.9 percent.", -9.9, false)]
    #[case("Trade expanded 1.2%.", 1.2, false)]
    #[case("Exports rose 10.5 percent on-year.", 10.5, true)]
    #[case("Imports fell 3.1 percent on year.", -3.1, true)]
    #[case("Trade grew 4% year-over-year.", 4.0, true)]
    #[case("Exports rose 2% y-o-y.", 2.0, true)]
    #[case("Trade rose by upwards of 33% in 2023.", 33.0, false)]
    #[case("Imports reached $107.9 bln (+1.6% y/y).", 1.6, true)]
    #[case("Imports were 5.1 billion USD, -2.1% YoY.", -2.1, true)]
    #[case("Exports fell to $4 billion, a change of −3.5% from a year earlier.", -3.5, true)]
    fn rates_carry_their_direction(#[case] text: &str, #[case] value: f64, #[case] yoy: bool) {
        let found = rates(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].value, value, "{text}");
        assert_eq!(found[0].year_on_year, yoy, "{text}");
        assert!(!found[0].flat);
    }

    #[rstest]
    #[case("The resumption rate has reached about 90 percent.")]
    #[case("Tariffs of 25 percent apply.")]
    #[case("China accounts for 18% of Russia's trade.")]
    #[case("Trade rose by 3 percentage points.")]
    #[case("The 2023-2.5% band is a forecast range.")]
    fn percentages_without_a_direction_are_not_rates(#[case] text: &str) {
        assert!(rates(text).is_empty(), "{text}: {:?}", rates(text));
    }

    #[rstest]
    #[case(
        "The two-way trade volume stood roughly at the same level with last year.",
        Some(Qualifier::Roughly)
    )]
    #[case(
        "Trade was about the same level as a year earlier.",
        Some(Qualifier::About)
    )]
    #[case(
        "Trade between the two countries was roughly at the same level as in 2022.",
        Some(Qualifier::Roughly)
    )]
    #[case("Trade remained flat.", Some(Qualifier::About))]
    #[case("Exports were largely unchanged.", Some(Qualifier::Roughly))]
    #[case(
        "Trade was little changed from the previous year.",
        Some(Qualifier::About)
    )]
    fn flat_statements_are_approximately_zero(#[case] text: &str, #[case] q: Option<Qualifier>) {
        let found = rates(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].flat);
        assert_eq!(found[0].value, 0.0);
        assert_eq!(found[0].qualifier, q, "{text}");
    }

    #[test]
    fn each_rate_takes_its_own_direction() {
        let found = rates("Exports rose 5% while imports fell 7%.");
        assert_eq!(
            found.iter().map(|r| r.value).collect::<Vec<_>>(),
            vec![5.0, -7.0]
        );
    }
}
