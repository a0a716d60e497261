//! What every handler can reach, in its own module so the router, the API
//! and the exports share it without importing each other.

use std::sync::Arc;

use app::library::Library;
use leptos::prelude::LeptosOptions;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub library: Arc<Library>,
    pub admin_token: Option<Arc<str>>,
    /// The budget PNG exports draw within.
    pub exports: crate::admission::Admission,
    /// CSP `frame-ancestors` sources, for the SVG exports' own policy.
    pub frame_ancestors: Arc<str>,
    /// Rendered pages, kept until the data changes.
    pub pages: crate::page_cache::PageCache,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
