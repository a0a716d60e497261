//! When an article appeared, and how we know.
//!
//! In order of trust: a date the user gave; the markup's own metadata; a date
//! line near the top ("April 02, 2025", "Source: Xinhua | 2023-03-22"); an
//! opening such as "On September 11, 2020, local time"; a news dateline
//! ("MOSCOW, March 21 (Xinhua) --") whose year another date in the text fixes.
//! Failing all of these, a year the text treats as past ("Bilateral trade ...
//! in 2022", "At the end of 2022") puts the article in the year after, with low
//! confidence and the reason spelled out. When nothing fixes the date, it is
//! unknown: never a silent guess.

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::{
    model::{PartialDate, Precision},
    prefilter::Clues,
    sentence::Sentence,
    when::{first_full_date_on, full_dates, line_date, month_days},
};

/// The publication date and everything learnt on the way.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Published {
    pub date: Option<PartialDate>,
    pub basis: String,
    pub confidence: f32,
    /// The dateline's month and day ("MOSCOW, April 1"), which is when the
    /// reported events happened even when the article appeared a day later.
    pub dateline: Option<Dateline>,
}

impl Published {
    pub(crate) fn precision(&self) -> Precision {
        self.date.map_or(Precision::Unknown, |d| d.precision())
    }

    pub(crate) fn year(&self) -> Option<i32> {
        self.date.and_then(|d| d.year)
    }

    /// The day relative expressions ("on Tuesday", "this month") count from:
    /// the dateline's day in the publication year when there is one, else the
    /// publication day. `None` unless known to the day.
    pub(crate) fn reference_day(&self) -> Option<NaiveDate> {
        let published = self.date?;
        if let Some(line) = &self.dateline {
            let year = published.year?;
            let d = NaiveDate::from_ymd_opt(year, line.month, line.day)?;
            // A dateline late in December on an article dated January.
            return Some(match published.to_date() {
                Some(p) if d > p => NaiveDate::from_ymd_opt(year - 1, line.month, line.day)?,
                _ => d,
            });
        }
        published.to_date()
    }
}

/// "MOSCOW, March 21 (Xinhua) --".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dateline {
    pub place: String,
    pub month: u32,
    pub day: u32,
    /// Some agencies write the year too ("New Delhi, March 14, 2025 (PTI)").
    pub year: Option<i32>,
    /// Byte offset of the line it opens, where the report's lead begins.
    pub line_start: usize,
    /// Byte offset just after it ("MOSCOW, March 21 (Xinhua) --"), where the
    /// report's first sentence goes on: a date in it is the dateline's.
    pub end: usize,
}

fn dateline_re() -> &'static Regex {
    // The place in capitals ("MOSCOW", "BRASÍLIA"), or in title case
    // ("New Delhi") when an agency's name in brackets follows the date,
    // which tells a dateline from a sentence opening "Exports, March 3
    // ...". The dash may be left out after the agency ("(PTI) Bilateral
    // trade ..."); TASS writes its name between slashes ("MOSCOW,
    // January 12. /TASS/."), Trend a full stop and nothing more
    // ("QUITO, Ecuador, June 3. Ecuador and ..."). Letters
    // beyond ASCII are those of the
    // Latin, Greek and Cyrillic blocks: the whole Unicode letter class
    // made the pattern far costlier to build and to search.
    crate::pattern::lazy!(
        "dateline",
        r"^(?P<place>[A-Z\u{C0}-\u{24F}\u{370}-\u{52F}][A-Za-z\u{C0}-\u{24F}\u{370}-\u{52F} .'-]{1,40}(?:,\s*[A-Z\u{C0}-\u{24F}\u{370}-\u{52F}][A-Za-z\u{C0}-\u{24F}\u{370}-\u{52F} .'-]{1,30})?),\s+(?:(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<mon2>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?:,?\s*(?P<year>(?:19|20)\d\d))?\s*(?:\((?P<agency>[^)]{1,40})\)\s*(?:--|—|–|-)?|(?:--|—|–|-)|\.\s*/(?P<slashed>[A-Za-z-]{2,12})/\.?|(?P<stop>\.)\s+)"
    )
}

crate::pattern::patterns! {
    fn opening_re = r"^On\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?";
    fn past_year_re = r"(?i)\b(?:in|for|during|at\s+the\s+end\s+of|by\s+the\s+end\s+of|end\s+of|throughout)\s+(?:(?:the\s+)?(?:calendar\s+)?year\s+)?(?P<y>(?:19|20)\d\d)\b";
    fn future_re = r"(?i)\b(?:will|would|shall|plan(?:s|ned)?|target|goal|aims?|expected|forecast|projected|by\s+(?:19|20)\d\d|next\s+year|to\s+reach)\b";
}

/// How many lines at the top may hold a date line.
const HEAD_LINES: usize = 12;
/// A date line is short: the date and a few words such as "Source: Xinhua |".
const DATE_LINE_MAX: usize = 80;

