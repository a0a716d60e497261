//! Visits, talks, meetings and calls in Chinese text (国事访问, 会谈, 会见,
//! 通电话...), dated by the day its clause gives ("4月11日至13日",
//! "10月10日-11日", "13日"), by the publication month when the visit is
//! under way as the article is written (正对...进行国事访问), or kept with an
//! unknown date ("日前", recently, dates nothing).
//!
//! Only dates with a day are read as an event's: a month alone ("1至9月")
//! is the period of a figure in the same sentence far more often than the
//! date of a meeting.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Captures;

use super::{clause, parties};
use crate::foreign::{self, Contact, Sentence};
use crate::model::{Event, EventKind, EventStatus, PartialDate, Participant};
use crate::pattern::patterns;

/// The words that report a contact, each with its kind. Where one contains
/// another (国事访问, 访问) the longer comes first and wins.
const TRIGGERS: &[(&str, EventKind)] = &[
    ("国事访问", EventKind::StateVisit),
    ("國事訪問", EventKind::StateVisit),
    ("正式访问", EventKind::OfficialVisit),
    ("正式訪問", EventKind::OfficialVisit),
    ("视频会晤", EventKind::VideoCall),
    ("視頻會晤", EventKind::VideoCall),
    ("视频通话", EventKind::VideoCall),
    ("視頻通話", EventKind::VideoCall),
    ("通电话", EventKind::PhoneCall),
    ("通電話", EventKind::PhoneCall),
    ("访问", EventKind::Visit),
    ("訪問", EventKind::Visit),
    ("访华", EventKind::Visit),
    ("訪華", EventKind::Visit),
    ("到访", EventKind::Visit),
    ("到訪", EventKind::Visit),
    ("会谈", EventKind::Talks),
    ("會談", EventKind::Talks),
    ("磋商", EventKind::Talks),
    ("会见", EventKind::Meeting),
    ("會見", EventKind::Meeting),
    ("会晤", EventKind::Meeting),
    ("會晤", EventKind::Meeting),
    ("拜会", EventKind::Meeting),
    ("拜會", EventKind::Meeting),
    ("峰会", EventKind::Summit),
    ("峰會", EventKind::Summit),
];

/// [`TRIGGERS`] as one searcher, leftmost-longest so that 国事访问 wins
/// over the 访问 inside it: one scan of a sentence instead of one a word.
fn triggers() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(TRIGGERS.iter().map(|(word, _)| word))
            .expect("a few short literals always build")
    })
}

/// Leaders as Chinese text names them: heads of state and government and
/// foreign ministers of the countries tradeline follows most, with the name
/// the English reader gives them, so that reports in both languages name
/// the same people.
const PEOPLE: &[(&str, &str, &str)] = &[
    ("习近平", "Xi Jinping", "CN"),
    ("習近平", "Xi Jinping", "CN"),
    ("李强", "Li Qiang", "CN"),
    ("李強", "Li Qiang", "CN"),
    ("李克强", "Li Keqiang", "CN"),
    ("李克強", "Li Keqiang", "CN"),
    ("王毅", "Wang Yi", "CN"),
    ("普京", "Vladimir Putin", "RU"),
    ("米舒斯京", "Mikhail Mishustin", "RU"),
    ("拉夫罗夫", "Sergey Lavrov", "RU"),
    ("拉夫羅夫", "Sergey Lavrov", "RU"),
    ("拜登", "Joe Biden", "US"),
    ("特朗普", "Donald Trump", "US"),
    ("莫迪", "Narendra Modi", "IN"),
    ("卢拉", "Luiz Inácio Lula da Silva", "BR"),
    ("盧拉", "Luiz Inácio Lula da Silva", "BR"),
    ("托卡耶夫", "Kassym-Jomart Tokayev", "KZ"),
    ("米尔济约耶夫", "Shavkat Mirziyoyev", "UZ"),
    ("卢卡申科", "Alexander Lukashenko", "BY"),
    ("盧卡申科", "Alexander Lukashenko", "BY"),
    ("埃尔多安", "Recep Tayyip Erdoğan", "TR"),
    ("岸田文雄", "Fumio Kishida", "JP"),
    ("尹锡悦", "Yoon Suk Yeol", "KR"),
    ("尹錫悅", "Yoon Suk Yeol", "KR"),
];

