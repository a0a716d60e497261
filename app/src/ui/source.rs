//! The source panel: the article a figure or event came from, its sentence
//! marked and the figure emphasised, with how sure the extraction is. The
//! server renders it into the page when the URL names a source, and as an
//! HTML fragment ([`panel_html`]) when the interactive island opens one in
//! place.

use leptos::prelude::*;

use crate::format::format_date;
use crate::model::SourceView;
use crate::view::View;

pub type Loaded = Result<Option<SourceView>, crate::error::AppError>;

/// The panel beside the dashboard; present but hidden when no source is
/// open, so the island has a place to put one.
#[component]
pub fn SourcePanel(source: Option<Loaded>, view: View) -> impl IntoView {
    let open = source.is_some();
    view! {
        <aside id="source-panel" class="source-panel" aria-labelledby="source-title" aria-live="polite" hidden=!open>
            {source.map(|loaded| view! { <PanelBody loaded view /> })}
        </aside>
    }
}

/// The inside of the panel, as HTML, for the island to swap in.
pub fn panel_html(loaded: Loaded, view: &View) -> String {
    view! { <PanelBody loaded view=view.clone() /> }.to_html()
}

#[component]
fn PanelBody(loaded: Loaded, view: View) -> impl IntoView {
    let close = view.with_source(None).href();
    let body = match loaded {
        Ok(Some(source)) => view! { <SourceBody source /> }.into_any(),
        Ok(None) => view! {
            <h2 id="source-title">"Source not found"</h2>
            <p>"This link names a figure or event the server does not know. The article may have been removed."</p>
        }
        .into_any(),
        Err(e) => view! {
            <h2 id="source-title">"Source unavailable"</h2>
            <p role="alert">{e.to_string()}</p>
        }
        .into_any(),
    };
    view! {
        <a href=close class="close" data-close="">"Close"<span class="visually-hidden">" the source"</span></a>
        {body}
    }
}

#[component]
fn SourceBody(source: SourceView) -> impl IntoView {
    let confidence = format!("{:.0} %", source.confidence * 100.0);
    let article = format!("/api/articles/{}", source.article.id);
    let lang = source.article.lang.as_str();
    view! {
        <h2 id="source-title">{source.article.title.clone()}</h2>
        <p class="meta">
            "Published " <time>{format_date(source.article.published.as_ref())}</time>
            " (" {source.article.published_basis.clone()} ")"
        </p>
        <p class="meta">"Extraction confidence " {confidence} " · " {source.reason.clone()}</p>
        <p class="reading" lang="en">
            <span class="reading-label">"Read from the marked sentence: "</span>
            <span class="reading-text">{source.reading.clone()}</span>
        </p>
        <div class="article-text" tabindex="0" aria-label="Article text" lang=lang>
            {source.before}
            <mark class="sentence" id="quote">
                {source.lead}<strong class="figure">{source.figure}</strong>{source.tail}
            </mark>
            {source.after}
        </div>
        <p class="meta"><a href=article>"Everything read from this article (JSON)"</a></p>
    }
}
