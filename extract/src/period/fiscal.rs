//! Fiscal years, read by the calendar of the country whose trade is
//! reported: India's and Japan's run April to March, Australia's and
//! Pakistan's July to June, the United States' October to September,
//! Nepal's from mid-July and Iran's from 21 March.
//!
//! Names differ too. India's "FY24" and "fiscal 2024" end in 2024 (April
//! 2023 to March 2024); Japan's "fiscal 2017" begins in 2017 (April 2017 to
//! March 2018). "2023-24" begins in 2023 everywhere, and so does "2016-2017"
//! where a fiscal calendar is in force. "This fiscal", "the current
//! financial year" and "last fiscal" count from the publication date;
//! "April-October this fiscal", "as of November this fiscal year" and
//! "April-January 2021-22" are months of one fiscal year, which may run
//! into the next calendar year. A calendar named in the text ("the previous
//! Iranian financial year") is that country's, whoever reports.

use regex::Captures;

use super::{month_number, PeriodKind, PeriodMention, MONTHS};
use crate::model::{PartialDate, Period};

/// A country's fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Calendar {
    pub country: &'static str,
    /// The month the year begins with.
    pub first_month: u32,
    /// The day of `first_month` it begins on: 1 but for calendars that
    /// follow a solar or lunisolar year (Iran's begins on 21 March, Nepal's
    /// on 1 Shrawan, about 16 July).
    pub first_day: u32,
    /// Whether a year named by one number ("fiscal 2017") is the one that
    /// begins then (Japan) rather than the one that ends then (India).
    pub named_by_start: bool,
}

/// The fiscal calendars of countries whose trade figures are commonly
/// reported by fiscal year.
///
/// Myanmar's ran October to September from 2018 to 2022 and April to March
/// before and since; the table keeps April to March, the one its trade
/// reporting used for most years.
const CALENDARS: [Calendar; 22] = [
    cal("IN", 4, false),
    cal("JP", 4, true),
    cal("GB", 4, false),
    cal("CA", 4, false),
    cal("HK", 4, false),
    cal("SG", 4, false),
    cal("ZA", 4, false),
    cal("MM", 4, false),
    cal("AU", 7, false),
    cal("NZ", 7, false),
    cal("PK", 7, false),
    cal("BD", 7, false),
    cal("EG", 7, false),
    cal("KE", 7, false),
    cal("UG", 7, false),
    cal("TZ", 7, false),
    cal("BT", 7, false),
    Calendar {
        first_day: 16,
        ..cal("NP", 7, false)
    },
    Calendar {
        first_day: 21,
        ..cal("IR", 3, false)
    },
    cal("US", 10, false),
    cal("TH", 10, false),
    cal("LA", 10, false),
];

const fn cal(country: &'static str, first_month: u32, named_by_start: bool) -> Calendar {
    Calendar {
        country,
        first_month,
        first_day: 1,
        named_by_start,
    }
}

/// The fiscal calendar of `country`, if it keeps one that is not the
/// calendar year.
pub(crate) fn of_country(country: &str) -> Option<Calendar> {
    CALENDARS.iter().find(|c| c.country == country).copied()
}

/// The calendar a text names by its country ("the previous Iranian
/// financial year", "India's financial year", "Japan's fiscal 2017"), if
/// that country keeps one; `mentions` are the text's countries.
pub(crate) fn named_in(text: &str, mentions: &[crate::country::Mention]) -> Option<Calendar> {
    if !(crate::scan::contains_ascii_ci(text.as_bytes(), b"fiscal")
        || crate::scan::contains_ascii_ci(text.as_bytes(), b"financial"))
    {
        return None;
    }
    mentions.iter().find_map(|m| {
        let rest = &text[m.end..];
        let after = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("’s"))
            .unwrap_or(rest)
            .strip_prefix(' ')?;
        (crate::scan::starts_with_ascii_ci(after, "fiscal")
            || crate::scan::starts_with_ascii_ci(after, "financial"))
        .then(|| of_country(m.code))
        .flatten()
    })
}

impl Calendar {
    /// The year the fiscal year holding `month` of `year` begins in.
    fn start_year_of(&self, year: i32, month: u32) -> i32 {
        if month >= self.first_month {
            year
        } else {
            year - 1
        }
    }

