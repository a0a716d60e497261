//! The database: articles as received, what the extractor read from them,
//! where each came from, and what users corrected.
//!
//! Two backends serve one interface. The default is SQLite, embedded in the
//! binary, one file in the data folder, in WAL mode, so readers never wait for
//! the writer and a process killed mid-write leaves the last committed state.
//! With a `postgres://` URL the store is a PostgreSQL database that several
//! instances share: each commit announces itself (`NOTIFY`), so every
//! instance can drop the views it keeps ([`Store::watch_changes`]).
//!
//! Every write is one transaction; an upload is acknowledged only after its
//! transaction commits. This module is the only place that speaks SQL, and
//! `queries` holds every statement once, compiled for each backend.

mod corrections;
mod queries;
#[cfg(any(test, feature = "test-support"))]
pub mod scratch;

use std::{
    collections::HashMap,
    fmt,
    path::{Path, PathBuf},
    time::Duration,
};

use chrono::NaiveDate;
use sqlx::{
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    PgPool, SqlitePool,
};
use tokio::sync::Mutex;
use tradeline_extract::Extraction;

pub use corrections::{apply, period, validate, Correction, CorrectionError, EventEdit};

use crate::model::{Document, Event, Observation, Pair, SourceKey};

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "tradeline.sqlite3";

/// The first key of the advisory locks that claim corpus folders
/// (PostgreSQL); the second is the hash of the folder's name.
const FOLDER_LOCKS: i32 = 0x7472_6c6e; // "trln"

/// A corpus folder this instance reads and watches; see
/// [`Store::claim_folder`].
pub struct FolderClaim {
    _session: Option<sqlx::PgConnection>,
}

/// The channel each committed write is announced on (PostgreSQL).
const CHANGES_CHANNEL: &str = "tradeline_changes";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database cannot be opened: {0}")]
    Open(#[source] sqlx::Error),
    #[error("the database cannot be brought up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("stored data cannot be read back: {0}")]
    Decode(#[from] serde_json::Error),
    #[error("article ids beyond {} are not supported", u32::MAX)]
    IdRange,
    #[error("the store holds a {0} it cannot read")]
    Corrupt(String),
    #[error("unsupported database URL {0:?}: give a postgres:// URL, or none for the embedded SQLite file in the data folder")]
    Url(String),
}

impl StoreError {
    /// Whether the database could not be reached (down, restarting, the
    /// network gone), as opposed to a query or the data being wrong: worth
    /// trying again later.
    pub fn is_unreachable(&self) -> bool {
        match self {
            StoreError::Open(_) => true,
            StoreError::Sql(
                sqlx::Error::Io(_)
                | sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::WorkerCrashed,
            ) => true,
            // PostgreSQL's classes 08 (connection exception) and 57P
            // (shutting down, "terminating connection due to administrator
            // command", starting up).
            StoreError::Sql(sqlx::Error::Database(e)) => e
                .code()
                .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
            _ => false,
        }
    }
}

/// Where the store lives.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// The embedded SQLite file ([`DATABASE_FILE`]) in this folder.
    Embedded(PathBuf),
    /// A PostgreSQL database, by its `postgres://` URL.
    Postgres(String),
}

impl Database {
    /// `url` when given (it must be a `postgres://` or `postgresql://` URL),
    /// else the embedded file in `data_dir`.
    pub fn new(data_dir: &Path, url: Option<&str>) -> Result<Database, StoreError> {
        match url.map(str::trim).filter(|u| !u.is_empty()) {
            None => Ok(Database::Embedded(data_dir.to_owned())),
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
                Ok(Database::Postgres(u.to_owned()))
            }
            Some(u) => Err(StoreError::Url(redact(u))),
        }
    }

    /// Whether other processes may write to it too.
    pub fn is_shared(&self) -> bool {
        matches!(self, Database::Postgres(_))
    }
}

/// Shown in logs and errors: the URL without its password.
impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Database::Embedded(dir) => write!(f, "{}", dir.join(DATABASE_FILE).display()),
            Database::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Database({self})")
    }
}

/// `url` with the password of its user information replaced by `***`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => match rest[..at].split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***{}", &rest[at..]),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Where an article came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A corpus file, with what tells an unchanged file from a changed one.
    File {
        path: String,
        size: u64,
        modified: i64,
    },
    /// Sent to `POST /api/articles` or through the form.
    Upload,
}

/// An article to store. `extraction` is `None` when the content is already
/// stored (only the origin is recorded then).
#[derive(Debug)]
pub struct NewArticle {
    pub hash: String,
    pub raw: Vec<u8>,
    pub name: String,
    pub origin: Origin,
    pub published: Option<NaiveDate>,
    pub extraction: Option<Extraction>,
}

