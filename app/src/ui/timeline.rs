//! The diplomatic events the articles report, in date order: the timeline
//! chart's table. Each entry carries its event's key (`data-ev`), shared with
//! the event's markers on the charts, so hovering one highlights the others.
//!
//! Hundreds of events stay legible: a form (no script needed) narrows the
//! list and the charts to one kind of contact or one person, and a month
//! with three events or more folds them under one line.

use leptos::prelude::*;

use crate::chart::figure::event_marks;
use crate::format::format_date;
use crate::model::{EventKind, EventStatus, PartialDate, SourcedEvent};
use crate::view::View;

/// A month with at least this many events folds them under one line.
const CROWDED_MONTH: usize = 3;

#[component]
pub fn Timeline(mut events: Vec<SourcedEvent>, view: View) -> impl IntoView {
    // Events inside the view's years, and every undated one: an unknown
    // date is never outside a range.
    let placed = event_marks(&events);
    events.retain(|s| match placed.iter().find(|m| m.key == s.key) {
        Some(m) => view.overlaps(m.start, m.end),
        None => true,
    });
    // The filter offers what these years hold, before it narrows them.
    let filters = (events.len() > 1).then(|| view! { <Filters events=&events view=&view /> });
    events.retain(|s| view.shows_event(&s.event));
    // Undated events go last; the rest by their first possible day.
    events.sort_by_key(|s| {
        (
            s.event.date_start.and_then(|d| d.first_day()).is_none(),
            s.event.date_start,
        )
    });
    let count = events.len();
    // Runs of events of one month; undated ones each stand alone.
    let mut months: Vec<Vec<SourcedEvent>> = Vec::new();
    for s in events {
        let month = month_of(s.event.date_start.as_ref());
        match months.last_mut() {
            Some(run) if month.is_some() && month_of(run[0].event.date_start.as_ref()) == month => {
                run.push(s)
            }
            _ => months.push(vec![s]),
        }
    }
    let items = months
        .into_iter()
        .map(|run| {
            if run.len() < CROWDED_MONTH {
                return run
                    .iter()
                    .map(|s| entry(s, &view))
                    .collect_view()
                    .into_any();
            }
            let summary = format!(
                "{}: {} events",
                month_label(run[0].event.date_start.as_ref()),
                run.len()
            );
            let inner = run.iter().map(|s| entry(s, &view)).collect_view();
            view! {
                <li class="month-group">
                    <details>
                        <summary>{summary}</summary>
                        <ol class="timeline">{inner}</ol>
                    </details>
                </li>
            }
            .into_any()
        })
        .collect_view();
    let list = if count == 0 {
        view! { <p class="muted">"No visits, talks or calls were found in these articles for these years."</p> }.into_any()
    } else {
        view! { <ol class="timeline" aria-label="Visits and meetings, by date">{items}</ol> }
            .into_any()
    };
    view! { {filters} {list} }
}

/// The year and month of a date that names both.
fn month_of(date: Option<&PartialDate>) -> Option<(i32, u32)> {
    let d = date?;
    Some((d.year?, d.month?))
}

/// "Mar 2023".
fn month_label(date: Option<&PartialDate>) -> String {
    let month = date.map(|d| PartialDate { day: None, ..*d });
    format_date(month.as_ref())
}

/// The kinds and people of `events`, most frequent first, as a GET form
/// that keeps the rest of the view.
#[component]
fn Filters<'a>(events: &'a [SourcedEvent], view: &'a View) -> impl IntoView {
    let mut kinds: Vec<(EventKind, usize)> = EventKind::ALL
        .into_iter()
        .map(|k| (k, events.iter().filter(|s| s.event.kind == k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    let mut people: Vec<(String, usize)> = Vec::new();
    for p in events.iter().flat_map(|s| &s.event.participants) {
        match people.iter_mut().find(|(name, _)| *name == p.name) {
            Some((_, n)) => *n += 1,
            None => people.push((p.name.clone(), 1)),
        }
    }
    people.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let kind_options = kinds
        .into_iter()
        .map(|(k, n)| {
            let text = format!("{} ({n})", k.label());
            view! { <option value=k.as_str() selected=view.kind == Some(k)>{text}</option> }
        })
        .collect_view();
    let person_options = people
        .into_iter()
        .map(|(name, n)| {
            let text = format!("{name} ({n})");
            let selected = view
                .person
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case(&name));
            view! { <option value=name selected=selected>{text}</option> }
        })
        .collect_view();
    // The rest of the view rides along, so filtering keeps pair, years
    // and layers.
    let kept = View {
        kind: None,
        person: None,
        source: None,
        ..view.clone()
    };
    let hidden = kept
        .query()
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(name, value)| {
            view! { <input type="hidden" name=name.to_owned() value=value.to_owned() /> }
        })
        .collect_view();
    view! {
        <form class="timeline-filters" method="get" action="/" aria-label="Filter the visits and meetings">
            {hidden}
            <label for="ev-kind">"Kind"</label>
            <select id="ev-kind" name="kind">
                <option value="" selected=view.kind.is_none()>"All kinds"</option>
                {kind_options}
            </select>
            <label for="ev-person">"Person"</label>
            <select id="ev-person" name="person">
                <option value="" selected=view.person.is_none()>"Everyone"</option>
                {person_options}
            </select>
            <button type="submit">"Filter"</button>
        </form>
    }
}

