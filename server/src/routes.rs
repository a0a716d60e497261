//! The HTTP service: the dashboard (server-rendered by Leptos), its server
//! functions, the plain HTTP API ([`api`](crate::api)), the embedded static
//! site, `/healthz` and `/readyz`, wrapped in the tower layers every request
//! goes through. [`router`] builds it without a socket, so tests drive it
//! in-process.

use std::{sync::Arc, time::Duration};

use app::{library::Library, shell, App};
use axum::{
    body::Body,
    extract::{DefaultBodyLimit, Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use serde::Serialize;
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::{DefaultMakeSpan, DefaultOnRequest, DefaultOnResponse, TraceLayer},
};
use tracing::Level;

use crate::{api, assets, state::AppState};

/// What the router needs to know.
#[derive(Clone, Debug)]
pub struct Settings {
    pub max_body: usize,
    pub request_timeout: Duration,
    /// Writes (adding articles, corrections) need this token; `None` refuses them.
    pub admin_token: Option<String>,
    /// Who may show the pages in a frame: CSP `frame-ancestors` sources.
    pub frame_ancestors: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_body: 8 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            admin_token: None,
            frame_ancestors: "'self'".to_owned(),
        }
    }
}

/// Leptos' options, built in code rather than read from `Cargo.toml`, because
/// the deployed binary has no `Cargo.toml` beside it.
pub fn leptos_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("tradeline"))
        .site_pkg_dir(assets::fingerprinted_pkg_dir())
        .build()
}

/// The Content-Security-Policy: scripts only from the server, and inline
/// ones only with the page's nonce (`{nonce}`, filled in per response by
/// the page itself; Leptos puts it on its own inline scripts), wasm allowed
/// to compile, styles from the server and the charts' inline ones, data
/// only from the server, no plugins, and frames only where
/// `frame_ancestors` says (a newsroom that embeds charts adds its site).
/// Without a nonce (API answers, files) no inline script runs at all.
pub fn page_policy(frame_ancestors: &str, nonce: bool) -> String {
    let inline = if nonce { " 'nonce-{nonce}'" } else { "" };
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// The policy of an SVG export opened on its own: it runs no script at all.
pub fn image_policy(frame_ancestors: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors {frame_ancestors}"
    ))
    .unwrap_or(HeaderValue::from_static("default-src 'none'"))
}

/// The whole service.
pub fn router(library: Arc<Library>, settings: &Settings) -> Router {
    let leptos = leptos_options();
    let routes = generate_route_list(App);
    let state = AppState {
        leptos: leptos.clone(),
        library: library.clone(),
        // An empty token would let an empty form field in: none is set.
        admin_token: settings
            .admin_token
            .as_deref()
            .filter(|t| !t.is_empty())
            .map(Arc::from),
        exports: crate::admission::Admission::default(),
        frame_ancestors: Arc::from(settings.frame_ancestors.as_str()),
        pages: crate::page_cache::PageCache::default(),
    };
    let policy = app::PagePolicy(page_policy(&settings.frame_ancestors, true));
    let context = move || {
        provide_context(library.clone());
        provide_context(policy.clone());
    };

    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/api/pairs", get(api::pairs))
        .route("/api/series", get(api::series))
        .route("/api/series.csv", get(api::series_csv))
        .route("/api/events", get(api::events))
        .route("/api/pledges", get(api::pledges))
        .route("/api/articles", post(api::add_article))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/corrections", post(api::correct))
        .route(
            "/api/reference",
            get(crate::reference::list).post(crate::reference::upload),
        )
        .route("/export/{file}", get(crate::export::handler))
        .route("/pkg/{*path}", get(static_file))
        .route("/fonts/cjk.ttf", get(cjk_font))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        .fallback(fallback)
        .with_state(state.clone())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&page_policy(&settings.frame_ancestors, false)).unwrap_or(
                HeaderValue::from_static("default-src 'self'; object-src 'none'"),
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        // Compresses rendered HTML and API responses; embedded assets arrive
        // already compressed (Content-Encoding set), which this layer leaves alone.
        .layer(CompressionLayer::new().gzip(true).br(true))
        // Outside the compression: a page is kept as it was sent.
        .layer(axum::middleware::from_fn_with_state(
            state,
            crate::page_cache::pages,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ))
        .layer(RequestBodyLimitLayer::new(settings.max_body))
        // Extractors (forms, uploads) get the same limit rather than axum's 2 MB.
        .layer(DefaultBodyLimit::max(settings.max_body))
        // One span and one line per request at INFO: method, path, status, latency.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_request(DefaultOnRequest::new().level(Level::DEBUG))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    articles: usize,
    front_end: bool,
    ingest: app::model::IngestStatus,
}

/// Alive and serving; the corpus may still be being read.
async fn healthz(State(state): State<AppState>) -> Response {
    match state.library.store().article_counts().await {
        Ok((articles, _)) => Json(Health {
            status: "ok",
            version: env!("CARGO_PKG_VERSION"),
            articles,
            front_end: assets::has_front_end(),
            ingest: state.library.status(),
        })
        .into_response(),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the database does not answer: {e}"),
        )
            .into_response(),
    }
}

/// Ready once the first read of every corpus folder has finished and while
/// the database answers: what a load balancer or a test waits for before
/// sending readers.
async fn readyz(State(state): State<AppState>) -> Response {
    let status = state.library.status();
    // A balancer sends no readers to an instance whose database is gone:
    // its kept views still answer, but nothing new can be read or stored.
    if let Err(e) = state.library.store().ping().await {
        tracing::warn!("not ready: {e}");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the database does not answer",
        )
            .into_response();
    }
    if status.running {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "reading the corpus: {} of {} files",
                status.done, status.total
            ),
        )
            .into_response()
    } else {
        (StatusCode::OK, "ready").into_response()
    }
}

/// The font charts draw Han characters with, for the page's `@font-face`:
/// the stylesheet limits it to Han characters, so a browser fetches it only
/// for a page that shows Chinese. Its content never changes within a build.
async fn cjk_font() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("font/ttf")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        app::chart::CJK_FONT,
    )
        .into_response()
}

async fn static_file(request: Request) -> Response {
    let path = request.uri().path().trim_start_matches('/');
    assets::serve(path, request.headers())
        .unwrap_or_else(|| (StatusCode::NOT_FOUND, "no such file").into_response())
}

/// Files from `public/` (favicon and the like), else the application's own
/// not-found page, rendered like any other page.
async fn fallback(State(state): State<AppState>, request: Request<Body>) -> Response {
    let path = request.uri().path().trim_start_matches('/').to_owned();
    if let Some(response) = assets::serve(&path, request.headers()) {
        return response;
    }
    let library = state.library.clone();
    let leptos = state.leptos.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || provide_context(library.clone()),
        move || shell(leptos.clone()),
    );
    handler(request).await.into_response()
}
