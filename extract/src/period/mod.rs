//! The periods figures refer to: "in 2022", "last year", "the first eight
//! months of this year", "January-August", "the first quarter", "H1 2023",
//! "today's" (the latest full year, marked inferred).
//!
//! Relative expressions are resolved against the publication date. A year
//! named in a comparison ("compared with the same period last year", "the same
//! level as last year") is the base of a growth rate, not the period of the
//! figure, and is ignored here.

use regex::Captures;

use crate::model::{PartialDate, Period};

pub(crate) mod fiscal;

/// What a sentence's periods are read against.
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame<'a> {
    /// The publication date, for "last year" and "this fiscal".
    pub published: Option<PartialDate>,
    /// The latest year of data the article spoke of before the sentence: a
    /// month or part of a year named without its year is that year's ("In
    /// December, exports rose 2.2%" after figures for 2023).
    pub data_year: Option<i32>,
    /// The fiscal calendar of the country whose trade is reported.
    pub fiscal: Option<fiscal::Calendar>,
    /// The period in force: "during the nine months" after figures for
    /// July-March is that period, not January-September.
    pub in_force: Option<Period>,
    /// The periods in force before it, the latest last.
    pub earlier: &'a [Period],
}

/// A period named in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PeriodMention {
    pub kind: PeriodKind,
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PeriodKind {
    /// A period fixed by the text (and the publication date, for "last year").
    Fixed { period: Period, reason: String },
    /// "the same period": whatever period the article spoke of just before.
    SamePeriod,
    /// "the same period of 2023": the months of the period spoken of, in
    /// another year.
    SameMonthsIn { year: i32 },
    /// "the same period a year earlier", "the same period last year": the
    /// months of the period spoken of, a year before.
    SameMonthsYearBefore,
    /// "so far this year", "year to date": the months of `year` up to a
    /// month the phrase does not name, so only a part of that year the
    /// article spoke of just before can say which ("$38.2 billion in the
    /// first eight months ... Exports so far this year ...").
    SoFar { year: i32, phrase: String },
    /// Needs a publication date the document does not have ("last year").
    Unresolved { phrase: String },
    /// "currently", "current", "at present", "today's": a level at the time
    /// of writing, which no calendar period pins down.
    Current { phrase: String },
    /// A fiscal year named by one year ("FY24"): which months it covers,
    /// and whether it began or ended in that year, depend on the country
    /// that keeps it (India's FY24 ended in March 2024; Japan's began in
    /// April 2024), so it is not read as a calendar year.
    FiscalYear { phrase: String },
    /// A month range that runs into the next year ("April-January", the
    /// first ten months of India's fiscal year): a period no chart of
    /// calendar periods can hold, so it is named and not read.
    AcrossYears { phrase: String },
}

pub(crate) const MONTHS: &str = r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const COUNT: &str = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}";
const YEAR_REF: &str = r"(?:19[5-9]\d|20\d\d)|this\s+(?:calendar\s+)?year|last\s+year|next\s+year|(?:the\s+)?(?:previous|preceding|prior)\s+year|the\s+past\s+year|(?:the\s+)?current\s+(?:calendar\s+)?year|the\s+outgoing\s+year|the\s+year";

crate::pattern::patterns! {
    /// The base of a comparison ("compared with the same period last year",
    /// "up from 2022", "than a year earlier", "the lowest since 2009", "the
    /// most since March 2011", "the amount recorded at the same period in
    /// 2018", "less than from January through December 2022", the first
    /// year of "between 2021 and 2022"): a period that dates no figure.
    fn comparison_re = r"(?i)\b(?:from|than|since|over|on|compared\s+(?:with|to)|against|versus|vs\.?|with|as|year\s+earlier\s+in)\s+(?:that\s+of\s+|in\s+)?(?:the\s+(?:same|corresponding|respective)\s+period(?:\s+(?:of|in)\s+(?:last\s+year|(?:the\s+)?(?:previous|preceding|prior)\s+year|(?:19|20)\d\d)|\s+a\s+year\s+(?:earlier|ago|before)|\s+last\s+year)?|a\s+year\s+(?:earlier|ago|before)|last\s+year|(?:the\s+)?(?:previous|preceding|prior)\s+year|the\s+year\s+before|(?:19|20)\d\d)|\bbetween\s+(?:19|20)\d\d\s+and\b|\b(?:the\s+)?same\s+(?:period|months?|quarter|time(?:\s+span)?)\s+(?:(?:of|in)\s+)?(?:last\s+year|(?:the\s+)?(?:previous|preceding|prior)\s+year|a\s+year\s+(?:earlier|ago|before)|(?:19|20)\d\d)|\bsince\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d\b|\bthan\s+(?:from\s+|in\s+|during\s+|for\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s*[-–—]\s*|\s+(?:to|through|till|until)\s+)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:of\s+)?(?:19|20)\d\d";
    /// "the first eight months of 2023", "the past three quarters": a run of
    /// months or quarters counted from a year's start or back from now.
    fn first_months_re = &format!(
        r"(?i)\b(?:the\s+(?:(?P<which>first|last|past)\s+)?|(?P<which2>first|last|past)\s+|in\s+)(?P<n>{COUNT})\s+(?P<unit>months?|quarters)(?:\s+(?:of|in)\s+(?P<year>{YEAR_REF}))?"
    );
    /// "January-September", "between March and May 2024": two months and the
    /// months between them.
    fn month_range_re = &format!(
        r"(?i)\b(?:between\s+(?P<a2>{MONTHS})\.?\s+and\s+(?P<b2>{MONTHS})|(?P<a>{MONTHS})\.?(?:\s*[-–—]\s*|\s+(?:to|through|till|until)\s+)(?P<b>{MONTHS}))\b\.?(?:,?\s+(?:of\s+)?(?P<year>{YEAR_REF}))?"
    );
    /// "April 2021-January 2022", "between January 2020 and June this year".
    fn dated_month_range_re = &format!(
        r"(?i)\b(?:between\s+|from\s+)?(?P<a>{MONTHS})\.?,?\s+(?P<ay>(?:19|20)\d\d)(?:\s*[-–—]\s*|\s+(?:to|through|till|until|and)\s+)(?P<b>{MONTHS})\b\.?,?\s+(?P<by>(?:19|20)\d\d|this\s+year|last\s+year)\b"
    );
    /// "the 11 months to November", "the 12 months through June", "the year
    /// to March": a run of months named by its last.
    fn months_to_re = &format!(
        r"(?i)\b(?:the\s+)?(?:(?P<n>{COUNT})\s+months|(?P<year_to>year))\s+(?:to|through|ending|ended|until)\s+(?:(?:the\s+)?end\s+of\s+)?(?P<m>{MONTHS})\b\.?(?:,?\s+(?:of\s+)?(?P<year>{YEAR_REF}))?"
    );
    /// "the four quarters to the end of the third quarter of 2023", "the four
    /// quarters to Q3 2023": a run of quarters named by its last.
    fn quarters_to_re = &format!(
        r"(?i)\b(?:the\s+)?(?P<n>{COUNT})\s+quarters\s+(?:to|through|ending|ended|until)\s+(?:(?:the\s+)?end\s+of\s+)?(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of|in)\s+(?P<year>{YEAR_REF}))?|Q(?P<qn>[1-4])(?:\s*|-)(?P<qyear>(?:19|20)\d\d)\b)"
    );
    /// "the third quarter of 2023", "Q2 2024", "1Q2022".
    fn quarter_re = &format!(
        r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of|in)\s+(?P<year>{YEAR_REF}))?|\bQ(?P<qn>[1-4])(?:(?:\s*|-)(?P<qyear>(?:19|20)\d\d))?\b|\b(?P<qn2>[1-4])Q\s?(?P<qyear2>(?:19|20)\d\d)\b|\b(?:the\s+)?(?P<qm>March|June|September|December)(?:\s+(?P<qmyear>(?:19|20)\d\d))?\s+quarter\b"
    );
    /// "the first half of the year", "H1 2023", "the second half
    /// (July-December) of 2022".
    fn half_re = &format!(
        r"(?i)\b(?:the\s+)?(?P<h>first|second)\s+half(?:\s*\([^)]{{0,30}}\))?(?:\s+(?:of|in)\s+(?P<year>{YEAR_REF}))?|\bH(?P<hn>[12])(?:(?:\s*|-)(?P<hyear>(?:19|20)\d\d))?\b"
    );
    /// "in December", "March 2024", "for June of last year": one month.
    fn single_month_re = &format!(
        r"(?i)\b(?:(?:in|for|during)\s+(?P<m>{MONTHS})\b(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d|this\s+year|last\s+year))?|(?P<m2>{MONTHS})\s+(?P<year2>(?:19|20)\d\d)\b)"
    );
    /// "the second month of this year", "the 3rd month of 2021".
    fn ordinal_month_re = &format!(
        r"(?i)\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{{1,2}}(?:st|nd|rd|th))\s+month\s+(?:of|in)\s+(?P<year>{YEAR_REF})\b"
    );
    fn relative_month_re = r"(?i)\b(?P<which>last|this|the\s+previous|the\s+past)\s+month\b";
    /// Years in digits: "2023", "2023-24", "FY24".
    fn year_re = r"(?i)\bFY\s?(?P<fyp>(?:19|20)?\d\d(?:[-–/]\d\d)?)\b|\b(?P<fy>(?:19|20)\d\d)[-–/](?P<fy2>\d\d)\b|\b(?P<y>19[5-9]\d|20\d\d)\b";
    /// Years and periods in words: "last year", "the same period of 2023",
    /// "so far this year", "currently". Every match holds one of the words
    /// [`year_words_may_match`] looks for.
    fn year_words_re = r"(?i)\b(?P<sofar0>this\s+year\s+so\s+far)\b|\b(?P<rel>this\s+(?:calendar\s+)?year|last\s+year|next\s+year|(?:the\s+)?(?:previous|preceding|prior)\s+year|the\s+past\s+year|(?:the\s+)?current\s+(?:calendar\s+)?year|the\s+outgoing\s+year|(?:by|at|until|till)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?year)\b|\b(?P<said>the\s+(?:said\s+|reporting\s+|review\s+)?period(?:\s+under\s+review)?)\b|\b(?P<same>the\s+(?:same|corresponding|respective)\s+period)(?:\s+(?:of|in)\s+(?P<same_year>(?:19|20)\d\d)|\s+(?:of\s+|in\s+)?(?P<same_before>a\s+year\s+(?:earlier|ago|before)|last\s+year|(?:the\s+)?(?:previous|preceding|prior)\s+year|the\s+year\s+before))?\b|\b(?P<sofar>so\s+far\s+this\s+year|this\s+year\s+so\s+far|year[-\s]to[-\s]date|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year)\b|(?P<now>\btoday's|\btoday’s|\bcurrent\b|\bcurrently\b|\bat\s+present\b)";
}