/// One event's line: date, kind, who and where, and its sources.
fn entry(s: &SourcedEvent, view: &View) -> impl IntoView {
    let e = &s.event;
    let date = format_date(e.date_start.as_ref());
    let end = e
        .date_end
        .filter(|end| Some(*end) != e.date_start)
        .map(|end| format!(" – {}", format_date(Some(&end))));
    let who = e
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let place = e.place.clone().map(|p| format!(" · {p}"));
    let planned = (e.status == EventStatus::Planned).then_some(" (planned)");
    let link = view.with_source(Some(&s.key)).href();
    let reports = s.also.len() + 1;
    let also = s
        .also
        .iter()
        .enumerate()
        .map(|(n, key)| {
            let link = view.with_source(Some(key)).href();
            let label = format!("Source {}", n + 2);
            view! { " " <a href=link data-source=key.clone() class="source-link">{label}</a> }
        })
        .collect_view();
    let count = (reports > 1).then(|| format!(" · {reports} reports"));
    view! {
        <li class="event" data-ev=s.key.clone() class:undated=e.date_start.is_none()>
            <time>{date}{end}</time>
            <span class="kind">{e.kind.label()}{planned}{count}</span>
            <span class="who">{who}{place}</span>
            <span class="sources"><a href=link data-source=s.key.clone() class="source-link">"Source"</a>{also}</span>
        </li>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use tradeline_extract::{extract, Options};

    /// Five events of 2024, written for this test, four of them in January.
    fn events() -> Vec<SourcedEvent> {
        let text = "Brazilian President Ana Costa held talks with Indian Prime Minister Ravi Menon in Brasilia on January 5, 2024.\n\n\
            Brazilian Foreign Minister Paulo Lima met Indian External Affairs Minister Kiran Rao in New Delhi on January 12, 2024.\n\n\
            Brazilian President Ana Costa spoke by phone with Indian Prime Minister Ravi Menon on January 20, 2024.\n\n\
            Brazilian Trade Minister Rita Souza met Indian Commerce Minister Arjun Das in Mumbai on January 28, 2024.\n\n\
            Brazilian President Ana Costa held talks with Indian Prime Minister Ravi Menon in Rio de Janeiro on March 3, 2024.\n";
        let options = Options {
            published: NaiveDate::from_ymd_opt(2024, 3, 10),
            ..Options::default()
        };
        let document = extract("ties.txt", text.as_bytes(), &options)
            .expect("extracts")
            .document;
        document
            .events
            .into_iter()
            .enumerate()
            .map(|(i, event)| SourcedEvent {
                key: format!("e1-{i}"),
                article_id: 1,
                event,
                also: Vec::new(),
            })
            .collect()
    }

    fn html(query: &str) -> String {
        let (view, bad) = View::from_query(query.split('&').filter_map(|p| p.split_once('=')));
        assert!(bad.is_empty(), "{bad:?}");
        view! { <Timeline events=events() view /> }.to_html()
    }

    /// The entries listed (each `<li class="event"`), and the groups.
    fn counts(html: &str) -> (usize, usize) {
        (
            html.matches("class=\"event").count(),
            html.matches("class=\"month-group\"").count(),
        )
    }

    #[test]
    fn the_list_folds_crowded_months_and_filters_by_kind_and_by_person() {
        // (case, query, entries listed, months folded, what the page holds)
        let cases: [(&str, &str, usize, usize, &[&str]); 4] = [
            (
                "everything",
                "pair=BR-IN",
                5,
                1,
                &["<summary>Jan 2024: 4 events</summary>"],
            ),
            (
                "one kind, the rest of the view kept in the form",
                "pair=BR-IN&from=2024&kind=talks",
                2,
                0,
                &[
                    "<option value=\"talks\" selected",
                    "<input type=\"hidden\" name=\"pair\" value=\"BR-IN\"",
                    "<input type=\"hidden\" name=\"from\" value=\"2024\"",
                ],
            ),
            (
                "one person, named in any case",
                "pair=BR-IN&person=ana costa",
                3,
                0,
                &[],
            ),
            (
                "nobody",
                "pair=BR-IN&person=Nobody",
                0,
                0,
                &["No visits, talks or calls"],
            ),
        ];
        for (case, query, entries, groups, needles) in cases {
            let page = html(query);
            assert_eq!(counts(&page), (entries, groups), "{case}: {page}");
            for needle in needles {
                assert!(
                    page.contains(needle),
                    "{case}: {needle:?} is missing from {page}"
                );
            }
        }
    }
}
