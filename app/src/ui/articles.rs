//! The articles in the corpus with how their dates were established, and the
//! files that could not be read.

use leptos::prelude::*;

use crate::format::format_date;
use crate::model::{ArticleSummary, Lang, Precision, Rejected, UndatedArticle};

#[component]
pub fn ArticleList(mut articles: Vec<ArticleSummary>) -> impl IntoView {
    let count = articles.len();
    // A pair followed for years has hundreds of articles: the first few
    // are listed, the rest one click away, without script.
    let rest = articles.split_off(articles.len().min(SHOWN_ARTICLES));
    let more = (!rest.is_empty()).then(|| {
        let summary = format!("{} more articles", rest.len());
        view! {
            <details class="more-articles">
                <summary>{summary}</summary>
                <ul class="articles">{article_items(rest)}</ul>
            </details>
        }
    });
    view! {
        <section class="card" aria-labelledby="articles-title">
            <h2 id="articles-title">"Articles"<span class="count">{count}</span></h2>
            <ul class="articles">{article_items(articles)}</ul>
            {more}
        </section>
    }
}

/// How many articles the list shows before folding the rest.
const SHOWN_ARTICLES: usize = 10;

fn article_items(articles: Vec<ArticleSummary>) -> impl IntoView {
    articles
        .into_iter()
        .map(|a| {
            let unknown = a.published_precision == Precision::Unknown;
            let warnings = a
                .warnings
                .iter()
                .map(|w| view! { <li class="warning">{w.message.clone()}</li> })
                .collect_view();
            view! {
                <li class="article" class:undated=unknown>
                    <span class="title" lang=a.lang.as_str()>{a.title.clone()}</span>
                    <span class="meta">
                        {(a.lang != Lang::En).then(|| view! { <span class="lang">{a.lang.name()}</span>" · " })}
                        <time>{format_date(a.published.as_ref())}</time>
                        " · " {a.published_basis.clone()}
                        " · " {count_of(a.observation_count, "figure")} ", " {count_of(a.event_count, "event")}
                    </span>
                    <ul class="warnings">{warnings}</ul>
                </li>
            }
        })
        .collect_view()
}

/// "1 figure", "2 figures".
fn count_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[component]
pub fn RejectedList(rejected: Vec<Rejected>) -> impl IntoView {
    (!rejected.is_empty()).then(|| {
        let items = rejected
            .into_iter()
            .map(|r| view! { <li><code>{r.path}</code> ": " {r.reason}</li> })
            .collect_view();
        view! {
            <section class="card warning-card" role="status" aria-labelledby="rejected-title">
                <h2 id="rejected-title">"Files not read"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// Articles whose publication date could not be fixed: their "last year" and
/// their events' dates stay open until a date is given.
#[component]
pub fn UndatedList(undated: Vec<UndatedArticle>) -> impl IntoView {
    (!undated.is_empty()).then(|| {
        let count = undated.len();
        let items = undated
            .into_iter()
            .map(|a| {
                let link = format!("/api/articles/{}", a.id);
                view! { <li><a href=link>{a.title}</a></li> }
            })
            .collect_view();
        view! {
            <section class="card warning-card" aria-labelledby="undated-title">
                <h2 id="undated-title">"Publication date unknown"<span class="count">{count}</span></h2>
                <p class="muted">"Relative dates in these articles (\"last year\", \"on Thursday\") could not be fixed. Give the date when adding the article."</p>
                <ul>{items}</ul>
            </section>
        }
    })
}
