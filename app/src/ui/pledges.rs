//! Pledges against outcomes: each trade goal the articles report, where it
//! was set, and whether its year met it, by how much.

use leptos::prelude::*;

use crate::format::{format_date, format_figure, format_gap, period_label};
use crate::model::Pledge;
use crate::view::View;

/// The pair's trade goals, when the articles report any.
#[component]
pub fn Pledges(pledges: Vec<Pledge>, view: View) -> impl IntoView {
    (!pledges.is_empty()).then(|| {
        let rows = pledges
            .into_iter()
            .map(|p| {
                let currency = p.currency.as_deref();
                let goal = format_figure(p.value, currency, p.qualifier);
                let reports = p
                    .sources
                    .iter()
                    .map(|s| {
                        let label = format!("Source of the goal {goal}: {}", s.title);
                        view! {
                            <li>
                                <a href=view.with_source(Some(&s.key)).href() data-source=s.key.clone() class="source-link" aria-label=label>{s.as_written.clone()}</a>
                                <span class="source-title">{s.title.clone()}</span>
                            </li>
                        }
                    })
                    .collect_view();
                let set_at = match &p.set_at {
                    Some(e) => {
                        let who = if e.participants.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", e.participants.join(", "))
                        };
                        let text = format!("{}, {}{who}", e.kind.label(), format_date(e.date.as_ref()));
                        view! { <a href=view.with_source(Some(&e.key)).href() data-source=e.key.clone() class="source-link">{text}</a> }.into_any()
                    }
                    None => view! { <span class="muted">"not named"</span> }.into_any(),
                };
                let (outcome, verdict, class) = match &p.outcome {
                    Some(o) => {
                        let reported = o
                            .reported
                            .map(|v| format!("reported {}", format_figure(v, currency, None)));
                        let official = o.official.map(|v| {
                            format!(
                                "official {} ({})",
                                format_figure(v, currency, None),
                                o.official_source.clone().unwrap_or_default()
                            )
                        });
                        let text = [reported, official].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        let verdict = format!(
                            "{} by {}",
                            if o.met { "met" } else { "missed" },
                            format_gap(o.by_pct)
                        );
                        (text, verdict, if o.met { "badge reported" } else { "badge conflict" })
                    }
                    None => ("no figure for the year yet".to_owned(), "open".to_owned(), "badge"),
                };
                view! {
                    <tr>
                        <td data-label="Target period">{period_label(&p.period)}</td>
                        <td data-label="Goal" class="num">{goal.clone()}</td>
                        <td data-label="Set at">{set_at}</td>
                        <td data-label="Outcome">{outcome}</td>
                        <td data-label="Met?"><span class=class>{verdict}</span></td>
                        <td data-label="Reported in"><ul class="sources">{reports}</ul></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="pledges-title">
                <h2 id="pledges-title">"Trade pledges"</h2>
                <p class="muted">"Goals the articles report, held against what their year brought: the official figure where one is imported, else the reported one."</p>
                <div class="table-wrap">
                    <table>
                        <caption>"Pledges against outcomes"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Target period"</th>
                                <th scope="col" class="num">"Goal"</th>
                                <th scope="col">"Set at"</th>
                                <th scope="col">"Outcome"</th>
                                <th scope="col">"Met?"</th>
                                <th scope="col">"Reported in"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
        .into_any()
    })
}
