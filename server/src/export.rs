//! Chart exports over HTTP (`GET /export/{chart}.{png|svg|csv}`) and from the
//! command line (`tradeline export`). Both read their options as query
//! parameters through the same parsers, then call [`app::export`], so a
//! link, a download and a script give the same bytes for the same view.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use app::chart::ChartKind;
use app::export::{self, ExportError, Exported, Format, Options};
use app::format::pair_name;
use app::library::Library;
use app::model::DashboardData;
use app::view::{BadParam, View};
use axum::{
    extract::{Path, RawQuery, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use crate::admission::Busy;
use crate::cli::ExportArgs;
use crate::error::ApiError;
use crate::page_cache;
use crate::state::AppState;

/// What an export request asks for, or every reason it cannot be served.
pub struct Request {
    pub kind: ChartKind,
    pub format: Format,
    pub view: View,
    pub options: Options,
}

impl Request {
    /// Parses `chart`, `format` and the query parameters; every problem is
    /// reported at once, as a person fixing a URL wants.
    pub fn parse(
        chart: &str,
        format: &str,
        params: &[(String, String)],
    ) -> Result<Request, String> {
        let mut problems = Vec::new();
        let kind = ChartKind::parse(chart);
        if kind.is_none() {
            problems.push(format!(
                "unknown chart {chart:?}: one of trade-value, growth, timeline"
            ));
        }
        let fmt = Format::parse(format);
        if fmt.is_none() {
            problems.push(format!("unknown format {format:?}: one of png, svg, csv"));
        }
        let pairs = || params.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        let (view, bad) = View::from_query(pairs());
        // Years given the wrong way round were swapped: a dashboard warns,
        // an export just draws them.
        problems.extend(bad.iter().filter(|b| !b.is_swap()).map(BadParam::to_string));
        let options = match Options::from_query(pairs()) {
            Ok(o) => Some(o),
            Err(bad) => {
                problems.extend(bad.iter().map(BadParam::to_string));
                None
            }
        };
        match (kind, fmt, options) {
            (Some(kind), Some(format), Some(options)) if problems.is_empty() => Ok(Request {
                kind,
                format,
                view,
                options,
            }),
            _ => Err(problems.join("; ")),
        }
    }
}

/// `GET /export/{chart}.{format}?pair=…&from=…&to=…&show=…&width=…&height=…&scale=…&theme=…`
pub async fn handler(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    asked: HeaderMap,
) -> Result<Response, ApiError> {
    let Some((chart, format)) = file.rsplit_once('.') else {
        return Err(ApiError::bad_request(format!(
            "an export is /export/{{chart}}.{{png|svg|csv}}, not /export/{file}"
        )));
    };
    let params: Vec<(String, String)> =
        form_urlencoded::parse(query.as_deref().unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let request = Request::parse(chart, format, &params).map_err(ApiError::bad_request)?;
    // The same export of the same data on the same day is the same bytes:
    // a client that has them is told so before anything is drawn.
    let today = chrono::Utc::now().date_naive();
    let etag = state
        .pages
        .etag(state.library.generation(), &(&file, &query, today));
    if page_cache::matches(&asked, &etag) {
        let mut kept = HeaderMap::new();
        kept.insert(header::ETAG, etag);
        return Ok(page_cache::not_modified(&kept));
    }
    // A PNG draws within the budget of pixels; past a short queue, a
    // request is told to come back rather than held.
    let drawing = match request.format {
        Format::Png => match state.exports.admit(request.options.pixels()).await {
            Ok(permit) => Some(permit),
            Err(Busy) => {
                let mut response = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "too many images are being drawn; try again in a few seconds",
                )
                .into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
                return Ok(response);
            }
        },
        Format::Svg | Format::Csv => None,
    };
    let exported = run(&state.library, &request, drawing).await?;
    let disposition = format!("inline; filename=\"{}\"", exported.filename);
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(exported.content_type),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("inline")),
            ),
        ],
        exported.bytes,
    )
        .into_response();
    response.headers_mut().insert(header::ETAG, etag);
    // An SVG opened on its own is a document: it may run no script.
    if request.format == Format::Svg {
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            crate::routes::image_policy(&state.frame_ancestors),
        );
    }
    Ok(response)
}

