//! The HTTP service in-process: every route through the real router and its
//! layers, without a socket.

use std::sync::Arc;

use app::catalog::Catalog;
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use server::routes::{router, Settings};
use tower::ServiceExt;
use tradeline_extract::Options;

fn app() -> Router {
    let mut catalog = Catalog::default();
    catalog.add(
        "china-brazil.txt",
        include_bytes!("fixtures/china-brazil.txt"),
        &Options::default(),
    );
    catalog.add("binary.bin", &[0, 159, 146, 150], &Options::default());
    router(Arc::new(catalog), &Settings::default())
}

async fn get(
    app: Router,
    uri: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut request = Request::builder().uri(uri);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = app
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

fn text(body: &[u8]) -> String {
    String::from_utf8_lossy(body).into_owned()
}

#[tokio::test]
async fn healthz_reports_the_version() {
    let (status, headers, body) = get(app(), "/healthz", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let json: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["articles"], 1);
}

#[tokio::test]
async fn the_dashboard_is_server_rendered_with_its_figures() {
    let (status, headers, body) = get(app(), "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .starts_with("text/html"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let html = text(&body);
    assert!(html.contains("$157.5 billion"), "{html}");
    assert!(html.contains("+6.1 %"), "{html}");
    assert!(html.contains("BR–CN"), "{html}");
    // The binary file was refused, and the page says so.
    assert!(
        html.contains("Files not read") && html.contains("binary.bin"),
        "{html}"
    );
}

#[tokio::test]
async fn a_source_link_renders_the_source_panel() {
    let (status, _, body) = get(app(), "/?source=o1-1", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let html = text(&body);
    assert!(html.contains("<mark class=\"sentence\""), "{html}");
    assert!(
        html.contains("<strong class=\"figure\">$157.5 billion</strong>"),
        "{html}"
    );
}

#[tokio::test]
async fn an_unknown_source_says_so() {
    let (status, _, body) = get(app(), "/?source=o9-9", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&body).contains("Source not found"));
}

#[tokio::test]
async fn html_is_compressed_when_the_client_accepts_it() {
    let (_, headers, _) = get(app(), "/", &[("accept-encoding", "br")]).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    let (_, headers, _) = get(app(), "/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn unknown_pages_are_404_with_the_app_page() {
    let (status, _, body) = get(app(), "/no/such/page", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(text(&body).contains("Page not found"));
    let (status, _, _) = get(app(), "/pkg/000000000000/missing.js", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_overview_server_function_answers_json() {
    let (status, _, body) = get(app(), "/api/fn/overview", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["rejected"][0]["path"], "binary.bin");
    let values: Vec<f64> = json["observations"]
        .as_array()
        .expect("observations")
        .iter()
        .filter_map(|o| o["observation"]["value"].as_f64())
        .collect();
    assert!(values.contains(&157.5e9), "{values:?}");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let settings = Settings {
        max_body: 1024,
        ..Settings::default()
    };
    let app = router(Arc::new(Catalog::default()), &settings);
    let response = app
        .oneshot(
            Request::post("/api/fn/source")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::CONTENT_LENGTH, "4096")
                .body(Body::from(vec![b'a'; 4096]))
                .expect("request"),
        )
        .await
        .expect("response");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn an_empty_corpus_explains_how_to_add_articles() {
    let app = router(Arc::new(Catalog::default()), &Settings::default());
    let (status, _, body) = get(app, "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&body).contains("No articles yet"));
}
