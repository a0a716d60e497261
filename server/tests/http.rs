//! The HTTP service in-process: every route through the real router and its
//! layers, without a socket, on a temporary store.

#[path = "support/client.rs"]
mod client;
#[path = "support/seeds.rs"]
mod seeds;

use std::sync::Arc;

use app::library::{Library, DEFAULT_MAX_ARTICLE};
use axum::{
    body::Body,
    http::{header, HeaderMap, Request, StatusCode},
    Router,
};
use client::{assert_contains, assert_lacks, get, send, svg_text};
use seeds::seeds_library;
use serde_json::Value;
use server::{
    ingest,
    routes::{router, Settings},
};
use tempfile::TempDir;

const TOKEN: &str = "test-token-0123";

/// A server over a corpus folder holding the China–Brazil fixture and one
/// file that is not text.
struct Fixture {
    _data: TempDir,
    _corpus: TempDir,
    library: Arc<Library>,
    settings: Settings,
}

impl Fixture {
    async fn new(settings: Settings) -> Fixture {
        let corpus = TempDir::new().expect("corpus dir");
        std::fs::write(
            corpus.path().join("china-brazil.txt"),
            include_bytes!("fixtures/china-brazil.txt"),
        )
        .expect("write");
        std::fs::write(corpus.path().join("binary.txt"), [0u8, 159, 146, 150, 0, 1])
            .expect("write");
        Fixture::over(corpus, settings).await
    }

    async fn over(corpus: TempDir, settings: Settings) -> Fixture {
        let data = TempDir::new().expect("data dir");
        let library = Arc::new(
            Library::open(
                &app::store::Database::Embedded(data.path().to_owned()),
                DEFAULT_MAX_ARTICLE,
                settings.admin_token.is_some(),
            )
            .await
            .expect("opens"),
        );
        ingest::pass(&library, corpus.path(), None)
            .await
            .expect("reads the corpus");
        Fixture {
            _data: data,
            _corpus: corpus,
            library,
            settings,
        }
    }

    fn app(&self) -> Router {
        router(self.library.clone(), &self.settings)
    }

    /// `POST uri` with a body of `content_type`, and `token` as a bearer token.
    async fn post(
        &self,
        uri: &str,
        content_type: &str,
        token: Option<&str>,
        body: impl Into<Body>,
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        send(self.app(), post(uri, content_type, token, body)).await
    }
}

fn writable() -> Settings {
    Settings {
        admin_token: Some(TOKEN.to_owned()),
        ..Settings::default()
    }
}

async fn get_json(app: Router, uri: &str) -> (StatusCode, Value) {
    let (status, _, body) = get(app, uri, &[]).await;
    let json = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("{uri}: not JSON ({e}): {}", text(&body)));
    (status, json)
}

fn post(
    uri: &str,
    content_type: &str,
    token: Option<&str>,
    body: impl Into<Body>,
) -> Request<Body> {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(body.into()).expect("request")
}

fn text(body: &[u8]) -> String {
    String::from_utf8_lossy(body).into_owned()
}

fn values(series: &Value) -> Vec<f64> {
    series["points"]
        .as_array()
        .expect("points")
        .iter()
        .filter_map(|p| p["value"].as_f64())
        .collect()
}

#[tokio::test]
async fn healthz_and_readyz_report_the_state() {
    let f = Fixture::new(Settings::default()).await;
    let (status, headers, body) = get(f.app(), "/healthz", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let json: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["articles"], 1);
    let (status, _, _) = get(f.app(), "/readyz", &[]).await;
    assert_eq!(status, StatusCode::OK);
    f.library.set_status(app::model::IngestStatus {
        done: 3,
        total: 10,
        running: true,
    });
    let (status, _, body) = get(f.app(), "/readyz", &[]).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(text(&body).contains("3 of 10"));
}

