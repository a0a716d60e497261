//! Calendar expressions in text: full dates ("April 02, 2025", "11 September
//! 2020", "2023-03-22"), a month and day without a year ("March 20"), weekdays,
//! and the relative forms event reports use ("at the end of 2022", "at the
//! beginning of this month", "last week", "last October"), resolved against a
//! reference date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::{model::PartialDate, period::month_number, scan::is_pattern_space as is_space};

/// Capitalised month names and abbreviations: "may" as a verb is not a month.
const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

crate::pattern::patterns! {
    fn full_date_re = &format!(
        r"\b(?P<mon>{MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-)(?P<mon2>{MONTHS})\.?,?(?:\s+|-)(?P<year2>(?:19|20)\d\d)\b|\b(?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})\b"
    );
    fn month_day_re = &format!(
        r"\b(?P<mon>{MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTHS})\b|\b(?P<day3>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:or|and|to)\s+\d{{1,2}}(?:st|nd|rd|th)?)?\s+of\s+(?P<mon3>{MONTHS})\b"
    );
}

/// A date named in text, with its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found<T> {
    pub value: T,
    pub start: usize,
    pub end: usize,
}

/// Every complete date in `text`.
pub(crate) fn full_dates(text: &str) -> Vec<Found<NaiveDate>> {
    full_dates_iter(text).collect()
}

/// [`full_dates`] one at a time, for callers that stop at the first they want.
pub(crate) fn full_dates_iter(text: &str) -> impl Iterator<Item = Found<NaiveDate>> + '_ {
    full_date_re()
        .captures_iter(text)
        .filter_map(|c| found_date(&c))
}

/// The date a match of the full-date pattern names, if it exists.
fn found_date(c: &regex::Captures<'_>) -> Option<Found<NaiveDate>> {
    let whole = c.get(0)?;
    let date = if let Some(y) = c.name("iy") {
        NaiveDate::from_ymd_opt(
            y.as_str().parse().ok()?,
            c.name("im")?.as_str().parse().ok()?,
            c.name("id")?.as_str().parse().ok()?,
        )?
    } else {
        let mon = c.name("mon").or_else(|| c.name("mon2"))?;
        let day = c.name("day").or_else(|| c.name("day2"))?;
        let year = c.name("year").or_else(|| c.name("year2"))?;
        NaiveDate::from_ymd_opt(
            year.as_str().parse().ok()?,
            month_number(mon.as_str())?,
            day.as_str().parse().ok()?,
        )?
    };
    Some(Found {
        value: date,
        start: whole.start(),
        end: whole.end(),
    })
}

crate::pattern::patterns! {
    /// The forms page chrome writes dates in beside those of prose: year first
    /// ("2021 March 4"), numbers ("25.11.2020", "25/11/2020"), ISO date-times
    /// ("2024-11-05T14:02:00Z") and a year cut to two digits ("May 3, '24").
    /// Too loose for running text ("in 2022 May 5 percent"), so read only on
    /// lines that are dates.
    fn chrome_date_re = &format!(
        r"\b(?P<y1>(?:19|20)\d\d)\s+(?P<m1>{MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b|\b(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})[./-](?P<y2>(?:19|20)\d\d)\b|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)T\d\d:\d\d|(?:\b(?P<m4>{MONTHS})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?|\b(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m5>{MONTHS})\.?,?)\s+['’](?P<yy>\d\d)\b"
    );
}

