//! The plain HTTP API, for other tools and for the dashboard's form: pairs,
//! series (JSON and CSV), events, articles, and the two writes (adding an
//! article, correcting one), which need the admin token.

use app::{
    library::{CorrectError, CorrectionRequest, Incoming, IngestError, Ingested},
    model::{Metric, Pair, Series, BLOCS},
    store::Origin,
};
use axum::{
    body::Bytes,
    extract::{FromRequest, Multipart, Path, Query, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Json,
};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::{error::ApiError, state::AppState};

pub(crate) fn parse_pair(pair: Option<&str>) -> Result<Pair, ApiError> {
    let pair = pair.ok_or_else(|| ApiError::bad_request("missing `pair`, e.g. pair=CN-RU"))?;
    Pair::from_slug(pair).ok_or_else(|| {
        let blocs: Vec<&str> = BLOCS.iter().map(|(code, _)| *code).collect();
        ApiError::bad_request(format!(
            "`pair` must be two ISO 3166 alpha-2 country codes or bloc codes ({}) joined by a dash, e.g. CN-RU or ASEAN-IN (got {pair:?})",
            blocs.join(", ")
        ))
    })
}

fn parse_metric(metric: Option<&str>) -> Result<Metric, ApiError> {
    let metric = metric.unwrap_or("trade_value");
    Metric::parse(metric).ok_or_else(|| {
        let known: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
        ApiError::bad_request(format!(
            "unknown `metric` {metric:?}; one of {}",
            known.join(", ")
        ))
    })
}

fn parse_year(name: &str, value: Option<&str>) -> Result<Option<i32>, ApiError> {
    value
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<i32>()
                .ok()
                .filter(|y| app::view::YEARS.contains(y))
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "`{name}` must be a year from {} to {}, such as 2020 (got {v:?})",
                        app::view::YEARS.start(),
                        app::view::YEARS.end()
                    ))
                })
        })
        .transpose()
}

#[derive(Debug, Default, Deserialize)]
pub struct SeriesQuery {
    pair: Option<String>,
    metric: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// `GET /api/pairs`
pub async fn pairs(State(state): State<AppState>) -> Result<Response, ApiError> {
    let pairs = state
        .library
        .pairs()
        .await
        .map_err(|e| ApiError::store(&e))?;
    Ok(Json(&*pairs).into_response())
}

/// `GET /api/series?pair=CN-RU&metric=trade_value[&from=YYYY&to=YYYY]`
pub async fn series(
    State(state): State<AppState>,
    Query(q): Query<SeriesQuery>,
) -> Result<Response, ApiError> {
    let pair = parse_pair(q.pair.as_deref())?;
    let metric = parse_metric(q.metric.as_deref())?;
    let from = parse_year("from", q.from.as_deref())?;
    let to = parse_year("to", q.to.as_deref())?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(ApiError::bad_request(format!(
                "`from` ({f}) is after `to` ({t})"
            )));
        }
    }
    let view = state
        .library
        .view(&pair)
        .await
        .map_err(|e| ApiError::store(&e))?;
    if from.is_none() && to.is_none() {
        if let Some(json) = view.series_json(&pair, metric) {
            return Ok(json_bytes(json));
        }
    }
    let mut series = view.series(&pair, metric).cloned().unwrap_or(Series {
        pair: if metric.is_directed() {
            pair.clone()
        } else {
            pair.undirected()
        },
        metric,
        points: Vec::new(),
        official: Vec::new(),
    });
    series.points.retain(|p| {
        use chrono::Datelike;
        from.is_none_or(|f| p.period.end.year() >= f)
            && to.is_none_or(|t| p.period.start.year() <= t)
    });
    Ok(Json(series).into_response())
}

fn json_bytes(body: Bytes) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

#[derive(Debug, Default, Deserialize)]
pub struct PairQuery {
    pair: Option<String>,
    metric: Option<String>,
}

/// The cached view of the pair a query names.
async fn pair_view(
    state: &AppState,
    q: &PairQuery,
) -> Result<std::sync::Arc<app::library::PairView>, ApiError> {
    let pair = parse_pair(q.pair.as_deref())?;
    state
        .library
        .view(&pair)
        .await
        .map_err(|e| ApiError::store(&e))
}

/// `GET /api/events?pair=CN-RU`
pub async fn events(
    State(state): State<AppState>,
    Query(q): Query<PairQuery>,
) -> Result<Response, ApiError> {
    Ok(Json(&pair_view(&state, &q).await?.events).into_response())
}