/// Works out the publication date of `text`.
/// `clues` are the sentences' [prefilter](crate::prefilter) clues, in order.
pub(crate) fn find(
    text: &str,
    sentences: &[Sentence],
    clues: &[Clues],
    metadata: Option<(PartialDate, String)>,
    user: Option<NaiveDate>,
) -> Published {
    let dateline = find_dateline(text);
    let found = |date: PartialDate, basis: String, confidence: f32| Published {
        date: Some(date),
        basis,
        confidence,
        dateline: dateline.clone(),
    };

    if let Some(day) = user {
        return found(PartialDate::day(day), "given by the user".to_owned(), 1.0);
    }
    if let Some((date, basis)) = metadata {
        return found(date, basis, 0.95);
    }
    // A short line near the top with a date in it, or a line the date opens
    // ("Published: 12.02.2025", "18:40, 25/11/2020", "ANDINA-NEWS. March 4,
    // 2021. The ...").
    for line in text.lines().take(HEAD_LINES) {
        let line = line.trim();
        // Every date has digits; most head lines (a headline) have none.
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        if line.len() <= DATE_LINE_MAX && !reads_as_sentence(line) {
            if let Some(d) = full_dates(line).first() {
                return found(
                    PartialDate::day(d.value),
                    format!("date line '{line}'"),
                    0.95,
                );
            }
        }
        if let Some((date, phrase)) = date_line(line, LeadIn::Chrome) {
            return found(
                PartialDate::day(date),
                format!("date line '{phrase}'"),
                0.95,
            );
        }
    }
    // A date below the text, where many sites put it ("Posted on 3rd May,
    // 2022") or the agency signs off ("(Source: PNA, 25/11/2020)").
    for line in text.lines().rev().take(TAIL_LINES) {
        let line = line.trim();
        if line.len() <= DATE_LINE_MAX && line.bytes().any(|b| b.is_ascii_digit()) {
            if let Some((date, phrase)) = date_line(line, LeadIn::Credit) {
                return found(
                    PartialDate::day(date),
                    format!("date line '{phrase}'"),
                    0.95,
                );
            }
        }
    }
    // "New Delhi, March 14, 2025 (PTI)": a dateline that gives its year.
    if let Some(line) = dateline.as_ref() {
        if let Some(date) = line
            .year
            .and_then(|y| NaiveDate::from_ymd_opt(y, line.month, line.day))
        {
            return found(
                PartialDate::day(date),
                format!("dateline '{}, {}'", dateline_text(line), date.year()),
                0.9,
            );
        }
    }
    // "On September 11, 2020, local time, ..." opening the article.
    for s in sentences.iter().take(6) {
        let sentence = s.text(text);
        if let Some(m) = opening_re().find(sentence) {
            if let Some(d) = full_dates(&sentence[m.end()..])
                .first()
                .filter(|d| d.start == 0)
            {
                let phrase = &sentence[..m.end() + d.end];
                return found(
                    PartialDate::day(d.value),
                    format!("opening '{phrase}'"),
                    0.85,
                );
            }
        }
    }
    // A dateline whose year another full date with the same month and day gives
    // (a photo caption "March 21, 2023" under "MOSCOW, March 21").
    if let Some(line) = &dateline {
        if let Some(d) = first_full_date_on(text, line.month, line.day) {
            return found(
                PartialDate::day(d.value),
                format!(
                    "dateline '{}', year from '{}'",
                    dateline_text(line),
                    &text[d.start..d.end]
                ),
                0.8,
            );
        }
    }
    infer_from_years(text, sentences, clues, dateline)
}

/// How many lines from the end a labelled date ("Published: ...") is looked for.
const TAIL_LINES: usize = 6;

/// Whether a short line is a sentence ("The deal takes effect on 4 March
/// 2031.") rather than a headline or a line of page chrome: its date is
/// what it tells of, not when it was written.
fn reads_as_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?']) && line.split_whitespace().count() >= 5
}

/// What may stand before the date on a date line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LeadIn {
    /// Page chrome above the text: labels ("Published:", "Last Updated"),
    /// times ("18:40,"), tags in capitals ("ANDINA-NEWS.", "LIMA,") and
    /// words in brackets ("(Xinhua)").
    Chrome,
    /// A sign-off below it, which may also name its source or author
    /// ("Reporting by Ana Lopes", "-- Andina,").
    Credit,
}

/// The most bytes before a date that a date line's lead-in may take.
const LEAD_IN_MAX: usize = 40;

/// The date `line` is a date line for, with the line up to the date's end:
/// a date (in any form [`line_date`] reads) that only a [`LeadIn`] comes
/// before. What follows it does not matter: a time, "| Last Updated ...",
/// or the article's first sentence.
fn date_line(line: &str, lead_in: LeadIn) -> Option<(NaiveDate, &str)> {
    // The lead-in and the longest date fit well within this, and a
    // paragraph is not searched whole.
    let head = &line[..line.floor_char_boundary(LEAD_IN_MAX + 56)];
    let d = line_date(head)?;
    (d.start <= LEAD_IN_MAX && is_lead_in(&line[..d.start], lead_in))
        .then(|| (d.value, &line[..d.end]))
}

/// Words that label a date on a page ("Published on", "Last Updated:",
/// "Release time:") or credit a report ("Reporting by", "Source:").
const DATE_LABELS: [&str; 17] = [
    "published",
    "updated",
    "last",
    "posted",
    "date",
    "release",
    "released",
    "time",
    "on",
    "at",
    "first",
    "modified",
    "issued",
    "source",
    "by",
    "reporting",
    "editing",
];

/// Whether `before` (what comes before a date on its line) is only a
/// lead-in of the given kind. "Dated" or "Photo taken" is not one.
fn is_lead_in(before: &str, lead_in: LeadIn) -> bool {
    before.split_whitespace().all(|token| {
        let bracketed = token.starts_with('(') || token.ends_with(')');
        let word = token
            .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']'))
            .trim_end_matches([',', ';', ':', '|', '.']);
        let letters = word.chars().filter(char::is_ascii_alphabetic).count();
        let capitals = word.chars().all(|c| !c.is_ascii_lowercase());
        let time = word.contains(':')
            && word
                .split(':')
                .all(|p| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
        letters == 0 && !word.bytes().any(|b| b.is_ascii_digit())
            || time
            || DATE_LABELS.iter().any(|l| word.eq_ignore_ascii_case(l))
            || ["am", "pm", "a.m", "p.m", "gmt", "utc"]
                .iter()
                .any(|t| word.eq_ignore_ascii_case(t))
            || (bracketed && letters > 0)
            || (capitals && letters >= 2)
            || (lead_in == LeadIn::Credit && word.starts_with(|c: char| c.is_ascii_uppercase()))
    })
}

