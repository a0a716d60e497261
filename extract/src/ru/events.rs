//! Visits, talks, meetings and calls in Russian text (визит, переговоры,
//! встреча, заседание межправкомиссии, телефонный разговор...), dated by the
//! date their clause gives ("6 и 7 ноября", "в апреле этого года", "во
//! втором квартале текущего года", "сегодня"), or kept with an unknown date.
//!
//! A date belongs to a contact when it stands in the contact's clause, or
//! in a participial clause that follows the contact's noun ("переговоров,
//! прошедших 6 и 7 ноября"). A month alone is read only in that clause: in
//! the rest of the sentence it is far more often a figure's period.

use chrono::{Datelike, NaiveDate};
use regex::Captures;

use super::{clause, lowercase, month_number, parties, MONTHS};
use crate::foreign::{self, Contact, Sentence};
use crate::model::{Event, EventKind, EventStatus, PartialDate, Participant};
use crate::pattern::patterns;

patterns! {
    /// The words that report a contact, longer forms first.
    fn trigger_re = r"(?i)(?P<state>государственн[а-я]*\s+визит)|(?P<official>официальн[а-я]*\s+визит)|(?P<phone>телефонн[а-я]*\s+(?:разговор|переговор)[а-я]*|по\s+телефону)|(?P<video>видеоконференц[а-я]*|видеосвяз[а-я]*)|(?P<visit>визит[а-я]*|посетит|посетят|посетил[аи]?|посещени[а-я]*)|(?P<talks>переговор[а-я]*)|(?P<commission>заседани[а-я]*(?:\s+[а-яё-]+){0,3}\s+(?:межправкомисси[а-я]*|межправительственн[а-я]*\s+комисси[а-я]*|комисси[а-я]*))|(?P<meeting>встреч[иеауйь][а-я]*|встретил[а-я]*|встретят[а-я]*)|(?P<summit>саммит[а-я]*)";
    /// Dates: "6 и 7 ноября [2025]", "в апреле [этого года]", "во втором
    /// квартале текущего года", "сегодня".
    fn date_re = &format!(r"(?i)(?P<d>[0-3]?\d)(?:\s*(?:и|-|–|—|по)\s*(?P<d2>[0-3]?\d))?\s+(?P<m>{MONTHS})[а-я]*(?:\s+(?P<y>(?:19|20)\d\d))?|(?:^|\s)в\s+(?P<mm>{MONTHS})[а-я]*(?:\s+(?P<my>(?:19|20)\d\d)|\s+(?:этого|текущего|нынешнего)\s+года)?|(?P<q>перв|втор|трет|четверт)[а-я]*\s+квартал[а-я]*(?:\s+(?P<qy>(?:19|20)\d\d))?|(?P<today>сегодня)|(?P<yesterday>вчера)");
    /// A contact announced rather than held.
    fn planned_re = r"(?i)предстоящ|жд[её]м|ожида|планиру|запланир|намечен|состоится|пройд[её]т|будет|будут|посетит|посетят|перед\s+визит|перед\s+поездк";
    /// A participial clause that continues the contact's noun.
    fn participle_re = r"(?i)^\s*(?:прошедш|состоявш|проходивш|запланированн|намеченн|которы[ейх]\s+(?:прош|состо|пройд))";
}

/// Leaders as Russian text names them (stems, so that every case matches):
/// heads of state and government and foreign ministers of the countries
/// tradeline follows most, with the names the English reader gives them.
const PEOPLE: &[(&str, &str, &str)] = &[
    ("путин", "Vladimir Putin", "RU"),
    ("мишустин", "Mikhail Mishustin", "RU"),
    ("лавров", "Sergey Lavrov", "RU"),
    ("цзиньпин", "Xi Jinping", "CN"),
    ("ли цян", "Li Qiang", "CN"),
    ("ван и", "Wang Yi", "CN"),
    ("моди", "Narendra Modi", "IN"),
    ("джайшанкар", "Subrahmanyam Jaishankar", "IN"),
    ("лукашенко", "Alexander Lukashenko", "BY"),
    ("головченко", "Roman Golovchenko", "BY"),
    ("токаев", "Kassym-Jomart Tokayev", "KZ"),
    ("назарбаев", "Nursultan Nazarbayev", "KZ"),
    ("мирзиёев", "Shavkat Mirziyoyev", "UZ"),
    ("мирзиеев", "Shavkat Mirziyoyev", "UZ"),
    ("эрдоган", "Recep Tayyip Erdoğan", "TR"),
    ("пезешкиан", "Masoud Pezeshkian", "IR"),
    ("раиси", "Ebrahim Raisi", "IR"),
    ("байден", "Joe Biden", "US"),
    ("трамп", "Donald Trump", "US"),
];

