//! When a reported event took place: dates, weekdays, months and relative
//! phrases in its sentence, resolved against the dateline's or publication
//! day, forward for plans and back for reports.

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate};

use crate::{
    model::PartialDate,
    when::{self, full_dates, month_days},
};

crate::pattern::patterns! {
    /// "a three-day visit", "the 2-day talks": how many days an event lasts.
    fn duration_re = r"(?i)\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day\b";
    /// Dates told against the report's: "at the end of this month", "last
    /// week", "next month", "yesterday", "in March 2024", "in 2023".
    fn relative_re = r"(?i)\b(?:at|by|towards?)\s+the\s+(?P<edge>end|beginning|start|middle)\s+of\s+(?P<what>(?:19|20)\d\d|this\s+month|last\s+month|this\s+year|last\s+year|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?P<earlier>earlier|later)\s+this\s+(?P<unit>month|year)\b|\b(?P<lastweek>last\s+week)\b|\b(?P<next>next\s+(?:week|month|year))\b|\b(?P<lastmonth>last\s+(?:month|January|February|March|April|May|June|July|August|September|October|November|December))\b|\b(?P<day>(?-i:yesterday|today|^Yesterday|^Today))\b|\bin\s+(?P<my_m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<my_y>(?:19|20)\d\d)\b|\bin\s+(?P<year>(?:19|20)\d\d)\b";
    /// "in April", "in early April", "in the third week of June", a month
    /// without its year: the last resort for a date. `range` marks a span of
    /// months ("in March-August"), which is a figure's period, not a date.
    fn month_only_re = r"\b(?:[Ii]n|[Dd]uring)\s+(?:(?:early|mid|late)[\s-]+|the\s+(?:first|second|third|fourth|last)\s+(?:week|half|days?|fortnight)\s+of\s+)?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b(?P<range>\s*(?:-|–|—|to\s|through\s|and\s)\s*(?:January|February|March|April|May|June|July|August|September|October|November|December))?";
    /// A day of the week, which the report's date turns into a date.
    fn weekday_re = r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b";
    /// The last day of a range after its first: "-22" of "20-22 March".
    fn range_end_re = r"^\s*(?:-|–|to|through|until)\s*(?P<d>\d{1,2})\b";
    /// The year written after a range's last day: ", 2024" of "August 18 to
    /// 20, 2024", which the full-date pattern does not read across the range.
    fn range_year_re = r"^\s*(?:-|–|to|through|until|and)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b";
}

/// A date read from an event sentence, before and after resolution.
pub(super) struct EventDate {
    pub(super) start: Option<PartialDate>,
    pub(super) end: Option<PartialDate>,
    pub(super) reason: String,
    /// The phrase gave a date but the reference to resolve it is missing.
    pub(super) unresolved: bool,
}

/// The reference for relative dates: the dateline's or publication day, or
/// at least the publication year (and month).
pub(super) struct Reference {
    pub(super) day: Option<NaiveDate>,
    pub(super) date: Option<PartialDate>,
}

/// Reports of what happened count back from the reference day; announcements
/// of what will happen count forward.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Past,
    Future,
}

