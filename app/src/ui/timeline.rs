//! The diplomatic events the articles report, in date order: the timeline
//! chart's table. Each entry carries its event's key (`data-ev`), shared with
//! the event's markers on the charts, so hovering one highlights the others.

use leptos::prelude::*;

use crate::chart::figure::event_marks;
use crate::format::format_date;
use crate::model::{EventStatus, SourcedEvent};
use crate::view::View;

#[component]
pub fn Timeline(mut events: Vec<SourcedEvent>, view: View) -> impl IntoView {
    // Events inside the view's years, and every undated one: an unknown
    // date is never outside a range.
    let placed = event_marks(&events);
    events.retain(|s| match placed.iter().find(|m| m.key == s.key) {
        Some(m) => view.overlaps(m.start, m.end),
        None => true,
    });
    // Undated events go last; the rest by their first possible day.
    events.sort_by_key(|s| {
        (
            s.event.date_start.and_then(|d| d.first_day()).is_none(),
            s.event.date_start,
        )
    });
    let count = events.len();
    let items = events
        .into_iter()
        .map(|s| {
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
        })
        .collect_view();
    if count == 0 {
        view! { <p class="muted">"No visits, talks or calls were found in these articles for these years."</p> }.into_any()
    } else {
        view! { <ol class="timeline" aria-label="Visits and meetings, by date">{items}</ol> }
            .into_any()
    }
}