/// What a write did with one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub id: u32,
    /// The same content was already stored.
    pub duplicate: bool,
}

/// A stored file origin: enough to skip a file that has not changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub article: u32,
    pub size: u64,
    pub modified: i64,
}

/// An observation read back, with its article's title and date.
#[derive(Clone, Debug)]
pub struct StoredObservation {
    pub article: u32,
    pub index: u32,
    pub title: String,
    pub published: Option<crate::model::PartialDate>,
    pub observation: Observation,
}

/// An event read back.
#[derive(Clone, Debug)]
pub struct StoredEvent {
    pub article: u32,
    pub index: u32,
    pub event: Event,
}

impl StoredObservation {
    /// The key its sources are linked by.
    pub fn key(&self) -> SourceKey {
        SourceKey::observation(self.article, self.index as usize)
    }
}

impl StoredEvent {
    /// The key its sources are linked by.
    pub fn key(&self) -> SourceKey {
        SourceKey::event(self.article, self.index as usize)
    }
}

/// An article read back.
#[derive(Clone, Debug)]
pub struct StoredArticle {
    pub id: u32,
    pub name: String,
    pub origins: Vec<String>,
    pub text: String,
    pub document: Document,
    /// Keys (`o{id}-{index}`) of observations a user marked wrong.
    pub wrong: Vec<String>,
}

/// An article that needs extracting again (new extractor version or a new correction).
#[derive(Clone, Debug)]
pub struct Stale {
    pub id: u32,
    pub name: String,
    pub raw: Vec<u8>,
}

/// Per-pair counts, directed pairs as stored.
#[derive(Clone, Debug, Default)]
pub struct PairCounts {
    pub observations: usize,
    pub events: usize,
    pub articles: usize,
}

pub struct Store {
    database: Database,
    pool: Pool,
    /// SQLite allows one writer; queueing writers here rather than on the
    /// database lock keeps `SQLITE_BUSY` out of every write path. On
    /// PostgreSQL it only orders this instance's own writes.
    writer: Mutex<()>,
    /// The task of [`Store::watch_changes`], stopped on close (it holds a
    /// connection of the pool, which closing waits for).
    watcher: std::sync::Mutex<Option<tokio::task::AbortHandle>>,
}

enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the statement function `$f` of `queries` for the store's backend.
macro_rules! on_backend {
    ($self:ident, $f:ident($($arg:expr),* $(,)?)) => {
        match &$self.pool {
            Pool::Sqlite(pool) => queries::sqlite::$f(pool $(, $arg)*).await,
            Pool::Postgres(pool) => queries::postgres::$f(pool $(, $arg)*).await,
        }
    };
}

impl Store {
    /// Opens the database (creating the SQLite file if needed) and applies
    /// every migration it has not seen. Instances starting at once on one
    /// PostgreSQL database take turns: sqlx holds an advisory lock while it
    /// migrates.
    pub async fn open(database: &Database) -> Result<Store, StoreError> {
        let pool = match database {
            Database::Embedded(dir) => {
                let options = SqliteConnectOptions::new()
                    .filename(dir.join(DATABASE_FILE))
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    // With WAL, NORMAL loses nothing when the process dies;
                    // only a power cut can lose the last transactions, never
                    // corrupt.
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
                    .pragma("cache_size", "-4096");
                let pool = SqlitePoolOptions::new()
                    .max_connections(4)
                    .connect_with(options)
                    .await
                    .map_err(StoreError::Open)?;
                sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
                Pool::Sqlite(pool)
            }
            Database::Postgres(url) => {
                let options: PgConnectOptions = url.parse().map_err(StoreError::Open)?;
                let pool = PgPoolOptions::new()
                    .max_connections(8)
                    // A database that is down fails a request in seconds
                    // (and `/readyz` with it) rather than holding it.
                    .acquire_timeout(Duration::from_secs(3))
                    .connect_with(options)
                    .await
                    .map_err(StoreError::Open)?;
                sqlx::migrate!("./migrations/postgres").run(&pool).await?;
                Pool::Postgres(pool)
            }
        };
        Ok(Store {
            database: database.clone(),
            pool,
            writer: Mutex::new(()),
            watcher: std::sync::Mutex::default(),
        })
    }

    /// Where the store lives.
    pub fn database(&self) -> &Database {
        &self.database
    }