/// Whether [`year_words_re`] can match in `sentence`: each of its matches
/// holds "year", "period", "today", "current", "present" or "date".
fn year_words_may_match(sentence: &str) -> bool {
    if sentence.contains(['\u{17f}', '\u{212a}']) {
        return true;
    }
    ["year", "period", "today", "current", "present"]
        .iter()
        .any(|w| crate::scan::contains_ascii_ci(sentence.as_bytes(), w.as_bytes()))
}

/// The matches of [`year_re`] and [`year_words_re`] in order; a year inside
/// a phrase of words ("the same period of 2023") is the phrase's only.
fn year_captures(sentence: &str) -> Vec<Captures<'_>> {
    let words: Vec<Captures<'_>> = if year_words_may_match(sentence) {
        year_words_re().captures_iter(sentence).collect()
    } else {
        Vec::new()
    };
    let span = |c: &Captures<'_>| c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
    let mut all: Vec<Captures<'_>> = year_re()
        .captures_iter(sentence)
        .filter(|c| {
            let (s, e) = span(c);
            !words.iter().any(|w| {
                let (ws, we) = span(w);
                s < we && ws < e
            })
        })
        .collect();
    all.extend(words);
    all.sort_by_key(|c| span(c).0);
    all
}

/// Which part-year patterns can match in a sentence, from the words each one
/// needs: "first" ([`first_months_re`]), a month name or abbreviation
/// ([`month_range_re`], [`single_month_re`]), "quarter" or "Q1".."Q4"
/// ([`quarter_re`]), "half" or "H1"/"H2" ([`half_re`]). Looked for in an
/// ASCII lower-cased copy; the patterns ignore case by Unicode rules, under
/// which "ſ" is an "s" and the Kelvin sign a "k", so a sentence with either
/// runs every pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PartYearWords {
    /// "month" or "quarters": [`first_months_re`].
    first: bool,
    /// A month's name: [`single_month_re`].
    month: bool,
    /// Two months' names: [`month_range_re`].
    two_months: bool,
    /// A month's name, "months" or "year", and a word that runs to it
    /// ("to", "through", "until", "ending", "ended"): [`months_to_re`].
    months_to: bool,
    /// "quarter" or "Q1".."Q4": [`quarter_re`].
    quarter: bool,
    /// "quarters": [`quarters_to_re`].
    quarters: bool,
    half: bool,
}

impl PartYearWords {
    const ALL: PartYearWords = PartYearWords {
        first: true,
        month: true,
        two_months: true,
        months_to: true,
        quarter: true,
        quarters: true,
        half: true,
    };

    fn of(sentence: &str) -> PartYearWords {
        let bytes = sentence.as_bytes();
        if !sentence.is_ascii()
            && ["\u{17f}", "\u{212a}"]
                .iter()
                .any(|c| memchr::memmem::find(bytes, c.as_bytes()).is_some())
        {
            return PartYearWords::ALL;
        }
        // Without a lower-cased copy: a search for each word's first letter
        // in either case, the rest compared in place.
        let has = |w: &str| crate::scan::contains_ascii_ci(bytes, w.as_bytes());
        let months = month_names(bytes);
        PartYearWords {
            first: has("month") || has("quarters"),
            month: months >= 1,
            two_months: months >= 2,
            months_to: months >= 1
                && (has("months") || has("year"))
                && ["to", "through", "until", "end"].into_iter().any(has),
            quarter: has("quarter")
                || ["q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"]
                    .into_iter()
                    .any(has),
            quarters: has("quarters"),
            half: has("half") || has("h1") || has("h2"),
        }
    }
}

/// How many words of `bytes` (counted to two) are a month's name or
/// abbreviation, as the month patterns need them: whole ASCII words
/// ("March", "Sept"), not parts of one ("market", "decline").
fn month_names(bytes: &[u8]) -> usize {
    let mut found = 0;
    const NAMES: [&[u8]; 25] = [
        b"january",
        b"february",
        b"march",
        b"april",
        b"may",
        b"june",
        b"july",
        b"august",
        b"september",
        b"october",
        b"november",
        b"december",
        b"jan",
        b"feb",
        b"mar",
        b"apr",
        b"jun",
        b"jul",
        b"aug",
        b"sept",
        b"sep",
        b"oct",
        b"nov",
        b"dec",
        b"may",
    ];
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() || (at > 0 && word_byte(bytes[at - 1])) {
            at += 1;
            continue;
        }
        let len = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let word = &bytes[at..at + len];
        if (3..=9).contains(&len) && NAMES.iter().any(|n| n.eq_ignore_ascii_case(word)) {
            found += 1;
            if found == 2 {
                return found;
            }
        }
        at += len;
    }
    found
}