patterns! {
    /// A day, or two ("4月11日至13日", "10月10日-11日"), or a day of the
    /// month of publication ("13日").
    fn date_re = r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>[0-3]?\d)\s*[日号](?:\s*(?:至|到|-|—|–|~|和|及|、)\s*(?:(?P<m2>1[0-2]|0?[1-9])\s*月\s*)?(?P<d2>[0-3]?\d)\s*[日号])?|(?P<od>[1-3]?\d)\s*日|(?P<today>今天|今日)";
    /// A visit under way as the article is written: "正对哈萨克斯坦进行".
    fn ongoing_re = r"正(?:在|对|對|于|於)";
    /// A contact announced rather than held.
    fn planned_re = r"将于|將於|即将|即將|将对|將對|将赴|將赴|将同|將同|将与|將與|将在|將在|拟|擬|计划|計劃";
}

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
        let triggers: Vec<(usize, usize, EventKind)> = triggers()
            .find_iter(t)
            .map(|m| (m.start(), m.end(), TRIGGERS[m.pattern().as_usize()].1))
            .collect();
        if triggers.is_empty() {
            continue;
        }
        let dates: Vec<Captures<'_>> = date_re().captures_iter(t).collect();
        let contacts = triggers
            .into_iter()
            .map(|(at, end, kind)| {
                let (start, _) = clause(t, at);
                let status = if planned_re().is_match(&t[start..at]) {
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
        foreign::add_events(&mut out, s, contacts, &participants, "Chinese");
    }
    out
}

/// The people of [`PEOPLE`] a sentence names, each once.
fn people(t: &str) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for (written, name, code) in PEOPLE {
        if t.contains(written) && !out.iter().any(|p| p.name == *name) {
            out.push(Participant {
                name: (*name).to_owned(),
                role: None,
                country: Some((*code).to_owned()),
            });
        }
    }
    out
}

