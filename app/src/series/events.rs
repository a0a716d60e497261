//! Reports of the same event from several articles become one timeline entry.
//!
//! The events' counterpart of [`merge`](super::merge): each article tells of
//! a visit or a call in its own words and with its own precision, and the
//! timeline shows the event once, dated by its most precise report, with a
//! link to every other. Two reports are of one event when they are the same
//! kind of contact (talks and meetings count as one, and so do the kinds of
//! visit), name the same people (one list may name fewer), and have dates
//! that can be the same days. An undated report joins no dated one: names
//! and kind alone are not evidence enough.

use crate::model::{Event, EventKind, SourcedEvent};

/// One event with the article it came from: the input of the timeline.
#[derive(Clone, Copy, Debug)]
pub struct EventReport<'a> {
    /// `e{article}-{index}`, for the source panel.
    pub key: &'a str,
    pub article: u32,
    pub event: &'a Event,
}

/// One entry per event, dated ones first in date order, undated ones last
/// in the order given; each entry is its most precisely dated report and
/// names the others in `also`.
pub fn merge(reports: &[EventReport<'_>]) -> Vec<SourcedEvent> {
    let events: Vec<&Event> = reports.iter().map(|r| r.event).collect();
    let mut out: Vec<SourcedEvent> = group_reports(&events)
        .into_iter()
        .filter_map(|group| {
            let (&first, rest) = group.split_first()?;
            let first = reports.get(first)?;
            Some(SourcedEvent {
                key: first.key.to_owned(),
                article_id: first.article,
                event: first.event.clone(),
                also: rest
                    .iter()
                    .filter_map(|&i| reports.get(i))
                    .map(|r| r.key.to_owned())
                    .collect(),
            })
        })
        .collect();
    out.sort_by_key(|s| {
        let first_day = s.event.date_start.and_then(|d| d.first_day());
        (first_day.is_none(), first_day)
    });
    out
}

/// Whether two reports (from different articles) describe the same event: the
/// same kind of contact (talks and meetings count as one), the same people
/// (one list may name fewer), and dates that can be the same day.
fn same_event(a: &Event, b: &Event) -> bool {
    let family = |k: EventKind| match k {
        EventKind::Meeting | EventKind::Talks => EventKind::Meeting,
        EventKind::StateVisit | EventKind::OfficialVisit | EventKind::Visit => EventKind::Visit,
        other => other,
    };
    if family(a.kind) != family(b.kind) {
        return false;
    }
    fn names(e: &Event) -> Vec<&str> {
        e.participants.iter().map(|p| p.name.as_str()).collect()
    }
    let (na, nb) = (names(a), names(b));
    let (small, large) = if na.len() <= nb.len() {
        (&na, &nb)
    } else {
        (&nb, &na)
    };
    if small.is_empty() || !small.iter().all(|n| large.contains(n)) {
        return false;
    }
    // Overlapping date ranges, each widened to what its precision allows.
    let range = |e: &Event| {
        let start = e.date_start.and_then(|d| d.first_day())?;
        let end = e.date_end.or(e.date_start).and_then(|d| d.last_day())?;
        Some((start, end))
    };
    match (range(a), range(b)) {
        (Some((s1, e1)), Some((s2, e2))) => s1 <= e2 && s2 <= e1,
        // An undated report joins a dated one only by its own strong evidence,
        // which names and kind alone are not.
        _ => false,
    }
}

/// Groups reports of the same event across articles: each group is a list of
/// indices into `events`, the first the most precisely dated.
fn group_reports(events: &[&Event]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|g| g.iter().any(|&j| same_event(events[j], e)))
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    for g in &mut groups {
        g.sort_by_key(|&i| {
            (
                events[i].precision,
                std::cmp::Reverse(events[i].provenance.confidence.to_bits()),
            )
        });
    }
    groups
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{EventStatus, PartialDate, Participant, Precision, Provenance};

    /// A test event of `kind` from `start` (to `end`) with people `names`.
    pub(crate) fn event(kind: EventKind, start: &str, end: Option<&str>, names: &[&str]) -> Event {
        let date = PartialDate::parse(start);
        Event {
            kind,
            date_start: date,
            date_end: end.and_then(PartialDate::parse),
            precision: date.map_or(Precision::Unknown, |d| d.precision()),
            participants: names
                .iter()
                .map(|n| Participant {
                    name: (*n).to_owned(),
                    role: None,
                    country: None,
                })
                .collect(),
            place: None,
            status: EventStatus::Occurred,
            provenance: Provenance {
                quote: String::new(),
                span: [0, 0],
                sentence_span: [0, 0],
                confidence: 0.8,
                reason: String::new(),
            },
        }
    }

    #[test]
    fn one_visit_reported_by_two_articles_is_one_event() {
        let a = event(
            EventKind::StateVisit,
            "2023-03-20",
            Some("2023-03-22"),
            &["Xi Jinping", "Vladimir Putin"],
        );
        let b = event(EventKind::Visit, "2023-03", None, &["Xi Jinping"]);
        let c = event(
            EventKind::Talks,
            "2023-03-21",
            None,
            &["Xi Jinping", "Vladimir Putin"],
        );
        let d = event(
            EventKind::StateVisit,
            "2024-05-16",
            None,
            &["Vladimir Putin", "Xi Jinping"],
        );
        assert!(same_event(&a, &b));
        assert!(
            !same_event(&a, &c),
            "talks during a visit are an event of their own"
        );
        assert!(!same_event(&a, &d));
        let groups = group_reports(&[&b, &a, &c, &d]);
        assert_eq!(groups, vec![vec![1, 0], vec![2], vec![3]]);
    }

    #[test]
    fn different_people_are_different_events() {
        let a = event(
            EventKind::Meeting,
            "2023-03-21",
            None,
            &["Xi Jinping", "Mikhail Mishustin"],
        );
        let b = event(
            EventKind::Meeting,
            "2023-03-21",
            None,
            &["Xi Jinping", "Vladimir Putin"],
        );
        assert!(!same_event(&a, &b));
    }

    #[test]
    fn entries_are_the_most_precise_report_in_date_order_with_undated_ones_last() {
        let month = event(EventKind::Visit, "2023-03", None, &["Lula"]);
        let day = event(EventKind::StateVisit, "2023-03-26", None, &["Lula"]);
        let undated = event(EventKind::PhoneCall, "", None, &["Lula"]);
        let earlier = event(EventKind::Summit, "2022-11-15", None, &["Lula"]);
        let reports = [
            EventReport {
                key: "e1-0",
                article: 1,
                event: &month,
            },
            EventReport {
                key: "e2-0",
                article: 2,
                event: &undated,
            },
            EventReport {
                key: "e3-4",
                article: 3,
                event: &day,
            },
            EventReport {
                key: "e4-1",
                article: 4,
                event: &earlier,
            },
        ];
        let merged = merge(&reports);
        let entries: Vec<(&str, &[String])> = merged
            .iter()
            .map(|s| (s.key.as_str(), s.also.as_slice()))
            .collect();
        assert_eq!(
            entries,
            [
                ("e4-1", &[][..]),
                ("e3-4", &["e1-0".to_owned()][..]),
                ("e2-0", &[][..]),
            ]
        );
        assert_eq!(merged[1].article_id, 3);
    }
}