/// The date of the event a sentence reports. `skip` bytes at its start are
/// a dateline ("BEIJING, April 28 (Xinhua) --"), whose date is the report's,
/// not the event's: "will pay a state visit from May 7 to 10" is in May.
pub(super) fn event_date(
    sentence: &str,
    skip: usize,
    trigger_at: usize,
    reference: &Reference,
    direction: Direction,
) -> Option<EventDate> {
    if !may_hold_a_date(sentence) {
        return None;
    }
    // "... the first session of the commission, which was founded on 1
    // May": a relative clause after the trigger tells of
    // something else, and its dates are not the event's.
    let sentence = &sentence[..relative_clause(sentence, trigger_at).unwrap_or(sentence.len())];
    // A full date in the sentence.
    if let Some(d) = full_dates(sentence).into_iter().find(|d| d.start >= skip) {
        let end = range_end(sentence, d.end, d.value);
        return Some(EventDate {
            start: Some(PartialDate::day(d.value)),
            end: end.map(PartialDate::day),
            reason: format!("date: '{}'", &sentence[d.start..d.end]),
            unresolved: false,
        });
    }
    // "on March 20": the year from the sentence when it names one ("in
    // April 2024, meeting Xi on April 16"), else from the reference.
    if let Some(md) = month_days(sentence).into_iter().find(|d| d.start >= skip) {
        let (month, day) = md.value;
        let phrase = &sentence[md.start..md.end];
        let year = year_after_range(&sentence[md.end..])
            .or_else(|| year_of_month(&sentence[skip..], month));
        if let Some(year) = year {
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                return Some(EventDate {
                    start: Some(PartialDate::day(date)),
                    end: range_end(sentence, md.end, date).map(PartialDate::day),
                    reason: format!("date: '{phrase}' in {year}, the year the sentence names"),
                    unresolved: false,
                });
            }
        }
        let resolved = match (reference.day, reference.date) {
            (Some(r), _) if direction == Direction::Future => {
                when::month_day_on_or_after(r, month, day)
            }
            (Some(r), _) => when::month_day_on_or_before(r, month, day),
            (None, Some(PartialDate { year: Some(y), .. })) => {
                NaiveDate::from_ymd_opt(y, month, day)
            }
            _ => None,
        };
        return Some(match resolved {
            Some(date) => EventDate {
                start: Some(PartialDate::day(date)),
                end: range_end(sentence, md.end, date).map(PartialDate::day),
                reason: format!(
                    "date: '{phrase}' in an article from {}",
                    describe(reference)
                ),
                unresolved: false,
            },
            None => EventDate {
                start: Some(PartialDate::month_day(month, day)),
                end: None,
                reason: format!(
                    "date: '{phrase}', its year unknown, as the publication date is unknown"
                ),
                unresolved: true,
            },
        });
    }
    // "on Tuesday", "On the morning of Thursday": the latest such day on or
    // before the reference day.
    // "..., the Kremlin said on Friday" dates the announcement: for an
    // event still to come, that is never its day.
    let weekday = weekday_re()
        .captures_iter(sentence)
        .filter_map(|c| c.name("wd"))
        .filter(|m| m.start() >= skip)
        // "Monday's statement": the day of a statement, not of an event.
        .filter(|m| !sentence[m.end()..].starts_with(['\'', '’']))
        .filter(|m| direction == Direction::Past || !dates_a_statement(sentence, m.start()))
        .min_by_key(|m| m.start().abs_diff(trigger_at));
    if let Some(c) = relative_re()
        .captures_iter(sentence)
        .find(|c| c.get(0).is_some_and(|m| m.start() >= skip))
    {
        // A bare "in 2023" often dates a figure in the same sentence ("grew
        // by 32 percent in 2023 ..., who arrived on Tuesday for a state
        // visit"): a weekday nearer the trigger dates the event instead.
        let whole = c.get(0);
        let weekday_nearer = c.name("year").is_some()
            && whole.zip(weekday).is_some_and(|(year, day)| {
                day.start().abs_diff(trigger_at) < year.start().abs_diff(trigger_at)
            });
        if !weekday_nearer {
            let phrase = whole.map_or("", |m| m.as_str());
            return Some(relative_date(&c, phrase, reference));
        }
    }
    let Some(weekday) = weekday else {
        return month_only(sentence, skip, reference, direction);
    };
    let day = when::weekday(weekday.as_str())?;
    Some(match reference.day {
        Some(r) => {
            let (date, how) = match direction {
                Direction::Past => (when::weekday_on_or_before(r, day), "counted back"),
                Direction::Future => (when::weekday_on_or_after(r, day), "counted forward"),
            };
            EventDate {
                start: Some(PartialDate::day(date)),
                end: None,
                reason: format!("date: '{}' {how} from {r}", weekday.as_str()),
                unresolved: false,
            }
        }
        None => EventDate {
            start: None,
            end: None,
            reason: format!(
                "date: '{}' cannot be resolved without the publication day",
                weekday.as_str()
            ),
            unresolved: true,
        },
    })
}

/// What every date [`event_date`] reads holds, written as its patterns
/// read it: a month's name or abbreviation, capitalised ("Mar" starts
/// "March"), or "day" (in every weekday, "today" and "yesterday").
const CALENDAR_WORDS: [&str; 14] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "day",
    "Day",
];

/// The words of the relative phrases, which the patterns read in either
/// case ("At the end of", "Earlier this month", "last week", "next year").
const RELATIVE_WORDS: [&str; 8] = [
    "end of",
    "beginning of",
    "start of",
    "middle of",
    "earlier",
    "later",
    "last",
    "next",
];

/// Whether `sentence` may hold a date: a year, or one of
/// [`CALENDAR_WORDS`] or [`RELATIVE_WORDS`] (a vectorised search for each
/// list). A necessary condition of every date pattern matching: a sentence
/// without any, such as most that report an event without dating it or
/// give only figures, is spared them.
fn may_hold_a_date(sentence: &str) -> bool {
    static CALENDAR: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    static RELATIVE: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let build = |words: &[&str], any_case: bool| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(any_case)
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(words)
            .expect("a few short literals always build")
    };
    crate::scan::years(sentence.as_bytes()).next().is_some()
        || CALENDAR
            .get_or_init(|| build(&CALENDAR_WORDS, false))
            .is_match(sentence)
        || RELATIVE
            .get_or_init(|| build(&RELATIVE_WORDS, true))
            .is_match(sentence)
}