    /// The fiscal year beginning in `start_year`.
    fn year_from(&self, start_year: i32) -> Option<Period> {
        if self.first_day != 1 {
            let start =
                chrono::NaiveDate::from_ymd_opt(start_year, self.first_month, self.first_day)?;
            let end =
                chrono::NaiveDate::from_ymd_opt(start_year + 1, self.first_month, self.first_day)?
                    .pred_opt()?;
            return Some(Period::days(start, end));
        }
        let last = if self.first_month == 1 {
            12
        } else {
            self.first_month - 1
        };
        let last_year = if self.first_month == 1 {
            start_year
        } else {
            start_year + 1
        };
        Period::span(start_year, self.first_month, last_year, last)
    }

    /// The year a fiscal year named by one number begins in.
    fn start_of_named(&self, year: i32) -> i32 {
        if self.named_by_start || self.first_month == 1 {
            year
        } else {
            year - 1
        }
    }

    /// Months `first..=last` of the fiscal year beginning in `start_year`.
    fn months_of(&self, start_year: i32, first: u32, last: u32) -> Option<Period> {
        let year_of = |m: u32| {
            if m >= self.first_month {
                start_year
            } else {
                start_year + 1
            }
        };
        let (a, b) = (year_of(first), year_of(last));
        if (b, last) < (a, first) {
            return None;
        }
        Period::span(a, first, b, last)
    }
}

/// A fiscal year as written: "FY2023-24", "fiscal 2024", "2023/24", "the
/// last financial year", a bare "FY" (the one in progress).
const FISCAL_YEAR: &str = r"(?:FY\s?(?P<fyp>(?:19|20)?\d\d)(?:[-–/](?P<fyp2>\d\d))?|(?-i:(?P<bare>FY))|(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?\(?(?P<fyn>(?:19|20)\d\d)(?:[-–/](?P<fyn2>\d\d))?|(?P<span>(?:19|20)\d\d)[-–/](?P<span2>(?:19|20)?\d\d)(?:\s+(?-i:FY)\b)?|(?P<rel>this|the\s+current|current|last|the\s+last|the\s+previous|previous|the\s+past|next|the\s+next|the)\s+(?:(?-i:[A-Z][a-z]+)(?:'s|’s)?\s+)?(?:fiscal|financial)(?:\s+year)?)";

crate::pattern::patterns! {
    /// One fiscal year phrase, led by some months or quarters of it or not,
    /// the year also in brackets ("July-March (2021-22)"), or by the month
    /// its figures run to ("as of November this fiscal year").
    fn fiscal_re = &format!(
        r"(?i)\b(?:(?:the\s+)?(?:(?:first|last|past)\s+)?(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+(?P<unit>months|quarters)\s+of\s+|(?:between\s+)?(?P<a>{MONTHS})\.?(?:\s*[-–—]\s*|\s+(?:to|through|till|until|and)\s+)(?P<b>{MONTHS})\b\.?(?:\s+period)?\s+(?:(?:of|in)\s+)?\(?|(?:as\s+of|up\s+to)\s+(?P<upto>{MONTHS})\b\.?,?\s+(?:(?:of|in)\s+)?)?{FISCAL_YEAR}\b"
    );
}