/// `GET /api/pledges?pair=CN-RU`: the pair's trade goals, where each was
/// set, and what its period brought.
pub async fn pledges(
    State(state): State<AppState>,
    Query(q): Query<PairQuery>,
) -> Result<Response, ApiError> {
    Ok(Json(&pair_view(&state, &q).await?.pledges).into_response())
}

/// `GET /api/articles/{id}`
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id: u32 = id
        .parse()
        .map_err(|_| ApiError::bad_request(format!("an article id is a number (got {id:?})")))?;
    match state
        .library
        .article_view(id)
        .await
        .map_err(|e| ApiError::store(&e))?
    {
        Some(view) => Ok(Json(view).into_response()),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article {id}"),
        )),
    }
}

/// `GET /api/series.csv?pair=CN-RU[&metric=...]`: one row per report (and one
/// per derived point), every row with its source.
pub async fn series_csv(
    State(state): State<AppState>,
    Query(q): Query<PairQuery>,
) -> Result<Response, ApiError> {
    let pair = parse_pair(q.pair.as_deref())?;
    let metric = q
        .metric
        .as_deref()
        .map(|m| parse_metric(Some(m)))
        .transpose()?;
    let view = state
        .library
        .view(&pair)
        .await
        .map_err(|e| ApiError::store(&e))?;
    let series: Vec<&Series> = view
        .series
        .iter()
        .filter(|s| metric.is_none_or(|m| s.metric == m))
        .collect();
    let body = app::export::csv::series_rows(&series).map_err(ApiError::internal)?;
    let name = format!(
        "attachment; filename=\"tradeline-{}.csv\"",
        pair.undirected().slug()
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&name).unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response())
}

/// Whether the request carries the admin token (header, or the form's field).
pub(crate) fn authorize(
    state: &AppState,
    headers: &HeaderMap,
    form_token: Option<&str>,
) -> Result<(), ApiError> {
    let Some(expected) = state.admin_token.as_deref() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "adding articles is switched off on this server: start it with --admin-token <TOKEN> (or TRADELINE_ADMIN_TOKEN) to allow it",
        ));
    };
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match bearer.or(form_token) {
        // Exactly as configured: never trimmed, and an empty one never set.
        Some(given)
            if !expected.is_empty() && constant_time_eq(given.as_bytes(), expected.as_bytes()) =>
        {
            Ok(())
        }
        Some(_) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "the admin token is wrong",
        )),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "this needs the admin token: send `Authorization: Bearer <TOKEN>`",
        )),
    }
}

/// Compares without an early exit, so timing does not reveal a matching prefix.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// An upload, however it arrived.
#[derive(Debug, Default)]
struct Upload {
    name: Option<String>,
    bytes: Option<Vec<u8>>,
    text: Option<String>,
    published: Option<String>,
    token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct UploadQuery {
    published: Option<String>,
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
struct JsonUpload {
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

/// `POST /api/articles`: the article as the body (`text/plain`,
/// `text/markdown`, `text/html`), as JSON (`{"text": ..., "published": ...}`)
/// or as a form (`multipart/form-data` with `text` or `file`, `published`,
/// `token`). A browser's form submission gets a redirect back to the
/// dashboard, or a page that keeps what was typed.
pub async fn add_article(
    State(state): State<AppState>,
    Query(q): Query<UploadQuery>,
    request: Request,
) -> Response {
    let headers = request.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let from_form = content_type.starts_with("multipart/form-data");
    let from_browser = from_form
        && headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
    // The token is checked before the article is read: from the header
    // when writes are off, when the body is not a form (then the header is
    // its only place) and when the header is sent; otherwise from the
    // form's `token` field, which must come before the article (both forms
    // put it first), so a wrong one is refused before the article is read.
    let header_only = !from_form || headers.contains_key(header::AUTHORIZATION);
    if state.admin_token.is_none() || header_only {
        if let Err(e) = authorize(&state, &headers, None) {
            return if from_browser {
                form_error_page(&state, &e, None)
            } else {
                e.into_response()
            };
        }
    }
    let gate = (!header_only).then_some(TokenGate {
        state: &state,
        headers: &headers,
    });
    let upload = read_upload(request, &content_type, q, gate).await;
    let outcome = match upload {
        Ok(upload) => store_upload(&state, &headers, &upload)
            .await
            .map_err(|e| (e, Some(upload))),
        Err(e) => Err((e, None)),
    };
    match (outcome, from_browser) {
        (Ok((ingested, _)), true) => {
            Redirect::to(&format!("/?added={}", ingested.id)).into_response()
        }
        (Ok((ingested, status)), false) => {
            let location = format!("/api/articles/{}", ingested.id);
            let mut response = (status, Json(ingested)).into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, v);
            }
            response
        }
        (Err((e, upload)), true) => form_error_page(&state, &e, upload.as_ref()),
        (Err((e, _)), false) => e.into_response(),
    }
}

/// What a form without the `Authorization` header must show before its
/// article is read: the token, as its first field but the date.
struct TokenGate<'a> {
    state: &'a AppState,
    headers: &'a HeaderMap,
}