fn dateline_text(line: &Dateline) -> String {
    format!(
        "{}, {} {}",
        line.place,
        crate::model::MONTH_ABBR[line.month as usize - 1],
        line.day
    )
}

/// Whether a line may open with a dateline, tested without running the
/// pattern: a capital, and within the place's length a comma and white
/// space before a month's first letter or a day ("MOSCOW, March", "Berlin,
/// 20 February"). Most paragraphs
/// fail here ("The two sides, which ..."), and running the pattern on each
/// cost more than the rest of the date search.
fn may_open_with_dateline(line: &str) -> bool {
    let bytes = line.as_bytes();
    let head = &bytes[..bytes.len().min(76)];
    line.chars().next().is_some_and(char::is_uppercase)
        && memchr::memchr_iter(b',', head).any(|at| {
            let after = &head[at + 1..];
            let spaces = after.iter().take_while(|b| **b == b' ').count();
            spaces > 0
                && matches!(
                    after.get(spaces),
                    Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' | b'0'..=b'9')
                )
        })
}

/// The dateline `line` opens with, if any.
fn dateline_of(line: &str) -> Option<Dateline> {
    if !may_open_with_dateline(line) {
        return None;
    }
    let c = dateline_re().captures(line)?;
    let place = c.name("place")?.as_str().trim();
    // A place in title case only with the agency's name after the date;
    // "QUITO, Ecuador" is in capitals where it starts.
    let agency = c.name("agency").or_else(|| c.name("slashed"));
    let city = place.split(',').next().unwrap_or(place);
    if city.chars().any(char::is_lowercase) && agency.is_none() {
        return None;
    }
    // After a bare full stop, the report's first sentence.
    if c.name("stop").is_some()
        && !line[c.get(0)?.end()..].starts_with(|ch: char| ch.is_uppercase())
    {
        return None;
    }
    // The pattern has the month and day apart already: reading its date
    // again with the month-and-day pattern cost more than the dateline.
    let (month, day) = crate::when::month_day_of(&c)?;
    let year: Option<i32> = c.name("year").and_then(|y| y.as_str().parse().ok());
    // With its year, the day must exist in that year (no 29 February 2025).
    if let Some(y) = year {
        NaiveDate::from_ymd_opt(y, month, day)?;
    }
    Some(Dateline {
        place: place.to_owned(),
        month,
        day,
        year,
        line_start: 0,
        end: c.get(0)?.end(),
    })
}

fn find_dateline(text: &str) -> Option<Dateline> {
    let mut line_start = 0;
    text.split_inclusive('\n')
        .take(HEAD_LINES + 8)
        .find_map(|line| {
            let start = line_start;
            line_start += line.len();
            let lead = line.len() - line.trim_start().len();
            dateline_of(line.trim()).map(|d| Dateline {
                line_start: start,
                end: start + lead + d.end,
                ..d
            })
        })
}

