//! The tradeline web application: the page shell, the dashboard, and the server
//! functions that feed it.
//!
//! This crate builds twice. With `ssr` it is a library the server links: the
//! store, series, charts and every component of the page. With `hydrate` it
//! is the wasm bundle (Leptos islands mode): only [`islands`] runs in the
//! browser, with the few shared modules it names ([`api`]'s client side of
//! the server functions, [`model`]); the page is complete HTML and the
//! island adds interaction on top, so the browser downloads and runs little.

pub mod api;
#[cfg(feature = "ssr")]
pub mod chart;
pub mod error;
#[cfg(feature = "ssr")]
pub mod export;
pub mod format;
pub mod islands;
#[cfg(feature = "ssr")]
pub mod library;
pub mod model;
#[cfg(feature = "ssr")]
pub mod reference;
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

/// The stylesheet's URL, fingerprinted like the page's script.
#[cfg(feature = "ssr")]
pub fn stylesheet_href(options: &LeptosOptions) -> String {
    format!("/{}/{}.css", options.site_pkg_dir, options.output_name)
}

/// The HTML document around the application. `options.site_pkg_dir` carries the
/// build fingerprint (see the server's `assets` module), so the URLs of the
/// script, wasm and stylesheet change whenever their content does.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let css = stylesheet_href(&options);
    set_page_policy();
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
                <IslandScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Loads the wasm and hydrates the islands, like Leptos' `HydrationScripts`
/// in islands mode, with two differences that keep every task short: the
/// islands are found with `querySelectorAll` rather than by walking the whole
/// DOM (the charts' SVG makes it large), and the browser gets a turn between
/// instantiating the module, starting the runtime and hydrating each island.
/// Like Leptos' script it starts only when the browser is idle, after the
/// page has painted.
#[cfg(feature = "ssr")]
#[component]
fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    // What `HydrationScripts` does on the server in islands mode: the HTML
    // outside islands carries no hydration markers.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let (js, wasm) = module_paths(&options);
    let boot = boot_script(&options);
    view! {
        <link rel="modulepreload" href=js crossorigin="" />
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="" />
        <script type="module" nonce=leptos::nonce::use_nonce()>{boot}</script>
    }
}

/// The Content-Security-Policy of pages, with `{nonce}` where the
/// request's nonce goes; provided by the server as context.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct PagePolicy(pub String);

/// Sets the page's Content-Security-Policy with the nonce Leptos gives this
/// response (and puts on its own inline scripts): inline scripts run only
/// with it, so one injected into the page does not.
#[cfg(feature = "ssr")]
fn set_page_policy() {
    let (Some(nonce), Some(PagePolicy(policy)), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<PagePolicy>(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&policy.replace("{nonce}", &nonce.to_string())) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The script module and the wasm the page loads.
#[cfg(feature = "ssr")]
fn module_paths(options: &LeptosOptions) -> (String, String) {
    let pkg = &options.site_pkg_dir;
    let name = &options.output_name;
    // cargo-leptos names the wasm after the output; a plain wasm-bindgen
    // build adds `_bg`.
    let wasm_name = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
        name.to_string()
    } else {
        format!("{name}_bg")
    };
    (
        format!("/{pkg}/{name}.js"),
        format!("/{pkg}/{wasm_name}.wasm"),
    )
}

/// The inline script that loads the wasm and hydrates the islands.
#[cfg(feature = "ssr")]
fn boot_script(options: &LeptosOptions) -> String {
    let (js, wasm) = module_paths(options);
    format!(
        r#"const turn = () => new Promise((r) => setTimeout(r, 0));
const start = async () => {{
  const mod = await import({js:?});
  await mod.default({{ module_or_path: {wasm:?} }});
  await turn();
  mod.hydrate();
  for (const el of document.querySelectorAll("leptos-island")) {{
    await turn();
    const island = mod[el.dataset.component];
    if (island) island(el); else console.warn("no wasm function for the island", el.dataset.component);
  }}
}};
("requestIdleCallback" in window ? requestIdleCallback : setTimeout)(() => start());"#
    )
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
