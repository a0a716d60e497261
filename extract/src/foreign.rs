//! What the Chinese and Russian readers share: a sentence and its place in
//! the article, the observation a figure read from it becomes, the event a
//! visit or meeting read from it becomes, and the pair an article is about.

use chrono::{Datelike, NaiveDate};

use crate::model::{
    party_name, Event, EventKind, EventStatus, Metric, Observation, Pair, PartialDate, Participant,
    Period, Precision, Provenance, Qualifier, Status,
};
use crate::when;

/// A sentence as a reader's patterns see it (`text`: for Chinese, full-width
/// forms made half-width, one character for one) and as written
/// (`original`), and where it starts, in characters, in the article.
pub(crate) struct Sentence {
    pub(crate) text: String,
    pub(crate) original: String,
    pub(crate) start: usize,
}

/// Character offset of byte offset `byte` in `s`.
pub(crate) fn char_at(s: &str, byte: usize) -> usize {
    s[..s.floor_char_boundary(byte)].chars().count()
}

/// What a reader takes from an article.
pub(crate) struct Reading {
    pub(crate) observations: Vec<Observation>,
    pub(crate) events: Vec<Event>,
    /// The two parties the article is about, when it names them.
    pub(crate) pair: Option<(&'static str, &'static str)>,
}

/// A figure as read, before it is placed in its sentence.
pub(crate) struct Figure {
    pub(crate) pair: Pair,
    pub(crate) metric: Metric,
    pub(crate) period: Period,
    pub(crate) value: f64,
    /// `None` for a rate, which is in percent.
    pub(crate) currency: Option<&'static str>,
    pub(crate) qualifier: Option<Qualifier>,
    pub(crate) status: Status,
}

/// The observation of `figure`, read from bytes `start..end` of the
/// sentence's text; `language` names the reader in the reason.
pub(crate) fn observation(
    s: &Sentence,
    (start, end): (usize, usize),
    figure: Figure,
    language: &str,
) -> Observation {
    let (a, b) = (char_at(&s.text, start), char_at(&s.text, end));
    let as_written: String = s.original.chars().skip(a).take(b - a).collect();
    Observation {
        pair: figure.pair,
        metric: figure.metric,
        period: figure.period,
        value: figure.value,
        currency: figure.currency.map(str::to_owned),
        unit: figure.currency.is_none().then(|| "percent".to_owned()),
        qualifier: figure.qualifier,
        range: None,
        equivalent: None,
        status: figure.status,
        converted: false,
        as_written: as_written.trim().to_owned(),
        provenance: provenance(s, (a, b), 0.7, format!("read from {language} text")),
    }
}

/// Where characters `a..b` of sentence `s` stand in the article, with the
/// sentence as the quote.
fn provenance(s: &Sentence, (a, b): (usize, usize), confidence: f32, reason: String) -> Provenance {
    Provenance {
        quote: s.original.trim_end_matches('\n').to_owned(),
        span: [s.start + a, s.start + b],
        sentence_span: [s.start, s.start + s.original.chars().count()],
        confidence,
        reason,
    }
}

/// A visit, meeting or call as a reader finds it in a sentence: its
/// trigger word at bytes `span` of the sentence's text, and its dates.
pub(crate) struct Contact {
    pub(crate) span: (usize, usize),
    pub(crate) kind: EventKind,
    pub(crate) start: Option<PartialDate>,
    pub(crate) end: Option<PartialDate>,
    pub(crate) status: EventStatus,
}

/// Who takes part in a sentence's contacts: the people a reader's table
/// names, then each party whose people are not among them, by name, as the
/// English reader gives an unnamed side. The parties are those the sentence
/// names, or the article's pair when it names none or one side of it.
pub(crate) fn sides(
    people: Vec<Participant>,
    named: Vec<&'static str>,
    doc_pair: Option<(&'static str, &'static str)>,
) -> Vec<Participant> {
    let parties = match (named.as_slice(), doc_pair) {
        ([], Some((a, b))) => vec![a, b],
        ([one], Some((a, b))) if *one == a || *one == b => vec![a, b],
        _ => named,
    };
    let mut out = people;
    for code in parties {
        if !out.iter().any(|p| p.country.as_deref() == Some(code)) {
            out.push(Participant {
                name: party_name(code).to_owned(),
                role: None,
                country: Some(code.to_owned()),
            });
        }
    }
    out
}

/// Adds the events of a sentence's `contacts` to `out`. Undated events are
/// kept, with an unknown date: an analyst can date them through the
/// corrections API. A contact reported again with the same date and people
/// is kept once.
pub(crate) fn add_events(
    out: &mut Vec<Event>,
    s: &Sentence,
    contacts: Vec<Contact>,
    participants: &[Participant],
    language: &str,
) {
    for contact in contacts {
        let repeat = out.iter().any(|e| {
            e.kind == contact.kind
                && e.date_start.is_some()
                && e.date_start == contact.start
                && e.participants == participants
        });
        if repeat {
            continue;
        }
        out.push(Event {
            kind: contact.kind,
            precision: contact.start.map_or(Precision::Unknown, |d| d.precision()),
            date_start: contact.start,
            date_end: contact.end,
            participants: participants.to_vec(),
            place: None,
            status: contact.status,
            provenance: provenance(
                s,
                (
                    char_at(&s.text, contact.span.0),
                    char_at(&s.text, contact.span.1),
                ),
                0.6,
                format!("{} read from {language} text", contact.kind.label()),
            ),
        });
    }
}

