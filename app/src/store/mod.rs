//! The embedded database: articles as received, what the extractor read from
//! them, where each came from, and what users corrected.
//!
//! SQLite through sqlx, in WAL mode, so readers never wait for the writer and a
//! process killed mid-write leaves the last committed state. Every write is one
//! transaction; an upload is acknowledged only after its transaction commits.
//! This module is the only place that speaks SQL, behind a narrow interface a
//! PostgreSQL implementation can serve too (sqlx speaks both).

mod corrections;

use std::{collections::HashMap, path::Path, time::Duration};

use chrono::{NaiveDate, Utc};
use sqlx::{
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    Row, SqlitePool,
};
use tokio::sync::Mutex;
use tradeline_extract::{Extraction, EXTRACTOR_VERSION};

pub use corrections::{apply, period, validate, Correction, CorrectionError, EventEdit};

use crate::model::{Document, Event, Observation, Pair, SourceKey};

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "tradeline.sqlite3";

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
    pool: SqlitePool,
    /// SQLite allows one writer; queueing writers here rather than on the
    /// database lock keeps `SQLITE_BUSY` out of every write path.
    writer: Mutex<()>,
}

impl Store {
    /// Opens (creating if needed) the database in `dir` and applies every
    /// migration it has not seen.
    pub async fn open(dir: &Path) -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::new()
            .filename(dir.join(DATABASE_FILE))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // With WAL, NORMAL loses nothing when the process dies; only a
            // power cut can lose the last transactions, never corrupt.
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
            .pragma("cache_size", "-4096");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(StoreError::Open)?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Store {
            pool,
            writer: Mutex::new(()),
        })
    }

    /// Closes every connection, checkpointing the write-ahead log.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Which of `hashes` are stored, with their article ids.
    pub async fn known(&self, hashes: &[String]) -> Result<HashMap<String, u32>, StoreError> {
        let mut known = HashMap::new();
        // SQLite's default limit on bound parameters is well above this.
        for chunk in hashes.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!("SELECT hash, id FROM articles WHERE hash IN ({marks})");
            let mut query = sqlx::query(&sql);
            for h in chunk {
                query = query.bind(h);
            }
            for row in query.fetch_all(&self.pool).await? {
                known.insert(row.try_get("hash")?, id(row.try_get("id")?)?);
            }
        }
        Ok(known)
    }

    /// Every file origin directly in `prefix` (a corpus folder ending in
    /// `/`), by path. Compared byte for byte: not `LIKE`, which ignores ASCII
    /// case (`./News` would take `./news`'s files) and matches subfolders
    /// (`c/sub/` files would count as `c/`'s, and a pass over one folder
    /// would forget the other's).
    pub async fn file_stamps(
        &self,
        prefix: &str,
    ) -> Result<HashMap<String, FileStamp>, StoreError> {
        let rows = sqlx::query(
            "SELECT origin, article_id, size, modified FROM origins
             WHERE substr(origin, 1, length(?1)) = ?1
               AND instr(substr(origin, length(?1) + 1), '/') = 0",
        )
        .bind(format!("file:{prefix}"))
        .fetch_all(&self.pool)
        .await?;
        let mut out = HashMap::with_capacity(rows.len());
        for row in rows {
            let origin: String = row.try_get("origin")?;
            let path = origin.strip_prefix("file:").unwrap_or(&origin).to_owned();
            out.insert(
                path,
                FileStamp {
                    article: id(row.try_get("article_id")?)?,
                    size: row.try_get::<Option<i64>, _>("size")?.unwrap_or(0) as u64,
                    modified: row.try_get::<Option<i64>, _>("modified")?.unwrap_or(0),
                },
            );
        }
        Ok(out)
    }

    /// Stores a batch of articles in one transaction: new content is inserted
    /// with its extraction, known content only gains the origin.
    pub async fn write(&self, batch: Vec<NewArticle>) -> Result<Vec<Written>, StoreError> {
        let _writer = self.writer.lock().await;
        let mut tx = self.pool.begin().await?;
        let now = Utc::now().to_rfc3339();
        let mut written = Vec::with_capacity(batch.len());
        for article in batch {
            let existing: Option<i64> =
                sqlx::query_scalar("SELECT id FROM articles WHERE hash = ?")
                    .bind(&article.hash)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (article_id, duplicate) = match (existing, &article.extraction) {
                (Some(existing), _) => (existing, true),
                (None, Some(extraction)) => {
                    let document = serde_json::to_string(&extraction.document)?;
                    let article_id: i64 = sqlx::query_scalar(
                        "INSERT INTO articles (hash, raw, name, added_at, extractor_version, text, title, published, document)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    )
                    .bind(&article.hash)
                    .bind(&article.raw)
                    .bind(&article.name)
                    .bind(&now)
                    .bind(EXTRACTOR_VERSION)
                    .bind(&extraction.text)
                    .bind(title_of(&extraction.document, &article.name))
                    .bind(extraction.document.published.map(|d| d.to_string()))
                    .bind(document)
                    .fetch_one(&mut *tx)
                    .await?;
                    if let Some(published) = article.published {
                        let body = serde_json::to_string(&Correction::Published {
                            published: Some(published),
                        })?;
                        sqlx::query(
                            "INSERT INTO corrections (article_id, kind, target, body, created_at) VALUES (?, 'published', '', ?, ?)",
                        )
                        .bind(article_id)
                        .bind(body)
                        .bind(&now)
                        .execute(&mut *tx)
                        .await?;
                    }
                    insert_rows(&mut tx, article_id, &extraction.document, &[]).await?;
                    (article_id, false)
                }
                (None, None) => {
                    // Known when the batch was prepared, removed since: nothing to link.
                    continue;
                }
            };
            let (origin, size, modified) = match &article.origin {
                Origin::File {
                    path,
                    size,
                    modified,
                } => (format!("file:{path}"), Some(*size as i64), Some(*modified)),
                Origin::Upload => (format!("upload:{article_id}"), None, None),
            };
            sqlx::query(
                "INSERT INTO origins (origin, article_id, size, modified, seen_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id,
                 size = excluded.size, modified = excluded.modified, seen_at = excluded.seen_at",
            )
            .bind(origin)
            .bind(article_id)
            .bind(size)
            .bind(modified)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            written.push(Written {
                id: id(article_id)?,
                duplicate,
            });
        }
        tx.commit().await?;
        Ok(written)
    }

    /// Forgets file origins (files deleted from a corpus folder). Their
    /// articles stay stored, with their corrections, but are no longer shown.
    pub async fn forget_files(&self, paths: &[String]) -> Result<(), StoreError> {
        if paths.is_empty() {
            return Ok(());
        }
        let _writer = self.writer.lock().await;
        let mut tx = self.pool.begin().await?;
        for path in paths {
            sqlx::query("DELETE FROM origins WHERE origin = ?")
                .bind(format!("file:{path}"))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Articles whose extraction is older than this extractor, up to `limit`.
    pub async fn stale(&self, limit: u32) -> Result<Vec<Stale>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, raw FROM articles WHERE extractor_version IS NULL OR extractor_version <> ? ORDER BY id LIMIT ?",
        )
        .bind(EXTRACTOR_VERSION)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(Stale {
                    id: id(row.try_get("id")?)?,
                    name: row.try_get("name")?,
                    raw: row.try_get("raw")?,
                })
            })
            .collect()
    }

    /// Replaces an article's extraction (after a new extractor version or a
    /// correction), applying every correction stored for it.
    pub async fn replace_extraction(
        &self,
        article: u32,
        extraction: &Extraction,
    ) -> Result<(), StoreError> {
        let _writer = self.writer.lock().await;
        let mut tx = self.pool.begin().await?;
        let corrections = corrections_in(&mut tx, article).await?;
        let document = serde_json::to_string(&extraction.document)?;
        let name: String = sqlx::query_scalar("SELECT name FROM articles WHERE id = ?")
            .bind(article)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE articles SET extractor_version = ?, text = ?, title = ?, published = ?, document = ? WHERE id = ?",
        )
        .bind(EXTRACTOR_VERSION)
        .bind(&extraction.text)
        .bind(title_of(&extraction.document, &name))
        .bind(extraction.document.published.map(|d| d.to_string()))
        .bind(document)
        .bind(article)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM observations WHERE article_id = ?")
            .bind(article)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM events WHERE article_id = ?")
            .bind(article)
            .execute(&mut *tx)
            .await?;
        insert_rows(&mut tx, article.into(), &extraction.document, &corrections).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a correction (replacing an earlier one of the same target) and
    /// marks the article for extraction again, so the correction takes effect
    /// through the same path a new extractor version takes.
    pub async fn correct(&self, article: u32, correction: &Correction) -> Result<(), StoreError> {
        let _writer = self.writer.lock().await;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO corrections (article_id, kind, target, body, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (article_id, kind, target) DO UPDATE SET body = excluded.body, created_at = excluded.created_at",
        )
        .bind(article)
        .bind(correction.kind())
        .bind(correction.target())
        .bind(serde_json::to_string(correction)?)
        .bind(Utc::now().to_rfc3339())
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE articles SET extractor_version = NULL WHERE id = ?")
            .bind(article)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every correction of one article, oldest first.
    pub async fn corrections(&self, article: u32) -> Result<Vec<Correction>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        corrections_in(&mut conn, article).await
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

    /// Observations of the pair in either direction from shown articles,
    /// leaving out those marked wrong.
    pub async fn observations(&self, pair: &Pair) -> Result<Vec<StoredObservation>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.article_id, o.idx, o.body, a.title, a.published FROM observations o
             JOIN articles a ON a.id = o.article_id
             WHERE o.pair IN (?, ?) AND o.wrong = 0
               AND EXISTS (SELECT 1 FROM origins g WHERE g.article_id = o.article_id)
             ORDER BY o.article_id, o.idx",
        )
        .bind(pair.slug())
        .bind(Pair(pair.1.clone(), pair.0.clone()).slug())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                let body: String = row.try_get("body")?;
                let published: Option<String> = row.try_get("published")?;
                Ok(StoredObservation {
                    article: id(row.try_get("article_id")?)?,
                    index: row.try_get::<i64, _>("idx")? as u32,
                    title: row.try_get("title")?,
                    published: published
                        .as_deref()
                        .and_then(crate::model::PartialDate::parse),
                    observation: serde_json::from_str(&body)?,
                })
            })
            .collect()
    }

    /// Events of the (undirected) pair from shown articles.
    pub async fn events(&self, pair: &Pair) -> Result<Vec<StoredEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT e.article_id, e.idx, e.body FROM events e
             WHERE e.pair = ? AND EXISTS (SELECT 1 FROM origins g WHERE g.article_id = e.article_id)
             ORDER BY e.article_id, e.idx",
        )
        .bind(pair.undirected().slug())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                let body: String = row.try_get("body")?;
                Ok(StoredEvent {
                    article: id(row.try_get("article_id")?)?,
                    index: row.try_get::<i64, _>("idx")? as u32,
                    event: serde_json::from_str(&body)?,
                })
            })
            .collect()
    }

    /// Figures and events per stored pair slug (directed for exports and imports).
    pub async fn pair_counts(&self) -> Result<HashMap<String, PairCounts>, StoreError> {
        let mut out: HashMap<String, PairCounts> = HashMap::new();
        let shown = "EXISTS (SELECT 1 FROM origins g WHERE g.article_id = t.article_id)";
        let sql = format!(
            "SELECT pair, COUNT(*) AS n, COUNT(DISTINCT article_id) AS a FROM observations t
             WHERE wrong = 0 AND {shown} GROUP BY pair"
        );
        for row in sqlx::query(&sql).fetch_all(&self.pool).await? {
            let entry = out.entry(row.try_get("pair")?).or_default();
            entry.observations = row.try_get::<i64, _>("n")? as usize;
            entry.articles = row.try_get::<i64, _>("a")? as usize;
        }
        let sql = format!(
            "SELECT pair, COUNT(*) AS n FROM events t WHERE pair IS NOT NULL AND {shown} GROUP BY pair"
        );
        for row in sqlx::query(&sql).fetch_all(&self.pool).await? {
            out.entry(row.try_get("pair")?).or_default().events =
                row.try_get::<i64, _>("n")? as usize;
        }
        Ok(out)
    }

    /// One article with its text, whether shown or not.
    pub async fn article(&self, article: u32) -> Result<Option<StoredArticle>, StoreError> {
        let Some(row) = sqlx::query("SELECT id, name, text, document FROM articles WHERE id = ?")
            .bind(article)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let origins: Vec<String> =
            sqlx::query_scalar("SELECT origin FROM origins WHERE article_id = ? ORDER BY origin")
                .bind(article)
                .fetch_all(&self.pool)
                .await?;
        let wrong: Vec<i64> = sqlx::query_scalar(
            "SELECT idx FROM observations WHERE article_id = ? AND wrong = 1 ORDER BY idx",
        )
        .bind(article)
        .fetch_all(&self.pool)
        .await?;
        let document: String = row.try_get("document")?;
        Ok(Some(StoredArticle {
            id: article,
            name: row.try_get("name")?,
            origins,
            text: row.try_get("text")?,
            document: serde_json::from_str(&document)?,
            wrong: wrong
                .iter()
                .filter_map(|&i| usize::try_from(i).ok())
                .map(|i| crate::model::SourceKey::observation(article, i).to_string())
                .collect(),
        }))
    }

    /// The name and extracted document of each of `ids` that exists, in id
    /// order, without their texts.
    pub async fn documents(&self, ids: &[u32]) -> Result<Vec<(u32, String, Document)>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT id, name, document FROM articles WHERE id IN ({marks}) ORDER BY id"
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id);
            }
            for row in query.fetch_all(&self.pool).await? {
                let document: String = row.try_get("document")?;
                out.push((
                    id(row.try_get("id")?)?,
                    row.try_get("name")?,
                    serde_json::from_str(&document)?,
                ));
            }
        }
        Ok(out)
    }

    /// Shown articles with no publication date, newest first, up to `limit`.
    pub async fn undated(&self, limit: u32) -> Result<Vec<(u32, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, title FROM articles a WHERE published IS NULL
               AND EXISTS (SELECT 1 FROM origins g WHERE g.article_id = a.id)
             ORDER BY id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| Ok((id(row.try_get("id")?)?, row.try_get("title")?)))
            .collect()
    }

    /// How many articles are shown, and how many are stored in all.
    pub async fn article_counts(&self) -> Result<(usize, usize), StoreError> {
        let shown: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT article_id) FROM origins")
            .fetch_one(&self.pool)
            .await?;
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
            .fetch_one(&self.pool)
            .await?;
        Ok((shown as usize, stored as usize))
    }

    /// SQLite's own consistency check: `["ok"]` when the file is sound.
    pub async fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?)
    }
}

