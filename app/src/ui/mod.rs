//! The dashboard's components. Everything here renders on the server first and
//! is hydrated in the browser; links carry the view state in the URL, so the
//! page works without JavaScript and a copied link reopens the same view.

mod articles;
mod figures;
mod format;
mod source;
mod timeline;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{get_overview, get_source};
use crate::model::Overview;

pub use format::{format_date, format_value};

/// The dashboard: figures, timeline and articles, with the source panel for
/// whatever the URL's `source` parameter names.
#[component]
pub fn Dashboard() -> impl IntoView {
    let overview = Resource::new(|| (), |_| get_overview());
    let query = use_query_map();
    let selected = Memo::new(move |_| query.read().get("source"));
    let source = Resource::new(
        move || selected.get(),
        |key| async move {
            match key {
                Some(key) => get_source(key).await,
                None => Ok(None),
            }
        },
    );

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
                <Suspense fallback=|| view! { <p class="loading">"Loading the corpus…"</p> }>
                    {move || Suspend::new(async move {
                        match overview.await {
                            Ok(overview) => view! { <Sections overview /> }.into_any(),
                            Err(e) => view! {
                                <p class="error" role="alert">"Could not load the corpus: " {e.to_string()}</p>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
            <source::SourcePanel source selected />
        </main>
    }
}

#[component]
fn Sections(overview: Overview) -> impl IntoView {
    if overview.articles.is_empty() {
        return view! {
            <section class="empty" aria-labelledby="empty-title">
                <h2 id="empty-title">"No articles yet"</h2>
                <p>"Start the server with a folder of articles: "
                    <code>"tradeline serve --corpus path/to/articles"</code>
                    ". Plain text, Markdown and HTML files are read."</p>
                <articles::RejectedList rejected=overview.rejected />
            </section>
        }
        .into_any();
    }
    let Overview {
        articles,
        observations,
        events,
        rejected,
    } = overview;
    view! {
        <figures::FiguresTable observations articles=articles.clone() />
        <timeline::Timeline events />
        <articles::ArticleList articles />
        <articles::RejectedList rejected />
    }
    .into_any()
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
