//! The table of every figure read from the corpus, each row linking to its source.

use leptos::prelude::*;

use super::format::format_value;
use crate::model::{ArticleSummary, SourcedObservation, Status};

#[component]
pub fn FiguresTable(
    observations: Vec<SourcedObservation>,
    articles: Vec<ArticleSummary>,
) -> impl IntoView {
    let count = observations.len();
    let title_of = move |id: u32| {
        articles
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.title.clone())
            .unwrap_or_default()
    };
    let rows = observations
        .into_iter()
        .map(|s| {
            let o = &s.observation;
            let approximate = o.qualifier.is_some();
            let value = format_value(o);
            let target = (o.status == Status::Target).then_some(" (target)");
            let period = if o.period.inferred {
                format!("{} (inferred)", o.period.label)
            } else {
                o.period.label.clone()
            };
            let href = format!("?source={}", s.key);
            let label = format!("Source of {value} for {period}");
            view! {
                <tr class:approximate=approximate data-key=s.key.clone()>
                    <td data-label="Pair">{o.pair.to_string()}</td>
                    <td data-label="Measure">{o.metric.label()}{target}</td>
                    <td data-label="Period">{period}</td>
                    <td data-label="Value" class="num">{value}</td>
                    <td data-label="Article" class="article-title">{title_of(s.article_id)}</td>
                    <td class="source-cell"><a href=href class="source-link" aria-label=label>"Source"</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="figures-title">
            <h2 id="figures-title">"Figures"<span class="count">{count}</span></h2>
            {if count == 0 {
                view! { <p class="muted">"No trade figures were found in these articles."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <caption class="visually-hidden">"Trade figures read from the articles"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Pair"</th>
                                    <th scope="col">"Measure"</th>
                                    <th scope="col">"Period"</th>
                                    <th scope="col" class="num">"Value"</th>
                                    <th scope="col">"Article"</th>
                                    <th scope="col"><span class="visually-hidden">"Source"</span></th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