/// The events of an article's sentences, in order; a contact reported twice
/// with the same date and people is kept once.
pub(super) fn find(
    sentences: &[Sentence],
    doc_pair: Option<(&'static str, &'static str)>,
    published: Option<NaiveDate>,
) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for s in sentences {
        let t = &s.text;
        let triggers: Vec<(usize, usize, EventKind)> = trigger_re()
            .captures_iter(t)
            .filter_map(|c| {
                let m = c.get(0)?;
                // A word's start, not the middle of one ("свстреча").
                let starts_word = t[..m.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                starts_word.then(|| (m.start(), m.end(), kind(&c)))
            })
            .collect();
        if triggers.is_empty() {
            continue;
        }
        let dates: Vec<Captures<'_>> = date_re().captures_iter(t).collect();
        let contacts = triggers
            .into_iter()
            .map(|(at, end, kind)| {
                let (start, stop) = clause(t, at);
                let status = if planned_re().is_match(&t[start..stop]) {
                    EventStatus::Planned
                } else {
                    EventStatus::Occurred
                };
                let (start, end_date) = date(t, &dates, (at, end), published, status);
                Contact {
                    span: (at, end),
                    kind,
                    start,
                    end: end_date,
                    status,
                }
            })
            .collect();
        let named = parties(t).into_iter().map(|(_, c)| c).collect();
        let participants = foreign::sides(people(t), named, doc_pair);
        foreign::add_events(&mut out, s, contacts, &participants, "Russian");
    }
    out
}

fn kind(c: &Captures<'_>) -> EventKind {
    let named = |n: &str| c.name(n).is_some();
    if named("state") {
        EventKind::StateVisit
    } else if named("official") {
        EventKind::OfficialVisit
    } else if named("phone") {
        EventKind::PhoneCall
    } else if named("video") {
        EventKind::VideoCall
    } else if named("visit") {
        EventKind::Visit
    } else if named("talks") {
        EventKind::Talks
    } else if named("summit") {
        EventKind::Summit
    } else {
        EventKind::Meeting
    }
}

/// The people of [`PEOPLE`] a sentence names, each once. Short stems
/// ("моди", "ван и") must be whole words; long ones may take a case ending.
fn people(t: &str) -> Vec<Participant> {
    let lower = lowercase(t);
    let mut out: Vec<Participant> = Vec::new();
    for (stem, name, code) in PEOPLE {
        let hit = lower.match_indices(stem).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + stem.len()..].chars().next();
            let word_start = before.is_none_or(|c| !c.is_alphanumeric());
            let whole = after.is_none_or(|c| !c.is_alphanumeric());
            word_start && (whole || stem.chars().count() > 5)
        });
        if hit && !out.iter().any(|p| p.name == *name) {
            out.push(Participant {
                name: (*name).to_owned(),
                role: None,
                country: Some((*code).to_owned()),
            });
        }
    }
    out
}