/// Where a relative clause starts after byte `from`: ", which", ", who".
fn relative_clause(sentence: &str, from: usize) -> Option<usize> {
    let rest = sentence.get(from..)?;
    [", which ", ", who ", ", whose "]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .map(|at| from + at)
}

/// The year after the range that opens `after` ("to 20, 2024"), if any.
fn year_after_range(after: &str) -> Option<i32> {
    // Every such range starts within a few bytes with a dash, "to",
    // "through", "until" or "and", then a day: most month-days have none.
    if !after.as_bytes().iter().take(12).any(u8::is_ascii_digit) {
        return None;
    }
    range_year_re()
        .captures(after)?
        .name("y")?
        .as_str()
        .parse()
        .ok()
}

/// The year a sentence gives a month ("in April 2024"), for a month-day of
/// that month elsewhere in it ("... meeting Xi on April 16"). Only a year
/// written with the same month counts: "his first visit since 2019" says
/// nothing of the year of "March 20".
fn year_of_month(sentence: &str, month: u32) -> Option<i32> {
    let bytes = sentence.as_bytes();
    crate::scan::years(bytes).find_map(|(at, year)| {
        let boundary = !bytes.get(at + 4).is_some_and(u8::is_ascii_alphanumeric);
        let before = sentence[..at].strip_suffix(' ')?;
        let word = before.rsplit(' ').next()?;
        (boundary && crate::period::month_number(word) == Some(month)).then_some(year)
    })
}

/// "will visit in April": the next April (this one if it has not ended);
/// "met in April": the last one. Month precision.
fn month_only(
    sentence: &str,
    skip: usize,
    reference: &Reference,
    direction: Direction,
) -> Option<EventDate> {
    let m = month_only_re()
        .captures_iter(sentence)
        .find(|c| c.name("range").is_none() && c.get(0).is_some_and(|m| m.start() >= skip))?;
    let phrase = m.get(0)?.as_str();
    let month = crate::period::month_number(m.name("m")?.as_str())?;
    let (year, how) = match (
        reference.date.and_then(|d| d.year),
        reference.date.and_then(|d| d.month),
    ) {
        (Some(y), Some(rm)) if direction == Direction::Future => {
            (if month >= rm { y } else { y + 1 }, "the next")
        }
        (Some(y), Some(rm)) => (if month <= rm { y } else { y - 1 }, "the last"),
        (Some(y), None) => (y, "the one"),
        _ => {
            return Some(EventDate {
                start: None,
                end: None,
                reason: format!("date: '{phrase}' needs the publication date"),
                unresolved: true,
            })
        }
    };
    Some(EventDate {
        start: Some(PartialDate::month(year, month)),
        end: None,
        reason: format!(
            "date: '{phrase}', {how} in an article from {}",
            describe(reference)
        ),
        unresolved: false,
    })
}

/// Whether the day named at `at` is when something was said ("said on
/// Friday", "told reporters Tuesday", "announced on Monday").
fn dates_a_statement(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end();
    let before = before.strip_suffix(" on").unwrap_or(before).trim_end();
    [
        "said",
        "says",
        "announced",
        "reported",
        "told reporters",
        "told journalists",
        "confirmed",
    ]
    .iter()
    .any(|verb| {
        before.len() >= verb.len()
            && before.is_char_boundary(before.len() - verb.len())
            && before[before.len() - verb.len()..].eq_ignore_ascii_case(verb)
    })
}

fn describe(reference: &Reference) -> String {
    match (reference.day, reference.date) {
        (Some(d), _) => d.to_string(),
        (None, Some(d)) => d.to_string(),
        _ => "an unknown date".to_owned(),
    }
}

/// "March 20-22", "from March 20 to 22": the last day of a range.
fn range_end(sentence: &str, after: usize, start: NaiveDate) -> Option<NaiveDate> {
    let c = range_end_re().captures(&sentence[after..])?;
    let day: u32 = c.name("d")?.as_str().parse().ok()?;
    let end = NaiveDate::from_ymd_opt(start.year(), start.month(), day)?;
    (end > start).then_some(end)
}

