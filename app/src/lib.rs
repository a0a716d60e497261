//! The tradeline web application: the page shell, the dashboard, and the server
//! functions that feed it.
//!
//! This crate builds twice. With `ssr` it is a library the server links: the
//! store, series, charts and every component of the page. With `hydrate` it
//! is the wasm bundle, which holds only [`islands`] (Leptos islands mode):
//! the page is complete HTML and the island adds interaction on top, so the
//! browser downloads and runs little.

pub mod api;
#[cfg(feature = "ssr")]
pub mod chart;
#[cfg(feature = "ssr")]
pub mod export;
pub mod format;
pub mod islands;
#[cfg(feature = "ssr")]
pub mod library;
pub mod model;
#[cfg(feature = "ssr")]
pub mod series;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod ui;
pub mod view;

#[cfg(feature = "ssr")]
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::{provide_meta_context, MetaTags, Title};
#[cfg(feature = "ssr")]
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around the application. `options.site_pkg_dir` carries the
/// build fingerprint (see the server's `assets` module), so the URLs of the
/// script, wasm and stylesheet change whenever their content does.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let css = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href=css />
                <AutoReload options=options.clone() />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[cfg(feature = "ssr")]
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title text="tradeline" />
        <Router>
            <Routes fallback=|| view! { <ui::NotFound /> }>
                <Route path=path!("") view=ui::Dashboard ssr=SsrMode::Async />
            </Routes>
        </Router>
    }
}

/// The wasm entry point: hydrate the islands in the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
