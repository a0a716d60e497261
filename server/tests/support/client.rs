//! Requests to the router in-process, and assertions on their answers,
//! shared by the in-process tests.

use axum::{
    body::Body,
    http::{HeaderMap, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Sends `request` through `app` and collects the whole answer.
pub(crate) async fn send(app: Router, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let response = app.oneshot(request).await.expect("response");
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

/// `GET uri` with `headers`.
pub(crate) async fn get(
    app: Router,
    uri: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut request = Request::builder().uri(uri);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    send(app, request.body(Body::empty()).expect("request")).await
}

/// Asserts that `text` holds none of `needles`.
#[track_caller]
pub(crate) fn assert_lacks(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(!text.contains(needle), "{needle:?} is in:\n{text}");
    }
}

/// Asserts that `text` holds every one of `needles`, naming the first one
/// missing and showing the whole text.
#[track_caller]
pub(crate) fn assert_contains(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} is missing from:\n{text}");
    }
}

/// The texts of an SVG, one line each.
pub(crate) fn svg_text(body: &[u8]) -> String {
    let svg = String::from_utf8(body.to_vec()).expect("UTF-8");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    texts.join("\n")
}