    /// Closes every connection (checkpointing SQLite's write-ahead log).
    pub async fn close(&self) {
        if let Some(watcher) = self.watcher.lock().ok().and_then(|mut w| w.take()) {
            watcher.abort();
        }
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }

    /// Calls `changed` after every write any instance commits to a shared
    /// (PostgreSQL) database, and again whenever the connection it listens
    /// on comes back after a loss (what was announced meanwhile is unknown),
    /// until `changed` returns `false` or the store is closed. Returns
    /// whether it watches: not on SQLite, which only this process writes.
    /// Must be called within a Tokio runtime.
    pub fn watch_changes(&self, changed: impl Fn() -> bool + Send + Sync + 'static) -> bool {
        let Pool::Postgres(pool) = &self.pool else {
            return false;
        };
        let pool = pool.clone();
        let task = tokio::spawn(async move {
            while !pool.is_closed() {
                let mut listener = match sqlx::postgres::PgListener::connect_with(&pool).await {
                    Ok(listener) => listener,
                    Err(e) => {
                        tracing::warn!("cannot listen for changes from other instances: {e}");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                };
                if let Err(e) = listener.listen(CHANGES_CHANNEL).await {
                    tracing::warn!("cannot listen for changes from other instances: {e}");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
                // Listening again after a gap: what was announced during it
                // is lost.
                if !changed() {
                    return;
                }
                loop {
                    let keep_on = match listener.try_recv().await {
                        Ok(Some(_)) => changed(),
                        // The connection was lost. The views kept stay
                        // (they are what a reader can still be shown); they
                        // are dropped once a new connection listens.
                        Ok(None) => {
                            tracing::warn!(
                                "lost the connection that listens for changes; reconnecting"
                            );
                            break;
                        }
                        Err(e) => {
                            tracing::warn!("listening for changes failed: {e}");
                            break;
                        }
                    };
                    if !keep_on {
                        return;
                    }
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
        if let Ok(mut watcher) = self.watcher.lock() {
            if let Some(earlier) = watcher.replace(task.abort_handle()) {
                earlier.abort();
            }
        }
        true
    }

    /// Claims a corpus folder (named by `key`, the same on every instance)
    /// for this instance, so that one instance at a time reads and watches
    /// it: `None` while another holds it. On PostgreSQL the claim is an
    /// advisory lock on a connection of its own, released when the claim is
    /// dropped or the process dies, however it dies (the server ends the
    /// session when its socket closes); a connection lost with the database
    /// loses the claim too, which is safe, as content stored twice is one
    /// article. On SQLite, which one process writes, every claim succeeds.
    pub async fn claim_folder(&self, key: &str) -> Result<Option<FolderClaim>, StoreError> {
        let Pool::Postgres(pool) = &self.pool else {
            return Ok(Some(FolderClaim { _session: None }));
        };
        let mut session = pool.acquire().await?;
        // The two-key form keeps these locks apart from sqlx's migration
        // lock, which takes one 64-bit key.
        let claimed: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1, hashtext($2))")
            .bind(FOLDER_LOCKS)
            .bind(key)
            .fetch_one(&mut *session)
            .await?;
        // Taken out of the pool when it holds the lock, which then lives
        // exactly as long as this session; otherwise back to the pool for
        // the next try.
        Ok(claimed.then(|| FolderClaim {
            _session: Some(session.detach()),
        }))
    }

    /// Which of `hashes` are stored, with their article ids.
    pub async fn known(&self, hashes: &[String]) -> Result<HashMap<String, u32>, StoreError> {
        on_backend!(self, known(hashes))
    }

    /// Every file origin directly in `prefix` (a corpus folder ending in
    /// `/`), by path. Compared byte for byte: not `LIKE`, which ignores ASCII
    /// case in SQLite (`./News` would take `./news`'s files), and not in
    /// subfolders (`c/sub/` files would count as `c/`'s, and a pass over one
    /// folder would forget the other's).
    pub async fn file_stamps(
        &self,
        prefix: &str,
    ) -> Result<HashMap<String, FileStamp>, StoreError> {
        on_backend!(self, file_stamps(prefix))
    }

    /// Stores a batch of articles in one transaction: new content is inserted
    /// with its extraction, known content only gains the origin. Content
    /// another instance stores at the same moment is one article too.
    pub async fn write(&self, batch: Vec<NewArticle>) -> Result<Vec<Written>, StoreError> {
        let _writer = self.writer.lock().await;
        on_backend!(self, write(batch))
    }

    /// Forgets file origins (files deleted from a corpus folder). Their
    /// articles stay stored, with their corrections, but are no longer shown.
    pub async fn forget_files(&self, paths: &[String]) -> Result<(), StoreError> {
        if paths.is_empty() {
            return Ok(());
        }
        let _writer = self.writer.lock().await;
        on_backend!(self, forget_files(paths))
    }

    /// Articles whose extraction is older than this extractor, up to `limit`.
    pub async fn stale(&self, limit: u32) -> Result<Vec<Stale>, StoreError> {
        on_backend!(self, stale(limit))
    }

    /// Replaces an article's extraction (after a new extractor version or a
    /// correction), applying every correction stored for it.
    pub async fn replace_extraction(
        &self,
        article: u32,
        extraction: &Extraction,
    ) -> Result<(), StoreError> {
        let _writer = self.writer.lock().await;
        on_backend!(self, replace_extraction(article, extraction))
    }

    /// Records a correction (replacing an earlier one of the same target) and
    /// marks the article for extraction again, so the correction takes effect
    /// through the same path a new extractor version takes.
    pub async fn correct(&self, article: u32, correction: &Correction) -> Result<(), StoreError> {
        let _writer = self.writer.lock().await;
        on_backend!(self, correct(article, correction))
    }

    /// Every correction of one article, oldest first.
    pub async fn corrections(&self, article: u32) -> Result<Vec<Correction>, StoreError> {
        on_backend!(self, corrections(article))
    }

    /// The publication date a user gave for an article, if any.
    pub async fn published_by_user(&self, article: u32) -> Result<Option<NaiveDate>, StoreError> {
        Ok(self
            .corrections(article)
            .await?
            .into_iter()
            .rev()
            .find_map(|c| match c {
                Correction::Published { published } => Some(published),
                _ => None,
            })
            .flatten())
    }

    /// Stores official figures: new ones are added, those the store holds
    /// with another value (a revision) are replaced, the rest left as they
    /// are, so the same file imported twice changes nothing.
    pub async fn import_reference(
        &self,
        figures: &[crate::reference::ReferenceFigure],
    ) -> Result<crate::reference::Imported, StoreError> {
        let _writer = self.writer.lock().await;
        on_backend!(self, import_reference(figures))
    }

    /// Official figures of the pair in either direction.
    pub async fn reference(
        &self,
        pair: &Pair,
    ) -> Result<Vec<crate::reference::ReferenceFigure>, StoreError> {
        on_backend!(self, reference(pair))
    }

    /// Observations of the pair in either direction from shown articles,
    /// leaving out those marked wrong.
    pub async fn observations(&self, pair: &Pair) -> Result<Vec<StoredObservation>, StoreError> {
        on_backend!(self, observations(pair))
    }

    /// Events of the (undirected) pair from shown articles.
    pub async fn events(&self, pair: &Pair) -> Result<Vec<StoredEvent>, StoreError> {
        on_backend!(self, events(pair))
    }

    /// Figures and events per stored pair slug (directed for exports and imports).
    pub async fn pair_counts(&self) -> Result<HashMap<String, PairCounts>, StoreError> {
        on_backend!(self, pair_counts())
    }

    /// One article with its text, whether shown or not.
    pub async fn article(&self, article: u32) -> Result<Option<StoredArticle>, StoreError> {
        on_backend!(self, article(article))
    }

    /// The name and extracted document of each of `ids` that exists, in id
    /// order, without their texts.
    pub async fn documents(&self, ids: &[u32]) -> Result<Vec<(u32, String, Document)>, StoreError> {
        on_backend!(self, documents(ids))
    }

    /// Shown articles with no publication date, newest first, up to `limit`.
    pub async fn undated(&self, limit: u32) -> Result<Vec<(u32, String)>, StoreError> {
        on_backend!(self, undated(limit))
    }

    /// How many articles are shown, and how many are stored in all.
    pub async fn article_counts(&self) -> Result<(usize, usize), StoreError> {
        on_backend!(self, article_counts())
    }

    /// Whether the database answers at all: one round trip, for readiness
    /// probes.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_backend!(self, ping())
    }

    /// The database's own consistency check: `["ok"]` when sound. SQLite
    /// checks its file; PostgreSQL keeps its own consistency, so there it
    /// only proves that the schema answers.
    pub async fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        on_backend!(self, integrity_check())
    }
}

fn title_of(document: &Document, name: &str) -> String {
    document.title.clone().unwrap_or_else(|| {
        Path::new(name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.to_owned())
    })
}

fn id(raw: i64) -> Result<u32, StoreError> {
    u32::try_from(raw).map_err(|_| StoreError::IdRange)
}

#[cfg(test)]
mod tests;
