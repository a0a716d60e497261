//! Visits, talks, meetings, calls and exchanges of messages, with who took
//! part, where, and when.
//!
//! An event needs a trigger ("held talks", "state visit", "via video link"),
//! at least one named participant, and something that dates it: a date in the
//! sentence ("on March 20", "At the end of 2022", "on Tuesday"), or the
//! dateline when the sentence opens the report. A sentence that only counts
//! contacts ("four phone conversations this year") or speaks of meetings in
//! general ("regular meetings between premiers") is not an event. People are
//! recognised by role ("Russian Foreign Minister Sergey Lavrov") and then by
//! surname ("Lavrov"); "the two heads of state" are the two leaders named last.

use std::{collections::HashMap, sync::OnceLock};

use regex::Regex;

use crate::{
    figures::DocumentContext,
    model::{Event, EventKind, EventStatus, PartialDate, Participant, Precision, Provenance},
    prefilter::Clues,
    sentence::Sentence,
};

mod date;
mod people;
mod place;
mod trigger;

use date::{duration_end, event_date, Direction, EventDate, Reference};
use people::{is_leader, named_in, people, Person};
use place::place;
use trigger::{collective_re, planned_re, speaks_in_general, triggers};

fn compile(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| crate::pattern::compile("event", pattern))
}

/// Up to how many people a sentence is searched for their surnames before
/// the triggers run; beyond, the triggers run first as they would anyway.
const MAX_SURNAME_CHECKS: usize = 32;