#[tokio::test]
async fn the_dashboard_is_server_rendered_with_its_series() {
    let f = Fixture::new(Settings::default()).await;
    let (status, headers, body) = get(f.app(), "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .starts_with("text/html"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let html = text(&body);
    assert_contains(
        &html,
        &[
            "$157.5 billion",
            "+6.1 %",
            "Brazil–China",
            "<title>Brazil–China · tradeline</title>",
            "?pair=BR-CN&amp;source=o1-",
        ],
    );
    // The binary file was refused, and the page says so.
    assert!(
        html.contains("Files not read") && html.contains("binary.txt"),
        "{html}"
    );
    // Read-only server: the form explains how to switch writes on.
    assert!(html.contains("--admin-token"), "{html}");
}

#[tokio::test]
async fn a_source_link_renders_the_source_panel() {
    let f = Fixture::new(Settings::default()).await;
    let (_, series) = get_json(f.app(), "/api/series?pair=BR-CN&metric=trade_value").await;
    let key = series["points"][0]["sources"][0]["key"]
        .as_str()
        .expect("a source key")
        .to_owned();
    let (status, _, body) = get(f.app(), &format!("/?pair=BR-CN&source={key}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    let html = text(&body);
    assert_contains(
        &html,
        &[
            "<mark id=\"quote\" class=\"sentence\">",
            "<strong class=\"figure\">$157.5 billion</strong>",
        ],
    );
    let (_, _, body) = get(f.app(), "/?source=o9-9", &[]).await;
    assert!(text(&body).contains("Source not found"));
}

#[tokio::test]
async fn html_is_compressed_when_the_client_accepts_it() {
    let f = Fixture::new(Settings::default()).await;
    let (_, headers, _) = get(f.app(), "/", &[("accept-encoding", "br")]).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    let (_, headers, _) = get(f.app(), "/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn unknown_pages_are_404_with_the_app_page() {
    let f = Fixture::new(Settings::default()).await;
    let (status, _, body) = get(f.app(), "/no/such/page", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(text(&body).contains("Page not found"));
    let (status, _, _) = get(f.app(), "/pkg/000000000000/missing.js", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_dashboard_server_function_answers_json() {
    let f = Fixture::new(Settings::default()).await;
    let (status, json) = get_json(f.app(), "/api/fn/dashboard").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["pair"], serde_json::json!(["BR", "CN"]));
    assert_eq!(json["article_count"], 1);
    // By its name: where the corpus folder lives is not public.
    assert_eq!(json["rejected"][0]["path"], "binary.txt");
    for a in json["articles"].as_array().expect("articles") {
        assert!(!a["path"].as_str().expect("path").contains('/'), "{a}");
    }
    assert_eq!(json["writes_enabled"], false);
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let f = Fixture::new(Settings {
        max_body: 1024,
        ..writable()
    })
    .await;
    let mut request = post("/api/articles", "text/plain", Some(TOKEN), vec![b'a'; 4096]);
    request
        .headers_mut()
        .insert(header::CONTENT_LENGTH, "4096".parse().expect("header"));
    let (status, _, _) = send(f.app(), request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn an_empty_store_explains_how_to_add_articles() {
    let f = Fixture::over(TempDir::new().expect("dir"), Settings::default()).await;
    let (status, _, body) = get(f.app(), "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&body).contains("No articles yet"));
    let (status, pairs) = get_json(f.app(), "/api/pairs").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(pairs, serde_json::json!([]));
}

#[tokio::test]
async fn pairs_series_and_events_answer_json() {
    let f = Fixture::new(Settings::default()).await;
    let (status, pairs) = get_json(f.app(), "/api/pairs").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(pairs[0]["pair"], serde_json::json!(["BR", "CN"]));
    assert_eq!(pairs[0]["observations"], 2);
    assert_eq!(pairs[0]["events"], 1);

    // Either order of the pair names the same total.
    for uri in [
        "/api/series?pair=BR-CN&metric=trade_value",
        "/api/series?pair=cn-br&metric=trade_value",
    ] {
        let (status, series) = get_json(f.app(), uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(values(&series), [157.5e9], "{uri}");
        let point = &series["points"][0];
        assert_eq!(point["status"], "reported");
        assert_eq!(point["period"]["label"], "2023");
        assert_eq!(point["sources"][0]["as_written"], "$157.5 billion");
        assert!(point["sources"][0]["quote"]
            .as_str()
            .expect("quote")
            .contains("customs"));
        assert!(point["sources"][0]["span"].is_array());
    }
    let (_, growth) = get_json(f.app(), "/api/series?pair=BR-CN&metric=trade_growth_yoy").await;
    assert_eq!(values(&growth), [6.1]);
    assert_eq!(growth["points"][0]["unit"], "percent");

    let (_, later) = get_json(
        f.app(),
        "/api/series?pair=BR-CN&metric=trade_value&from=2024",
    )
    .await;
    assert!(values(&later).is_empty());
    let (_, range) = get_json(
        f.app(),
        "/api/series?pair=BR-CN&metric=trade_value&from=2020&to=2023",
    )
    .await;
    assert_eq!(values(&range), [157.5e9]);

    let (status, events) = get_json(f.app(), "/api/events?pair=CN-BR").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(events[0]["event"]["kind"], "talks");
    assert_eq!(events[0]["event"]["date_start"], "2023-04-14");
}

#[tokio::test]
async fn bad_queries_get_a_400_that_says_what_is_expected() {
    let f = Fixture::new(Settings::default()).await;
    for (uri, says) in [
        ("/api/series?metric=trade_value", "missing `pair`"),
        ("/api/series?pair=China-Russia", "two ISO 3166"),
        ("/api/series?pair=CN-RU&metric=gdp", "unknown `metric`"),
        (
            "/api/series?pair=CN-RU&from=twenty",
            "`from` must be a year",
        ),
        ("/api/series?pair=CN-RU&from=2024&to=2020", "is after"),
        ("/api/events", "missing `pair`"),
        ("/api/series.csv?pair=XX", "two ISO 3166"),
        ("/api/series?pair=ASEANS-IN", "ASEAN, EAEU, GCC"),
        ("/api/articles/abc", "a number"),
    ] {
        let (status, json) = get_json(f.app(), uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            json["error"].as_str().is_some_and(|e| e.contains(says)),
            "{uri}: {json}"
        );
    }
    let (status, json) = get_json(f.app(), "/api/articles/999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(json["error"].as_str().is_some());
}

#[tokio::test]
async fn an_article_comes_with_its_text_and_highlights() {
    let f = Fixture::new(Settings::default()).await;
    let (status, json) = get_json(f.app(), "/api/articles/1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        json["article"]["title"],
        "China and Brazil trade reaches a record"
    );
    let text = json["text"].as_str().expect("text");
    let highlights = json["highlights"].as_array().expect("highlights");
    assert_eq!(highlights.len(), 3, "two figures and one event");
    for h in highlights {
        let [start, end] =
            [h["span"][0].as_u64(), h["span"][1].as_u64()].map(|v| v.expect("span") as usize);
        let marked: String = text.chars().skip(start).take(end - start).collect();
        assert!(!marked.is_empty() && h["label"].as_str().is_some(), "{h}");
    }
    let origin = json["origins"][0].as_str().expect("origin");
    assert!(
        origin.starts_with("file:") && !origin.contains('/'),
        "a file by its name only: {origin}"
    );
}

#[tokio::test]
async fn series_csv_has_one_row_per_report_with_its_source() {
    let f = Fixture::new(Settings::default()).await;
    let (status, headers, body) = get(f.app(), "/api/series.csv?pair=BR-CN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .expect("ascii")
        .contains("tradeline-BR-CN.csv"));
    let mut reader = csv::Reader::from_reader(body.as_slice());
    let head = reader.headers().expect("header row").clone();
    assert_eq!(&head[0], "pair");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let trade = rows
        .iter()
        .find(|r| &r[col("metric")] == "trade_value")
        .expect("a trade row");
    assert_eq!(&trade[col("reported_value")], "157500000000");
    assert_eq!(&trade[col("as_written")], "$157.5 billion");
    assert!(trade[col("quote")].contains("customs data"));
    assert!(trade[col("source")].starts_with("/?pair=BR-CN&source=o1-"));
}

#[tokio::test]
async fn writes_are_refused_without_a_configured_token() {
    let f = Fixture::new(Settings::default()).await;
    let (status, _, body) = f
        .post(
            "/api/articles",
            "text/plain",
            Some("anything"),
            "Trade rose.",
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(text(&body).contains("--admin-token"));
    let (status, _, _) = f
        .post(
            "/api/corrections",
            "application/json",
            Some("anything"),
            "{}",
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// A page is rendered once for its URL and data, then served again (nonce
/// and all) with a tag; a browser that has it gets 304 with the policy of
/// its copy; a write gives a new page and a new tag. Exports are tagged too.
#[tokio::test]
async fn pages_are_kept_until_the_data_changes_and_answer_if_none_match() {
    let f = Fixture::new(writable()).await;
    // One router, as a server has: its kept pages are shared.
    let app = f.app();
    let (status, first, body) = get(app.clone(), "/?pair=BR-CN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let etag = first[header::ETAG].to_str().expect("ascii").to_owned();
    let (_, again, same) = get(app.clone(), "/?pair=BR-CN", &[]).await;
    assert_eq!(again[header::ETAG], etag.as_str());
    // The same bytes, the script nonce included: rendered once.
    assert_eq!(same, body);
    assert_eq!(
        again[header::CONTENT_SECURITY_POLICY],
        first[header::CONTENT_SECURITY_POLICY]
    );

    let (status, headers, empty) =
        get(app.clone(), "/?pair=BR-CN", &[("if-none-match", &etag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(empty.is_empty());
    assert_eq!(headers[header::ETAG], etag.as_str());
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        first[header::CONTENT_SECURITY_POLICY]
    );
    // Another URL is another page.
    let (_, other, _) = get(app.clone(), "/?pair=BR-CN&from=2020", &[]).await;
    assert_ne!(other[header::ETAG], etag.as_str());

    let article =
        "Trade between China and Brazil reached $181.5 billion in 2024, customs figures show.";
    let (status, _, _) = f
        .post("/api/articles", "text/plain", Some(TOKEN), article)
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, after, body) = get(app.clone(), "/?pair=BR-CN", &[("if-none-match", &etag)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(after[header::ETAG], etag.as_str());
    assert_contains(&text(&body), &["$181.5 billion"]);

    let (status, exported, _) = get(app.clone(), "/export/trade-value.svg?pair=BR-CN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let tag = exported[header::ETAG].to_str().expect("ascii").to_owned();
    let (status, _, _) = get(
        app.clone(),
        "/export/trade-value.svg?pair=BR-CN",
        &[("if-none-match", &tag)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
}

/// A year's value far out of line with the years around it (written for
/// this test: a misread figure among ordinary ones) is flagged with the
/// reason, kept off the chart and its axis, and drawn, marked, on request.
#[tokio::test]
async fn an_implausible_value_is_flagged_and_drawn_only_on_request() {
    let f = Fixture::new(writable()).await;
    for (year, value) in [(2019, "2.1"), (2020, "14.8"), (2021, "2.3")] {
        let article = format!(
            "March 3, {}\n\nTrade between Kenya and Japan reached ${value} billion in {year}, officials said.",
            year + 1
        );
        let (status, _, body) = f
            .post("/api/articles", "text/plain", Some(TOKEN), article)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}", text(&body));
    }
    let (_, series) = get_json(f.app(), "/api/series?pair=JP-KE&metric=trade_value").await;
    let checks = &series["points"][1]["checks"];
    assert_eq!(checks[0]["kind"], "plausibility", "{series:#}");
    assert_eq!(checks[0]["consistent"], false);

    let (_, _, body) = get(f.app(), "/?pair=JP-KE", &[]).await;
    let html = text(&body);
    assert_contains(
        &html,
        &[
            "1 figure far out of line with the years around it is in the table only",
            "6.7 times the years around it ($2.1 billion in 2019, $2.3 billion in 2021)",
        ],
    );
    assert_lacks(&html, &["$14.8 bn"]);

    let (_, _, body) = get(f.app(), "/?pair=JP-KE&show=trade,outliers", &[]).await;
    let drawn = text(&body);
    assert_contains(&drawn, &["$14.8 bn?"]);
    assert_lacks(
        &drawn,
        &["far out of line with the years around it is in the table only"],
    );
}

#[tokio::test]
async fn a_posted_article_shows_in_the_series_at_once() {
    let f = Fixture::new(writable()).await;
    let article =
        "Trade between China and Brazil reached $181.5 billion in 2024, customs figures show.";

    let (status, headers, _) = f.post("/api/articles", "text/plain", None, article).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers[header::WWW_AUTHENTICATE], "Bearer");
    let (status, _, _) = f
        .post("/api/articles", "text/plain", Some("wrong"), article)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, headers, body) = f
        .post("/api/articles", "text/plain", Some(TOKEN), article)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{}", text(&body));
    let json: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(json["duplicate"], false);
    assert_eq!(json["observations"], 1);
    let id = json["id"].as_u64().expect("id");
    assert_eq!(
        headers[header::LOCATION],
        format!("/api/articles/{id}").as_str()
    );

    let (_, series) = get_json(f.app(), "/api/series?pair=BR-CN&metric=trade_value").await;
    assert_eq!(values(&series), [157.5e9, 181.5e9]);

    // The same content again is the same article.
    let (status, _, body) = f
        .post("/api/articles", "text/plain", Some(TOKEN), article)
        .await;
    assert_eq!(status, StatusCode::OK);
    let again: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["id"].as_u64(), Some(id));

    // JSON with a publication date.
    let body = serde_json::json!({
        "text": "Bilateral trade between India and Japan grew to $22.8 billion last year.",
        "published": "2024-03-01"
    });
    let (status, _, body) = f
        .post(
            "/api/articles",
            "application/json",
            Some(TOKEN),
            body.to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{}", text(&body));
    let (_, series) = get_json(f.app(), "/api/series?pair=IN-JP&metric=trade_value").await;
    assert_eq!(series["points"][0]["period"]["label"], "2023");
}

#[tokio::test]
async fn bad_uploads_get_a_clear_answer_and_store_nothing() {
    let f = Fixture::new(writable()).await;
    let cases: Vec<(&str, Vec<u8>, StatusCode, &str)> = vec![
        (
            "text/plain",
            vec![0, 159, 146, 150, 0, 0, 1, 2],
            StatusCode::BAD_REQUEST,
            "binary",
        ),
        (
            "text/plain",
            b"caf\xe9 au lait".to_vec(),
            StatusCode::BAD_REQUEST,
            "UTF-8",
        ),
        (
            "text/plain",
            b"   \n ".to_vec(),
            StatusCode::BAD_REQUEST,
            "empty",
        ),
        (
            "image/png",
            b"PNG".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "cannot read",
        ),
        (
            "application/json",
            b"{\"txt\": 1}".to_vec(),
            StatusCode::BAD_REQUEST,
            "JSON body",
        ),
        (
            "text/plain",
            vec![b'a'; DEFAULT_MAX_ARTICLE + 1],
            StatusCode::PAYLOAD_TOO_LARGE,
            "over the limit",
        ),
    ];
    for (content_type, body, expected, says) in cases {
        let (status, _, answer) = f
            .post("/api/articles", content_type, Some(TOKEN), body)
            .await;
        assert_eq!(status, expected, "{content_type}: {}", text(&answer));
        let json: Value = serde_json::from_slice(&answer).expect("json error");
        assert!(
            json["error"].as_str().is_some_and(|e| e.contains(says)),
            "{content_type}: {json}"
        );
    }
    let (status, _, _) = f
        .post(
            "/api/articles?published=2024-02-30",
            "text/plain",
            Some(TOKEN),
            "Trade rose.",
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, health) = get_json(f.app(), "/healthz").await;
    assert_eq!(health["articles"], 1, "nothing was stored");
}

fn multipart(fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "----tradeline-test-boundary";
    let mut body = String::new();
    for (name, value) in fields {
        if *name == "file" {
            body.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../x/note.md\"\r\nContent-Type: text/markdown\r\n\r\n{value}\r\n"
            ));
        } else {
            body.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

/// What a browser's form submission of `fields` gets.
async fn submitted(f: &Fixture, fields: &[(&str, &str)]) -> (StatusCode, HeaderMap, Vec<u8>) {
    let (content_type, body) = multipart(fields);
    let request = Request::post("/api/articles")
        .header(header::CONTENT_TYPE, &content_type)
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .body(Body::from(body))
        .expect("request");
    send(f.app(), request).await
}

#[tokio::test]
async fn the_browser_form_redirects_on_success_and_keeps_the_text_on_error() {
    let f = Fixture::new(writable()).await;
    let (status, headers, _) = submitted(
        &f,
        &[
            ("token", TOKEN),
            (
                "text",
                "Trade between China and Brazil reached $181.5 billion in 2024.",
            ),
            ("published", "2025-01-13"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/?added=2");

    // An error after the token keeps what was typed.
    let typed = "Trade between Chile and Peru <rose> to $5 billion.</textarea><b>&amp;";
    let (status, headers, body) = submitted(
        &f,
        &[
            ("token", TOKEN),
            ("text", typed),
            ("published", "13/01/2025\"><b>x"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .starts_with("text/html"));
    let html = text(&body);
    assert!(html.contains("must be a date as YYYY-MM-DD"), "{html}");
    assert!(
        html.contains(
            "Trade between Chile and Peru &lt;rose&gt; to $5 billion.&lt;/textarea&gt;&lt;b&gt;&amp;amp;</textarea>"
        ),
        "{html}"
    );
    // The date typed is kept too, and cannot leave its attribute.
    assert!(
        html.contains("value=\"13/01/2025&quot;&gt;&lt;b&gt;x\"")
            || html.contains("value=\"13/01/2025&quot;><b>x\""),
        "{html}"
    );
    assert!(!html.contains("\"><b>x"), "{html}");
    // It is the dashboard's own form, with its stylesheet.
    assert!(
        html.contains("id=\"add-token\"") && html.contains("rel=\"stylesheet\""),
        "{html}"
    );

    // A wrong token is refused before the article is read.
    let (status, _, body) = submitted(&f, &[("token", "wrong"), ("text", typed)]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let html = text(&body);
    assert!(html.contains("the admin token is wrong"), "{html}");
    // The page's form asks for the token first, as the dashboard's does.
    let token_at = html.find("name=\"token\"").expect("token field");
    let text_at = html.find("name=\"text\"").expect("text field");
    assert!(token_at < text_at, "{html}");

    // A file upload keeps its (sanitised) name.
    let (content_type, body) = multipart(&[
        ("token", TOKEN),
        (
            "file",
            "# Note\n\nTrade between Chile and Peru reached $5.4 billion in 2023.",
        ),
    ]);
    let (status, _, answer) = f.post("/api/articles", &content_type, None, body).await;
    assert_eq!(status, StatusCode::CREATED, "{}", text(&answer));
    let json: Value = serde_json::from_slice(&answer).expect("json");
    let (_, article) = get_json(f.app(), &format!("/api/articles/{}", json["id"])).await;
    assert_eq!(article["article"]["path"], "note.md");
}

/// Sends a correction with the token.
async fn correct(f: &Fixture, body: Value) -> (StatusCode, String) {
    let request = post(
        "/api/corrections",
        "application/json",
        Some(TOKEN),
        body.to_string(),
    );
    let (status, _, answer) = send(f.app(), request).await;
    (status, text(&answer))
}

#[tokio::test]
async fn a_correction_takes_a_figure_out_of_its_series() {
    let f = Fixture::new(writable()).await;
    let (_, growth) = get_json(f.app(), "/api/series?pair=BR-CN&metric=trade_growth_yoy").await;
    let key = growth["points"][0]["sources"][0]["key"]
        .as_str()
        .expect("key")
        .to_owned();
    let (status, answer) = correct(
        &f,
        serde_json::json!({"kind": "observation_wrong", "key": key, "wrong": true}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, growth) = get_json(f.app(), "/api/series?pair=BR-CN&metric=trade_growth_yoy").await;
    assert!(values(&growth).is_empty());

    let (status, answer) = correct(
        &f,
        serde_json::json!({"kind": "published", "article": 1, "published": "2024-01-15"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, article) = get_json(f.app(), "/api/articles/1").await;
    assert_eq!(article["article"]["published"], "2024-01-15");
    let (_, growth) = get_json(f.app(), "/api/series?pair=BR-CN&metric=trade_growth_yoy").await;
    assert!(
        values(&growth).is_empty(),
        "the mark survived extracting again"
    );

    let (status, _) = correct(
        &f,
        serde_json::json!({"kind": "observation_wrong", "key": "o77-0", "wrong": true}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// The reference articles, as the issue checks them: two reports of 2024
/// reconciled, 2022's value and growth, and the flat Jan–Aug 2020 growth.
#[tokio::test]
async fn the_reference_articles_make_the_expected_series() {
    let (_data, library) = seeds_library().await;
    let app = router(library, &Settings::default());

    let (_, trade) = get_json(app.clone(), "/api/series?pair=CN-RU&metric=trade_value").await;
    let points = trade["points"].as_array().expect("points");
    let at = |label: &str| {
        points
            .iter()
            .find(|p| p["period"]["label"] == label && p["full_year"] == true)
            .unwrap_or_else(|| panic!("no {label} point in {trade}"))
    };
    assert_eq!(at("2022")["value"], 190.27e9);
    let y2024 = at("2024");
    assert_eq!(y2024["value"], 244.8e9);
    assert_eq!(y2024["status"], "reported");
    let sources = y2024["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[1]["qualifier"], "nearly");
    assert_eq!(sources[1]["value"], 250e9);

    let (_, growth) = get_json(app, "/api/series?pair=CN-RU&metric=trade_growth_yoy").await;
    let points = growth["points"].as_array().expect("points");
    let y2022 = points
        .iter()
        .find(|p| p["period"]["label"] == "2022")
        .expect("2022 growth");
    assert_eq!(y2022["value"], 29.3);
    let flat = points
        .iter()
        .find(|p| p["period"]["start"] == "2020-01-01" && p["period"]["end"] == "2020-08-31")
        .expect("Jan–Aug 2020 growth");
    assert_eq!(flat["value"], 0.0);
    assert_eq!(flat["status"], "approximate");
    assert_eq!(flat["full_year"], false);
}

/// A server over the ASEAN–India fixture (a bloc as one side of the pair)
/// and the China–Brazil one.
async fn bloc_fixture(settings: Settings) -> Fixture {
    let corpus = TempDir::new().expect("corpus dir");
    for (name, bytes) in [
        (
            "asean-india.txt",
            &include_bytes!("fixtures/blocs/asean-india.txt")[..],
        ),
        (
            "china-brazil.txt",
            &include_bytes!("fixtures/china-brazil.txt")[..],
        ),
    ] {
        std::fs::write(corpus.path().join(name), bytes).expect("write");
    }
    Fixture::over(corpus, settings).await
}

#[tokio::test]
async fn a_bloc_pair_goes_wherever_a_country_pair_goes() {
    let f = bloc_fixture(Settings::default()).await;
    let (_, pairs) = get_json(f.app(), "/api/pairs").await;
    assert_eq!(
        pairs[0]["pair"],
        serde_json::json!(["ASEAN", "IN"]),
        "{pairs}"
    );

    for uri in [
        "/api/series?pair=ASEAN-IN&metric=trade_value",
        "/api/series?pair=in-asean&metric=trade_value",
    ] {
        let (status, series) = get_json(f.app(), uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(values(&series), [113.3e9, 121.5e9], "{uri}");
    }
    let (status, _) = get_json(f.app(), "/api/events?pair=ASEAN-IN").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, body) = get(f.app(), "/api/series.csv?pair=ASEAN-IN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text(&body).contains("/?pair=ASEAN-IN&source=o"),
        "{}",
        text(&body)
    );

    // The page names the parties, in its heading, title and pair picker.
    let (status, _, body) = get(f.app(), "/?pair=asean-in", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let html = text(&body);
    assert_contains(
        &html,
        &[
            "<h1 class=\"pair-title\">ASEAN–India",
            "<title>ASEAN–India · tradeline</title>",
            "aria-label=\"Brazil–China (2 figures, 1 events)\">Brazil–China</a>",
            "/export/trade-value.png?pair=ASEAN-IN",
        ],
    );

    // Exports too: the title and subtitle name the parties.
    let (status, kind, body) = get(
        f.app(),
        "/export/trade-value.svg?pair=ASEAN-IN&width=1200&height=675",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind[header::CONTENT_TYPE], "image/svg+xml");
    let all = svg_text(&body);
    assert_contains(
        &all,
        &[
            "ASEAN–India · Trade value",
            "ASEAN and India · USD, as reported",
        ],
    );
    assert!(!all.contains("ASEAN–IN"), "{all}");
    let (status, headers, body) = get(f.app(), "/export/growth.png?pair=ASEAN-IN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&body[1..4], b"PNG");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .expect("ascii")
        .contains("tradeline-ASEAN-IN-growth-"));
    let (status, _, body) = get(f.app(), "/export/trade-value.csv?pair=ASEAN-IN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&body).contains("121500000000"), "{}", text(&body));
    // A bloc pair with no data is a 404 that names it.
    let (status, _, body) = get(f.app(), "/export/growth.png?pair=EAEU-VN", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        text(&body).contains("Eurasian Economic Union–Vietnam (EAEU-VN)"),
        "{}",
        text(&body)
    );
}

#[tokio::test]
async fn a_writers_conversion_is_listed_with_its_currency_but_not_weighed_against_it() {
    let f = Fixture::new(writable()).await;
    for article in [
        "Trade between Germany and India reached EUR30.1 billion (US$32.6 billion) in 2023.",
        "Trade between Germany and India reached $33.4 billion in 2023, the embassy said.",
    ] {
        let (status, _, body) = f
            .post("/api/articles", "text/plain", Some(TOKEN), article)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}", text(&body));
    }
    let (_, series) = get_json(f.app(), "/api/series?pair=DE-IN&metric=trade_value").await;
    let usd = series["points"]
        .as_array()
        .expect("points")
        .iter()
        .find(|p| p["currency"] == "USD")
        .expect("a dollar point");
    assert_eq!(usd["status"], "reported", "{usd}");
    assert_eq!(usd["value"], 33.4e9);
    assert_eq!(usd["sources"][1]["converted"], true, "{usd}");
    assert_eq!(usd["sources"][1]["converted_from"], "EUR30.1 billion");
    let (_, _, body) = get(f.app(), "/?pair=DE-IN", &[]).await;
    let html = text(&body);
    assert!(
        html.contains("converted by the writer from EUR30.1 billion"),
        "{html}"
    );
    let (_, _, body) = get(f.app(), "/api/series.csv?pair=DE-IN", &[]).await;
    let mut reader = csv::Reader::from_reader(body.as_slice());
    let head = reader.headers().expect("header row").clone();
    let col = head
        .iter()
        .position(|h| h == "converted_from")
        .expect("a converted_from column");
    let from: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[col].to_owned())
        .collect();
    assert_eq!(
        from.iter().filter(|f| *f == "EUR30.1 billion").count(),
        1,
        "{from:?}"
    );
}

#[tokio::test]
async fn a_figure_without_a_period_is_listed_on_the_page_and_dated_through_the_api() {
    let f = Fixture::new(writable()).await;
    let article = "Trade between Chile and Peru currently stands at about $4.7 billion a year, \
the trade minister said.";
    let (status, _, body) = f
        .post("/api/articles", "text/plain", Some(TOKEN), article)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{}", text(&body));
    let id = serde_json::from_slice::<Value>(&body).expect("json")["id"].clone();
    let key = format!("o{id}-0");

    let (_, _, body) = get(f.app(), "/?pair=CL-PE", &[]).await;
    let html = text(&body);
    assert_contains(
        &html,
        &[
            "Figures without a known period",
            &format!("data-key=\"{key}\""),
        ],
    );
    let (_, series) = get_json(f.app(), "/api/series?pair=CL-PE&metric=trade_value").await;
    assert_eq!(
        series["points"],
        serde_json::json!([]),
        "not charted at a guessed date"
    );

    let (status, _, body) = f
        .post(
            "/api/corrections",
            "application/json",
            Some(TOKEN),
            format!(r#"{{"kind":"observation_period","key":"{key}","start":"2024-13"}}"#),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text(&body).contains("YYYY-MM"), "{}", text(&body));

    let (status, _, body) = f
        .post(
            "/api/corrections",
            "application/json",
            Some(TOKEN),
            format!(r#"{{"kind":"observation_period","key":"{key}","start":"2024"}}"#),
        )
        .await;
    assert!(status.is_success(), "{status}: {}", text(&body));
    let (_, series) = get_json(f.app(), "/api/series?pair=CL-PE&metric=trade_value").await;
    assert_eq!(series["points"][0]["period"]["label"], "2024", "{series}");
    assert_eq!(series["points"][0]["value"], 4.7e9);
    let (_, _, body) = get(f.app(), "/?pair=CL-PE", &[]).await;
    assert!(!text(&body).contains("Figures without a known period"));
}

#[tokio::test]
async fn the_token_is_compared_exactly_and_an_empty_one_allows_nothing() {
    let article = "Trade between Chile and Peru reached $4.7 billion in 2023.";
    let f = Fixture::new(writable()).await;
    for given in [format!(" {TOKEN}"), format!("{TOKEN} "), String::new()] {
        let (status, _, body) = f
            .post("/api/articles", "text/plain", Some(&given), article)
            .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{given:?}: {}",
            text(&body)
        );
    }
    // A server configured with an empty token is read-only, so an empty
    // token (or form field) adds nothing.
    let f = Fixture::new(Settings {
        admin_token: Some(String::new()),
        ..Settings::default()
    })
    .await;
    let (status, _, _) = f
        .post("/api/articles", "text/plain", Some(""), article)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let boundary = "XyZ";
    let form = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{article}\r\n--{boundary}--\r\n"
    );
    let (status, _, _) = f
        .post(
            "/api/articles",
            &format!("multipart/form-data; boundary={boundary}"),
            None,
            form,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// A body that fails when read: a request answered without reading it
/// gets its real answer, one whose body was read gets the read error.
struct Unreadable;

impl axum::body::HttpBody for Unreadable {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(Some(Err(std::io::Error::other("read"))))
    }
}

#[tokio::test]
async fn the_token_is_checked_before_the_body_is_read() {
    let f = Fixture::new(writable()).await;
    for (content_type, token) in [
        ("text/plain", None),
        ("text/plain", Some("wrong")),
        ("application/json", None),
        ("multipart/form-data; boundary=x", Some("wrong")),
    ] {
        let mut request = Request::post("/api/articles").header(header::CONTENT_TYPE, content_type);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let (status, _, body) = send(
            f.app(),
            request.body(Body::new(Unreadable)).expect("request"),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{content_type} {token:?}: {}",
            text(&body)
        );
    }
    let f = Fixture::new(Settings::default()).await;
    let request = Request::post("/api/articles")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .body(Body::new(Unreadable))
        .expect("request");
    let (status, _, _) = send(f.app(), request).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "writes are off: nothing is read"
    );
}

/// A form's body that sends `head` and then nothing more, as a client
/// that stalls: a server that waits for the rest never answers.
struct HeadThenStall(Option<axum::body::Bytes>);

impl axum::body::HttpBody for HeadThenStall {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        match self.0.take() {
            Some(head) => std::task::Poll::Ready(Some(Ok(http_body::Frame::data(head)))),
            None => std::task::Poll::Pending,
        }
    }
}

/// The answer to a form upload (boundary `AbC`) that sends `head` and
/// stalls, or a failure if the server waits for more of it.
async fn answered_from_the_head(f: &Fixture, head: String) -> (StatusCode, HeaderMap, Vec<u8>) {
    let request = Request::post("/api/articles")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=AbC")
        .body(Body::new(HeadThenStall(Some(head.into()))))
        .expect("request");
    tokio::time::timeout(std::time::Duration::from_secs(30), send(f.app(), request))
        .await
        .expect("the server waited for the rest of the body")
}

/// A form without the header shows its token before its article, and a
/// missing or wrong one is refused before the article is read (issue 22,
/// row 14: token-less uploads took memory before each got its 401).
#[tokio::test]
async fn a_form_is_refused_at_its_token_before_the_article_is_read() {
    let f = Fixture::new(writable()).await;
    let boundary = "AbC";
    let part = |name: &str, value: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    };
    let cases = [
        (
            "a wrong token",
            part("token", "wrong"),
            "the admin token is wrong",
        ),
        (
            "the article before the token",
            part("published", "2024-01-01"),
            "before the article",
        ),
    ];
    for (case, head, message) in cases {
        // The head, then the start of an article that never arrives whole.
        let head = format!(
            "{head}--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nTrade between"
        );
        let (status, _, body) = answered_from_the_head(&f, head).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{case}: {}", text(&body));
        assert!(text(&body).contains(message), "{case}: {}", text(&body));
    }
    // An over-long token field is refused without being read whole.
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n{}",
        "x".repeat(5000)
    );
    let (status, _, body) = answered_from_the_head(&f, head).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{}", text(&body));
    let (_, health) = get_json(f.app(), "/healthz").await;
    assert_eq!(health["articles"], 1, "nothing was stored");
}

/// The page's Content-Security-Policy lets inline scripts run only with
/// the response's nonce, which every inline script of the page carries;
/// API answers allow no inline script; SVG exports run no script; frames
/// follow the setting.
#[tokio::test]
async fn security_headers_allow_the_page_and_nothing_more() {
    let f = Fixture::new(Settings {
        frame_ancestors: "'self' https://news.example.com".to_owned(),
        ..Settings::default()
    })
    .await;
    let (status, headers, body) = get(f.app(), "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let html = text(&body);
    let policy = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ASCII")
        .to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split_once('\''))
        .map(|(n, _)| n.to_owned())
        .expect("a nonce in the policy");
    assert!(nonce.len() >= 16, "{nonce}");
    let tags: Vec<&str> = html
        .split("<script")
        .skip(1)
        .map(|rest| rest.split_once('>').map_or(rest, |(tag, _)| tag))
        .collect();
    assert!(!tags.is_empty(), "{html}");
    for tag in &tags {
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")) || tag.contains("src="),
            "an inline script without the nonce: <script{tag}>"
        );
    }
    let script_src = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .expect("script-src");
    assert!(!script_src.contains("unsafe-inline"), "{policy}");
    assert_contains(
        &policy,
        &[
            "object-src 'none'",
            "frame-ancestors 'self' https://news.example.com",
        ],
    );
    assert_eq!(headers[header::REFERRER_POLICY], "same-origin");
    let (_, again, _) = get(f.app(), "/", &[]).await;
    assert_ne!(
        again[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("ASCII"),
        policy,
        "a new nonce for each response"
    );
    let (_, api, _) = get(f.app(), "/api/pairs", &[]).await;
    let api_policy = api[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ASCII");
    assert!(!api_policy.contains("nonce"), "{api_policy}");

    let (status, headers, _) = get(f.app(), "/export/trade-value.svg?pair=BR-CN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let svg_policy = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ASCII");
    assert!(svg_policy.starts_with("default-src 'none'"), "{svg_policy}");
    assert!(!svg_policy.contains("script-src"), "{svg_policy}");
}

/// `../shared/reference/cn-ru-trade-gacc.csv`: China–Russia trade by year,
/// as China's customs published it (public statistics).
fn customs_file() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reference/cn-ru-trade-gacc.csv");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[tokio::test]
async fn official_figures_are_imported_over_http_once_and_listed_by_pair() {
    let f = Fixture::new(writable()).await;
    let file = customs_file();
    let (status, _, body) = f
        .post("/api/reference", "text/csv", None, file.clone())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{}", text(&body));

    let (status, _, body) = f
        .post("/api/reference", "text/csv", Some(TOKEN), file.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{}", text(&body));
    let report: Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(report["format"], "the reference format");
    assert_eq!(
        (report["figures"].as_u64(), report["added"].as_u64()),
        (Some(16), Some(16))
    );

    let (status, _, body) = f
        .post("/api/reference", "text/csv", Some(TOKEN), file)
        .await;
    assert_eq!(status, StatusCode::OK);
    let again: Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(16))
    );

    // Either order of the pair names the same figures.
    let (status, listed) = get_json(f.app(), "/api/reference?pair=RU-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["pair"], "CN-RU");
    let figures = listed["figures"].as_array().expect("figures");
    assert_eq!(figures.len(), 16);
    let year_2024 = figures
        .iter()
        .find(|f| f["period"]["label"] == "2024")
        .expect("2024");
    assert_eq!(year_2024["value"].as_f64(), Some(244.81e9));
    assert_eq!(year_2024["metric"], "trade_value");
    assert!(year_2024["source"]
        .as_str()
        .is_some_and(|s| s.contains("Customs")));

    let (status, listed) = get_json(f.app(), "/api/reference?pair=BR-CN").await;
    assert_eq!(
        (status, listed["figures"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(0))
    );
    let (status, _) = get_json(f.app(), "/api/reference?pair=China").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_official_file_with_a_bad_row_stores_nothing_unless_told_to_skip_it() {
    let f = Fixture::new(writable()).await;
    // Figures written for this test.
    let file = "pair,flow,period,value,currency,source\n\
                KE-UG,total,2020,800000000,USD,Test office\n\
                KE-UG,total,20X1,900000000,USD,Test office\n";
    let (status, _, body) = f
        .post("/api/reference", "text/csv", Some(TOKEN), file)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", text(&body));
    let refused: Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(refused["bad"][0]["line"].as_u64(), Some(3));
    assert_contains(
        refused["error"].as_str().unwrap_or_default(),
        &["nothing was imported", "skip_bad=true"],
    );
    let (_, listed) = get_json(f.app(), "/api/reference?pair=KE-UG").await;
    assert_eq!(listed["figures"].as_array().map(Vec::len), Some(0));

    let (status, _, body) = f
        .post(
            "/api/reference?skip_bad=true&source=Kept",
            "text/csv",
            Some(TOKEN),
            file,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{}", text(&body));
    let report: Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(
        (report["added"].as_u64(), report["bad"][0]["line"].as_u64()),
        (Some(1), Some(3))
    );
    let (_, listed) = get_json(f.app(), "/api/reference?pair=KE-UG").await;
    assert_eq!(listed["figures"][0]["source"], "Kept");

    let (status, _, body) = f
        .post(
            "/api/reference",
            "text/csv",
            Some(TOKEN),
            "country,year\nKE,2020\n",
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_contains(&text(&body), &["neither the reference format"]);
}

/// Issue 25's check: with China's customs figures imported beside the
/// reference articles, 2022's report meets its official value (gap 0),
/// 2024's two reports are held against $244.81 bn, and 2010-2021, which
/// no article reports, are official points only; the page's table, the
/// chart and the exports show the official line and name its source.
#[tokio::test]
async fn official_figures_lie_beside_the_reports_of_the_reference_articles() {
    let (_data, library) = seeds_library().await;
    let read = app::reference::read::read(&customs_file(), None).expect("reads");
    library
        .import_reference(&read.figures)
        .await
        .expect("imports");
    let app = router(library, &Settings::default());

    let (_, trade) = get_json(app.clone(), "/api/series?pair=CN-RU&metric=trade_value").await;
    let points = trade["points"].as_array().expect("points");
    let year = |label: &str| {
        points
            .iter()
            .find(|p| p["period"]["label"] == label && p["full_year"] == true)
    };
    let y2022 = year("2022").expect("2022");
    assert_eq!(y2022["official"]["value"].as_f64(), Some(190.27e9));
    assert_eq!(y2022["official"]["gap_pct"].as_f64(), Some(0.0));
    assert_eq!(y2022["official"]["beyond_precision"], false);
    let y2024 = year("2024").expect("2024");
    assert_eq!(y2024["sources"].as_array().map(Vec::len), Some(2));
    assert_eq!(y2024["official"]["value"].as_f64(), Some(244.81e9));
    let gap = y2024["official"]["gap_pct"].as_f64().expect("gap");
    assert!((gap - -0.004).abs() < 0.001, "{gap}");
    assert!(y2024["official"]["source"]
        .as_str()
        .is_some_and(|s| s.starts_with("China General Administration of Customs")));
    let official = trade["official"].as_array().expect("the official line");
    assert_eq!(official.len(), 16);
    for y in 2010..=2021 {
        let label = y.to_string();
        assert!(year(&label).is_none(), "{label} has a report");
        assert!(
            official
                .iter()
                .any(|o| o["period"]["label"] == label.as_str()),
            "{label} is not an official point"
        );
    }

    let (status, _, page) = get(app.clone(), "/?pair=CN-RU", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let page = text(&page);
    assert_contains(
        &page,
        &[
            "Trade value, official (China General Administration of Customs",
            "official only",
            "gap -0.004 %",
        ],
    );
    let (status, _, svg) = get(app.clone(), "/export/trade-value.svg?pair=CN-RU", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_contains(
        &svg_text(&svg),
        &["Official figures (thin line): China General Administration of Customs"],
    );
    // Switched off, the line and the footer's line are gone.
    let (_, _, svg) = get(
        app.clone(),
        "/export/trade-value.svg?pair=CN-RU&show=trade,exports,imports,balance",
        &[],
    )
    .await;
    assert_lacks(&svg_text(&svg), &["Official figures", ", official ("]);
    let (_, _, csv) = get(app, "/api/series.csv?pair=CN-RU&metric=trade_value", &[]).await;
    let csv = text(&csv);
    assert_contains(
        &csv,
        &[
            "official_value",
            "2010-01-01,2010-12-31,2010,true,55450000000,official",
        ],
    );
}

/// A UN Comtrade download (rows written for this test) with both ends of
/// Brazil's exports to China: the API and the page show the mirror, and
/// the rows of single commodities and of the World are skipped and counted.
#[tokio::test]
async fn both_ends_of_a_flow_from_comtrade_make_mirror_statistics_on_the_page() {
    let f = Fixture::new(writable()).await;
    let file = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,cmdCode,cmdDesc,customsCode,motCode,primaryValue\n\
        C,A,20230101,2023,52,2023,76,BRA,Brazil,X,Export,156,CHN,China,0,W00,TOTAL,All,C00,0,104300000000\n\
        C,A,20230101,2023,52,2023,156,CHN,China,M,Import,76,BRA,Brazil,0,W00,TOTAL,All,C00,0,122400000000\n\
        C,A,20230101,2023,52,2023,76,BRA,Brazil,X,Export,156,CHN,China,0,W00,12,Oil seeds,C00,0,38000000000\n\
        C,A,20230101,2023,52,2023,76,BRA,Brazil,X,Export,0,W00,World,0,W00,TOTAL,All,C00,0,339700000000\n";
    let (status, _, body) = f
        .post("/api/reference", "text/csv", Some(TOKEN), file)
        .await;
    assert_eq!(status, StatusCode::OK, "{}", text(&body));
    let report: Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(report["format"], "a UN Comtrade download");
    assert_eq!(report["added"].as_u64(), Some(2));
    let skipped: Vec<u64> = report["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .filter_map(|s| s["rows"].as_u64())
        .collect();
    assert_eq!(skipped, [1, 1]);

    let (_, listed) = get_json(f.app(), "/api/reference?pair=CN-BR").await;
    let mirror = &listed["mirrors"][0];
    assert_eq!(
        (mirror["from"].as_str(), mirror["to"].as_str()),
        (Some("BR"), Some("CN"))
    );
    assert_eq!(mirror["difference"].as_f64(), Some(18.1e9));
    assert_eq!(mirror["exports_source"], "UN Comtrade, reported by Brazil");
    assert_eq!(mirror["imports_source"], "UN Comtrade, reported by China");

    let (status, _, page) = get(f.app(), "/?pair=BR-CN", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_contains(
        &text(&page),
        &[
            "Mirror statistics",
            "Brazil → China",
            "UN Comtrade, reported by China",
        ],
    );
}

/// Issue 25's pledge check: an article written for this test says the two
/// leaders set a $200 billion goal for 2024 during a state visit; with the
/// reference articles and China's customs figures, it is a pledge set at
/// that visit and met in 2024, by the reported and the official value.
#[tokio::test]
async fn a_goal_set_at_a_visit_is_a_pledge_met_by_the_reported_and_official_values() {
    let (data, library) = seeds_library().await;
    let corpus = data.path().join("pledge");
    std::fs::create_dir(&corpus).expect("dir");
    std::fs::write(
        corpus.join("pledge-cn-ru.txt"),
        include_bytes!("fixtures/pledge/pledge-cn-ru.txt"),
    )
    .expect("write");
    ingest::pass(&library, &corpus, None).await.expect("reads");
    let read = app::reference::read::read(&customs_file(), None).expect("reads");
    library
        .import_reference(&read.figures)
        .await
        .expect("imports");
    let app = router(library, &Settings::default());

    let (status, pledges) = get_json(app.clone(), "/api/pledges?pair=RU-CN").await;
    assert_eq!(status, StatusCode::OK);
    let pledges = pledges.as_array().expect("a list");
    assert_eq!(pledges.len(), 1, "{pledges:?}");
    let p = &pledges[0];
    assert_eq!(
        (p["period"]["label"].as_str(), p["value"].as_f64()),
        (Some("2024"), Some(200e9))
    );
    assert_eq!(p["set_at"]["kind"], "state_visit");
    assert!(p["set_at"]["participants"]
        .as_array()
        .is_some_and(|names| names.iter().any(|n| n == "Xi Jinping")));
    let outcome = &p["outcome"];
    assert_eq!(outcome["reported"].as_f64(), Some(244.8e9));
    assert_eq!(outcome["official"].as_f64(), Some(244.81e9));
    assert_eq!(outcome["met"], true);

    let (_, _, page) = get(app.clone(), "/?pair=CN-RU", &[]).await;
    assert_contains(
        &text(&page),
        &[
            "Trade pledges",
            "goal $200 bn",
            "$200 billion",
            "met by +22.4 %",
            "official $244.81 billion",
            "State visit",
        ],
    );
    let (_, _, svg) = get(app, "/export/trade-value.svg?pair=CN-RU", &[]).await;
    assert_contains(&svg_text(&svg), &["goal $200 bn", "trade goal"]);
}

/// One country pair's 2023 trade reported in Chinese, Russian and English
/// (articles written for this test; the Russian one rounds to a billion).
async fn three_languages_fixture() -> Fixture {
    let corpus = TempDir::new().expect("corpus dir");
    for (name, bytes) in [
        (
            "cn-kz-zh.txt",
            &include_bytes!("fixtures/languages/cn-kz-zh.txt")[..],
        ),
        (
            "cn-kz-ru.txt",
            &include_bytes!("fixtures/languages/cn-kz-ru.txt")[..],
        ),
        (
            "cn-kz-en.txt",
            &include_bytes!("fixtures/languages/cn-kz-en.txt")[..],
        ),
    ] {
        std::fs::write(corpus.path().join(name), bytes).expect("write");
    }
    Fixture::over(corpus, Settings::default()).await
}

#[tokio::test]
async fn one_figure_reported_in_three_languages_is_one_point_with_every_source() {
    let f = three_languages_fixture().await;
    let (status, series) = get_json(f.app(), "/api/series?pair=CN-KZ&metric=trade_value").await;
    assert_eq!(status, StatusCode::OK);
    let points = series["points"].as_array().expect("points");
    assert_eq!(points.len(), 1, "{points:?}");
    let point = &points[0];
    // $41 billion is $41.02 billion rounded: the three agree.
    assert_eq!(point["status"], "reported");
    assert_eq!(point["period"]["label"], "2023");
    let mut written: Vec<&str> = point["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["as_written"].as_str())
        .collect();
    written.sort_unstable();
    assert_eq!(
        written,
        ["$41.02 billion", "41 млрд долларов", "410.2亿美元"]
    );
    let (_, growth) = get_json(f.app(), "/api/series?pair=CN-KZ&metric=trade_growth_yoy").await;
    assert_eq!(values(&growth), [32.0]);
    assert_eq!(
        growth["points"][0]["sources"].as_array().map(Vec::len),
        Some(3)
    );

    // The Chinese source opens with its sentence marked in the original and
    // what was read from it beside, in English.
    let key = point["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["as_written"] == "410.2亿美元")
        .and_then(|s| s["key"].as_str())
        .expect("the Chinese source's key")
        .to_owned();
    let (status, _, body) = get(f.app(), &format!("/?pair=CN-KZ&source={key}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_contains(
        &text(&body),
        &[
            "<strong class=\"figure\">410.2亿美元</strong>",
            "lang=\"zh\"",
            "Read from the marked sentence: ",
            "Trade value, China–Kazakhstan, 2023: $41.02 billion, reported",
            "中哈经贸合作持续深化",
        ],
    );

    // The talks the Chinese article reports are on the pair's timeline,
    // dated from the publication year.
    let (_, events) = get_json(f.app(), "/api/events?pair=CN-KZ").await;
    let events = events.as_array().expect("events");
    assert!(
        events
            .iter()
            .any(|e| e["event"]["kind"] == "talks" && e["event"]["date_start"] == "2023-05-18"),
        "{events:?}"
    );
}