async fn corrections_in(
    conn: &mut sqlx::SqliteConnection,
    article: u32,
) -> Result<Vec<Correction>, StoreError> {
    let bodies: Vec<String> =
        sqlx::query_scalar("SELECT body FROM corrections WHERE article_id = ? ORDER BY id")
            .bind(article)
            .fetch_all(&mut *conn)
            .await?;
    bodies
        .iter()
        .map(|b| serde_json::from_str(b).map_err(StoreError::from))
        .collect()
}

/// Inserts an extraction's observations and events, corrections applied.
async fn insert_rows(
    conn: &mut sqlx::SqliteConnection,
    article: i64,
    document: &Document,
    corrections: &[Correction],
) -> Result<(), StoreError> {
    let corrected = apply(document, corrections);
    for (i, o) in corrected.observations.iter().enumerate() {
        sqlx::query(
            "INSERT INTO observations (article_id, idx, pair, metric, period_start, period_end, value,
               currency, unit, qualifier, span_start, span_end, wrong, body)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(article)
        .bind(i as i64)
        .bind(o.pair.slug())
        .bind(o.metric.as_str())
        .bind(o.period.start.to_string())
        .bind(o.period.end.to_string())
        .bind(o.value)
        .bind(&o.currency)
        .bind(&o.unit)
        .bind(o.qualifier.map(|q| q.as_str()))
        .bind(o.provenance.span[0] as i64)
        .bind(o.provenance.span[1] as i64)
        .bind(corrected.wrong.contains(&i))
        .bind(serde_json::to_string(o)?)
        .execute(&mut *conn)
        .await?;
    }
    for (i, e) in corrected.events.iter().enumerate() {
        let pair = e.pair().or_else(|| document.pair.clone()).map(|p| p.slug());
        sqlx::query(
            "INSERT INTO events (article_id, idx, pair, kind, date_start, span_start, span_end, edited, body)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(article)
        .bind(i as i64)
        .bind(pair)
        .bind(serde_json::to_value(e.kind)?.as_str().unwrap_or_default().to_owned())
        .bind(e.date_start.map(|d| d.to_string()))
        .bind(e.provenance.span[0] as i64)
        .bind(e.provenance.span[1] as i64)
        .bind(corrected.edited.contains(&i))
        .bind(serde_json::to_string(e)?)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
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