/// A quarter's number from its ordinal ("third", "3rd").
fn quarter_number(ordinal: &str) -> Option<u32> {
    Some(match ordinal.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// The number an ordinal names, to the twelfth ("third", "3rd").
fn ordinal(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    let w = word.to_ascii_lowercase();
    if let Some(i) = ORDINALS.iter().position(|o| *o == w) {
        return u32::try_from(i + 1).ok();
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse().ok().filter(|n| (1..=12).contains(n))
}

crate::pattern::patterns! {
    fn years_apart_re = &format!(
        r"(?i)\b(?P<n>{COUNT}|a)\s+(?P<unit>years?|decades?)\s+(?P<dir>later|earlier|ago|before)\b"
    );
}

/// "five years later" (after the year the sentence named before), "a
/// decade ago" (before publication, inferred: a decade is a round number).
fn years_apart(
    sentence: &str,
    published_year: Option<i32>,
    out: &mut Vec<PeriodMention>,
    free: &dyn Fn(usize, usize) -> bool,
) {
    let has = |w: &[u8]| crate::scan::contains_ascii_ci(sentence.as_bytes(), w);
    if !(has(b"year") || has(b"decade"))
        || !(has(b"later") || has(b"earlier") || has(b"ago") || has(b"before"))
    {
        return;
    }
    for c in years_apart_re().captures_iter(sentence) {
        let Some(whole) = c.get(0) else { continue };
        if !free(whole.start(), whole.end())
            || out
                .iter()
                .any(|p| whole.start() < p.end && p.start < whole.end())
        {
            continue;
        }
        let n = match c.name("n").map(|m| m.as_str()) {
            Some(w) if w.eq_ignore_ascii_case("a") => 1,
            Some(w) => match count(w) {
                Some(n) => n as i32,
                None => continue,
            },
            None => continue,
        };
        let decades = c
            .name("unit")
            .is_some_and(|u| u.as_str().to_ascii_lowercase().starts_with("decade"));
        // "a year ago", "a year earlier": the base of a comparison, which
        // the binder reads as the year before the figure it compares with.
        if n == 1
            && !decades
            && !c
                .name("dir")
                .is_some_and(|d| d.as_str().eq_ignore_ascii_case("later"))
        {
            continue;
        }
        let n = if decades { n * 10 } else { n };
        let dir = c.name("dir").map(|d| d.as_str().to_ascii_lowercase());
        let (year, reason, inferred) = match dir.as_deref() {
            Some("ago") => match published_year {
                Some(py) => (
                    py - n,
                    format!("\"{}\" before publication in {py}", whole.as_str()),
                    true,
                ),
                None => continue,
            },
            _ => {
                // The year named last before the phrase.
                let before = out
                    .iter()
                    .filter(|p| p.end <= whole.start())
                    .filter_map(|p| match &p.kind {
                        PeriodKind::Fixed { period, .. } if period.is_full_year() => {
                            Some((p.end, chrono::Datelike::year(&period.start)))
                        }
                        _ => None,
                    })
                    .max_by_key(|(end, _)| *end);
                let Some((_, base)) = before else { continue };
                let year = if dir.as_deref() == Some("later") {
                    base + n
                } else {
                    base - n
                };
                (year, format!("\"{}\" than {base}", whole.as_str()), decades)
            }
        };
        if let Some(mut p) = Period::year(year) {
            p.inferred = inferred;
            out.push(PeriodMention {
                kind: PeriodKind::Fixed { period: p, reason },
                start: whole.start(),
                end: whole.end(),
            });
        }
    }
}

/// Month number (1..=12) from an English name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let key = n.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// A small count written as a word or in digits: "eight", "10".
pub(crate) fn count(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        digits => digits.parse().ok()?,
    })
}

/// The year a phrase names, against the publication year; `Err(phrase)` when
/// it needs a publication year that is not known.
fn resolve_year(phrase: &str, published_year: Option<i32>) -> Result<(i32, String), String> {
    let p = phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    if let Ok(y) = p.parse::<i32>() {
        return Ok((y, format!("the text names {y}")));
    }
    let Some(py) = published_year else {
        return Err(p);
    };
    let end_of_year = p.ends_with("end of the year") || p.ends_with("end of year");
    match p.as_str() {
        "this year"
        | "the current year"
        | "current year"
        | "this calendar year"
        | "the current calendar year"
        | "current calendar year"
        | "the outgoing year"
        | "the year" => Ok((py, format!("\"{p}\" in an article published in {py}"))),
        _ if end_of_year => Ok((py, format!("\"{p}\" in an article published in {py}"))),
        "next year" => Ok((py + 1, format!("\"{p}\" in an article published in {py}"))),
        "last year" | "the past year" | "the previous year" | "previous year"
        | "the preceding year" | "preceding year" | "the prior year" | "prior year" => {
            Ok((py - 1, format!("\"{p}\" in an article published in {py}")))
        }
        _ => Err(p),
    }
}

/// Whether a four-digit year is one [`year_re`]'s plain year reads.
fn plain_year(y: &str) -> bool {
    y.parse::<i32>().is_ok_and(|y| (1950..=2099).contains(&y))
}

/// The whole of a "2023-24" match when it is a fiscal year: the second year
/// follows the first, and no date goes on after it ("2023-03-21" is a day).
fn fiscal_span<'t>(sentence: &'t str, c: &Captures<'t>) -> Option<regex::Match<'t>> {
    let (first, second) = (c.name("fy")?, c.name("fy2")?);
    let first: i32 = first.as_str().parse().ok()?;
    let second: i32 = second.as_str().parse().ok()?;
    let whole = c.get(0)?;
    let continues = sentence[whole.end()..]
        .strip_prefix(['-', '–', '/', '.'])
        .is_some_and(|rest| rest.starts_with(|ch: char| ch.is_ascii_digit()));
    ((first + 1) % 100 == second && !continues).then_some(whole)
}

/// Every period named in `sentence`, in order, comparisons left out.
/// How many calendar months `p` spans.
fn month_count(p: &Period) -> u32 {
    use chrono::Datelike;
    let months = |d: chrono::NaiveDate| d.year() * 12 + d.month0() as i32;
    u32::try_from(months(p.end) - months(p.start) + 1).unwrap_or(0)
}

/// The publication date resolves "this year" and "last year"; the sentence's
/// own year (if it names one) completes "the first quarter" and the like.
/// Without one, a part of a year is the publication year's, unless it had
/// not ended by the publication month: "January-November" in an article of
/// January 2025 reports 2024.
pub(crate) fn periods(sentence: &str, published: Option<PartialDate>) -> Vec<PeriodMention> {
    periods_in(
        sentence,
        &Frame {
            published,
            ..Frame::default()
        },
    )
}

/// Every period named in `sentence`, read against `frame`: fiscal phrases
/// by the reporting country's calendar first, then calendar periods. A part
/// of a year named without its year takes, in order, the year the sentence
/// names, the latest year of data the article spoke of, and the year of
/// publication (or the one before, when the part had not ended by then).
pub(crate) fn periods_in(sentence: &str, frame: &Frame<'_>) -> Vec<PeriodMention> {
    let published = frame.published;
    let published_year = published.and_then(|d| d.year);
    let published_month = published.and_then(|d| d.month);
    let comparisons: Vec<regex::Match<'_>> = comparison_re().find_iter(sentence).collect();
    let excluded: Vec<(usize, usize)> = comparisons.iter().map(|m| (m.start(), m.end())).collect();
    let free = |s: usize, e: usize| !excluded.iter().any(|&(a, b)| s < b && a < e);
    let mut out: Vec<PeriodMention> = match &frame.fiscal {
        Some(calendar) => fiscal::periods(sentence, calendar, published)
            .into_iter()
            .filter(|p| free(p.start, p.end))
            .collect(),
        None => Vec::new(),
    };
    let taken =
        |out: &Vec<PeriodMention>, s: usize, e: usize| out.iter().any(|p| s < p.end && p.start < e);

    // The years are read once: the sentence's own year, which completes
    // part-year phrases that name none, is the first of them, and each of
    // them is a period.
    let years = year_captures(sentence);
    let sentence_year: Option<i32> = years.iter().find_map(|c| {
        let m = c.name("y").or_else(|| {
            c.name("fy")
                .filter(|_| fiscal_span(sentence, c).is_none())
                .filter(|y| plain_year(y.as_str()))
        })?;
        free(m.start(), m.end())
            .then(|| m.as_str().parse().ok())
            .flatten()
    });
    // `last_month` is the part's last month, to tell whether it had ended.
    let default_year = |phrase: Option<&str>, last_month: u32| -> Result<(i32, String), String> {
        match phrase {
            Some(p) => resolve_year(p, published_year),
            None => match (sentence_year, published_year, published_month) {
                (Some(y), _, _) => Ok((y, format!("the sentence names {y}"))),
                (None, py, _) if frame.data_year.is_some_and(|d| py.is_none_or(|py| d <= py)) => {
                    let y = frame.data_year.unwrap_or_default();
                    Ok((y, format!("no year given; the article's figures before are of {y}")))
                }
                (None, Some(py), Some(pm)) if last_month >= pm => Ok((
                    py - 1,
                    format!(
                        "no year given; it had not ended when the article was published in {} {py}, so {}",
                        crate::model::MONTH_ABBR[pm.clamp(1, 12) as usize - 1],
                        py - 1
                    ),
                )),
                (None, Some(py), _) => Ok((
                    py,
                    format!("no year given; the article was published in {py}"),
                )),
                (None, None, _) => Err("a part of a year with no year".to_owned()),
            },
        }
    };

    // A mention is kept where no comparison and no earlier mention stands.
    let name = |out: &mut Vec<PeriodMention>, start: usize, end: usize, kind: PeriodKind| {
        if free(start, end) && !taken(out, start, end) {
            out.push(PeriodMention { kind, start, end });
        }
    };
    let push = |out: &mut Vec<PeriodMention>,
                whole: Option<regex::Match<'_>>,
                result: Result<(Period, String), String>| {
        let Some(whole) = whole else { return };
        let kind = match result {
            Ok((period, reason)) => PeriodKind::Fixed { period, reason },
            Err(phrase) => PeriodKind::Unresolved { phrase },
        };
        name(out, whole.start(), whole.end(), kind);
    };
    // A period no calendar period can hold, named so the figure says why.
    let across = |out: &mut Vec<PeriodMention>, start: usize, end: usize| {
        let phrase = sentence[start..end].to_owned();
        name(out, start, end, PeriodKind::AcrossYears { phrase });
    };

    // Each part-year pattern needs a word of its own; a sentence without it
    // is spared the pattern (most sentences name only a year).
    let words = PartYearWords::of(sentence);
    // "April 2021-January 2022", "between January 2020 and June this
    // year": a run of months from one month of a year to one of another.
    let dated_ranges = words
        .two_months
        .then(|| dated_month_range_re().captures_iter(sentence));
    for c in dated_ranges.into_iter().flatten() {
        let (Some(a), Some(b)) = (
            c.name("a").and_then(|m| month_number(m.as_str())),
            c.name("b").and_then(|m| month_number(m.as_str())),
        ) else {
            continue;
        };
        let Some(ay) = c.name("ay").and_then(|y| y.as_str().parse::<i32>().ok()) else {
            continue;
        };
        let by = c
            .name("by")
            .map(|y| resolve_year(y.as_str(), published_year).map(|(y, _)| y));
        let Some(whole) = c.get(0) else { continue };
        let result = match by {
            Some(Ok(by)) => Period::span(ay, a, by, b)
                .filter(|_| (ay, a) < (by, b))
                .map(|p| {
                    let reason = format!("\"{}\": {}", whole.as_str(), p.label);
                    (p, reason)
                })
                .ok_or_else(|| whole.as_str().to_owned()),
            Some(Err(phrase)) => Err(phrase),
            None => continue,
        };
        push(&mut out, Some(whole), result);
    }
    let months_to = words
        .months_to
        .then(|| months_to_re().captures_iter(sentence));
    for c in months_to.into_iter().flatten() {
        let Some(last) = c.name("m").and_then(|m| month_number(m.as_str())) else {
            continue;
        };
        let n = match (c.name("n"), c.name("year_to")) {
            (Some(n), _) => count(n.as_str()),
            (None, Some(_)) => Some(12),
            _ => None,
        };
        let Some(n) = n.filter(|n| (1..=12).contains(n)) else {
            continue;
        };
        let Some(whole) = c.get(0) else { continue };
        // "the 12 months to June", "the year to March": a run of months
        // into the year of its last month.
        if n > last {
            let result =
                default_year(c.name("year").map(|m| m.as_str()), last).and_then(|(y, why)| {
                    let p = Period::span(y - 1, last + 13 - n, y, last)
                        .ok_or_else(|| whole.as_str().to_owned())?;
                    Ok((
                        p.clone(),
                        format!("\"{}\": {}; {why}", whole.as_str(), p.label),
                    ))
                });
            push(&mut out, Some(whole), result);
            continue;
        }
        let result = default_year(c.name("year").map(|m| m.as_str()), last).and_then(|(y, why)| {
            let p =
                Period::months(y, last + 1 - n, last).ok_or_else(|| whole.as_str().to_owned())?;
            Ok((
                p.clone(),
                format!("\"{}\": {}; {why}", whole.as_str(), p.label),
            ))
        });
        push(&mut out, Some(whole), result);
    }
    let month_ranges = words
        .two_months
        .then(|| month_range_re().captures_iter(sentence));
    for c in month_ranges.into_iter().flatten() {
        let (Some(a), Some(b)) = (
            c.name("a")
                .or_else(|| c.name("a2"))
                .and_then(|m| month_number(m.as_str())),
            c.name("b")
                .or_else(|| c.name("b2"))
                .and_then(|m| month_number(m.as_str())),
        ) else {
            continue;
        };
        // "November–February" runs into the year of its last month.
        let result = default_year(c.name("year").map(|m| m.as_str()), b).and_then(|(y, why)| {
            let first_year = if a > b { y - 1 } else { y };
            let p = Period::span(first_year, a, y, b).ok_or_else(|| "a month range".to_owned())?;
            Ok((p.clone(), format!("month range {}; {why}", p.label)))
        });
        push(&mut out, c.get(0), result);
    }
    // "the four quarters to the third quarter": a rolling year, which runs
    // across two calendar years unless it ends with the fourth quarter.
    let quarters_to = words
        .quarters
        .then(|| quarters_to_re().captures_iter(sentence));
    for c in quarters_to.into_iter().flatten() {
        let n = c.name("n").and_then(|m| count(m.as_str()));
        let last = c
            .name("q")
            .and_then(|q| quarter_number(q.as_str()))
            .or_else(|| c.name("qn").and_then(|q| q.as_str().parse().ok()));
        let (Some(n), Some(last), Some(whole)) = (n, last, c.get(0)) else {
            continue;
        };
        if !(1..=4).contains(&n) {
            across(&mut out, whole.start(), whole.end());
            continue;
        }
        let year = c
            .name("year")
            .or_else(|| c.name("qyear"))
            .map(|m| m.as_str());
        let result = default_year(year, last * 3).and_then(|(y, why)| {
            // Quarters back into the year before: "the four quarters to
            // the third quarter of 2023" start in October 2022.
            let first = 3 * (last + 4 - n) % 12 + 1;
            let first_year = if n > last { y - 1 } else { y };
            let p = Period::span(first_year, first, y, last * 3)
                .ok_or_else(|| whole.as_str().to_owned())?;
            Ok((
                p.clone(),
                format!("\"{}\": {}; {why}", whole.as_str(), p.label),
            ))
        });
        push(&mut out, Some(whole), result);
    }
    // After the runs named by their last ("the 12 months to June", "the
    // four quarters to Q3"), which also start with a count.
    let first_months = words
        .first
        .then(|| first_months_re().captures_iter(sentence));
    for c in first_months.into_iter().flatten() {
        let Some(n) = c.name("n").and_then(|m| count(m.as_str())) else {
            continue;
        };
        let quarters = c
            .name("unit")
            .is_some_and(|u| u.as_str().eq_ignore_ascii_case("quarters"));
        let months = if quarters { n * 3 } else { n };
        if !(1..=12).contains(&months) {
            continue;
        }
        // "during the nine months" after a figure for nine months: those
        // months, not the year's first nine ("first" is not written).
        let the_months = c.name("which").is_none()
            && c.name("which2").is_none()
            && c.name("year").is_none()
            && c.get(0)
                .is_some_and(|m| crate::scan::starts_with_ascii_ci(m.as_str(), "the"));
        // "in first five months" after figures for July-November in a
        // country whose fiscal year begins in July: the fiscal year's first
        // months, the period in force.
        let first_of_fiscal = |p: &Period| {
            let first = c
                .name("which")
                .or_else(|| c.name("which2"))
                .is_some_and(|w| w.as_str().eq_ignore_ascii_case("first"));
            first
                && c.name("year").is_none()
                && frame.fiscal.as_ref().is_some_and(|f| {
                    f.first_month != 1 && chrono::Datelike::month(&p.start) == f.first_month
                })
        };
        let spoken_of = |p: &&Period| {
            (the_months || first_of_fiscal(p)) && !p.unresolved && month_count(p) == months
        };
        // The period in force, else (for the fiscal year's first months)
        // the latest such period before it.
        let earlier = || {
            frame
                .earlier
                .iter()
                .rev()
                .find(|p| first_of_fiscal(p) && spoken_of(p))
        };
        if let Some(p) = frame.in_force.as_ref().filter(spoken_of).or_else(earlier) {
            let reason = format!(
                "\"{}\": the {months} months the article spoke of, {}",
                c.get(0).map_or("", |m| m.as_str()),
                p.label
            );
            push(&mut out, c.get(0), Ok((p.clone(), reason)));
            continue;
        }
        // "the last 11 months" in a December article: the months before
        // the publication month.
        let last = c
            .name("which")
            .or_else(|| c.name("which2"))
            .is_some_and(|w| !w.as_str().eq_ignore_ascii_case("first"));
        if let (true, None, Some(py), Some(pm)) =
            (last, c.name("year"), published_year, published_month)
        {
            let (end_year, end) = if pm == 1 { (py - 1, 12) } else { (py, pm - 1) };
            let (start_year, start) = if months <= end {
                (end_year, end + 1 - months)
            } else {
                (end_year - 1, end + 13 - months)
            };
            let result = Period::span(start_year, start, end_year, end)
                .map(|p| {
                    let reason = format!(
                        "\"{}\": the {months} months before publication, {}",
                        c.get(0).map_or("", |m| m.as_str()),
                        p.label
                    );
                    (p, reason)
                })
                .ok_or_else(|| format!("the last {months} months"));
            push(&mut out, c.get(0), result);
            continue;
        }
        let result =
            default_year(c.name("year").map(|m| m.as_str()), months).and_then(|(y, why)| {
                let p =
                    Period::months(y, 1, months).ok_or_else(|| format!("first {months} months"))?;
                Ok((
                    p.clone(),
                    format!(
                        "\"{}\": {}; {why}",
                        c.get(0).map_or("", |m| m.as_str()),
                        p.label
                    ),
                ))
            });
        push(&mut out, c.get(0), result);
    }
    let quarters = words.quarter.then(|| quarter_re().captures_iter(sentence));
    for c in quarters.into_iter().flatten() {
        // "the June quarter", as Australian and New Zealand statistics
        // name a quarter: the one that ends in that month.
        let number = c.name("qn").or_else(|| c.name("qn2"));
        let q = match (c.name("q"), number, c.name("qm")) {
            (Some(word), _, _) => quarter_number(word.as_str()).unwrap_or(4),
            (None, Some(n), _) => n.as_str().parse().unwrap_or(1),
            (None, None, Some(m)) => match month_number(m.as_str()) {
                Some(m) => m / 3,
                None => continue,
            },
            _ => continue,
        };
        let year = c
            .name("year")
            .or_else(|| c.name("qyear"))
            .or_else(|| c.name("qyear2"))
            .or_else(|| c.name("qmyear"))
            .map(|m| m.as_str());
        let result = default_year(year, q * 3).and_then(|(y, why)| {
            let p = Period::months(y, q * 3 - 2, q * 3).ok_or_else(|| "quarter".to_owned())?;
            Ok((p.clone(), format!("quarter {}; {why}", p.label)))
        });
        push(&mut out, c.get(0), result);
    }
    let halves = words.half.then(|| half_re().captures_iter(sentence));
    for c in halves.into_iter().flatten() {
        let h = match (c.name("h"), c.name("hn")) {
            (Some(word), _) if word.as_str().eq_ignore_ascii_case("first") => 1,
            (Some(_), _) => 2,
            (None, Some(n)) => n.as_str().parse().unwrap_or(1),
            _ => continue,
        };
        let year = c
            .name("year")
            .or_else(|| c.name("hyear"))
            .map(|m| m.as_str());
        let result = default_year(year, h * 6).and_then(|(y, why)| {
            let p = Period::months(y, h * 6 - 5, h * 6).ok_or_else(|| "half".to_owned())?;
            Ok((p.clone(), format!("half-year {}; {why}", p.label)))
        });
        // "the second half (July-December) of 2022": the months in brackets
        // say the half again.
        if let Some(whole) = c.get(0) {
            out.retain(|p| !(whole.start() < p.start && p.end < whole.end()));
        }
        push(&mut out, c.get(0), result);
    }
    let months = words
        .month
        .then(|| single_month_re().captures_iter(sentence));
    for c in months.into_iter().flatten() {
        let Some(whole) = c.get(0) else { continue };
        // "in March 20" is a day, not a month of figures.
        let year_named = c.name("year").or_else(|| c.name("year2"));
        if sentence[whole.end()..]
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit())
            && year_named.is_none()
        {
            continue;
        }
        let month = c.name("m").or_else(|| c.name("m2"));
        let Some(m) = month.and_then(|m| month_number(m.as_str())) else {
            continue;
        };
        // "may" is also a verb: only the capitalised form is a month.
        if month.is_some_and(|n| n.as_str() == "may") {
            continue;
        }
        // "the fiscal year that ended in March 2024": the month ends a
        // fiscal year, which (unless it ends in December) spans two
        // calendar years.
        let before = sentence[..whole.start()].trim_end();
        let ends_a_year = ["ended", "ending", "ends", "that ended", "which ended"]
            .iter()
            .any(|w| before.ends_with(w))
            && ["fiscal", "financial year"].iter().any(|w| {
                crate::scan::contains_ascii_ci(&sentence.as_bytes()[..whole.start()], w.as_bytes())
            });
        // "the March 2018 year", as New Zealand and Australian statistics
        // name the year that ends with that month.
        let rest = &sentence[whole.end()..];
        let year_named_by_its_end = year_named.is_some()
            && crate::scan::starts_with_ascii_ci(rest, " year")
            && !rest[5..].starts_with(|c: char| c.is_ascii_alphabetic());
        if (ends_a_year || year_named_by_its_end) && m != 12 {
            let lower = sentence[..whole.start()].to_ascii_lowercase();
            let phrase_start = lower
                .rfind("fiscal")
                .or_else(|| lower.rfind("financial"))
                .filter(|_| ends_a_year)
                .unwrap_or(whole.start());
            let phrase_end = if year_named_by_its_end {
                whole.end() + 5
            } else {
                whole.end()
            };
            // The twelve months to that month.
            let result = default_year(year_named.map(|m| m.as_str()), m).and_then(|(y, why)| {
                let p = Period::span(y - 1, m + 1, y, m).ok_or_else(|| "fiscal year".to_owned())?;
                Ok((p.clone(), format!("a year ending in {}; {why}", p.label)))
            });
            if free(phrase_start, phrase_end) && !taken(&out, phrase_start, phrase_end) {
                let kind = match result {
                    Ok((period, reason)) => PeriodKind::Fixed { period, reason },
                    Err(phrase) => PeriodKind::Unresolved { phrase },
                };
                out.push(PeriodMention {
                    kind,
                    start: phrase_start,
                    end: phrase_end,
                });
            }
            continue;
        }
        let result = default_year(year_named.map(|m| m.as_str()), m).and_then(|(y, why)| {
            let p = Period::months(y, m, m).ok_or_else(|| "month".to_owned())?;
            Ok((p.clone(), format!("month {}; {why}", p.label)))
        });
        push(&mut out, c.get(0), result);
    }
    // "the second month of this year": a month counted from the year's start.
    if words.first {
        for c in ordinal_month_re().captures_iter(sentence) {
            let Some(m) = c.name("ord").and_then(|o| ordinal(o.as_str())) else {
                continue;
            };
            let result =
                default_year(c.name("year").map(|y| y.as_str()), m).and_then(|(y, why)| {
                    let p = Period::months(y, m, m).ok_or_else(|| "month".to_owned())?;
                    Ok((p.clone(), format!("month {}; {why}", p.label)))
                });
            push(&mut out, c.get(0), result);
        }
    }
    // "last month", "this month": the months before and of publication.
    if crate::scan::contains_ascii_ci(sentence.as_bytes(), b"month") {
        for c in relative_month_re().captures_iter(sentence) {
            let last = c
                .name("which")
                .is_some_and(|w| !w.as_str().eq_ignore_ascii_case("this"));
            let result = match published.and_then(|d| Some((d.year?, d.month?))) {
                Some((y, m)) => {
                    let (y, m) = match (last, m) {
                        (true, 1) => (y - 1, 12),
                        (true, m) => (y, m - 1),
                        (false, m) => (y, m),
                    };
                    Period::months(y, m, m)
                        .map(|p| {
                            let reason = format!(
                                "\"{}\" in an article published in {} {}: {}",
                                c.get(0).map_or("", |m| m.as_str()),
                                crate::model::MONTH_ABBR[published
                                    .and_then(|d| d.month)
                                    .unwrap_or(1)
                                    .clamp(1, 12)
                                    as usize
                                    - 1],
                                published.and_then(|d| d.year).unwrap_or(y),
                                p.label
                            );
                            (p, reason)
                        })
                        .ok_or_else(|| c.get(0).map_or("", |m| m.as_str()).to_owned())
                }
                None => Err(c.get(0).map_or("", |m| m.as_str()).to_owned()),
            };
            push(&mut out, c.get(0), result);
        }
    }
    for c in years {
        // "FY24": whether that is 2023-24 or 2024-25 depends on the
        // country's naming, so it fixes no period.
        if c.name("fyp").is_some() {
            if let Some(whole) = c.get(0) {
                let phrase = whole.as_str().to_owned();
                name(
                    &mut out,
                    whole.start(),
                    whole.end(),
                    PeriodKind::FiscalYear { phrase },
                );
            }
            continue;
        }
        // "2023-24" names its first year; its months (April to March in
        // India, nine of them in 2023; July to June in Pakistan and
        // Australia, six) are not calendar 2023, so the year is marked
        // inferred and the reason says what was read.
        if let Some(whole) = fiscal_span(sentence, &c) {
            let result = c
                .name("fy")
                .and_then(|y| y.as_str().parse::<i32>().ok())
                .and_then(|year| {
                    let mut p = Period::year(year)?;
                    p.inferred = true;
                    let reason = format!(
                        "'{}' is a fiscal year starting in {year}, whose months depend on the country; read as {year} (inferred)",
                        whole.as_str()
                    );
                    Some((p, reason))
                })
                .ok_or_else(|| whole.as_str().to_owned());
            push(&mut out, Some(whole), result);
            continue;
        }
        // "2023-03" not followed as a fiscal year ("2023-03-21"): its year.
        if let Some(y) = c
            .name("y")
            .or_else(|| c.name("fy").filter(|y| plain_year(y.as_str())))
        {
            let Ok(year) = y.as_str().parse::<i32>() else {
                continue;
            };
            // "the 2022 and 2023 Years of Sports Exchange" and ranges such as
            // "2021-2025" are still years; callers decide if a figure binds to them.
            let result = Period::year(year)
                .map(|p| (p, format!("the text names {year}")))
                .ok_or_else(|| y.as_str().to_owned());
            // The year's own span: "2023" of "2023-03-21".
            push(&mut out, Some(y), result);
        } else if let Some(rel) = c.name("rel") {
            let result = resolve_year(rel.as_str(), published_year).and_then(|(y, why)| {
                Period::year(y)
                    .map(|p| (p, why))
                    .ok_or_else(|| rel.as_str().to_owned())
            });
            push(&mut out, c.get(0), result);
        } else if let Some(phrase) = c.name("sofar").or_else(|| c.name("sofar0")) {
            let phrase = phrase.as_str().to_owned();
            let Some(whole) = c.get(0) else { continue };
            match published_year {
                Some(year) => name(
                    &mut out,
                    whole.start(),
                    whole.end(),
                    PeriodKind::SoFar { year, phrase },
                ),
                None => name(
                    &mut out,
                    whole.start(),
                    whole.end(),
                    PeriodKind::Unresolved { phrase },
                ),
            }
        } else if let Some(said) = c.name("said") {
            // "in the period", "the period under review": the period the
            // article spoke of, unless the words after name it ("the period
            // of 2015-2020", "the period from January to May").
            let rest = sentence[said.end()..].trim_start();
            let names_it = [
                "of ", "from ", "between ", "to ", "since ", "when ", "in ", "(", "-",
            ]
            .iter()
            .any(|w| crate::scan::starts_with_ascii_ci(rest, w))
                || rest.starts_with(|c: char| c.is_ascii_digit());
            if !names_it {
                name(&mut out, said.start(), said.end(), PeriodKind::SamePeriod);
            }
        } else if c.name("same").is_some() {
            let Some(whole) = c.get(0) else { continue };
            let kind = match (c.name("same_year"), c.name("same_before")) {
                (Some(y), _) => match y.as_str().parse() {
                    Ok(year) => PeriodKind::SameMonthsIn { year },
                    Err(_) => continue,
                },
                (None, Some(_)) => PeriodKind::SameMonthsYearBefore,
                (None, None) => PeriodKind::SamePeriod,
            };
            name(&mut out, whole.start(), whole.end(), kind);
        } else if let Some(now) = c.name("now") {
            // "the current fiscal (year)" is a fiscal year in progress,
            // whose months depend on the country that keeps it.
            let after = sentence[now.end()..].trim_start();
            let fiscal = ["fiscal", "financial year", "FY"]
                .iter()
                .find(|w| crate::scan::starts_with_ascii_ci(after, w));
            if let Some(w) = fiscal {
                let end = now.end() + (sentence.len() - now.end() - after.len()) + w.len();
                let phrase = sentence[now.start()..end].to_owned();
                name(
                    &mut out,
                    now.start(),
                    end,
                    PeriodKind::FiscalYear { phrase },
                );
                continue;
            }
            // "today's trade volume" names the latest full year on record
            // (inferred); "trade currently stands at $9 billion" a level at
            // the time of writing, which no period pins down.
            if now.as_str().to_ascii_lowercase().starts_with("today") {
                let result = match published_year {
                    Some(py) => Period::year(py - 1)
                        .map(|mut p| {
                            p.inferred = true;
                            (
                                p,
                                format!(
                                    "\"{}\" read as the latest full year before publication in {py}",
                                    now.as_str()
                                ),
                            )
                        })
                        .ok_or_else(|| now.as_str().to_owned()),
                    None => Err(now.as_str().to_owned()),
                };
                push(&mut out, c.get(0), result);
                continue;
            }
            name(
                &mut out,
                now.start(),
                now.end(),
                PeriodKind::Current {
                    phrase: now.as_str().to_owned(),
                },
            );
        }
    }
    years_apart(sentence, published_year, &mut out, &free);
    // "total exports reached $62.4 billion, up 5.3 percent from 2023", and
    // no other period: compared with a whole year, the figure is the year
    // after's, marked inferred ("since 2011" is no such year).
    if out.is_empty() {
        let base = comparisons.iter().find_map(|m| {
            let phrase = m.as_str();
            let year: i32 = phrase.get(phrase.len().checked_sub(4)?..)?.parse().ok()?;
            let by_year_alone = !crate::scan::contains_ascii_ci(phrase.as_bytes(), b"period");
            // "the lowest since 2011" measures against years between too.
            let since = crate::scan::starts_with_ascii_ci(phrase, "since");
            (by_year_alone && !since).then_some((m, year))
        });
        // After figures for part of that year ("the first nine months of
        // 2018"), those months, compared with the same months of the year
        // named.
        let spoken_of = |year: i32| {
            frame.in_force.as_ref().filter(|p| {
                use chrono::Datelike;
                !p.unresolved && p.start.year() == year + 1 && p.end.year() == year + 1
            })
        };
        if let Some((m, p)) = base.and_then(|(m, year)| Some((m, spoken_of(year)?))) {
            let reason = format!(
                "the months of the year after the one the sentence compares with ('{}') that the article spoke of: {}",
                m.as_str(),
                p.label
            );
            out.push(PeriodMention {
                kind: PeriodKind::Fixed {
                    period: p.clone(),
                    reason,
                },
                start: m.start(),
                end: m.end(),
            });
        } else if let Some((m, year)) = base {
            if let Some(mut p) = Period::year(year + 1) {
                p.inferred = true;
                let reason = format!(
                    "the year after {year}, which the sentence compares with ('{}'): {}",
                    m.as_str(),
                    p.label
                );
                out.push(PeriodMention {
                    kind: PeriodKind::Fixed { period: p, reason },
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
    }
    out.sort_by_key(|p| p.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Skipping a pattern is only allowed where it cannot match.
        #[test]
        fn part_year_patterns_are_skipped_only_without_their_words(
            parts in proptest::collection::vec(
                "(the first|the first eight months|The First 3 quarters|FIRST|eight|3|months|quarters|quarter|Q[0-5]|q2|H[0-3]|half|Half|January|jan\\.|Sept|MAY|may|to|through|until|ending|ended|end of|year|the year|YEAR|between|and|-|–|in|for|of|2023|this year|ſecond|second|\\s|[a-z]{1,6})",
                0..14,
            ),
        ) {
            let sentence = parts.join(" ");
            let words = PartYearWords::of(&sentence);
            proptest::prop_assert!(words.first || !first_months_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.two_months || !month_range_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.two_months || !dated_month_range_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.first || !ordinal_month_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.month || !single_month_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.months_to || !months_to_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.quarter || !quarter_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.quarters || !quarters_to_re().is_match(&sentence), "{sentence}");
            proptest::prop_assert!(words.half || !half_re().is_match(&sentence), "{sentence}");
        }
    }

    use rstest::rstest;

    fn fixed(sentence: &str, published: Option<i32>) -> Vec<(String, bool)> {
        fixed_on(sentence, published.map(PartialDate::year))
    }

    /// The labels of the fixed periods, and whether each was inferred.
    fn fixed_on(sentence: &str, published: Option<PartialDate>) -> Vec<(String, bool)> {
        periods(sentence, published)
            .into_iter()
            .filter_map(|p| match p.kind {
                PeriodKind::Fixed { period, .. } => Some((period.label, period.inferred)),
                _ => None,
            })
            .collect()
    }

    /// [`fixed_on`] without the inferred flags.
    fn labels_on(sentence: &str, published: Option<PartialDate>) -> Vec<String> {
        fixed_on(sentence, published)
            .into_iter()
            .map(|(l, _)| l)
            .collect()
    }

    #[rstest]
    #[case(
        "Bilateral trade in 2022 rose 29.3 percent year-on-year.",
        None,
        "2022"
    )]
    #[case("In 2024, bilateral trade reached nearly $250 billion.", None, "2024")]
    #[case("Trade last year reached $10 billion.", Some(2021), "2020")]
    #[case("Trade this year is expected to grow.", Some(2021), "2021")]
    #[case("The trade volume in the first eight months of this year stood roughly at the same level with last year.", Some(2020), "Jan–Aug 2020")]
    #[case("Trade in January-August rose 5%.", Some(2019), "Jan–Aug 2019")]
    #[case("Trade in January-August 2018 rose 5%.", Some(2019), "Jan–Aug 2018")]
    #[case("From January to October 2023, exports rose.", None, "Jan–Oct 2023")]
    #[case("In the first quarter of 2023, trade rose.", None, "Q1 2023")]
    #[case("In the third quarter, trade rose.", Some(2022), "Q3 2022")]
    #[case("Exports in Q2 2021 fell.", None, "Q2 2021")]
    #[case("In the first half of 2023 trade rose.", None, "H1 2023")]
    #[case("H2 2019 saw a fall.", None, "H2 2019")]
    #[case("In the first 10 months of 2022, trade rose.", None, "Jan–Oct 2022")]
    #[case(
        "In the first three quarters of 2021, trade rose.",
        None,
        "Jan–Sep 2021"
    )]
    #[case("In March 2023, exports fell.", None, "Mar 2023")]
    #[case("The first half of last year.", Some(2024), "H1 2023")]
    #[case("Trade in the previous year hit a record.", Some(2016), "2015")]
    fn periods_are_resolved(
        #[case] sentence: &str,
        #[case] published: Option<i32>,
        #[case] label: &str,
    ) {
        let found = fixed(sentence, published);
        assert_eq!(
            found.first().map(|(l, _)| l.as_str()),
            Some(label),
            "{sentence}: {found:?}"
        );
    }

    #[rstest]
    #[case(
        "In the January-November period, bilateral trade amounted to $70.1 billion.",
        "2025-01-15",
        "Jan–Nov 2024"
    )]
    #[case(
        "In the first eight months, trade rose 2.7 percent.",
        "2020-09-07",
        "Jan–Aug 2020"
    )]
    #[case(
        "In the first eight months, trade rose 2.7 percent.",
        "2020-08-20",
        "Jan–Aug 2019"
    )]
    #[case("Trade grew 5 percent in the first quarter.", "2024-04-12", "Q1 2024")]
    #[case("Trade grew 5 percent in the first quarter.", "2024-03-30", "Q1 2023")]
    #[case("Exports fell in the second half.", "2024-02-01", "H2 2023")]
    #[case("China, Russia trade up 3.5% in Q1", "2024-04-12", "Q1 2024")]
    #[case("Exports fell in H2.", "2024-02-01", "H2 2023")]
    #[case("Exports in March rose 4 percent.", "2024-04-10", "Mar 2024")]
    #[case("Exports in March rose 4 percent.", "2024-03-10", "Mar 2023")]
    #[case(
        "In the first eight months of this year, trade rose.",
        "2020-08-20",
        "Jan–Aug 2020"
    )]
    #[case("In January-November 2024, trade rose.", "2024-03-01", "Jan–Nov 2024")]
    fn a_part_of_a_year_not_yet_over_at_publication_is_last_years(
        #[case] sentence: &str,
        #[case] published: &str,
        #[case] label: &str,
    ) {
        let day = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("date");
        let found: Vec<String> = periods(sentence, Some(PartialDate::day(day)))
            .into_iter()
            .filter_map(|p| match p.kind {
                PeriodKind::Fixed { period, .. } => Some(period.label),
                _ => None,
            })
            .collect();
        assert_eq!(found, [label], "{sentence} ({published})");
    }

    #[rstest]
    #[case("Trade reached $10 billion in FY24.", "FY24")]
    #[case("Trade reached $10 billion in FY 2023-24.", "FY 2023-24")]
    #[case("Trade reached $10 billion in fy2024.", "fy2024")]
    fn fiscal_years_by_one_year_fix_no_period(#[case] sentence: &str, #[case] phrase: &str) {
        let found = periods(sentence, Some(PartialDate::year(2024)));
        assert_eq!(
            found.iter().map(|p| &p.kind).collect::<Vec<_>>(),
            [&PeriodKind::FiscalYear {
                phrase: phrase.to_owned()
            }],
            "{sentence}"
        );
    }

    #[rstest]
    #[case("Exports rose 1.32 per cent to $77.5 billion in 2023-24.", "2023")]
    #[case("Exports rose in 2023–24.", "2023")]
    #[case("Trade reached $10 billion in 1999/00.", "1999")]
    fn fiscal_years_of_two_years_are_their_first_year_inferred(
        #[case] sentence: &str,
        #[case] label: &str,
    ) {
        assert_eq!(
            fixed(sentence, Some(2024)),
            [(label.to_owned(), true)],
            "{sentence}"
        );
    }

    #[rstest]
    #[case("Trade rose 5 percent in 2023-03.", &["2023"])]
    #[case("The 2021-2025 plan grew trade 5 percent.", &["2021", "2025"])]
    #[case("Trade in 2023-25 rose 5 percent.", &["2023"])]
    #[case("Trade rose 5 percent in 2023-24-05.", &["2023"])]
    fn year_spans_that_are_not_fiscal_years_keep_their_year(
        #[case] sentence: &str,
        #[case] labels: &[&str],
    ) {
        let found: Vec<String> = fixed(sentence, Some(2024))
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(found, labels, "{sentence}");
    }

    #[rstest]
    #[case::into_a_fiscal_year(
        "In the April-January period of the current fiscal, exports rose 7 per cent.",
        "Apr 2024–Jan 2025"
    )]
    #[case::across_new_year("Exports in November–February were $5 billion.", "Nov 2024–Feb 2025")]
    fn month_ranges_into_the_next_year_end_in_the_year_of_their_last_month(
        #[case] sentence: &str,
        #[case] label: &str,
    ) {
        let found = labels_on(
            sentence,
            Some(PartialDate::day(
                chrono::NaiveDate::from_ymd_opt(2025, 3, 14).expect("date"),
            )),
        );
        assert_eq!(found, [label], "{sentence}");
    }

    #[rstest]
    #[case("Imports rose 3% over 2021.", "2022")]
    #[case(
        "Total exports to China reached US$62.4 billion, up 5.3 percent from 2023.",
        "2024"
    )]
    #[case("Trade grew by 6.4% compared to 2023 and exceeded $66 bln.", "2024")]
    fn a_year_compared_with_and_nothing_else_gives_the_year_after(
        #[case] sentence: &str,
        #[case] label: &str,
    ) {
        assert_eq!(
            fixed(sentence, None),
            vec![(label.to_owned(), true)],
            "{sentence}"
        );
    }

    #[test]
    fn a_comparison_with_a_period_or_beside_another_period_gives_nothing_more() {
        let found = periods("Trade in 2024 rose 3% compared with 2023.", None);
        assert_eq!(found.len(), 1, "{found:?}");
        let found = periods(
            "Exports rose 5% compared with the same period of 2023.",
            None,
        );
        assert!(found.is_empty(), "{found:?}");
        // "than in" is a comparison too.
        let found = labels_on(
            "In the first five months of 2024, trade amounted to $17.4 billion, 6.6% more than in the same period of 2023.",
            None,
        );
        assert_eq!(found, ["Jan–May 2024"]);
        // Compared with a whole year and nothing else: the year after.
        assert_eq!(
            labels_on("That was 3.0% less than in 2023.", None),
            ["2024"]
        );
    }

    #[rstest]
    #[case(
        "In the 11 months to November, imports reached $466.6 billion.",
        Some(2024),
        "Jan–Nov 2024"
    )]
    #[case(
        "In the eleven months through November 2023, exports fell.",
        Some(2025),
        "Jan–Nov 2023"
    )]
    #[case("Trade in the six months to June rose.", Some(2024), "H1 2024")]
    #[case("Trade in the 12 months to December 2022 rose.", Some(2024), "2022")]
    #[case("Exports in the three months ended March rose.", Some(2024), "Q1 2024")]
    #[case(
        "Trade in the four quarters to the fourth quarter of 2023 rose.",
        Some(2024),
        "2023"
    )]
    #[case("Trade in the two quarters to Q2 2023 rose.", Some(2024), "H1 2023")]
    fn months_named_by_their_last(
        #[case] sentence: &str,
        #[case] published: Option<i32>,
        #[case] label: &str,
    ) {
        let published = published.map(|y| PartialDate {
            year: Some(y),
            month: Some(12),
            day: None,
        });
        let labels = labels_on(sentence, published);
        assert_eq!(labels, vec![label.to_owned()], "{sentence}");
    }

    #[rstest]
    #[case::fiscal_year_ended(
        "Goods trade stood at $120 billion in the fiscal year that ended in March 2024.",
        "Apr 2023–Mar 2024"
    )]
    #[case::financial_year_ending(
        "Trade was $5 billion in the financial year ending in June 2023.",
        "Jul 2022–Jun 2023"
    )]
    #[case::year_to_a_month("In the year to March, exports rose 4%.", "Apr 2024–Mar 2025")]
    #[case::twelve_months_to("Trade in the 12 months to June fell.", "Jul 2024–Jun 2025")]
    #[case::four_quarters_to_the_end_of(
        "Trade was £113.2bn in the four quarters to the end of the third quarter of 2023.",
        "Oct 2022–Sep 2023"
    )]
    #[case::four_quarters_to_q3(
        "Trade was £113.2bn in the four quarters to Q3 2023.",
        "Oct 2022–Sep 2023"
    )]
    fn runs_of_months_to_a_month_reach_back_across_the_new_year(
        #[case] sentence: &str,
        #[case] label: &str,
    ) {
        let found = labels_on(sentence, Some(PartialDate::year(2025)));
        assert_eq!(found, [label], "{sentence}");
    }

    #[rstest]
    #[case("Exports fell 15.6% last month.", 2025, 2, "Jan 2025")]
    #[case("Exports fell 15.6% last month.", 2025, 1, "Dec 2024")]
    #[case("Trade this month is up 3%.", 2024, 7, "Jul 2024")]
    #[case("Imports in the previous month rose.", 2023, 5, "Apr 2023")]
    fn last_and_this_month_count_from_the_publication_month(
        #[case] sentence: &str,
        #[case] year: i32,
        #[case] month: u32,
        #[case] label: &str,
    ) {
        let published = PartialDate {
            year: Some(year),
            month: Some(month),
            day: None,
        };
        let labels = labels_on(sentence, Some(published));
        assert_eq!(labels, vec![label.to_owned()], "{sentence}");
    }

    #[test]
    fn last_month_without_a_publication_month_stays_unresolved() {
        let found = periods(
            "Exports fell 15.6% last month.",
            Some(PartialDate::year(2025)),
        );
        assert!(
            matches!(
                found.as_slice(),
                [PeriodMention {
                    kind: PeriodKind::Unresolved { .. },
                    ..
                }]
            ),
            "{found:?}"
        );
    }

    #[test]
    fn todays_volume_is_the_latest_full_year_and_inferred() {
        assert_eq!(
            fixed(
                "today's bilateral trade volume of 244.8 billion U.S. dollars",
                Some(2025)
            ),
            vec![("2024".to_owned(), true)]
        );
    }

    #[rstest]
    #[case::currently("trade currently stands at about $9 billion a year", "currently")]
    #[case::at_present("exports at present amount to $3 billion", "at present")]
    #[case::current_average("from the current yearly average of 4 billion USD", "current")]
    fn a_level_at_the_time_of_writing_names_no_period(#[case] text: &str, #[case] phrase: &str) {
        let found = periods(text, Some(PartialDate::year(2025)));
        assert_eq!(
            found.iter().map(|p| &p.kind).collect::<Vec<_>>(),
            [&PeriodKind::Current {
                phrase: phrase.to_owned()
            }],
            "{text}"
        );
    }

    #[rstest]
    #[case("Trade rose 5% compared with the same period last year.")]
    #[case("Exports were up 12% from a year earlier.")]
    #[case("Trade stood at the same level as last year.")]
    #[case("The surplus narrowed to $80 billion, the smallest since 2011.")]
    #[case("Exports have tripled since 2015.")]
    fn comparison_bases_are_not_periods(#[case] sentence: &str) {
        assert!(
            fixed(sentence, Some(2022)).is_empty(),
            "{sentence}: {:?}",
            fixed(sentence, Some(2022))
        );
    }

    #[test]
    fn relative_years_without_a_publication_date_stay_unresolved() {
        let found = periods("Trade last year reached $10 billion.", None);
        assert!(matches!(found[0].kind, PeriodKind::Unresolved { .. }));
    }

    #[test]
    fn a_day_is_not_a_month_period() {
        assert!(fixed("Xi arrived in March 20 for talks.", Some(2023)).is_empty());
    }

    #[test]
    fn the_same_period_refers_back() {
        let found = periods(
            "Exports rose 4% in the same period.",
            Some(PartialDate::year(2022)),
        );
        assert_eq!(found[0].kind, PeriodKind::SamePeriod);
    }
}