/// A form whose next part cannot be read (cut short, over the body limit).
fn unreadable_form(e: axum::extract::multipart::MultipartError) -> ApiError {
    ApiError::new(e.status(), format!("the form cannot be read: {e}"))
}

/// A form that shows its article before a valid token.
fn token_not_first() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "this needs the admin token: send `Authorization: Bearer <TOKEN>`, or the form's `token` field before the article",
    )
}

/// The longest form field read besides the article (the token, the date):
/// a longer one is refused, not read.
const SMALL_FIELD: usize = 4096;

/// A small form field's text, refused past [`SMALL_FIELD`] bytes without
/// reading the rest.
async fn small_field(mut field: axum::extract::multipart::Field<'_>) -> Result<String, ApiError> {
    let name = field.name().unwrap_or("").to_owned();
    let mut data = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(unreadable_form)? {
        if data.len() + chunk.len() > SMALL_FIELD {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the form's {name:?} field is longer than {SMALL_FIELD} bytes"),
            ));
        }
        data.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&data).into_owned())
}

async fn read_upload(
    request: Request,
    content_type: &str,
    q: UploadQuery,
    gate: Option<TokenGate<'_>>,
) -> Result<Upload, ApiError> {
    let mut upload = Upload {
        name: q.name,
        published: q.published,
        ..Upload::default()
    };
    if content_type.starts_with("multipart/form-data") {
        let mut form = Multipart::from_request(request, &())
            .await
            .map_err(|e| ApiError::bad_request(format!("the form cannot be read: {e}")))?;
        let mut authorized = gate.is_none();
        while let Some(field) = form.next_field().await.map_err(unreadable_form)? {
            let name = field.name().unwrap_or("").to_owned();
            match name.as_str() {
                "token" => {
                    let token = small_field(field).await?;
                    if let Some(gate) = &gate {
                        authorize(gate.state, gate.headers, Some(&token))?;
                        authorized = true;
                    }
                    upload.token = Some(token);
                }
                "published" => upload.published = Some(small_field(field).await?),
                // Anything else before the token is not read: an article
                // sent by someone without it costs nothing but its headers.
                _ if !authorized => return Err(token_not_first()),
                "file" => {
                    let file_name = field.file_name().map(str::to_owned);
                    let data = field.bytes().await.map_err(unreadable_form)?;
                    if !data.is_empty() {
                        upload.name = file_name.or(upload.name);
                        upload.bytes = Some(data.to_vec());
                    }
                }
                "text" => {
                    let data = field.bytes().await.map_err(unreadable_form)?;
                    upload.text = Some(String::from_utf8_lossy(&data).into_owned());
                }
                _ => {}
            }
        }
        if !authorized {
            return Err(token_not_first());
        }
        return Ok(upload);
    }
    let kind = content_type.split(';').next().unwrap_or("").trim();
    let default_name = match kind {
        "application/json" => {
            let body = Bytes::from_request(request, &())
                .await
                .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
            let json: JsonUpload = serde_json::from_slice(&body).map_err(|e| {
                ApiError::bad_request(format!(
                    "the JSON body must be {{\"text\": \"...\", \"published\": \"YYYY-MM-DD\"}}: {e}"
                ))
            })?;
            upload.text = Some(json.text);
            upload.published = json.published.or(upload.published);
            upload.name = json.name.or(upload.name);
            return Ok(upload);
        }
        "text/html" | "application/xhtml+xml" => "upload.html",
        "text/markdown" | "text/x-markdown" => "upload.md",
        "text/plain" | "application/octet-stream" | "" => "upload.txt",
        other => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("cannot read {other:?}: send text/plain, text/markdown, text/html, application/json or a multipart form"),
            ))
        }
    };
    let body = Bytes::from_request(request, &())
        .await
        .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    upload.name = upload.name.or(Some(default_name.to_owned()));
    upload.bytes = Some(body.to_vec());
    Ok(upload)
}