fn relative_date(c: &regex::Captures<'_>, phrase: &str, reference: &Reference) -> EventDate {
    let unresolved = |why: &str| EventDate {
        start: None,
        end: None,
        reason: format!("date: '{phrase}' {why}"),
        unresolved: true,
    };
    let ref_year = reference.date.and_then(|d| d.year);
    let ref_month = reference.date.and_then(|d| d.month);
    let resolved = |start: PartialDate, end: Option<PartialDate>| EventDate {
        start: Some(start),
        end,
        reason: format!(
            "date: '{phrase}' in an article from {}",
            describe(reference)
        ),
        unresolved: false,
    };
    if let (Some(edge), Some(what)) = (c.name("edge"), c.name("what")) {
        let what = what.as_str().to_ascii_lowercase();
        let edge = edge.as_str().to_ascii_lowercase();
        let month_for_edge = |first: u32| match edge.as_str() {
            "end" => 12,
            "middle" => 6,
            _ => first,
        };
        if let Ok(year) = what.parse::<i32>() {
            return resolved(PartialDate::month(year, month_for_edge(1)), None);
        }
        return match (what.as_str(), ref_year, ref_month) {
            ("this month", Some(y), Some(m)) => resolved(PartialDate::month(y, m), None),
            ("last month", Some(y), Some(m)) => {
                let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                resolved(PartialDate::month(y, m), None)
            }
            ("this year", Some(y), _) => resolved(PartialDate::month(y, month_for_edge(1)), None),
            ("last year", Some(y), _) => {
                resolved(PartialDate::month(y - 1, month_for_edge(1)), None)
            }
            (name, Some(y), _) => match crate::period::month_number(name) {
                Some(m) => resolved(PartialDate::month(y, m), None),
                None => unresolved("is not a date"),
            },
            _ => unresolved("needs the publication date"),
        };
    }
    if let (Some(when), Some(unit)) = (c.name("earlier"), c.name("unit")) {
        let later = when.as_str().eq_ignore_ascii_case("later");
        return match (
            unit.as_str().to_ascii_lowercase().as_str(),
            ref_year,
            ref_month,
        ) {
            ("month", Some(y), Some(m)) => resolved(PartialDate::month(y, m), None),
            // A year's first day, where a date of the year alone stands,
            // is before the report: "later this year" has no date to
            // write, only the window the reason gives.
            ("year", Some(y), _) if later => EventDate {
                start: None,
                end: None,
                reason: format!(
                    "date: '{phrase}' is after {} and within {y}, no day or month",
                    describe(reference)
                ),
                unresolved: false,
            },
            ("year", Some(y), _) => resolved(PartialDate::year(y), None),
            _ => unresolved("needs the publication date"),
        };
    }
    if c.name("lastweek").is_some() {
        return match reference.day {
            Some(r) => {
                let monday = r - Duration::days(i64::from(r.weekday().num_days_from_monday()) + 7);
                resolved(
                    PartialDate::day(monday),
                    Some(PartialDate::day(monday + Duration::days(6))),
                )
            }
            None => unresolved("needs the publication day"),
        };
    }
    if let Some(n) = c.name("next") {
        let unit = n.as_str().split_whitespace().last().unwrap_or_default();
        let Some(r) = reference
            .day
            .or_else(|| reference.date.and_then(|d| d.first_day()))
        else {
            return unresolved("needs the publication date");
        };
        return match unit.to_ascii_lowercase().as_str() {
            "week" => {
                let monday = r + Duration::days(7 - i64::from(r.weekday().num_days_from_monday()));
                resolved(
                    PartialDate::day(monday),
                    Some(PartialDate::day(monday + Duration::days(6))),
                )
            }
            "month" => {
                let (y, m) = if r.month() == 12 {
                    (r.year() + 1, 1)
                } else {
                    (r.year(), r.month() + 1)
                };
                resolved(PartialDate::month(y, m), None)
            }
            _ => resolved(PartialDate::year(r.year() + 1), None),
        };
    }
    if let Some(m) = c.name("lastmonth") {
        return match reference
            .day
            .or_else(|| reference.date.and_then(|d| d.first_day()))
        {
            Some(r) => match when::relative_month(m.as_str(), r) {
                Some(d) => resolved(d, None),
                None => unresolved("is not a date"),
            },
            None => unresolved("needs the publication date"),
        };
    }
    if let Some(d) = c.name("day") {
        return match reference.day {
            Some(r) => {
                let date = if d.as_str().eq_ignore_ascii_case("yesterday") {
                    r - Duration::days(1)
                } else {
                    r
                };
                resolved(PartialDate::day(date), None)
            }
            None => unresolved("needs the publication day"),
        };
    }
    if let (Some(m), Some(y)) = (c.name("my_m"), c.name("my_y")) {
        if let (Some(month), Ok(year)) =
            (crate::period::month_number(m.as_str()), y.as_str().parse())
        {
            return resolved(PartialDate::month(year, month), None);
        }
    }
    if let Some(y) = c.name("year").and_then(|y| y.as_str().parse().ok()) {
        return resolved(PartialDate::year(y), None);
    }
    unresolved("is not a date")
}

/// "a three-day state visit" starting on `start`: its last day.
pub(super) fn duration_end(sentence: &str, start: Option<PartialDate>) -> Option<PartialDate> {
    let c = duration_re().captures(sentence)?;
    let n = i64::from(crate::period::count(c.name("n")?.as_str())?);
    let first = start?.to_date()?;
    (n > 1).then(|| PartialDate::day(first + Duration::days(n - 1)))
}
