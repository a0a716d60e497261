//! The dashboard's components. Everything here renders on the server first and
//! is hydrated in the browser; links carry the view state in the URL (`pair`,
//! `source`), so the page works without JavaScript and a copied link reopens
//! the same view.

mod add;
mod articles;
mod figures;
mod format;
mod source;
mod timeline;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{get_dashboard, get_source};
use crate::model::{DashboardData, Pair};

pub use format::{format_date, format_figure, format_value};

/// A link to a view of the dashboard: a pair, and optionally a source open.
pub fn href(pair: Option<&Pair>, source: Option<&str>) -> String {
    let mut params = Vec::new();
    if let Some(pair) = pair {
        params.push(format!("pair={}", pair.slug()));
    }
    if let Some(source) = source {
        params.push(format!("source={source}"));
    }
    format!("?{}", params.join("&"))
}

/// The dashboard: the selected pair's figures and visits, the articles behind
/// them, and the source panel for whatever the URL's `source` parameter names.
#[component]
pub fn Dashboard() -> impl IntoView {
    let query = use_query_map();
    let pair = Memo::new(move |_| query.read().get("pair"));
    let selected = Memo::new(move |_| query.read().get("source"));
    let added = Memo::new(move |_| query.read().get("added"));
    let data = Resource::new(move || pair.get(), get_dashboard);
    let source = Resource::new(
        move || selected.get(),
        |key| async move {
            match key {
                Some(key) => get_source(key).await,
                None => Ok(None),
            }
        },
    );
    let shown_pair = Memo::new(move |_| pair.get().as_deref().and_then(Pair::from_slug));

    // Lets tests (and curious users) tell a hydrated page from a server-rendered one.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <header class="masthead">
            <a class="brand" href="/">"tradeline"</a>
            <p class="tagline">"Bilateral trade figures and diplomatic visits, read from the news, every number with its source."</p>
        </header>
        <main class="layout">
            <div class="content">
                <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        match data.await {
                            Ok(data) => view! { <Sections data added=added.get() /> }.into_any(),
                            Err(e) => view! {
                                <p class="error" role="alert">"Could not load the dashboard: " {e.to_string()}</p>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
            <source::SourcePanel source selected pair=shown_pair />
        </main>
    }
}

#[component]
fn Sections(data: DashboardData, added: Option<String>) -> impl IntoView {
    let DashboardData {
        pairs,
        pair,
        series,
        events,
        articles,
        undated,
        rejected,
        status,
        article_count,
        writes_enabled,
    } = data;
    let progress = status.running.then(|| {
        let label = format!("Reading the corpus: {} of {} files", status.done, status.total);
        view! {
            <p class="notice" role="status">
                <label for="ingest-progress">{label.clone()}</label>
                <progress id="ingest-progress" max=status.total.max(1) value=status.done>{label}</progress>
            </p>
        }
    });
    let body = match pair {
        None => view! {
            <section class="empty card" aria-labelledby="empty-title">
                <h2 id="empty-title">"No articles yet"</h2>
                <p>"Start the server with a folder of articles, "
                    <code>"tradeline serve --corpus path/to/articles"</code>
                    " (plain text, Markdown and HTML are read, and the folder is watched for new files), or add one below."</p>
                <p class="muted">{format!("{article_count} articles stored.")}</p>
            </section>
        }
        .into_any(),
        Some(pair) => {
            let selector = (pairs.len() > 1).then(|| {
                let links = pairs
                    .iter()
                    .map(|p| {
                        let current = p.pair == pair;
                        let label = format!("{} ({} figures, {} events)", p.pair, p.observations, p.events);
                        view! {
                            <li><a href=href(Some(&p.pair), None)
                                aria-current=current.then_some("page")
                                aria-label=label>{p.pair.to_string()}</a></li>
                        }
                    })
                    .collect_view();
                view! {
                    <nav class="pairs" aria-label="Country pairs"><ul>{links}</ul></nav>
                }
            });
            view! {
                {selector}
                <h1 class="pair-title">{pair.to_string()}</h1>
                <figures::SeriesTables series pair=pair.clone() />
                <timeline::Timeline events pair=pair.clone() />
                <articles::ArticleList articles />
            }
            .into_any()
        }
    };
    view! {
        {progress}
        {body}
        <articles::UndatedList undated />
        <articles::RejectedList rejected />
        <add::AddArticle writes_enabled added />
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="layout">
            <section class="empty">
                <h1>"Page not found"</h1>
                <p><a href="/">"Back to the dashboard"</a></p>
            </section>
        </main>
    }
}