/// The date of the contact whose trigger is at `at..end`: the nearest before
/// it in its clause, else the first after it in its clause or in the
/// participial clause that follows.
fn date(
    t: &str,
    dates: &[Captures<'_>],
    (at, end): (usize, usize),
    published: Option<NaiveDate>,
    status: EventStatus,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let (start, mut stop) = clause(t, at);
    // The separator ending the clause, and what follows it.
    let next = t[stop..]
        .chars()
        .next()
        .map_or(stop, |c| stop + c.len_utf8());
    if next > stop && participle_re().is_match(&t[next..]) {
        stop = clause(t, next).1;
    }
    let span = |c: &Captures<'_>| c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
    let before = dates.iter().rev().find(|c| {
        let (a, b) = span(c);
        a >= start && b <= at
    });
    let after = || {
        dates.iter().find(|c| {
            let (a, b) = span(c);
            a >= end && b <= stop
        })
    };
    match before.or_else(after) {
        Some(c) => read_date(c, published, status),
        None => (None, None),
    }
}

/// A date as written, its year from the text or else from the publication.
fn read_date(
    c: &Captures<'_>,
    published: Option<NaiveDate>,
    status: EventStatus,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let number = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
    if c.name("today").is_some() {
        return (published.map(PartialDate::day), None);
    }
    if c.name("yesterday").is_some() {
        return (
            published.and_then(|p| p.pred_opt()).map(PartialDate::day),
            None,
        );
    }
    let year_or = |written: Option<i64>, month: u32| {
        written
            .and_then(|y| i32::try_from(y).ok())
            .or_else(|| published.map(|p| foreign::year_of_month(month, p, status)))
    };
    if let Some(q) = c.name("q") {
        let first = match q.as_str().to_lowercase().as_str() {
            "перв" => 1,
            "втор" => 4,
            "трет" => 7,
            _ => 10,
        };
        let Some(year) = year_or(number("qy"), first) else {
            return (None, None);
        };
        return (foreign::month(year, first), foreign::month(year, first + 2));
    }
    if let Some(m) = c.name("mm").and_then(|m| month_number(m.as_str())) {
        let Some(year) = year_or(number("my"), m) else {
            return (None, None);
        };
        return (foreign::month(year, m), None);
    }
    let (Some(m), Some(d)) = (
        c.name("m").and_then(|m| month_number(m.as_str())),
        number("d").and_then(|d| u32::try_from(d).ok()),
    ) else {
        return (None, None);
    };
    let last = number("d2")
        .and_then(|d| u32::try_from(d).ok())
        .map(|d2| (m, d2));
    let year = match (number("y").and_then(|y| i32::try_from(y).ok()), published) {
        (Some(y), _) => Some(y),
        (None, Some(p)) => match foreign::day_of(m, d, p, status) {
            Some(date) => Some(date.year()),
            None => return (None, None),
        },
        (None, None) => None,
    };
    foreign::days((m, d), last, year)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::foreign::testing::{assert_events, WantEvent};

    #[rstest]
    #[case::two_days_of_talks_in_a_participial_clause(
        "Соглашение подписано по итогам переговоров, прошедших 14 и 15 мая в Ашхабаде.",
        "2024-05-20",
        vec![(EventKind::Talks, "2024-05-14", "2024-05-15", EventStatus::Occurred, vec![])]
    )]
    #[case::a_planned_state_visit_dated_by_the_month(
        "Стороны готовятся к предстоящему в октябре этого года государственному визиту президента Казахстана в Россию.",
        "2019-08-02",
        vec![(EventKind::StateVisit, "2019-10", "", EventStatus::Planned, vec!["Kazakhstan", "Russia"])]
    )]
    #[case::a_meeting_today(
        "Об этом сегодня после встречи с премьер-министром Индии Нарендрой Моди сообщил Владимир Путин.",
        "2021-12-06",
        vec![(EventKind::Meeting, "2021-12-06", "", EventStatus::Occurred, vec!["Vladimir Putin", "Narendra Modi"])]
    )]
    #[case::a_commission_session_planned_for_a_quarter(
        "Следующее заседание российско-вьетнамской межправительственной комиссии пройдет в третьем квартале текущего года в Ханое.",
        "2018-02-10",
        vec![(EventKind::Meeting, "2018-07", "2018-09", EventStatus::Planned, vec!["Russia", "Vietnam"])]
    )]
    #[case::talks_without_a_date_keep_none(
        "Мишустин заявил об этом на переговорах с турецким коллегой.",
        "2023-04-11",
        vec![(EventKind::Talks, "", "", EventStatus::Occurred, vec!["Mikhail Mishustin", "Türkiye"])]
    )]
    #[case::a_phone_call_in_a_december_dated_by_a_january_article(
        "28 декабря Путин провел телефонный разговор с президентом Ирана.",
        "2025-01-09",
        vec![(EventKind::PhoneCall, "2024-12-28", "", EventStatus::Occurred, vec!["Vladimir Putin", "Iran"])]
    )]
    #[case::a_figures_month_is_not_the_meetings(
        "В январе товарооборот вырос на 5%, сообщил министр после встречи с коллегой.",
        "2022-03-01",
        vec![(EventKind::Meeting, "", "", EventStatus::Occurred, vec![])]
    )]
    #[case::a_quotation_mark_before_the_clause(
        "«Мы ждем визита президента Ирана в мае», — сказал министр.",
        "2023-03-01",
        vec![(EventKind::Visit, "2023-05", "", EventStatus::Planned, vec!["Russia", "Iran"])]
    )]
    #[case::no_contact_no_event(
        "Товарооборот России и Китая в 2023 году составил 240,1 млрд долларов.",
        "2024-01-12",
        vec![]
    )]
    fn events_are_read(
        #[case] text: &str,
        #[case] published: &str,
        #[case] expected: Vec<WantEvent<'_>>,
    ) {
        assert_events(
            super::super::read(text, published.parse().ok()).events,
            expected,
        );
    }
}