/// Whether `sentence` may hold a match of [`past_year_re`]: a year ("19" or
/// "20" and two digits) after white space after one of its words' last
/// words ("in", "for", "during", "of", "throughout", "year"). Exact as a necessary
/// condition, and much cheaper than the pattern's capture search, which most
/// sentences with a year would otherwise pay.
fn may_name_past_year(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    crate::scan::years(bytes).any(|(at, _)| {
        let mut end = at;
        while end > 0 && crate::scan::is_pattern_space(bytes[end - 1]) {
            end -= 1;
        }
        if end == at {
            return false;
        }
        let mut start = end;
        while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        let word = &bytes[start..end];
        // "year": "during the calendar year 2023".
        ["in", "for", "during", "of", "throughout", "year"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// The last resort: a year the text reports as past puts the article in a
/// later year. Said with low confidence and its reason.
fn infer_from_years(
    text: &str,
    sentences: &[Sentence],
    clues: &[Clues],
    dateline: Option<Dateline>,
) -> Published {
    let mut latest: Option<(i32, &str)> = None;
    for s in sentences {
        let sentence = s.text(text);
        // A year starts with ASCII "19" or "20". The past years are looked for
        // first: most sentences have none, and then the future test is moot.
        if !may_name_past_year(sentence) {
            continue;
        }
        let mut years = past_year_re().captures_iter(sentence).peekable();
        if years.peek().is_none() || future_re().is_match(sentence) {
            continue;
        }
        for c in years {
            let (Some(whole), Some(y)) = (c.get(0), c.name("y")) else {
                continue;
            };
            let Ok(year) = y.as_str().parse::<i32>() else {
                continue;
            };
            if latest.is_none_or(|(l, _)| year > l) {
                latest = Some((year, whole.as_str()));
            }
        }
    }
    // What the text reports as past bounds the publication from below: a
    // whole year ("in 2023": from 2024) or a part of one ("in the first 10
    // months of 2024": from November 2024).
    let by_year = latest.and_then(|(year, phrase)| {
        Some((NaiveDate::from_ymd_opt(year + 1, 1, 1)?, phrase.to_owned()))
    });
    // Only a date after the latest past year can raise the bound.
    let after_year = latest.map_or(0, |(year, _)| year + 1);
    let year_bound = later(
        by_year,
        latest_part_of_year(text, sentences, clues, after_year),
    );
    // A dateline's month and day, with a year the text bounds from below:
    // the first such day on or after the latest it reports as past.
    if let Some(line) = &dateline {
        let bound = later(
            year_bound.clone(),
            latest_past_date(text, sentences, after_year),
        );
        if let Some((after, phrase)) = bound {
            if let Some(date) = first_on_or_after(after, line.month, line.day) {
                return Published {
                    date: Some(PartialDate::day(date)),
                    basis: format!(
                        "dateline '{}' without its year; the text reports '{phrase}' as past, so it reads as {date}, the first such day after it (inferred)",
                        dateline_text(line)
                    ),
                    // Below one half: what the year decides (a "last year")
                    // is marked as resting on an inferred date.
                    confidence: 0.45,
                    dateline,
                };
            }
        }
    }
    let Some((after, phrase)) = year_bound else {
        return Published {
            date: None,
            basis: "no date line, dateline or year in the text; give the date with --published"
                .to_owned(),
            confidence: 0.0,
            dateline,
        };
    };
    let published_year = after.year();
    let mut basis = format!(
        "no date in the text; it reports '{phrase}' as past, so it was written in {published_year} or later (inferred)"
    );
    // A month and day reported as past ("arrived in Moscow on March 20"), or
    // the dateline's, then places it within that year.
    let month_day = dateline
        .as_ref()
        .map(|d| (d.month, d.day, dateline_text(d)))
        .or_else(|| {
            sentences.iter().find_map(|s| {
                let sentence = s.text(text);
                // A day parses from ASCII digits only.
                if !sentence.bytes().any(|b| b.is_ascii_digit()) || future_re().is_match(sentence) {
                    return None;
                }
                let md = month_days(sentence).into_iter().next()?;
                let phrase = sentence[md.start..md.end].to_owned();
                Some((md.value.0, md.value.1, phrase))
            })
        });
    let date = match month_day {
        Some((month, day, phrase)) => {
            // The first such day after the bound: a month before the end
            // of a part of the year reported is in the next year.
            let year = first_on_or_after(after, month, day).map_or(published_year, |d| d.year());
            basis.push_str(&format!("; '{phrase}' then reads as {year}"));
            PartialDate::month(year, month)
        }
        None => PartialDate::year(published_year),
    };
    Published {
        date: Some(date),
        basis,
        confidence: 0.4,
        dateline,
    }
}

/// The later of two bounds.
fn later(
    a: Option<(NaiveDate, String)>,
    b: Option<(NaiveDate, String)>,
) -> Option<(NaiveDate, String)> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The day after the latest part of a year in `min_year` or later that the
/// text reports as past ("in the first 10 months of 2024", "in
/// January-October 2024", "in the third quarter of 2024"), with its phrase.
fn latest_part_of_year(
    text: &str,
    sentences: &[Sentence],
    clues: &[Clues],
    min_year: i32,
) -> Option<(NaiveDate, String)> {
    let mut latest: Option<(NaiveDate, String)> = None;
    for (i, sentence) in sentences.iter().map(|s| s.text(text)).enumerate() {
        // A part of a year is reported with its figures: a sentence without
        // money or a rate reports none ("talks on February 21, 2021").
        let clue = clues.get(i).copied().unwrap_or(Clues::ALL);
        if !(clue.money || clue.rate)
            || !names_year_from(sentence, min_year)
            || !part_of_year_cue().is_match(sentence)
            || !tells_the_past(sentence)
        {
            continue;
        }
        for p in crate::period::periods(sentence, None) {
            let crate::period::PeriodKind::Fixed { period, .. } = &p.kind else {
                continue;
            };
            let whole_year = period.start.month() == 1 && period.end.month() == 12;
            if period.inferred || whole_year || period.end.year() < min_year {
                continue;
            }
            let Some(after) = period.end.succ_opt() else {
                continue;
            };
            if latest.as_ref().is_none_or(|(l, _)| after > *l) {
                latest = Some((after, sentence[p.start..p.end].to_owned()));
            }
        }
    }
    latest
}

crate::pattern::patterns! {
    /// A word every part of a year with its year holds ("the first 10 months",
    /// "the third quarter", "H1", "January-October", "in March 2024"): a
    /// sentence without one is spared the period reader.
    fn part_of_year_cue = r"(?i)\b(?:first|quarters?|half|months|q[1-4]|h[12]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
}

/// Whether `sentence` names a year ("19" or "20" and two digits) in
/// `min_year` or later.
fn names_year_from(sentence: &str, min_year: i32) -> bool {
    crate::scan::years(sentence.as_bytes()).any(|(_, year)| year >= min_year)
}

/// The latest full date in `min_year` or later that the text reports as
/// past (in a sentence that plans or forecasts nothing): the article was
/// written on or after it. Only the last resort calls this.
fn latest_past_date(
    text: &str,
    sentences: &[Sentence],
    min_year: i32,
) -> Option<(NaiveDate, String)> {
    let mut latest: Option<(NaiveDate, String)> = None;
    for sentence in sentences.iter().map(|s| s.text(text)) {
        // The cheap test first; then the sentence's dates, read as
        // `full_dates` reads them (a date read from around its year alone
        // could overlap another: "March 20 2024-03-22").
        if full_date_years(sentence, min_year).next().is_none() {
            continue;
        }
        let mut past: Option<bool> = None;
        for d in crate::when::full_dates_iter(sentence) {
            if d.value.year() < min_year {
                continue;
            }
            if latest.as_ref().is_some_and(|(l, _)| d.value <= *l)
                || !*past.get_or_insert_with(|| tells_the_past(sentence))
            {
                continue;
            }
            latest = Some((d.value, sentence[d.start..d.end].to_owned()));
        }
    }
    latest
}

/// Whether `sentence` tells of the past: no future words, no deadline or
/// schedule, no event told in the present ("the forum opens on ...").
fn tells_the_past(sentence: &str) -> bool {
    let not_past = crate::pattern::lazy!(
        "not past",
        r"(?i)\b(?:will|would|shall|plan(?:s|ned)?|target|goal|aims?|expected|forecast|projected|by\s+(?:19|20)\d\d|next\s+year|to\s+reach|until|due|scheduled?|upcoming|expires?|deadline|takes\s+place|is\s+held|opens|starts|begins|is\s+to|are\s+to)\b",
    );
    !not_past.is_match(sentence)
}

/// Whether `sentence` may hold a full date in `min_year` or later.
#[cfg(test)]
fn may_hold_full_date(sentence: &str, min_year: i32) -> bool {
    full_date_years(sentence, min_year).next().is_some()
}

/// Where the years in `min_year` or later of the full dates in `sentence`
/// may start, tested on the years alone: each full date has a year ("19" or
/// "20" and two digits) that is either an ISO date's ("2023-03-22") or
/// follows white space after a day ("March 20, 2023", "March 20th 2023") or
/// a month ("20 March 2023", "20 Dec. 2023"), or a hyphen after a month
/// ("12-Jan-2024"). Exact as a necessary
/// condition, and much cheaper than the date pattern, which most sentences
/// with a year would otherwise pay.
fn full_date_years(sentence: &str, min_year: i32) -> impl Iterator<Item = usize> + '_ {
    let bytes = sentence.as_bytes();
    crate::scan::years(bytes)
        .filter(move |&(at, year)| {
            if year < min_year {
                return false;
            }
            if matches!(bytes.get(at + 4), Some(b'-' | b'/' | b'.'))
                && bytes.get(at + 5).is_some_and(u8::is_ascii_digit)
            {
                return true;
            }
            let mut end = at;
            while end > 0 && crate::scan::is_pattern_space(bytes[end - 1]) {
                end -= 1;
            }
            // "12-Jan-2024": a hyphen after a month, and nothing else, may
            // stand for the white space.
            let hyphen = end == at && at > 0 && bytes[at - 1] == b'-';
            if end == at && !hyphen {
                return false;
            }
            if hyphen {
                end -= 1;
            }
            // "March 20, 2023"; "20 Dec. 2023", "20 Dec., 2023".
            if end > 0 && bytes[end - 1] == b',' {
                end -= 1;
            }
            if end > 0 && bytes[end - 1] == b'.' {
                end -= 1;
            }
            let mut start = end;
            while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
                start -= 1;
            }
            if start == end {
                return !hyphen && end > 0 && bytes[end - 1].is_ascii_digit();
            }
            let ordinal = !hyphen
                && matches!(&bytes[start..end], b"st" | b"nd" | b"rd" | b"th")
                && start > 0
                && bytes[start - 1].is_ascii_digit();
            ordinal || crate::period::month_number(&sentence[start..end]).is_some()
        })
        .map(|(at, _)| at)
}

/// The first `month`-`day` on or after `after` (a 29 February within the
/// next leap years).
fn first_on_or_after(after: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (after.year()..after.year() + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::split;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The full-date precheck never skips a sentence with a full date.
        #[test]
        fn the_full_date_precheck_never_skips_a_date(
            parts in crate::testing::pieces(
                &[
                    "March", "Dec", "Dec.", "Sept", "May", "20", "1", "31", "st", "th", "nd",
                    "March 20", "Dec. 1st", "20th", "3rd", "20 March", "1 Dec.", " 2023", ", 2023",
                    "2023", "1999", "2024-03-22", "2023/1/5", "2023.12.01", "12-Jan-", "-", "/", ".", ",",
                    " ", " ", "  ", "\t", "\n", "in", "on", "é", "x",
                ],
                0..14,
            ),
        ) {
            let sentence: String = parts.concat();
            proptest::prop_assert!(
                may_hold_full_date(&sentence, 0) || full_dates(&sentence).is_empty(),
                "{:?}", sentence
            );
            // Every date the pattern finds holds a year the cheap test names.
            let years: Vec<usize> = full_date_years(&sentence, 0).collect();
            for d in full_dates(&sentence) {
                proptest::prop_assert!(
                    years.iter().any(|&at| d.start <= at && at < d.end),
                    "{:?}: {:?}", sentence, d
                );
            }
        }

        /// The cheap test never turns away a sentence the pattern matches.
        #[test]
        fn the_past_year_precheck_never_skips_a_match(
            parts in crate::testing::pieces(
                &[
                    "in", "In", "IN", "for", "during", "at the end of", "by the end of",
                    "end of", "throughout", "within", "of", "the calendar year", "year", "the year",
                    "2022", "1999", "2105", "20",
                    "19", "202", "5", "x", "é", "_", " ", " ", "  ", "\n", "\t", "\x0B",
                    ",", ".",
                ],
                0..14,
            ),
        ) {
            let sentence: String = parts.concat();
            proptest::prop_assert!(
                may_name_past_year(&sentence) || !past_year_re().is_match(&sentence),
                "{:?}", sentence
            );
        }
    }

    #[test]
    fn the_past_year_precheck_reads_the_word_before_the_year() {
        for (sentence, want) in [
            ("Trade grew in 2022.", true),
            ("At the end of\t2022", true),
            ("THROUGHOUT 1999", true),
            ("within 2022", false),
            ("in2022", false),
            ("the 2022 figures", false),
            ("in 2105? no: in 21", false),
            ("", false),
        ] {
            assert_eq!(may_name_past_year(sentence), want, "{sentence:?}");
        }
    }

    fn published(text: &str) -> Published {
        let sentences = split(text);
        let clues = crate::prefilter::sentences(text, &sentences);
        find(text, &sentences, &clues, None, None)
    }

    #[test]
    fn a_date_line_near_the_top_wins() {
        let p = published(
            "Headline\n\nApril 02, 2025\n\nMOSCOW, April 1 (Xinhua) -- Talks were held Tuesday.\n",
        );
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2025-04-02"));
        assert_eq!(
            p.dateline,
            Some(Dateline {
                place: "MOSCOW".into(),
                month: 4,
                day: 1,
                year: None,
                line_start: 26,
                end: 53,
            })
        );
        assert_eq!(p.reference_day(), NaiveDate::from_ymd_opt(2025, 4, 1));
    }

    #[test]
    fn a_dateline_with_its_year_dates_the_article() {
        let p = published(
            "India-UAE trade crosses $83 billion\n\nNew Delhi, March 14, 2025 (PTI) Bilateral trade between India and the UAE rose to $83.7 billion in 2023-24.\n",
        );
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2025-03-14"));
        assert_eq!(
            p.dateline.as_ref().map(|d| d.place.as_str()),
            Some("New Delhi")
        );
        assert!(p.basis.contains("New Delhi, Mar 14, 2025"), "{}", p.basis);
    }

    #[rstest::rstest]
    #[case("Headline here\n\nRIYADH, March 3 2025 (Arab News) -- Trade between Saudi Arabia and China rose.\n", "2025-03-03")]
    #[case(
        "Headline here\n\nBerlin, 20 February 2025 (dpa) - China was again the largest partner.\n",
        "2025-02-20"
    )]
    #[case(
        "Headline here\n\nOTTAWA, Feb 10, 2025 (CP) - Trade with China slipped.\n",
        "2025-02-10"
    )]
    #[case(
        "Headline here\n\nMOSCOW, January 12. /TASS/. Trade between Russia and China grew in 2023.\n",
        "2024-01-12"
    )]
    // Places with letters beyond ASCII, in capitals or with the agency.
    #[case(
        "Headline here\n\nBRASÍLIA, January 5, 2024 - Exports to China rose.\n",
        "2024-01-05"
    )]
    #[case(
        "Headline here\n\nSão Paulo, 3 March 2024 (Reuters) - Exports to China rose.\n",
        "2024-03-03"
    )]
    #[case(
        "Headline here\n\nİSTANBUL, May 2, 2024 - Trade with Russia fell.\n",
        "2024-05-02"
    )]
    fn datelines_in_other_orders_and_punctuation(#[case] text: &str, #[case] date: &str) {
        assert_eq!(
            published(text).date.map(|d| d.to_string()).as_deref(),
            Some(date)
        );
    }

    #[rstest::rstest]
    // The latest full date reported as past gives the dateline its year.
    #[case(
        "Headline here\n\nJAKARTA, Jan 15 (Antara) - Trade was US$37.5 billion.\n\nPresident Joko Widodo held a bilateral meeting with Prime Minister Fumio Kishida in Tokyo on December 17, 2023.\n",
        "2024-01-15"
    )]
    // So does a year reported as past, from the first day after it.
    #[case(
        "Headline here\n\nHANOI, December 28 (VNA) - Trade reached 205 billion USD in 2024.\n",
        "2025-12-28"
    )]
    // The later of the two bounds wins; a date still to come is no bound.
    #[case(
        "Headline here\n\nMEXICO CITY, Feb 8 (Reuters) - Trade totaled $798.8 billion in 2023. Biden visited on January 9, 2023. Talks are scheduled for March 3, 2026. The president will visit on May 1, 2027. The forum opens in Kazan on June 5, 2028.\n",
        "2024-02-08"
    )]
    #[case(
        "Headline here\n\nTOKYO, Sept 5 (Kyodo) - Japan's exports to India were 2.5 trillion yen during the calendar year 2023.\n",
        "2024-09-05"
    )]
    // A part of a year reported as past bounds it too.
    #[case(
        "Headline here\n\nBEIJING, Nov. 7 (Xinhua) -- China's foreign trade rose 5.2 percent to 36.02 trillion yuan in the first 10 months of 2024.\n",
        "2024-11-07"
    )]
    fn a_dateline_without_its_year_takes_the_first_after_what_is_past(
        #[case] text: &str,
        #[case] date: &str,
    ) {
        let p = published(text);
        assert_eq!(
            p.date.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{}",
            p.basis
        );
        assert_eq!(p.precision(), Precision::Day);
        assert!(p.basis.contains("inferred"), "{}", p.basis);
        assert!(
            p.confidence < 0.5,
            "an inferred year is said with low confidence"
        );
    }

    #[test]
    fn a_part_of_a_year_reported_as_past_dates_an_article_without_a_dateline() {
        let p = published(
            "Trade between China and Russia reached 1.47 trillion yuan in the first 10 months of 2024, customs data showed.\n",
        );
        assert_eq!(p.date, Some(PartialDate::year(2024)), "{}", p.basis);
        assert!(
            p.basis.contains("the first 10 months of 2024"),
            "{}",
            p.basis
        );
        // A month and day before the part's end is in the year after.
        let p = published(
            "Trade between China and Russia reached 1.47 trillion yuan in the first 10 months of 2024, customs data showed. Putin arrived in Beijing on March 20.\n",
        );
        assert_eq!(p.date, Some(PartialDate::month(2025, 3)), "{}", p.basis);
    }

    #[test]
    fn a_title_case_place_needs_the_agency() {
        let p = published("Title line here\n\nExports, March 3 - a record month for trade.\n");
        assert_eq!(p.dateline, None);
    }

    #[rstest::rstest]
    #[case(
        "Headline of the story\n\nBody text.\n\nPublished: 12.02.2025\n",
        "2025-02-12"
    )]
    #[case("Published on March 3, 2024\n\nBody text in 2023.\n", "2024-03-03")]
    #[case("Headline\n\nLast updated: 2024-11-05 14:02\n\nBody.\n", "2024-11-05")]
    #[case("Headline\n\nBody.\n\nDate: 1.7.2023\n", "2023-07-01")]
    #[case("Headline\n\nPosted: 3/28/2024\n\nBody.\n", "2024-03-28")]
    #[case("Headline\n\nPosted: 28/3/2024\n\nBody.\n", "2024-03-28")]
    fn a_labelled_date_above_or_below_the_text(#[case] text: &str, #[case] date: &str) {
        assert_eq!(
            published(text).date.map(|d| d.to_string()).as_deref(),
            Some(date)
        );
    }

    #[rstest::rstest]
    #[case("Headline\n\nBody.\n\nPublished: 31.02.2025\n")]
    #[case("Headline\n\nBody.\n\nPublished: 03/04/2024\n")]
    #[case("Headline\n\nPosted: 3/8/2024\n\nBody.\n")]
    #[case("Headline\n\nPosted: 13/28/2024\n\nBody.\n")]
    // A caption's date is not the article's.
    #[case("Headline\n\nBody.\n\nPhoto taken 12.02.2025\n")]
    fn impossible_or_ambiguous_labelled_dates_are_not_read(#[case] text: &str) {
        assert_eq!(published(text).date, None, "{text}");
    }

    #[rstest::rstest]
    #[case::year_first("Chile and Peru sign a customs deal\n\n2021 March 4 08:15\n\nThe two ministers met in Lima.\n", "2021-03-04")]
    #[case::year_first_abbreviated("Chile and Peru sign a customs deal\n\n1999 Dec. 31 23:59\n\nThe two ministers met in Lima.\n", "1999-12-31")]
    #[case::dotted_day_first("Chile and Peru sign a customs deal\n\n18:40, 04.03.2021\n\nThe two ministers met in Lima.\n", "2021-03-04")]
    #[case::dotted_day_first_alone(
        "Chile and Peru sign a customs deal\n\n25.11.2020\n\nThe two ministers met in Lima.\n",
        "2020-11-25"
    )]
    #[case::slashed_day_over_twelve("Chile and Peru sign a customs deal\n\n08:30, 25/11/2020\n\nThe two ministers met in Lima.\n", "2020-11-25")]
    #[case::slashed_month_first("Chile and Peru sign a customs deal\n\n11/25/2020 | 08:30 PM\n\nThe two ministers met in Lima.\n", "2020-11-25")]
    #[case::iso_date_time("Chile and Peru sign a customs deal\n\n2021-03-04T08:15:00+03:00\n\nThe two ministers met in Lima.\n", "2021-03-04")]
    #[case::iso_date_time_labelled("Chile and Peru sign a customs deal\n\nUpdated 2020-11-25T18:40Z\n\nThe two ministers met in Lima.\n", "2020-11-25")]
    #[case::two_digit_year(
        "Chile and Peru sign a customs deal\n\nMar 4, '21\n\nThe two ministers met in Lima.\n",
        "2021-03-04"
    )]
    #[case::two_digit_year_day_first("Chile and Peru sign a customs deal\n\n4 March ’21 | 08:15\n\nThe two ministers met in Lima.\n", "2021-03-04")]
    fn page_chrome_date_forms(#[case] text: &str, #[case] date: &str) {
        assert_eq!(
            published(text).date.map(|d| d.to_string()).as_deref(),
            Some(date)
        );
    }

    #[rstest::rstest]
    #[case::label_on_a_long_line("Chile and Peru sign a customs deal\n\nPublished: 4th March 2021 08:15 AM  |   Last Updated: 4th March 2021 08:15 AM   |  Share\n\nThe two ministers met in Lima.\n", "2021-03-04")]
    #[case::ordinal_day("Chile and Peru sign a customs deal\n\nPosted on 1st June, 2020 at 10:05 by our correspondents in Santiago de Chile and Lima, Peru\n\nThe two ministers met in Lima.\n", "2020-06-01")]
    #[case::agency_tag_before_the_text("Chile and Peru sign a customs deal\nANDINA-NOTICIAS. March 4, 2021. The foreign ministers of Chile and Peru signed a customs agreement in Lima on Thursday.\n", "2021-03-04")]
    #[case::bracketed_agency_before_the_text("Chile and Peru sign a customs deal\n(Andina) 04.03.2021 -- The foreign ministers of Chile and Peru signed a customs agreement in Lima on Thursday.\n", "2021-03-04")]
    fn a_date_opening_a_long_line_after_a_label_or_tag(#[case] text: &str, #[case] date: &str) {
        assert_eq!(
            published(text).date.map(|d| d.to_string()).as_deref(),
            Some(date)
        );
    }

    /// An article of more lines than the head that is searched for date
    /// lines, so that what stands at its end is not also at its top.
    fn with_sign_off(sign_off: &str) -> String {
        let body: String = (1..=14)
            .map(|n| {
                format!(
                    "Paragraph {n} of the report on the customs deal between Chile and Peru.\n\n"
                )
            })
            .collect();
        format!("Chile and Peru sign a customs deal\n\n{body}{sign_off}\n")
    }

    #[rstest::rstest]
    #[case::source_in_brackets("(Source: PNA, 25/11/2020)", "2020-11-25")]
    #[case::reporter_and_date("Reporting by Ana Lopes, 4 March 2021", "2021-03-04")]
    fn a_sign_off_with_a_date_below_the_text(#[case] sign_off: &str, #[case] date: &str) {
        let text = with_sign_off(sign_off);
        assert_eq!(
            published(&text).date.map(|d| d.to_string()).as_deref(),
            Some(date)
        );
    }

    #[rstest::rstest]
    #[case::a_caption("Photo taken on 4 March 2021 in Lima")]
    #[case::a_sentence("The agreement takes effect on 4 March 2031.")]
    fn a_sentence_at_the_end_is_no_sign_off(#[case] last_line: &str) {
        let p = published(&with_sign_off(last_line));
        assert!(!p.basis.starts_with("date line"), "{}", p.basis);
    }

    #[rstest::rstest]
    // A date inside a long line's sentence does not make it a date line.
    #[case::date_inside_a_paragraph("Chile and Peru sign a customs deal\n\nThe foreign ministers of Chile and Peru, who met in Lima, signed the customs agreement on 4 March 2021 after two years of work.\n")]
    // Nor does a sentence at the end that names a date.
    #[case::sentence_at_the_end("Chile and Peru sign a customs deal\n\nThe ministers met in Lima.\n\nThe agreement takes effect on 4 March 2031.\n")]
    // Numbers that do not tell day from month.
    #[case::ambiguous_numbers("Chile and Peru sign a customs deal\n\n08:30, 04/03/2021\n\nThe two ministers met in Lima.\n")]
    fn lines_that_are_not_date_lines(#[case] text: &str) {
        let p = published(text);
        assert!(!p.basis.starts_with("date line"), "{text}: {}", p.basis);
    }

    #[test]
    fn a_source_line_with_an_iso_date_counts() {
        let p = published("News >\n\nTitle here\n\nSource: Xinhua | 2023-03-22\nBody text.\n");
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2023-03-22"));
    }

    #[test]
    fn an_opening_date_counts() {
        let p = published(
            "Title\n\nOn September 11, 2020, local time, the ministers met the press in Moscow.\n",
        );
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2020-09-11"));
        assert_eq!(p.precision(), Precision::Day);
    }

    #[test]
    fn a_dateline_takes_its_year_from_a_matching_date() {
        let long = "x".repeat(100);
        let p = published(&format!("Title {long}\nBERLIN, May 3 (Reuters) -- Trade rose. {long}\nPhoto taken on May 3, 2021. {long}\n"));
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2021-05-03"));
    }

    #[test]
    fn a_dateline_reads_its_month_and_day_and_skips_impossible_days() {
        let d =
            find_dateline("Title\nST. PETERSBURG, Sept. 9 (TASS) -- Text.\n").expect("dateline");
        assert_eq!((d.place.as_str(), d.month, d.day), ("ST. PETERSBURG", 9, 9));
        let d = find_dateline("MOSCOW, Feb 29 -- Text.\n").expect("a leap day is a day");
        assert_eq!((d.month, d.day), (2, 29));
        let d = find_dateline("MOSCOW, Feb 29, 2024 (TASS) -- Text.\n").expect("2024 has one");
        assert_eq!(d.year, Some(2024));
        assert_eq!(
            find_dateline("MOSCOW, Feb 29, 2025 (TASS) -- Text.\n"),
            None
        );
        assert_eq!(
            find_dateline("MOSCOW, Feb 30 -- Text.\nBEIJING, June 31 -- Text.\n"),
            None
        );
        let d = find_dateline("MOSCOW, Feb 30 -- Text.\nBEIJING, June 1 -- Text.\n")
            .expect("next line");
        assert_eq!((d.place.as_str(), d.month, d.day), ("BEIJING", 6, 1));
    }

    #[rstest::rstest]
    #[case::capital_and_country("QUITO, Ecuador, May 9. Ecuador and Peru aim to double trade.\n", Some(("QUITO, Ecuador", 5, 9)))]
    #[case::capital_alone("LIMA, June 30. Trade grew.\n", Some(("LIMA", 6, 30)))]
    // A full stop ends a dateline only before the report's first sentence,
    // and a place in title case needs its agency.
    #[case::no_sentence_after("LIMA, June 30. and more\n", None)]
    #[case::title_case_place("Lima, Peru, June 30. Trade grew.\n", None)]
    fn a_dateline_may_end_in_a_bare_full_stop(
        #[case] text: &str,
        #[case] want: Option<(&str, u32, u32)>,
    ) {
        let found = find_dateline(text);
        assert_eq!(
            found.as_ref().map(|d| (d.place.as_str(), d.month, d.day)),
            want,
            "{text}"
        );
    }

    #[test]
    fn a_past_year_implies_a_later_article_and_says_so() {
        let p = published("Title\n\nThe president arrived in Moscow on March 20 for a visit.\n\nAt the end of 2022, they met. Bilateral trade in 2022 rose.\n");
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2023-03"));
        assert!(p.confidence < 0.5);
        assert!(
            p.basis.contains("2022") && p.basis.contains("inferred"),
            "{}",
            p.basis
        );
    }

    #[test]
    fn targets_do_not_imply_a_year() {
        let p = published("Trade will reach $200 billion in 2030.\n");
        assert_eq!(p.date, None);
        assert_eq!(p.precision(), Precision::Unknown);
    }

    #[test]
    fn nothing_known_is_unknown() {
        let p = published("On the morning of Thursday, the leaders held talks.\n");
        assert_eq!(p.date, None);
        assert!(p.basis.contains("--published"));
    }

    #[test]
    fn the_user_and_metadata_come_first() {
        let text = "April 02, 2025\nBody.";
        let user = NaiveDate::from_ymd_opt(2024, 1, 1);
        assert_eq!(
            find(text, &split(text), &[], None, user).basis,
            "given by the user"
        );
        let meta = Some((PartialDate::year(2020), "front matter".to_owned()));
        assert_eq!(
            find(text, &split(text), &[], meta, None).basis,
            "front matter"
        );
    }
}