/// Why an export was not made, shared by the HTTP handler and `tradeline
/// export`, which each say it their own way (a status and a stable message;
/// the whole story on the terminal).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("no figures or events for {name} ({slug}); GET /api/pairs lists the pairs there are")]
    UnknownPair { name: String, slug: String },
    #[error("no articles have been read yet")]
    NoArticles,
    #[error("the store could not be read: {0}")]
    Store(#[from] app::store::StoreError),
    #[error("the drawing stopped: {0}")]
    Drawing(#[from] tokio::task::JoinError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl From<RunError> for ApiError {
    fn from(e: RunError) -> ApiError {
        match e {
            RunError::UnknownPair { .. }
            | RunError::NoArticles
            | RunError::Export(ExportError::Empty(_)) => {
                ApiError::new(StatusCode::NOT_FOUND, e.to_string())
            }
            RunError::Store(e) => ApiError::store(&e),
            other => ApiError::internal(other),
        }
    }
}

/// The export of `request`; `drawing`, the budget a PNG holds, is held by
/// the drawing itself, so it returns only when the memory does (a request
/// dropped by its client leaves the drawing running until it ends).
async fn run(
    library: &Arc<Library>,
    request: &Request,
    drawing: Option<tokio::sync::OwnedSemaphorePermit>,
) -> Result<Exported, RunError> {
    let pairs = library.pairs().await?;
    let pair = match &request.view.pair {
        Some(pair) if pairs.iter().any(|p| p.pair == pair.undirected()) => pair.undirected(),
        Some(pair) => {
            return Err(RunError::UnknownPair {
                name: pair_name(pair),
                slug: pair.slug(),
            })
        }
        None => match pairs.first() {
            Some(p) => p.pair.clone(),
            None => return Err(RunError::NoArticles),
        },
    };
    // The pair's cached view: series, events and the articles behind them.
    let cached = library.view(&pair).await?;
    let data = DashboardData {
        pair: Some(pair),
        series: cached.series.clone(),
        events: cached.events.clone(),
        articles: cached.articles.clone(),
        ..DashboardData::default()
    };
    let today = chrono::Utc::now().date_naive();
    let (kind, format, view, options) = (
        request.kind,
        request.format,
        request.view.clone(),
        request.options,
    );
    // Drawing a large PNG takes tens of milliseconds of CPU: off the async threads.
    Ok(tokio::task::spawn_blocking(move || {
        let _drawing = drawing;
        export::render(&data, kind, format, &view, &options, today)
    })
    .await??)
}

/// Errors of `tradeline export`, each with what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("there is no store in {}: give --corpus DIR to read articles, or --data-dir DIR for a server's store", .0.display())]
    NoStore(PathBuf),
    #[error("the store in {} cannot be used: {source}", path.display())]
    Store {
        path: PathBuf,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error(transparent)]
    Database(app::store::StoreError),
    #[error(transparent)]
    Export(#[from] RunError),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// `tradeline export`: reads the corpus (if given) and writes one export.
pub async fn command(args: ExportArgs) -> Result<Exported, CliError> {
    let params: Vec<(String, String)> = args
        .params()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    let request = Request::parse(&args.chart, args.format(), &params).map_err(CliError::Usage)?;
    // A corpus without a data folder goes into a temporary store that is
    // removed afterwards: exporting leaves nothing behind but the file.
    let temp = match (&args.data_dir, &args.database_url, args.corpus.is_empty()) {
        (None, None, false) => Some(tempfile::tempdir().map_err(|e| CliError::Store {
            path: std::env::temp_dir(),
            source: e.into(),
        })?),
        _ => None,
    };
    let data_dir = match (&args.data_dir, &temp) {
        (Some(dir), _) => dir.clone(),
        (None, Some(temp)) => temp.path().to_owned(),
        (None, None) => PathBuf::from("tradeline-data"),
    };
    let database = app::store::Database::new(&data_dir, args.database_url.as_deref())
        .map_err(CliError::Database)?;
    if let app::store::Database::Embedded(dir) = &database {
        if args.corpus.is_empty() && !dir.join(app::store::DATABASE_FILE).exists() {
            return Err(CliError::NoStore(data_dir));
        }
        std::fs::create_dir_all(dir).map_err(|e| CliError::Store {
            path: dir.clone(),
            source: e.into(),
        })?;
    }
    let library = Arc::new(
        Library::open(&database, args.max_article_size, false)
            .await
            .map_err(|e| CliError::Store {
                path: PathBuf::from(database.to_string()),
                source: e.into(),
            })?,
    );
    for folder in &args.corpus {
        let report = crate::ingest::pass(&library, folder, None)
            .await
            .map_err(|e| CliError::Store {
                path: folder.clone(),
                source: e.into(),
            })?;
        for r in &report.rejected {
            eprintln!("tradeline: {}: {}", r.path, r.reason);
        }
    }
    let result = run(&library, &request, None).await.map_err(CliError::from);
    library.store().close().await;
    let exported = result?;
    if args.output.as_os_str() == "-" {
        std::io::stdout()
            .write_all(&exported.bytes)
            .map_err(|e| CliError::Write {
                path: args.output.clone(),
                source: e,
            })?;
    } else {
        std::fs::write(&args.output, &exported.bytes).map_err(|e| CliError::Write {
            path: args.output.clone(),
            source: e,
        })?;
    }
    Ok(exported)
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    fn store_failure() -> app::store::StoreError {
        let decode = serde_json::from_str::<u32>("x").expect_err("not a number");
        app::store::StoreError::Decode(decode)
    }

    /// One error, said two ways: a client gets a status and a stable
    /// message, the terminal the whole chain down to the store's own words.
    #[test]
    fn an_export_failure_keeps_its_cause_for_the_terminal_and_not_for_clients() {
        let cli = CliError::from(RunError::from(store_failure()));
        let mut chain = vec![cli.to_string()];
        let mut source = cli.source();
        while let Some(e) = source {
            chain.push(e.to_string());
            source = e.source();
        }
        assert!(
            chain.iter().any(|m| m.contains("expected value")),
            "{chain:?}"
        );

        let api = ApiError::from(RunError::from(store_failure()));
        assert_eq!(api.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!api.message.contains("expected value"), "{}", api.message);
        assert_eq!(
            ApiError::from(RunError::NoArticles).status,
            StatusCode::NOT_FOUND
        );
    }
}