/// The date a match of [`chrome_date_re`] names, if it names one day.
///
/// Numbers with dots are day first, as the sites that write them are
/// (German, Russian, Turkish); with slashes or hyphens they are month first
/// in the United States and day first elsewhere, so only a part over 12
/// tells which is which: "25/11/2020" is November 25, "3/8/2024" no day.
/// A two-digit year is in this century up to '69 and in the last from '70.
fn chrome_date(c: &regex::Captures<'_>) -> Option<NaiveDate> {
    let num = |name: &str| -> Option<u32> { c.name(name)?.as_str().parse().ok() };
    if let Some(y) = c.name("y1") {
        let month = month_number(c.name("m1")?.as_str())?;
        return NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month, num("d1")?);
    }
    if let Some(y) = c.name("y2") {
        let (first, second) = (num("a")?, num("b")?);
        let dotted = c.name("sep")?.as_str() == ".";
        let (day, month) = match (dotted, first > 12, second > 12) {
            (true, _, _) | (false, true, false) => (first, second),
            (false, false, true) => (second, first),
            _ => return None,
        };
        return NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month, day);
    }
    if let Some(y) = c.name("y3") {
        return NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, num("m3")?, num("d3")?);
    }
    let month = month_number(c.name("m4").or_else(|| c.name("m5"))?.as_str())?;
    let day = num("d4").or_else(|| num("d5"))?;
    let short = i32::try_from(num("yy")?).ok()?;
    let year = if short < 70 {
        2000 + short
    } else {
        1900 + short
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The first date on a line that may be a date line, in the forms of prose
/// ([`full_dates`]) or of page chrome (`chrome_date_re`), with its byte
/// range.
pub(crate) fn line_date(line: &str) -> Option<Found<NaiveDate>> {
    let prose = full_dates_iter(line).next();
    let chrome = chrome_date_re().captures_iter(line).find_map(|c| {
        let whole = c.get(0)?;
        Some(Found {
            value: chrome_date(&c)?,
            start: whole.start(),
            end: whole.end(),
        })
    });
    match (prose, chrome) {
        (Some(p), Some(c)) => Some(if c.start < p.start { c } else { p }),
        (p, c) => p.or(c),
    }
}

/// The first full date in `text` on the given month and day, as
/// [`full_dates_iter`] would find it, without running the date pattern over
/// the whole text (a full pass of it costs about a tenth of extraction).
///
/// Every such date holds the month's three-letter abbreviation (each name
/// starts with it) or is an ISO date with a `-`, `/` or `.` after its year;
/// `memchr` finds those places. Around each, the pattern runs on the run of
/// whitespace-separated tokens that each hold a digit or a capital. Every
/// token a date touches holds one, so no date crosses a token without
/// either and none starts inside one: the matches within a run are exactly
/// the whole text's there, even where dates overlap ("21 March 1999-9-1"
/// is 21 March, whose year leaves no 1999-9-1).
pub(crate) fn first_full_date_on(text: &str, month: u32, day: u32) -> Option<Found<NaiveDate>> {
    let abbr = crate::model::MONTH_ABBR.get(month.checked_sub(1)? as usize)?;
    let bytes = text.as_bytes();
    let mut anchors: Vec<usize> = memchr::memmem::find_iter(bytes, abbr.as_bytes()).collect();
    anchors.extend(memchr::memchr3_iter(b'-', b'/', b'.', bytes).filter(|&at| {
        at >= 4
            && matches!(&bytes[at - 4..at], [b'1', b'9', ..] | [b'2', b'0', ..])
            && bytes[at - 2..at].iter().all(u8::is_ascii_digit)
    }));
    anchors.sort_unstable();
    // Each run once: an anchor inside the last run is already covered, which
    // keeps this linear when a long run holds many anchors.
    let mut covered = 0;
    for at in anchors {
        if at < covered {
            continue;
        }
        let (start, end) = run_around(bytes, at);
        covered = end;
        let found = full_dates_iter(&text[start..end])
            .find(|d| d.value.month() == month && d.value.day() == day);
        if let Some(d) = found {
            return Some(Found {
                value: d.value,
                start: start + d.start,
                end: start + d.end,
            });
        }
    }
    None
}

/// A token no date can touch: no digit and no capital.
fn is_inert(token: &[u8]) -> bool {
    !token
        .iter()
        .any(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// The byte range of the run of tokens that are not [inert](is_inert) around
/// the token holding `at`. Both ends are next to white space (or the ends of
/// the text), so char boundaries.
fn run_around(bytes: &[u8], at: usize) -> (usize, usize) {
    let token_start = |mut i: usize| {
        while i > 0 && !is_space(bytes[i - 1]) {
            i -= 1;
        }
        i
    };
    let token_end = |mut i: usize| {
        while i < bytes.len() && !is_space(bytes[i]) {
            i += 1;
        }
        i
    };
    let mut start = token_start(at);
    loop {
        let mut gap = start;
        while gap > 0 && is_space(bytes[gap - 1]) {
            gap -= 1;
        }
        if gap == 0 {
            break;
        }
        let previous = token_start(gap);
        if is_inert(&bytes[previous..gap]) {
            break;
        }
        start = previous;
    }
    let mut end = token_end(at);
    loop {
        let mut gap = end;
        while gap < bytes.len() && is_space(bytes[gap]) {
            gap += 1;
        }
        if gap == bytes.len() {
            break;
        }
        let next = token_end(gap);
        if is_inert(&bytes[gap..next]) {
            break;
        }
        end = next;
    }
    (start, end)
}

/// Every month and day named without a year ("March 20", "20 March"); a
/// date that goes on to name its year is left to [`full_dates`].
pub(crate) fn month_days(text: &str) -> Vec<Found<(u32, u32)>> {
    let full: Vec<(usize, usize)> = full_dates(text).iter().map(|f| (f.start, f.end)).collect();
    month_day_re()
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            if full
                .iter()
                .any(|&(s, e)| whole.start() < e && s < whole.end())
            {
                return None;
            }
            let (mon, day) = month_day_of(&c)?;
            Some(Found {
                value: (mon, day),
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// The month and day a match gives in its `mon`/`day` groups (or, written
/// day first, `mon2`/`day2`, or as "the 3rd of July", `mon3`/`day3`), if
/// such a day exists in some year. Of "the 8th or 9th of May", the first.
pub(crate) fn month_day_of(c: &regex::Captures<'_>) -> Option<(u32, u32)> {
    let mon = c
        .name("mon")
        .or_else(|| c.name("mon2"))
        .or_else(|| c.name("mon3"));
    let mon = month_number(mon?.as_str())?;
    let day: u32 = c
        .name("day")
        .or_else(|| c.name("day2"))
        .or_else(|| c.name("day3"))?
        .as_str()
        .parse()
        .ok()?;
    // 29 February exists in leap years, so check against one.
    NaiveDate::from_ymd_opt(2000, mon, day)?;
    Some((mon, day))
}

/// The weekday an English name stands for.
pub(crate) fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The most recent `day` on or before `reference`: a report dated Thursday
/// that says "on Tuesday" means two days earlier, and "on Thursday" that day.
pub(crate) fn weekday_on_or_before(reference: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (7 + reference.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    reference - Duration::days(i64::from(back))
}

/// The next `day` on or after `reference`, for announcements ("will visit on Tuesday").
pub(crate) fn weekday_on_or_after(reference: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - reference.weekday().num_days_from_monday()) % 7;
    reference + Duration::days(i64::from(ahead))
}

/// The next `month`/`day` on or after `reference`.
pub(crate) fn month_day_on_or_after(
    reference: NaiveDate,
    month: u32,
    day: u32,
) -> Option<NaiveDate> {
    match NaiveDate::from_ymd_opt(reference.year(), month, day) {
        Some(d) if d >= reference => Some(d),
        _ => NaiveDate::from_ymd_opt(reference.year() + 1, month, day),
    }
}

/// The most recent `month`/`day` on or before `reference` (a report of what
/// happened "on March 20" written in April means this year's March).
pub(crate) fn month_day_on_or_before(
    reference: NaiveDate,
    month: u32,
    day: u32,
) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(reference.year(), month, day);
    match this_year {
        Some(d) if d <= reference => Some(d),
        _ => NaiveDate::from_ymd_opt(reference.year() - 1, month, day),
    }
}

/// The month a relative month phrase names against `reference`:
/// "this month", "last month", "last October" (always in the past).
pub(crate) fn relative_month(phrase: &str, reference: NaiveDate) -> Option<PartialDate> {
    let p = phrase.to_ascii_lowercase();
    let (y, m) = (reference.year(), reference.month());
    match p.as_str() {
        "this month" => Some(PartialDate::month(y, m)),
        "last month" => Some(if m == 1 {
            PartialDate::month(y - 1, 12)
        } else {
            PartialDate::month(y, m - 1)
        }),
        other => {
            let name = other.strip_prefix("last ")?;
            let month = month_number(name)?;
            // "last October" said in November is last month; said in March, the previous year.
            let year = if month < m { y } else { y - 1 };
            Some(PartialDate::month(year, month))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`first_full_date_on`] must equal: the whole-text search.
    fn first_full_date_oracle(text: &str, month: u32, day: u32) -> Option<Found<NaiveDate>> {
        full_dates_iter(text).find(|d| d.value.month() == month && d.value.day() == day)
    }

    #[test]
    fn the_first_date_on_a_month_and_day_in_each_form() {
        let text = "MOSCOW, March 21 (Xinhua) -- Talks. A photo of 20 March 2023, \
                    taken on 21 March 2022, and (March 21st, 2023) and 2023/3/21.";
        let found = first_full_date_on(text, 3, 21).expect("a date");
        assert_eq!(found.value, d(2022, 3, 21));
        assert_eq!(&text[found.start..found.end], "21 March 2022");
        assert_eq!(
            first_full_date_on("Filed 2024-11-05 and 2023.11.05", 11, 5).map(|f| f.value),
            Some(d(2024, 11, 5))
        );
        assert_eq!(
            first_full_date_on("Sept. 9, 2019\tSep 9 2020", 9, 9).map(|f| f.value),
            Some(d(2019, 9, 9))
        );
        // Glued to a word or number, a date is not one, as in the whole text.
        for text in [
            "xMarch 21, 2023",
            "March 21, 20234",
            "12023-03-21",
            "March21, 2023",
        ] {
            assert_eq!(first_full_date_on(text, 3, 21), None, "{text}");
        }
        assert_eq!(first_full_date_on("", 3, 21), None);
        assert_eq!(first_full_date_on("March 21, 2023", 13, 21), None);
        assert_eq!(first_full_date_on("March 21, 2023", 0, 21), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Token soup of dates, near-dates, numbers and words, glued with
        /// every kind of white space or none: the windowed search finds what
        /// the whole-text search finds.
        #[test]
        fn the_windowed_search_finds_what_the_whole_text_search_finds(
            parts in crate::testing::pieces(
                &[
                    "March 21, 2023", "21 March 2023", "Mar. 21 2022", "May 5,  1999",
                    "5th May 2020", "Sept. 1, 2019", "September 21st,\n2024", "2023-03-21",
                    "2023/3/21", "2023.05.05", "1999-9-1", "12023-03-21", "March", "Mar.",
                    "Sep", "May", "21", "21st", "5", "2023", "20", "19", "x", ",", ".", "-",
                    "(", ")", "é", "—", "of", "the", " ", " ", " ", "  ", "\n", "\t", "\x0B",
                ],
                0..24,
            ),
            month in proptest::sample::select(vec![3u32, 5, 9]),
            day in proptest::sample::select(vec![1u32, 5, 21]),
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(
                first_full_date_on(&text, month, day),
                first_full_date_oracle(&text, month, day),
                "{:?}", text
            );
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn full_dates_in_four_forms() {
        let found: Vec<NaiveDate> =
            full_dates("April 02, 2025; 11 September 2020; 2023-03-22; Sept. 1, 2019; 12-Jan-2024")
                .iter()
                .map(|f| f.value)
                .collect();
        assert_eq!(
            found,
            vec![
                d(2025, 4, 2),
                d(2020, 9, 11),
                d(2023, 3, 22),
                d(2019, 9, 1),
                d(2024, 1, 12)
            ]
        );
        assert!(full_dates("February 30, 2023").is_empty());
    }

    #[rstest::rstest]
    #[case::of_the_month("talks on the 21st of March", (3, 21))]
    #[case::one_of_two_days("in May, on the 8th or 9th of May", (5, 8))]
    #[case::without_the_article("from 9th to 11th of June", (6, 9))]
    fn days_of_a_month_named_with_of(#[case] text: &str, #[case] want: (u32, u32)) {
        let found: Vec<(u32, u32)> = month_days(text).iter().map(|f| f.value).collect();
        assert_eq!(found, vec![want], "{text}");
    }

    #[test]
    fn month_days_skip_dates_with_years() {
        let found: Vec<(u32, u32)> = month_days("on March 20 and April 1, 2025 and 5 May")
            .iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(found, vec![(3, 20), (5, 5)]);
        assert!(month_days("they may 5 times").is_empty());
    }

    #[test]
    fn weekdays_resolve_to_the_latest_on_or_before_or_the_next_on_or_after() {
        // (report's day, weekday, latest on or before, next on or after);
        // 2025-04-01 was a Tuesday.
        let cases = [
            (d(2025, 4, 1), Weekday::Tue, d(2025, 4, 1), d(2025, 4, 1)),
            (d(2025, 4, 2), Weekday::Tue, d(2025, 4, 1), d(2025, 4, 8)),
            (d(2025, 4, 2), Weekday::Thu, d(2025, 3, 27), d(2025, 4, 3)),
        ];
        for (day, weekday, before, after) in cases {
            assert_eq!(
                weekday_on_or_before(day, weekday),
                before,
                "{day} {weekday}"
            );
            assert_eq!(weekday_on_or_after(day, weekday), after, "{day} {weekday}");
        }
    }

    #[test]
    fn month_days_resolve_into_the_past_and_into_the_future() {
        // (report's day, month, day, latest on or before, next on or after)
        let cases = [
            (d(2023, 3, 17), 3, 20, d(2022, 3, 20), d(2023, 3, 20)),
            (d(2023, 4, 1), 3, 20, d(2023, 3, 20), d(2024, 3, 20)),
            (d(2023, 2, 1), 3, 20, d(2022, 3, 20), d(2023, 3, 20)),
            (d(2023, 12, 17), 1, 5, d(2023, 1, 5), d(2024, 1, 5)),
        ];
        for (day, month, of, before, after) in cases {
            let asked = format!("{day}: {month}-{of}");
            assert_eq!(
                month_day_on_or_before(day, month, of),
                Some(before),
                "{asked}"
            );
            assert_eq!(
                month_day_on_or_after(day, month, of),
                Some(after),
                "{asked}"
            );
        }
    }

    #[test]
    fn relative_months() {
        let r = d(2020, 9, 11);
        assert_eq!(
            relative_month("this month", r),
            Some(PartialDate::month(2020, 9))
        );
        assert_eq!(
            relative_month("last month", d(2020, 1, 5)),
            Some(PartialDate::month(2019, 12))
        );
        assert_eq!(
            relative_month("last October", r),
            Some(PartialDate::month(2019, 10))
        );
        assert_eq!(
            relative_month("last March", r),
            Some(PartialDate::month(2020, 3))
        );
    }
}