/// The date of the contact whose trigger is at `at..end`: the nearest day
/// before it in its clause, or a clause of its own just before it
/// ("10月10日-11日，中美举行了...磋商"), or the first after it in its clause;
/// else the month of publication for a visit under way ("正对...进行").
fn date(
    t: &str,
    dates: &[Captures<'_>],
    (at, end): (usize, usize),
    published: Option<NaiveDate>,
    status: EventStatus,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let (start, stop) = clause(t, at);
    let span = |c: &Captures<'_>| c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
    let before = dates.iter().rev().find(|c| {
        let (a, b) = span(c);
        a >= start && b <= at
    });
    let own_clause = || {
        let previous = t[..start.saturating_sub(1)]
            .rfind([',', ';', ':'])
            .map_or(0, |i| i + 1);
        dates.iter().find(|c| {
            let (a, b) = span(c);
            start > 0
                && a >= previous
                && b < start
                && t[previous..a].trim().is_empty()
                && t[b..start - 1].trim().is_empty()
        })
    };
    let after = || {
        dates.iter().find(|c| {
            let (a, b) = span(c);
            a >= end && b <= stop
        })
    };
    if let Some(c) = before.or_else(own_clause).or_else(after) {
        return read_date(c, published, status);
    }
    match published {
        Some(p) if ongoing_re().is_match(&t[start..at]) => {
            (Some(PartialDate::month(p.year(), p.month())), None)
        }
        _ => (None, None),
    }
}

/// A date as written, its year from the text or else from the publication.
fn read_date(
    c: &Captures<'_>,
    published: Option<NaiveDate>,
    status: EventStatus,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let number = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    if c.name("today").is_some() {
        return (published.map(PartialDate::day), None);
    }
    if let Some(day) = number("od") {
        // A day of the month of publication ("13日在...会见").
        let Some(p) = published else {
            return (None, None);
        };
        let (year, month) = if day > p.day() {
            if p.month() == 1 {
                (p.year() - 1, 12)
            } else {
                (p.year(), p.month() - 1)
            }
        } else {
            (p.year(), p.month())
        };
        return foreign::days((month, day), None, Some(year));
    }
    let (Some(month), Some(day)) = (number("m"), number("d")) else {
        return (None, None);
    };
    let last = number("d2").map(|d2| (number("m2").unwrap_or(month), d2));
    let year = match (c.name("y"), published) {
        (Some(y), _) => y.as_str().parse().ok(),
        (None, Some(p)) => match foreign::day_of(month, day, p, status) {
            Some(date) => Some(date.year()),
            None => return (None, None),
        },
        (None, None) => None,
    };
    foreign::days((month, day), last, year)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::foreign::testing::{assert_events, WantEvent};

    #[rstest]
    #[case::a_state_visit_over_three_days(
        "应巴西总统邀请，国家主席习近平于11月18日至20日对巴西进行国事访问。",
        "2024-11-21",
        vec![(EventKind::StateVisit, "2024-11-18", "2024-11-20", EventStatus::Occurred, vec!["Xi Jinping", "Brazil"])]
    )]
    #[case::talks_dated_by_a_clause_of_their_own(
        "9月3日—4日，中印举行了新一轮边境贸易磋商。",
        "2023-09-10",
        vec![(EventKind::Talks, "2023-09-03", "2023-09-04", EventStatus::Occurred, vec!["China", "India"])]
    )]
    #[case::a_december_meeting_in_a_january_article_was_last_year(
        "12月28日，王毅在北京会见哈萨克斯坦外长。",
        "2025-01-06",
        vec![(EventKind::Meeting, "2024-12-28", "", EventStatus::Occurred, vec!["Wang Yi", "Kazakhstan"])]
    )]
    #[case::a_day_of_the_month_of_publication(
        "中新网6月9日电 越南总理8日在河内会见中国商务部长。",
        "2019-06-09",
        vec![(EventKind::Meeting, "2019-06-08", "", EventStatus::Occurred, vec!["Vietnam", "China"])]
    )]
    #[case::a_visit_under_way_is_dated_by_the_month(
        "國家主席習近平正對哈薩克斯坦進行國事訪問。",
        "2016-06-23",
        vec![(EventKind::StateVisit, "2016-06", "", EventStatus::Occurred, vec!["Xi Jinping", "Kazakhstan"])]
    )]
    #[case::recently_dates_nothing(
        "俄罗斯总统普京日前与印度总理莫迪通电话。",
        "2021-08-25",
        vec![(EventKind::PhoneCall, "", "", EventStatus::Occurred, vec!["Vladimir Putin", "Narendra Modi"])]
    )]
    #[case::an_announced_visit_is_planned(
        "土耳其总统埃尔多安将于4月2日对中国进行正式访问。",
        "2026-03-20",
        vec![(EventKind::OfficialVisit, "2026-04-02", "", EventStatus::Planned, vec!["Recep Tayyip Erdoğan", "China"])]
    )]
    #[case::a_video_call_with_its_year(
        "2022年5月18日，中欧领导人举行视频会晤。",
        "2022-05-20",
        vec![(EventKind::VideoCall, "2022-05-18", "", EventStatus::Occurred, vec!["China", "European Union"])]
    )]
    #[case::a_trade_period_is_not_a_meeting_date(
        "1至9月，中美贸易额为5000亿美元；两国代表在华盛顿会谈。",
        "2024-10-15",
        vec![(EventKind::Talks, "", "", EventStatus::Occurred, vec!["China", "United States"])]
    )]
    #[case::a_dated_clause_that_is_not_the_contacts(
        "大使馆10月31日发文说,大使将国书副本交给礼宾司司长,这是大使抵达后的首次拜会。",
        "2022-11-01",
        vec![(EventKind::Meeting, "", "", EventStatus::Occurred, vec![])]
    )]
    #[case::no_contact_no_event(
        "2023年，中俄贸易额达2401.1亿美元，同比增长26.3%。",
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