/// The fiscal periods of `sentence` by `calendar`, with the publication
/// date for "this fiscal" and the like.
pub(crate) fn periods(
    sentence: &str,
    calendar: &Calendar,
    published: Option<PartialDate>,
) -> Vec<PeriodMention> {
    // Every match needs "FY", "fiscal", "financial" or a year span.
    let lower_has = |w: &str| crate::scan::contains_ascii_ci(sentence.as_bytes(), w.as_bytes());
    let span_like = sentence
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'-' | b'/') && w[2].is_ascii_digit())
        || sentence.contains('–');
    if !(lower_has("fy") || lower_has("fiscal") || lower_has("financial") || span_like) {
        return Vec::new();
    }
    fiscal_re()
        .captures_iter(sentence)
        .filter_map(|c| {
            let whole = c.get(0)?;
            // "the fiscal year through March": a run of twelve months named
            // by its last, which the calendar scanner reads.
            let after = sentence[whole.end()..].trim_start().to_ascii_lowercase();
            let run = [
                "through ",
                "to ",
                "ending ",
                "ended ",
                "that ended ",
                "which ended ",
            ]
            .iter()
            .any(|w| after.starts_with(w));
            if run && (c.name("rel").is_some() || c.name("bare").is_some()) {
                return None;
            }
            let (period, reason) = read(&c, calendar, published)?;
            Some(PeriodMention {
                kind: PeriodKind::Fixed {
                    period,
                    reason: format!(
                        "\"{}\" in {}'s fiscal year ({}): {reason}",
                        whole.as_str(),
                        calendar.country,
                        crate::model::MONTH_ABBR[calendar.first_month as usize - 1],
                    ),
                },
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// The period one match names, and how it was read.
fn read(
    c: &Captures<'_>,
    calendar: &Calendar,
    published: Option<PartialDate>,
) -> Option<(Period, String)> {
    let start_year = start_year(c, calendar, published)?;
    let year = calendar.year_from(start_year)?;
    if let Some(n) = c.name("n") {
        // "the first three quarters of fiscal year (2021-22)": nine months.
        let per = if c
            .name("unit")
            .is_some_and(|u| u.as_str().eq_ignore_ascii_case("quarters"))
        {
            3
        } else {
            1
        };
        let n = super::count(n.as_str())
            .map(|n| n * per)
            .filter(|n| (1..=12).contains(n))?;
        let last = (calendar.first_month + n - 2) % 12 + 1;
        let p = calendar.months_of(start_year, calendar.first_month, last)?;
        return Some((p.clone(), p.label));
    }
    if let Some(upto) = c.name("upto") {
        let last = month_number(upto.as_str())?;
        let p = calendar.months_of(start_year, calendar.first_month, last)?;
        return Some((p.clone(), p.label));
    }
    if let (Some(a), Some(b)) = (c.name("a"), c.name("b")) {
        let (a, b) = (month_number(a.as_str())?, month_number(b.as_str())?);
        let p = calendar.months_of(start_year, a, b)?;
        return Some((p.clone(), p.label));
    }
    Some((year.clone(), year.label))
}

/// The year the fiscal year a match names begins in.
fn start_year(
    c: &Captures<'_>,
    calendar: &Calendar,
    published: Option<PartialDate>,
) -> Option<i32> {
    let full = |y: &str| -> Option<i32> {
        let n: i32 = y.parse().ok()?;
        Some(if y.len() == 2 { 2000 + n } else { n })
    };
    if let Some(y) = c.name("span") {
        let (first, second) = (full(y.as_str())?, full(c.name("span2")?.as_str())?);
        return ((first + 1) % 100 == second % 100).then_some(first);
    }
    for (named, second) in [("fyp", "fyp2"), ("fyn", "fyn2")] {
        if let Some(y) = c.name(named) {
            let year = full(y.as_str())?;
            return Some(match c.name(second) {
                Some(_) => year,
                None => calendar.start_of_named(year),
            });
        }
    }
    // "the first five months of FY": of the fiscal year in progress.
    let rel = match c.name("bare") {
        Some(_) => "this".to_owned(),
        None => c.name("rel")?.as_str().to_ascii_lowercase(),
    };
    let published = published?;
    let (year, month) = (published.year?, published.month.unwrap_or(6));
    let current = calendar.start_year_of(year, month);
    Some(match rel.split_whitespace().last()? {
        "last" | "previous" | "past" => current - 1,
        "next" => current + 1,
        _ => current,
    })
}

/// The day fiscal phrases are read against, as a date (for tests).
#[cfg(test)]
fn day(s: &str) -> Option<PartialDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(PartialDate::day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn labels(sentence: &str, country: &str, published: &str) -> Vec<String> {
        let calendar = of_country(country).expect("a calendar");
        periods(sentence, &calendar, day(published))
            .into_iter()
            .filter_map(|p| match p.kind {
                PeriodKind::Fixed { period, .. } => Some(period.label),
                _ => None,
            })
            .collect()
    }

    #[rstest]
    #[case::two_year_span("Exports reached $5 billion in 2019-20.", "IN", "Apr 2019–Mar 2020")]
    #[case::fy_two_digits("Exports rose 9% in FY22.", "IN", "Apr 2021–Mar 2022")]
    #[case::fy_by_the_end_year("Trade in FY2022-23 hit $9 billion.", "IN", "Apr 2022–Mar 2023")]
    #[case::japan_names_by_the_start("Exports in fiscal 2016 rose.", "JP", "Apr 2016–Mar 2017")]
    #[case::australia_july_to_june("Exports fell in 2021-22.", "AU", "Jul 2021–Jun 2022")]
    #[case::united_states_october("Imports in FY2023 rose.", "US", "Oct 2022–Sep 2023")]
    #[case::this_fiscal(
        "Exports in this fiscal reached $3 billion.",
        "IN",
        "Apr 2024–Mar 2025"
    )]
    #[case::last_financial_year(
        "Trade was $9 billion in the last financial year.",
        "IN",
        "Apr 2023–Mar 2024"
    )]
    #[case::months_of_this_fiscal(
        "Imports during April-November this fiscal were $8 billion.",
        "IN",
        "Apr–Nov 2024"
    )]
    #[case::months_into_the_next_year(
        "Trade during April-February this fiscal was $8 billion.",
        "IN",
        "Apr 2024–Feb 2025"
    )]
    #[case::months_of_a_named_year(
        "Imports during April-December 2019-20 were $8 billion.",
        "IN",
        "Apr–Dec 2019"
    )]
    #[case::first_months_of_the_year(
        "Trade in the first seven months of the financial year rose.",
        "IN",
        "Apr–Oct 2024"
    )]
    #[case::months_between("Trade between July and September this fiscal rose.", "AU", "Q3 2024")]
    #[case::four_digit_years("Exports fell in 2019-2020.", "UG", "Jul 2019–Jun 2020")]
    #[case::fy_after_the_years("Trade hit $9 billion in 2016-2017 FY.", "MM", "Apr 2016–Mar 2017")]
    #[case::the_fiscal_year_and_its_years(
        "Imports in the fiscal year 2022/23 rose.",
        "NP",
        "16 Jul 2022–15 Jul 2023"
    )]
    #[case::a_year_from_the_21st(
        "Exports rose in the last fiscal year.",
        "IR",
        "21 Mar 2023–20 Mar 2024"
    )]
    #[case::up_to_a_month(
        "Trade as of November this fiscal year was $6 billion.",
        "IN",
        "Apr–Nov 2024"
    )]
    #[case::a_bare_fy("Trade in the first five months of FY rose.", "IN", "Apr–Aug 2024")]
    fn fiscal_phrases_follow_the_reporting_countrys_calendar(
        #[case] sentence: &str,
        #[case] country: &str,
        #[case] label: &str,
    ) {
        assert_eq!(
            labels(sentence, country, "2025-01-15"),
            [label],
            "{sentence}"
        );
    }

    #[rstest]
    #[case::not_a_fiscal_span("In 2019-2024 trade rose.")]
    #[case::a_date("On 2024-03-05 trade rose.")]
    #[case::no_fiscal_words("Trade rose 5% in March.")]
    #[case::not_consecutive_years("Trade rose between 2016-2018.")]
    fn other_phrases_are_not_fiscal_years(#[case] sentence: &str) {
        assert!(
            labels(sentence, "IN", "2025-01-15").is_empty(),
            "{sentence}"
        );
    }

    #[rstest]
    #[case::by_its_adjective("Exports rose over the previous Iranian financial year.", Some("IR"))]
    #[case::by_its_name("Trade in Nepal's fiscal year 2022/23 rose.", Some("NP"))]
    #[case::a_country_without_one("Trade in the Chinese fiscal year rose.", None)]
    #[case::not_before_fiscal("Iran's trade rose in the last fiscal year.", None)]
    fn a_calendar_named_in_the_text(#[case] sentence: &str, #[case] country: Option<&str>) {
        let mentions = crate::country::mentions(sentence);
        assert_eq!(
            named_in(sentence, &mentions).map(|c| c.country),
            country,
            "{sentence}"
        );
    }
}