/// The date of a day an article gives without its year, counted as the
/// English reader counts: what happened, on or before publication (a
/// December meeting in a January article was last year's); what is
/// planned, on or after it.
pub(crate) fn day_of(
    month: u32,
    day: u32,
    published: NaiveDate,
    status: EventStatus,
) -> Option<NaiveDate> {
    match status {
        EventStatus::Occurred => when::month_day_on_or_before(published, month, day),
        EventStatus::Planned => when::month_day_on_or_after(published, month, day),
    }
}

/// The year of a month an article gives without one, counted the same way:
/// the last such month for what happened, the next for what is planned.
pub(crate) fn year_of_month(month: u32, published: NaiveDate, status: EventStatus) -> i32 {
    let y = published.year();
    match status {
        EventStatus::Occurred if month > published.month() => y - 1,
        EventStatus::Planned if month < published.month() => y + 1,
        _ => y,
    }
}

/// `month` of `year`, when there is such a month.
pub(crate) fn month(year: i32, month: u32) -> Option<PartialDate> {
    (1..=12)
        .contains(&month)
        .then(|| PartialDate::month(year, month))
}

/// A day, or two ("11日至13日"), in the year of the first: both as dates,
/// or as month and day alone when that year is not known.
pub(crate) fn days(
    (month, day): (u32, u32),
    last: Option<(u32, u32)>,
    year: Option<i32>,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let Some(year) = year else {
        return (
            Some(PartialDate::month_day(month, day)),
            last.map(|(m, d)| PartialDate::month_day(m, d)),
        );
    };
    let on = |(m, d): (u32, u32)| NaiveDate::from_ymd_opt(year, m, d).map(PartialDate::day);
    (on((month, day)), last.and_then(on))
}

/// The parties each sentence names, with where: read once for the
/// article's pair and each sentence's figures.
pub(crate) type Named = Vec<Vec<(usize, &'static str)>>;

/// What an article is about: the two parties its sentences (`named`) name
/// most, `home` (the side its sources are from) first among equals; with
/// one other party named, that party and `home`.
pub(crate) fn document_pair(
    named: &Named,
    home: &'static str,
) -> Option<(&'static str, &'static str)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for sentence in named {
        for &(_, code) in sentence {
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => counts.push((code, 1)),
            }
        }
    }
    counts.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| (b.0 == home).cmp(&(a.0 == home)))
    });
    match counts.as_slice() {
        [(a, _), (b, _), ..] => Some((a, b)),
        [(a, _)] if *a != home => Some((home, a)),
        _ => None,
    }
}

/// The readers' table tests: what a text yields, as rows to compare.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// (kind, start, end, status, participant names) of one event, dates
    /// as `YYYY-MM-DD` (or coarser) and empty when unknown.
    pub(crate) type EventRow = (EventKind, String, String, EventStatus, Vec<String>);

    /// An event a case wants, as [`EventRow`] with borrowed dates and names.
    pub(crate) type WantEvent<'a> = (EventKind, &'a str, &'a str, EventStatus, Vec<&'a str>);

    /// Asserts that `events` are `expected`, in order.
    #[track_caller]
    pub(crate) fn assert_events(events: Vec<Event>, expected: Vec<WantEvent<'_>>) {
        let date = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let found: Vec<EventRow> = events
            .into_iter()
            .map(|e| {
                let names = e.participants.into_iter().map(|p| p.name).collect();
                (
                    e.kind,
                    date(e.date_start),
                    date(e.date_end),
                    e.status,
                    names,
                )
            })
            .collect();
        let expected: Vec<EventRow> = expected
            .into_iter()
            .map(|(k, s, e, st, names)| {
                let names = names.iter().map(|n| (*n).to_owned()).collect();
                (k, s.to_owned(), e.to_owned(), st, names)
            })
            .collect();
        assert_eq!(found, expected);
    }

    /// (metric, pair, value, currency, period label) of one figure.
    pub(crate) type Row = (Metric, String, f64, Option<String>, String);

    pub(crate) fn rows(observations: Vec<Observation>) -> Vec<Row> {
        observations
            .into_iter()
            .map(|o| (o.metric, o.pair.slug(), o.value, o.currency, o.period.label))
            .collect()
    }

    /// Asserts that `found` is `expected`, values to one part in a billion.
    #[track_caller]
    pub(crate) fn assert_rows(
        found: &[Row],
        expected: &[(Metric, &str, f64, Option<String>, &str)],
    ) {
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for (f, e) in found.iter().zip(expected) {
            assert_eq!(
                (f.0, f.1.as_str(), &f.3, f.4.as_str()),
                (e.0, e.1, &e.3, e.4),
                "{found:?}"
            );
            assert!((f.2 - e.2).abs() < e.2.abs() * 1e-9 + 1e-9, "{found:?}");
        }
    }
}