async fn store_upload(
    state: &AppState,
    headers: &HeaderMap,
    upload: &Upload,
) -> Result<(Ingested, StatusCode), ApiError> {
    authorize(state, headers, upload.token.as_deref())?;
    let published = match upload.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            ApiError::bad_request(format!(
                "`published` must be a date as YYYY-MM-DD, such as 2025-04-02 (got {s:?})"
            ))
        })?),
    };
    let bytes = match (&upload.bytes, &upload.text) {
        (Some(bytes), _) => bytes.clone(),
        (None, Some(text)) if !text.trim().is_empty() => text.clone().into_bytes(),
        _ => {
            return Err(ApiError::bad_request(
                "no article: paste its text or choose a file",
            ))
        }
    };
    let name = sanitize_name(upload.name.as_deref().unwrap_or("upload.txt"));
    let incoming = Incoming {
        name,
        bytes,
        origin: Origin::Upload,
        published,
    };
    let result = state
        .library
        .ingest(vec![incoming])
        .await
        .pop()
        .unwrap_or(Err(IngestError::NotExtracted));
    match result {
        Ok(ingested) if ingested.duplicate => Ok((ingested, StatusCode::OK)),
        Ok(ingested) => {
            tracing::info!(
                id = ingested.id,
                observations = ingested.observations,
                "article added"
            );
            Ok((ingested, StatusCode::CREATED))
        }
        Err(e @ IngestError::TooLarge { .. }) => {
            Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, e.to_string()))
        }
        Err(e @ IngestError::Unreadable(_)) => Err(ApiError::bad_request(e.to_string())),
        Err(IngestError::Store(e)) => Err(ApiError::store(&e)),
        Err(e) => Err(ApiError::internal(e)),
    }
}

/// Keeps the file name only (no folders), so a name can never look like a path.
fn sanitize_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    let clean: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if clean.is_empty() {
        "upload.txt".to_owned()
    } else {
        clean
    }
}

/// A browser's failed form submission: the message, and the form again with
/// what was typed, so nothing is lost.
/// The dashboard's form again, with the error and what was typed.
fn form_error_page(state: &AppState, error: &ApiError, upload: Option<&Upload>) -> Response {
    let typed = app::ui::Typed {
        text: upload.and_then(|u| u.text.clone()).unwrap_or_default(),
        published: upload.and_then(|u| u.published.clone()).unwrap_or_default(),
    };
    let html =
        app::ui::refused_page_html(&app::stylesheet_href(&state.leptos), &error.message, typed);
    (
        error.status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        html,
    )
        .into_response()
}

/// `POST /api/corrections` (JSON): set a publication date, mark a figure
/// wrong, or edit an event. The article is extracted again with it.
pub async fn correct(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    authorize(&state, &headers, None)?;
    let request: CorrectionRequest = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(format!(
            "a correction is JSON with a `kind`: published (article, published), observation_wrong (key, wrong) or event_edit (key, date_start, date_end, place): {e}"
        ))
    })?;
    match state.library.correct(request).await {
        Ok(article) => Ok(Json(serde_json::json!({ "article": article })).into_response()),
        Err(CorrectError::NotFound(what)) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article or figure {what}"),
        )),
        Err(e @ CorrectError::Invalid(_)) => Err(ApiError::bad_request(e.to_string())),
        Err(CorrectError::Store(e)) => Err(ApiError::store(&e)),
        Err(e) => Err(ApiError::internal(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_tells_the_client_nothing_of_the_server() {
        let e = ApiError::internal(
            "error returned from database: no such table: articles (/srv/data/tradeline.sqlite3)",
        );
        assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            !e.message.contains("database") && !e.message.contains("/srv"),
            "{}",
            e.message
        );
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(!constant_time_eq(b"", b"x"));
    }

    #[test]
    fn upload_names_lose_their_folders() {
        assert_eq!(sanitize_name("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_name("C:\\docs\\a.html"), "a.html");
        assert_eq!(sanitize_name("  "), "upload.txt");
    }

    #[test]
    fn years_and_pairs_are_checked() {
        assert!(parse_year("from", Some("20x0")).is_err());
        assert_eq!(parse_year("from", Some("2020")).ok(), Some(Some(2020)));
        assert_eq!(parse_year("from", None).ok(), Some(None));
        // The page's range, so the API answers no view the page refuses.
        for (year, accepted) in [
            ("1899", false),
            ("1900", true),
            ("2100", true),
            ("2101", false),
        ] {
            assert_eq!(parse_year("to", Some(year)).is_ok(), accepted, "{year}");
            let (_, bad) = app::view::View::from_query([("to", year)]);
            assert_eq!(bad.is_empty(), accepted, "{year}");
        }
        assert!(parse_pair(Some("CN_RU")).is_err());
        assert!(parse_pair(None).is_err());
        assert!(parse_metric(Some("gdp")).is_err());
    }
}
