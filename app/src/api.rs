//! The server functions: the only way the browser asks the server for data.
//! Each is thin: it finds the [`Catalog`](crate::catalog::Catalog) in the
//! request's context and returns one of the shared [`model`](crate::model) types.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{Overview, SourceView};

/// Everything the dashboard's first screen shows.
#[server(prefix = "/api/fn", endpoint = "overview", input = GetUrl)]
pub async fn get_overview() -> Result<Overview, ServerFnError> {
    Ok(catalog()?.overview())
}

/// The article text around one observation or event, for the source panel.
#[server(prefix = "/api/fn", endpoint = "source", input = GetUrl)]
pub async fn get_source(key: String) -> Result<Option<SourceView>, ServerFnError> {
    Ok(catalog()?.source(&key))
}

#[cfg(feature = "ssr")]
fn catalog() -> Result<std::sync::Arc<crate::catalog::Catalog>, ServerFnError> {
    use_context::<std::sync::Arc<crate::catalog::Catalog>>()
        .ok_or_else(|| ServerFnError::new("the server was started without a catalog"))
}
