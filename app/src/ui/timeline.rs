//! The diplomatic events the articles report, in date order.

use leptos::prelude::*;

use super::{format::format_date, href};
use crate::model::{EventStatus, Pair, SourcedEvent};

#[component]
pub fn Timeline(mut events: Vec<SourcedEvent>, pair: Pair) -> impl IntoView {
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
            let link = href(Some(&pair), Some(&s.key));
            let reports = s.also.len() + 1;
            let also = s
                .also
                .iter()
                .enumerate()
                .map(|(n, key)| {
                    let link = href(Some(&pair), Some(key));
                    let label = format!("Source {}", n + 2);
                    view! { " " <a href=link class="source-link">{label}</a> }
                })
                .collect_view();
            let count = (reports > 1).then(|| format!(" · {reports} reports"));
            view! {
                <li class="event" data-key=s.key.clone()>
                    <time>{date}{end}</time>
                    <span class="kind">{e.kind.label()}{planned}{count}</span>
                    <span class="who">{who}{place}</span>
                    <span class="sources"><a href=link class="source-link">"Source"</a>{also}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">"Visits and meetings"<span class="count">{count}</span></h2>
            {if count == 0 {
                view! { <p class="muted">"No visits, talks or calls were found in these articles."</p> }.into_any()
            } else {
                view! { <ol class="timeline">{items}</ol> }.into_any()
            }}
        </section>
    }
}
