//! The source panel: the article a figure or event came from, its sentence
//! marked and the figure emphasised, with how sure the extraction is.

use leptos::prelude::*;

use super::{format::format_date, href};
use crate::model::{Pair, SourceView};

#[component]
pub fn SourcePanel(
    source: Resource<Result<Option<SourceView>, ServerFnError>>,
    selected: Memo<Option<String>>,
    pair: Memo<Option<Pair>>,
) -> impl IntoView {
    view! {
        <Show when=move || selected.get().is_some()>
            <aside class="source-panel" aria-labelledby="source-title">
                <Suspense fallback=|| view! { <p class="loading">"Loading the source…"</p> }>
                    {move || Suspend::new(async move {
                        match source.await {
                            Ok(Some(view)) => view! { <SourceBody view /> }.into_any(),
                            Ok(None) => view! {
                                <h2 id="source-title">"Source not found"</h2>
                                <p>"This link names a figure or event the server does not know."</p>
                            }.into_any(),
                            Err(e) => view! {
                                <h2 id="source-title">"Source unavailable"</h2>
                                <p role="alert">{e.to_string()}</p>
                            }.into_any(),
                        }
                    })}
                </Suspense>
                <a href=move || href(pair.get().as_ref(), None) class="close">"Close"</a>
            </aside>
        </Show>
    }
}

#[component]
fn SourceBody(view: SourceView) -> impl IntoView {
    let node = NodeRef::<leptos::html::Mark>::new();
    // Bring the quote into view once it is laid out: on the next frame, so
    // the panel has its final height when the browser scrolls.
    Effect::new(move |_| {
        if let Some(mark) = node.get() {
            request_animation_frame(move || mark.scroll_into_view_with_bool(true));
        }
    });
    let confidence = format!("{:.0} %", view.confidence * 100.0);
    view! {
        <h2 id="source-title">{view.article.title.clone()}</h2>
        <p class="meta">
            "Published " <time>{format_date(view.article.published.as_ref())}</time>
            " (" {view.article.published_basis.clone()} ")"
        </p>
        <p class="meta">"Confidence " {confidence} " · " {view.reason.clone()}</p>
        <div class="article-text">
            {view.before}
            <mark class="sentence" node_ref=node>
                {view.lead}<strong class="figure">{view.figure}</strong>{view.tail}
            </mark>
            {view.after}
        </div>
    }
}
