//! The server functions: the only way the browser asks the server for data.
//! Each is thin: it finds the [`Library`](crate::library::Library) in the
//! request's context and returns one of the shared [`model`](crate::model) types.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::{
    error::AppError,
    model::{DashboardData, SourceView},
};

/// Everything the dashboard shows for `pair` (`CN-RU`), or for the pair with
/// most data when `pair` is absent or unknown.
#[server(prefix = "/api/fn", endpoint = "dashboard", input = GetUrl)]
pub async fn get_dashboard(pair: Option<String>) -> Result<DashboardData, AppError> {
    let pair = pair.as_deref().and_then(crate::model::Pair::from_slug);
    library()?.dashboard(pair).await.map_err(|e| {
        tracing::error!("dashboard: {e}");
        AppError::Store
    })
}

/// The article text around one observation or event, for the source panel.
#[server(prefix = "/api/fn", endpoint = "source", input = GetUrl)]
pub async fn get_source(key: String) -> Result<Option<SourceView>, AppError> {
    library()?.source(&key).await.map_err(|e| {
        tracing::error!("source {key:?}: {e}");
        AppError::Store
    })
}

/// The source panel for `key` as HTML, rendered by the same component as the
/// server-rendered page, for the island to open in place. `query` is the
/// page's query string, so the panel's links keep the view.
#[server(prefix = "/api/fn", endpoint = "source_panel", input = GetUrl)]
pub async fn source_panel(key: String, query: String) -> Result<String, AppError> {
    let params: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .into_owned()
            .collect();
    let (view, _) =
        crate::view::View::from_query(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let view = view.with_source(Some(&key));
    let loaded = get_source(key).await;
    Ok(crate::ui::panel_html(loaded, &view))
}

#[cfg(feature = "ssr")]
fn library() -> Result<std::sync::Arc<crate::library::Library>, AppError> {
    use_context::<std::sync::Arc<crate::library::Library>>().ok_or(AppError::NoLibrary)
}
