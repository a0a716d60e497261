//! Official statistics in and out: `tradeline reference import FILE`,
//! `POST /api/reference` (the same import over HTTP, with the admin token)
//! and `GET /api/reference?pair=`.
//!
//! Both imports read the whole file first and store nothing when a row
//! cannot be read, unless the user asks to keep the rest (`--skip-bad`,
//! `?skip_bad=true`): a table imported in part looks whole on a chart.

use std::{fmt::Write as _, path::Path};

use app::{
    library::Library,
    reference::{
        read::{read, BadRow, Read, ReadError},
        Imported, ReferenceFigure,
    },
};
use axum::{
    body::Bytes,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};

use crate::{error::ApiError, state::AppState};

/// Largest file imported. A file is read whole before anything is stored
/// (so that a bad row stores nothing); its figures take about four times
/// its size in memory. The data portal's downloads stop at 100,000 rows
/// (7 MB of monthly totals, `.ci/bench-reference`), so this is room for
/// several joined together.
pub const MAX_FILE: u64 = 64 * 1024 * 1024;

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Open {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path} is {size} bytes; files over {MAX_FILE} bytes are not imported (split it by year)"
    )]
    TooLarge { path: String, size: u64 },
    #[error("{0}")]
    Read(#[from] ReadError),
    #[error("{} row(s) cannot be read, so nothing was imported; correct them, or import the rest with --skip-bad", .0.len())]
    BadRows(Vec<BadRow>),
    #[error("the store cannot take the figures: {0}")]
    Store(#[from] app::store::StoreError),
}

/// What an import read and did, for the command line and the API alike.
#[derive(Debug, Serialize)]
pub struct Report {
    /// "the reference format" or "a UN Comtrade download".
    pub format: &'static str,
    pub figures: usize,
    /// Rows passed over on purpose, by reason.
    pub skipped: Vec<Skipped>,
    /// Rows that could not be read (kept out with `skip_bad`).
    pub bad: Vec<Bad>,
    #[serde(flatten)]
    pub imported: Imported,
}

#[derive(Debug, Serialize)]
pub struct Skipped {
    pub reason: &'static str,
    pub rows: usize,
}

#[derive(Debug, Serialize)]
pub struct Bad {
    pub line: u64,
    pub reason: String,
}

impl Report {
    fn new(read: &Read, imported: Imported) -> Report {
        Report {
            format: read.format.name(),
            figures: read.figures.len(),
            skipped: read
                .skipped
                .iter()
                .map(|(why, &rows)| Skipped {
                    reason: why.describe(),
                    rows,
                })
                .collect(),
            bad: read.bad.iter().map(bad).collect(),
            imported,
        }
    }

    /// A few lines for a person.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "read {} figure(s) from {}: {} added, {} revised, {} already stored",
            self.figures,
            self.format,
            self.imported.added,
            self.imported.revised,
            self.imported.unchanged
        );
        for s in &self.skipped {
            let _ = write!(out, "\nskipped {} row(s): {}", s.rows, s.reason);
        }
        for b in &self.bad {
            let _ = write!(out, "\nleft out line {}: {}", b.line, b.reason);
        }
        out
    }
}

fn bad(b: &BadRow) -> Bad {
    Bad {
        line: b.line,
        reason: b.reason.clone(),
    }
}

/// Reads `bytes` and stores its figures.
pub async fn import(
    library: &Library,
    bytes: &[u8],
    source: Option<&str>,
    skip_bad: bool,
) -> Result<Report, ImportError> {
    let read = read(bytes, source)?;
    if !read.bad.is_empty() && !skip_bad {
        return Err(ImportError::BadRows(read.bad));
    }
    let imported = library.import_reference(&read.figures).await?;
    Ok(Report::new(&read, imported))
}

/// `tradeline reference import FILE`.
pub async fn import_file(
    library: &Library,
    path: &Path,
    source: Option<&str>,
    skip_bad: bool,
) -> Result<Report, ImportError> {
    let shown = crate::shown::shown(&path.display().to_string()).into_owned();
    let open = |source| ImportError::Open {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(open)?.len();
    if size > MAX_FILE {
        return Err(ImportError::TooLarge { path: shown, size });
    }
    let bytes = std::fs::read(path).map_err(open)?;
    import(library, &bytes, source, skip_bad).await
}

#[derive(Debug, Default, Deserialize)]
pub struct UploadQuery {
    source: Option<String>,
    #[serde(default)]
    skip_bad: Option<String>,
}

/// `POST /api/reference[?source=NAME&skip_bad=true]` with the file as the
/// body and the admin token: 200 with the [`Report`], 422 with the rows
/// that cannot be read (nothing stored), 400 for a file that is no table.
pub async fn upload(
    State(state): State<AppState>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    crate::api::authorize(&state, &headers, None)?;
    let skip_bad = match q.skip_bad.as_deref() {
        None | Some("" | "false" | "0") => false,
        Some("true" | "1") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "`skip_bad` is true or false (got {other:?})"
            )))
        }
    };
    match import(&state.library, &body, q.source.as_deref(), skip_bad).await {
        Ok(report) => Ok(Json(report).into_response()),
        Err(ImportError::BadRows(rows)) => {
            #[derive(Serialize)]
            struct Refused {
                error: String,
                bad: Vec<Bad>,
            }
            let error = format!(
                "{} row(s) cannot be read, so nothing was imported; correct them, or import the rest with ?skip_bad=true",
                rows.len()
            );
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(Refused {
                    error,
                    bad: rows.iter().map(bad).collect(),
                }),
            )
                .into_response())
        }
        Err(ImportError::Read(e)) => Err(ApiError::bad_request(e.to_string())),
        Err(ImportError::Store(e)) => Err(ApiError::store(&e)),
        Err(e) => Err(ApiError::internal(e)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pair: Option<String>,
}

/// `GET /api/reference?pair=CN-RU`: the official figures of the pair in
/// both directions, and the mirror statistics they make.
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let pair = crate::api::parse_pair(q.pair.as_deref())?;
    #[derive(Serialize)]
    struct Answer {
        pair: String,
        figures: Vec<ReferenceFigure>,
        /// Flows both of whose ends are among the figures.
        mirrors: Vec<app::model::Mirror>,
    }
    let figures = state
        .library
        .reference(&pair)
        .await
        .map_err(|e| ApiError::store(&e))?;
    Ok(Json(Answer {
        pair: pair.undirected().slug(),
        mirrors: app::reference::mirror::mirrors(&figures),
        figures,
    })
    .into_response())
}