/// The events of a whole document.
///
/// `clues` are the sentences' [`prefilter`](crate::prefilter) clues, one per
/// sentence: the triggers run only where a trigger word may stand.
pub fn events(doc: &DocumentContext<'_>, sentences: &[Sentence], clues: &[Clues]) -> Vec<Event> {
    let text = doc.text;
    let everyone = people(text);
    if everyone.is_empty() {
        // An event needs a participant, and every participant is one of these.
        return Vec::new();
    }
    // A sentence names someone only if it contains a surname (a full name
    // contains its surname). Checked one by one, so only for a short list.
    let surnames: Option<Vec<&str>> = (everyone.len() <= MAX_SURNAME_CHECKS)
        .then(|| everyone.iter().map(|p| p.surname.as_str()).collect());
    let reference = Reference {
        day: doc.published.reference_day(),
        date: doc.published.date,
    };
    let dateline = doc.published.dateline.as_ref();
    // The dateline's paragraph and the one after it report the day of the dateline.
    let lead_end = dateline.map(|d| {
        let mut lines = text
            .get(d.line_start..)
            .unwrap_or_default()
            .split_inclusive('\n');
        let mut offset = d.line_start + lines.next().map_or(0, str::len);
        for line in lines {
            offset += line.len();
            if !line.trim().is_empty() {
                break;
            }
        }
        offset
    });

    let mut out: Vec<Event> = Vec::new();
    let mut index: HashMap<(EventKind, Vec<String>), Vec<usize>> = HashMap::new();
    for (i, s) in sentences.iter().enumerate() {
        if !clues.get(i).is_none_or(|c| c.event) {
            continue;
        }
        let sentence = s.text(text);
        // No one named and no "the two leaders": no participant, so no event.
        let may_name = surnames
            .as_ref()
            .is_none_or(|list| list.iter().any(|n| sentence.contains(n)));
        // Both collective forms hold "two" or "both"; most sentences neither.
        let collective = (crate::scan::contains_ascii_ci(sentence.as_bytes(), b"two")
            || crate::scan::contains_ascii_ci(sentence.as_bytes(), b"both"))
            && collective_re().is_match(sentence);
        if !may_name && !collective {
            continue;
        }
        let Some((kind, trigger)) = triggers()
            .iter()
            .find_map(|(kind, re)| re.find(sentence).map(|m| (*kind, m)))
        else {
            continue;
        };
        if kind != EventKind::StateVisit && speaks_in_general(sentence, trigger.end()) {
            continue;
        }
        // "met on the sidelines of the G20 summit": a meeting at a summit.
        let (kind, trigger) = match kind {
            // "will hold talks with ... on the sidelines of the BRICS summit":
            // talks, the first kind after the summit that matches.
            EventKind::Summit if sentence.contains("sidelines") => triggers()
                .iter()
                .filter(|(k, _)| matches!(k, EventKind::Talks | EventKind::Meeting))
                .find_map(|(k, re)| re.find(sentence).map(|m| (*k, m)))
                .unwrap_or((kind, trigger)),
            _ => (kind, trigger),
        };
        // Who: people named here, or "the two heads of state" named last.
        let mut participants: Vec<&Person> = named_in(sentence, &everyone);
        if participants.len() < 2 && collective {
            let mut leaders: Vec<&Person> = everyone
                .iter()
                .filter(|p| is_leader(p) && p.first_seen < s.start)
                .collect();
            leaders.sort_by_key(|p| std::cmp::Reverse(p.first_seen));
            // Without two leaders named before, the people named here stay.
            if leaders.len() >= 2 {
                participants = leaders.into_iter().take(2).collect();
                participants.sort_by_key(|p| p.first_seen);
            }
        }
        if participants.is_empty() {
            continue;
        }

        // The lead runs from the dateline's line: a headline above it is
        // not dated by it ("Modi and Putin hold annual summit" over a
        // report of a summit two days before the dateline).
        let in_lead = dateline
            .zip(lead_end)
            .is_some_and(|(d, end)| s.start < end && s.start + sentence.len() > d.line_start);
        let planned = planned_re().is_match(&sentence[..trigger.start()]);
        let direction = if planned {
            Direction::Future
        } else {
            Direction::Past
        };
        // Only the sentence that holds the dateline skips it.
        let skip = dateline
            .filter(|d| s.start <= d.line_start && d.end <= s.start + sentence.len())
            .map_or(0, |d| d.end - s.start);
        let date = event_date(sentence, skip, trigger.start(), &reference, direction);
        let dated_by_dateline = date.is_none() && in_lead;
        let date = match date {
            Some(d) => d,
            None if in_lead => match reference.day {
                Some(day) => EventDate {
                    start: Some(PartialDate::day(day)),
                    end: None,
                    reason: format!(
                        "date: the dateline's day, {day}, as the sentence opens the report"
                    ),
                    unresolved: false,
                },
                None => continue,
            },
            None => continue,
        };
        let mut date_end = date.end.or_else(|| duration_end(sentence, date.start));
        if date_end == date.start {
            date_end = None;
        }
        let precision = date.start.map_or(Precision::Unknown, |d| d.precision());

        let mut people_out: Vec<Participant> = participants
            .iter()
            .map(|p| Participant {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.map(str::to_owned),
            })
            .collect();
        // One side's country known and the article about two countries: the
        // other participant is from the other one.
        if let Some((a, b)) = doc.pair {
            let known: Vec<String> = people_out
                .iter()
                .filter_map(|p| p.country.clone())
                .collect();
            for p in &mut people_out {
                if p.country.is_none() {
                    p.country = match known.as_slice() {
                        [k] if k == a => Some(b.to_owned()),
                        [k] if k == b => Some(a.to_owned()),
                        _ => None,
                    };
                }
            }
        }

        let mut confidence: f32 = 0.85;
        if date.unresolved {
            confidence -= 0.25;
        }
        if dated_by_dateline {
            confidence -= 0.1;
        }
        if doc.published.confidence < 0.5 && !date.reason.starts_with("date: '") {
            confidence -= 0.2;
        }
        let chars = doc.chars;
        let abs = |i: usize| chars.char_offset(s.start + i);
        let sentence_start = abs(0);
        let span = [abs(trigger.start()), abs(trigger.end())];
        let sentence_end = abs(sentence.len());
        let names: Vec<&str> = participants.iter().map(|p| p.name.as_str()).collect();
        let event = Event {
            kind,
            date_start: date.start.filter(|d| d.year.is_some() || d.month.is_some()),
            date_end,
            precision,
            participants: people_out,
            place: place(
                sentence,
                dateline.map(|d| d.place.as_str()),
                dated_by_dateline,
            ),
            status: if planned {
                EventStatus::Planned
            } else {
                EventStatus::Occurred
            },
            provenance: Provenance {
                quote: sentence.to_owned(),
                span,
                sentence_span: [sentence_start, sentence_end],
                confidence: confidence.clamp(0.05, 1.0),
                reason: format!(
                    "kind: '{}'; participants: {}; {}",
                    trigger.as_str(),
                    names.join(", "),
                    date.reason
                ),
            },
        };
        merge_into(&mut out, &mut index, event);
    }
    out
}

/// The same event told twice in one article (a photo caption and the body)
/// is kept once, with the more precise date. `index` finds earlier events by
/// kind and participants, so a long document does not compare every pair.
fn merge_into(
    out: &mut Vec<Event>,
    index: &mut HashMap<(EventKind, Vec<String>), Vec<usize>>,
    event: Event,
) {
    let family = match event.kind {
        EventKind::Meeting | EventKind::Talks => EventKind::Meeting,
        other => other,
    };
    let mut names: Vec<String> = event.participants.iter().map(|p| p.name.clone()).collect();
    names.sort();
    let slots = index.entry((family, names)).or_default();
    let same = slots.iter().copied().find(|&i| {
        let e = &out[i];
        e.date_start == event.date_start || e.date_start.is_none() || event.date_start.is_none()
    });
    match same {
        Some(i) => {
            if out[i].precision > event.precision {
                out[i] = event;
            }
        }
        None => {
            slots.push(out.len());
            out.push(event);
        }
    }
}

/// Whether two reports (from different articles) describe the same event: the
/// same kind of contact (talks and meetings count as one), the same people
/// (one list may name fewer), and dates that can be the same day.
pub fn same_event(a: &Event, b: &Event) -> bool {
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
pub fn group_reports(events: &[&Event]) -> Vec<Vec<usize>> {
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
mod tests {
    use super::*;

    fn event(kind: EventKind, start: &str, end: Option<&str>, names: &[&str]) -> Event {
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
}
