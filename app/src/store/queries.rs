//! Every statement of the store, written once and compiled for each backend.
//!
//! The SQL is the dialect SQLite and PostgreSQL share: `$1`-style parameters
//! (SQLite numbers `$N` by N), `INSERT ... ON CONFLICT`, `RETURNING`, and
//! 64-bit integers bound for every number (PostgreSQL has no unsigned
//! types). What the two do not share is a parameter of [`backend!`]: the
//! statement that announces a commit, and the consistency check.

use std::collections::HashMap;

use chrono::Utc;
use sqlx::Row;
use tradeline_extract::{Extraction, EXTRACTOR_VERSION};

use crate::{
    model::{Metric, Period},
    reference::{FigureKey, Imported, ReferenceFigure},
};

use super::{
    apply, id, title_of, Correction, Document, Event, FileStamp, NewArticle, Observation, Origin,
    Pair, PairCounts, Stale, StoreError, StoredArticle, StoredEvent, StoredObservation, Written,
    CHANGES_CHANNEL,
};

/// Defines module `$name` with the store's statements for database `$db`.
/// `$announce` runs last in every writing transaction, with the channel's
/// name as `$1` (so other instances hear of the commit, and only of a
/// commit); `$integrity` is the check that answers `["ok"]` when the
/// database is sound.
macro_rules! backend {
    ($name:ident, $db:ty, announce: $announce:expr, integrity: $integrity:expr $(,)?) => {
        pub(super) mod $name {
            use super::*;

            type Pool = sqlx::Pool<$db>;
            type Conn = <$db as sqlx::Database>::Connection;

            /// Run before a writing transaction commits.
            async fn announce(conn: &mut Conn) -> Result<(), StoreError> {
                let statement: Option<&str> = $announce;
                if let Some(statement) = statement {
                    sqlx::query(statement)
                        .bind(CHANGES_CHANNEL)
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(())
            }

            pub(crate) async fn known(
                pool: &Pool,
                hashes: &[String],
            ) -> Result<HashMap<String, u32>, StoreError> {
                let mut known = HashMap::new();
                // Both databases take far more bound parameters than this.
                for chunk in hashes.chunks(500) {
                    let sql = format!(
                        "SELECT hash, id FROM articles WHERE hash IN ({})",
                        placeholders(chunk.len())
                    );
                    let mut query = sqlx::query(&sql);
                    for h in chunk {
                        query = query.bind(h);
                    }
                    for row in query.fetch_all(pool).await? {
                        known.insert(row.try_get("hash")?, id(row.try_get("id")?)?);
                    }
                }
                Ok(known)
            }

            pub(crate) async fn file_stamps(
                pool: &Pool,
                prefix: &str,
            ) -> Result<HashMap<String, FileStamp>, StoreError> {
                // The rest after the prefix holds no "/": the files directly
                // in the folder ("/" has no case, so LIKE is exact here).
                let rows = sqlx::query(
                    "SELECT origin, article_id, size, modified FROM origins
                     WHERE substr(origin, 1, length($1)) = $1
                       AND substr(origin, length($1) + 1) NOT LIKE '%/%'",
                )
                .bind(format!("file:{prefix}"))
                .fetch_all(pool)
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

            pub(crate) async fn write(
                pool: &Pool,
                batch: Vec<NewArticle>,
            ) -> Result<Vec<Written>, StoreError> {
                let mut tx = pool.begin().await?;
                let now = Utc::now().to_rfc3339();
                let mut written = Vec::with_capacity(batch.len());
                // The rows of the whole batch, written a few statements for
                // all once every article has its id.
                let mut inserted: Vec<(i64, &Document)> = Vec::new();
                let mut origins: Vec<OriginRow> = Vec::with_capacity(batch.len());
                for article in &batch {
                    let (article_id, duplicate) = match &article.extraction {
                        Some(extraction) => {
                            let document = serde_json::to_string(&extraction.document)?;
                            // Another instance may store the same content at
                            // the same moment: the unique hash makes it one
                            // article, and the loser links to the winner's.
                            let new_id: Option<i64> = sqlx::query_scalar(
                                "INSERT INTO articles (hash, raw, name, added_at, extractor_version, text, title, published, document)
                                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                                 ON CONFLICT (hash) DO NOTHING RETURNING id",
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
                            .fetch_optional(&mut *tx)
                            .await?;
                            match new_id {
                                Some(article_id) => {
                                    if let Some(published) = article.published {
                                        let body = serde_json::to_string(&Correction::Published {
                                            published: Some(published),
                                        })?;
                                        sqlx::query(
                                            "INSERT INTO corrections (article_id, kind, target, body, created_at)
                                             VALUES ($1, 'published', '', $2, $3)",
                                        )
                                        .bind(article_id)
                                        .bind(body)
                                        .bind(&now)
                                        .execute(&mut *tx)
                                        .await?;
                                    }
                                    inserted.push((article_id, &extraction.document));
                                    (article_id, false)
                                }
                                None => match existing(&mut tx, &article.hash).await? {
                                    Some(article_id) => (article_id, true),
                                    None => continue,
                                },
                            }
                        }
                        None => match existing(&mut tx, &article.hash).await? {
                            Some(article_id) => (article_id, true),
                            // Known when the batch was prepared, removed since:
                            // nothing to link.
                            None => continue,
                        },
                    };
                    let row = OriginRow::new(&article.origin, article_id, &now);
                    // One statement cannot set a row twice: the later wins,
                    // as it would one statement at a time.
                    origins.retain(|o| o.origin != row.origin);
                    origins.push(row);
                    written.push(Written {
                        id: id(article_id)?,
                        duplicate,
                    });
                }
                let rows: Vec<(i64, &Document, &[Correction])> =
                    inserted.iter().map(|&(id, d)| (id, d, &[][..])).collect();
                insert_rows(&mut tx, &rows).await?;
                upsert_origins(&mut tx, &origins).await?;
                announce(&mut tx).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn existing(conn: &mut Conn, hash: &str) -> Result<Option<i64>, StoreError> {
                Ok(sqlx::query_scalar("SELECT id FROM articles WHERE hash = $1")
                    .bind(hash)
                    .fetch_optional(&mut *conn)
                    .await?)
            }

            pub(crate) async fn forget_files(
                pool: &Pool,
                paths: &[String],
            ) -> Result<(), StoreError> {
                let mut tx = pool.begin().await?;
                for path in paths {
                    sqlx::query("DELETE FROM origins WHERE origin = $1")
                        .bind(format!("file:{path}"))
                        .execute(&mut *tx)
                        .await?;
                }
                announce(&mut tx).await?;
                tx.commit().await?;
                Ok(())
            }

            pub(crate) async fn stale(pool: &Pool, limit: u32) -> Result<Vec<Stale>, StoreError> {
                let rows = sqlx::query(
                    "SELECT id, name, raw FROM articles
                     WHERE extractor_version IS NULL OR extractor_version <> $1 ORDER BY id LIMIT $2",
                )
                .bind(EXTRACTOR_VERSION)
                .bind(i64::from(limit))
                .fetch_all(pool)
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

            pub(crate) async fn replace_extraction(
                pool: &Pool,
                article: u32,
                extraction: &Extraction,
            ) -> Result<(), StoreError> {
                let article = i64::from(article);
                let mut tx = pool.begin().await?;
                let corrections = corrections_in(&mut tx, article).await?;
                let document = serde_json::to_string(&extraction.document)?;
                let name: String = sqlx::query_scalar("SELECT name FROM articles WHERE id = $1")
                    .bind(article)
                    .fetch_one(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE articles SET extractor_version = $1, text = $2, title = $3, published = $4, document = $5
                     WHERE id = $6",
                )
                .bind(EXTRACTOR_VERSION)
                .bind(&extraction.text)
                .bind(title_of(&extraction.document, &name))
                .bind(extraction.document.published.map(|d| d.to_string()))
                .bind(document)
                .bind(article)
                .execute(&mut *tx)
                .await?;
                for table in ["observations", "events"] {
                    sqlx::query(&format!("DELETE FROM {table} WHERE article_id = $1"))
                        .bind(article)
                        .execute(&mut *tx)
                        .await?;
                }
                insert_rows(&mut tx, &[(article, &extraction.document, &corrections)]).await?;
                announce(&mut tx).await?;
                tx.commit().await?;
                Ok(())
            }

            pub(crate) async fn correct(
                pool: &Pool,
                article: u32,
                correction: &Correction,
            ) -> Result<(), StoreError> {
                let article = i64::from(article);
                let mut tx = pool.begin().await?;
                sqlx::query(
                    "INSERT INTO corrections (article_id, kind, target, body, created_at) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (article_id, kind, target) DO UPDATE SET body = excluded.body, created_at = excluded.created_at",
                )
                .bind(article)
                .bind(correction.kind())
                .bind(correction.target())
                .bind(serde_json::to_string(correction)?)
                .bind(Utc::now().to_rfc3339())
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE articles SET extractor_version = NULL WHERE id = $1")
                    .bind(article)
                    .execute(&mut *tx)
                    .await?;
                announce(&mut tx).await?;
                tx.commit().await?;
                Ok(())
            }

            pub(crate) async fn corrections(
                pool: &Pool,
                article: u32,
            ) -> Result<Vec<Correction>, StoreError> {
                let mut conn = pool.acquire().await?;
                corrections_in(&mut conn, i64::from(article)).await
            }

            async fn corrections_in(
                conn: &mut Conn,
                article: i64,
            ) -> Result<Vec<Correction>, StoreError> {
                let bodies: Vec<String> = sqlx::query_scalar(
                    "SELECT body FROM corrections WHERE article_id = $1 ORDER BY id",
                )
                .bind(article)
                .fetch_all(&mut *conn)
                .await?;
                bodies
                    .iter()
                    .map(|b| serde_json::from_str(b).map_err(StoreError::from))
                    .collect()
            }

            pub(crate) async fn observations(
                pool: &Pool,
                pair: &Pair,
            ) -> Result<Vec<StoredObservation>, StoreError> {
                let rows = sqlx::query(
                    "SELECT o.article_id, o.idx, o.body, a.title, a.published FROM observations o
                     JOIN articles a ON a.id = o.article_id
                     WHERE o.pair IN ($1, $2) AND o.wrong = 0
                       AND EXISTS (SELECT 1 FROM origins g WHERE g.article_id = o.article_id)
                     ORDER BY o.article_id, o.idx",
                )
                .bind(pair.slug())
                .bind(Pair(pair.1.clone(), pair.0.clone()).slug())
                .fetch_all(pool)
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

            pub(crate) async fn events(
                pool: &Pool,
                pair: &Pair,
            ) -> Result<Vec<StoredEvent>, StoreError> {
                let rows = sqlx::query(
                    "SELECT e.article_id, e.idx, e.body FROM events e
                     WHERE e.pair = $1 AND EXISTS (SELECT 1 FROM origins g WHERE g.article_id = e.article_id)
                     ORDER BY e.article_id, e.idx",
                )
                .bind(pair.undirected().slug())
                .fetch_all(pool)
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

            pub(crate) async fn pair_counts(
                pool: &Pool,
            ) -> Result<HashMap<String, PairCounts>, StoreError> {
                let mut out: HashMap<String, PairCounts> = HashMap::new();
                let shown = "EXISTS (SELECT 1 FROM origins g WHERE g.article_id = t.article_id)";
                let sql = format!(
                    "SELECT pair, COUNT(*) AS n, COUNT(DISTINCT article_id) AS a FROM observations t
                     WHERE wrong = 0 AND {shown} GROUP BY pair"
                );
                for row in sqlx::query(&sql).fetch_all(pool).await? {
                    let entry = out.entry(row.try_get("pair")?).or_default();
                    entry.observations = row.try_get::<i64, _>("n")? as usize;
                    entry.articles = row.try_get::<i64, _>("a")? as usize;
                }
                let sql = format!(
                    "SELECT pair, COUNT(*) AS n FROM events t WHERE pair IS NOT NULL AND {shown} GROUP BY pair"
                );
                for row in sqlx::query(&sql).fetch_all(pool).await? {
                    out.entry(row.try_get("pair")?).or_default().events =
                        row.try_get::<i64, _>("n")? as usize;
                }
                Ok(out)
            }

            pub(crate) async fn article(
                pool: &Pool,
                article: u32,
            ) -> Result<Option<StoredArticle>, StoreError> {
                let key = i64::from(article);
                let Some(row) =
                    sqlx::query("SELECT id, name, text, document FROM articles WHERE id = $1")
                        .bind(key)
                        .fetch_optional(pool)
                        .await?
                else {
                    return Ok(None);
                };
                let origins: Vec<String> = sqlx::query_scalar(
                    "SELECT origin FROM origins WHERE article_id = $1 ORDER BY origin",
                )
                .bind(key)
                .fetch_all(pool)
                .await?;
                let wrong: Vec<i64> = sqlx::query_scalar(
                    "SELECT idx FROM observations WHERE article_id = $1 AND wrong = 1 ORDER BY idx",
                )
                .bind(key)
                .fetch_all(pool)
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

            pub(crate) async fn documents(
                pool: &Pool,
                ids: &[u32],
            ) -> Result<Vec<(u32, String, Document)>, StoreError> {
                let mut out = Vec::with_capacity(ids.len());
                for chunk in ids.chunks(500) {
                    let sql = format!(
                        "SELECT id, name, document FROM articles WHERE id IN ({}) ORDER BY id",
                        placeholders(chunk.len())
                    );
                    let mut query = sqlx::query(&sql);
                    for id in chunk {
                        query = query.bind(i64::from(*id));
                    }
                    for row in query.fetch_all(pool).await? {
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

            pub(crate) async fn undated(
                pool: &Pool,
                limit: u32,
            ) -> Result<Vec<(u32, String)>, StoreError> {
                let rows = sqlx::query(
                    "SELECT id, title FROM articles a WHERE published IS NULL
                       AND EXISTS (SELECT 1 FROM origins g WHERE g.article_id = a.id)
                     ORDER BY id DESC LIMIT $1",
                )
                .bind(i64::from(limit))
                .fetch_all(pool)
                .await?;
                rows.into_iter()
                    .map(|row| Ok((id(row.try_get("id")?)?, row.try_get("title")?)))
                    .collect()
            }

            pub(crate) async fn article_counts(pool: &Pool) -> Result<(usize, usize), StoreError> {
                let shown: i64 =
                    sqlx::query_scalar("SELECT COUNT(DISTINCT article_id) FROM origins")
                        .fetch_one(pool)
                        .await?;
                let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
                    .fetch_one(pool)
                    .await?;
                Ok((shown as usize, stored as usize))
            }

            pub(crate) async fn ping(pool: &Pool) -> Result<(), StoreError> {
                sqlx::query("SELECT 1").execute(pool).await?;
                Ok(())
            }

            pub(crate) async fn integrity_check(pool: &Pool) -> Result<Vec<String>, StoreError> {
                Ok(sqlx::query_scalar($integrity).fetch_all(pool).await?)
            }

            /// Inserts the observations and events of `articles` (id,
            /// extraction, corrections), corrections applied: a statement
            /// for many rows, not one a row, since on PostgreSQL each
            /// statement is a round trip.
            async fn insert_rows(
                conn: &mut Conn,
                articles: &[(i64, &Document, &[Correction])],
            ) -> Result<(), StoreError> {
                let mut observations = Vec::new();
                let mut events = Vec::new();
                for (article, document, corrections) in articles {
                    let corrected = apply(document, corrections);
                    for (i, o) in corrected.observations.iter().enumerate() {
                        observations.push(ObservationRow::new(
                            *article,
                            i,
                            o,
                            corrected.wrong.contains(&i),
                        )?);
                    }
                    for (i, e) in corrected.events.iter().enumerate() {
                        events.push(EventRow::new(
                            *article,
                            i,
                            e,
                            document,
                            corrected.edited.contains(&i),
                        )?);
                    }
                }
                for chunk in observations.chunks(ROWS_A_STATEMENT) {
                    let mut insert = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO observations (article_id, idx, pair, metric, period_start, period_end, value,
                           currency, unit, qualifier, span_start, span_end, wrong, body) ",
                    );
                    insert.push_values(chunk, |mut row, o| {
                        row.push_bind(o.article)
                            .push_bind(o.idx)
                            .push_bind(o.pair.as_str())
                            .push_bind(o.metric)
                            .push_bind(o.period_start.as_str())
                            .push_bind(o.period_end.as_str())
                            .push_bind(o.value)
                            .push_bind(o.currency.as_deref())
                            .push_bind(o.unit.as_deref())
                            .push_bind(o.qualifier)
                            .push_bind(o.span[0])
                            .push_bind(o.span[1])
                            .push_bind(o.wrong)
                            .push_bind(o.body.as_str());
                    });
                    insert.build().execute(&mut *conn).await?;
                }
                for chunk in events.chunks(ROWS_A_STATEMENT) {
                    let mut insert = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO events (article_id, idx, pair, kind, date_start, span_start, span_end, edited, body) ",
                    );
                    insert.push_values(chunk, |mut row, e| {
                        row.push_bind(e.article)
                            .push_bind(e.idx)
                            .push_bind(e.pair.as_deref())
                            .push_bind(e.kind.as_str())
                            .push_bind(e.date_start.as_deref())
                            .push_bind(e.span[0])
                            .push_bind(e.span[1])
                            .push_bind(e.edited)
                            .push_bind(e.body.as_str());
                    });
                    insert.build().execute(&mut *conn).await?;
                }
                Ok(())
            }

            /// Links each article to where it came from; a later origin
            /// of the same name replaces an earlier one (a file changed).
            async fn upsert_origins(
                conn: &mut Conn,
                origins: &[OriginRow],
            ) -> Result<(), StoreError> {
                for chunk in origins.chunks(ROWS_A_STATEMENT) {
                    let mut upsert = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO origins (origin, article_id, size, modified, seen_at) ",
                    );
                    upsert.push_values(chunk, |mut row, o| {
                        row.push_bind(o.origin.as_str())
                            .push_bind(o.article)
                            .push_bind(o.size)
                            .push_bind(o.modified)
                            .push_bind(o.seen_at.as_str());
                    });
                    upsert.push(
                        " ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id,
                         size = excluded.size, modified = excluded.modified, seen_at = excluded.seen_at",
                    );
                    upsert.build().execute(&mut *conn).await?;
                }
                Ok(())
            }

            pub(crate) async fn import_reference(
                pool: &Pool,
                figures: &[ReferenceFigure],
            ) -> Result<Imported, StoreError> {
                let mut tx = pool.begin().await?;
                // What the store holds from the file's sources, read once,
                // so that only new and revised figures are written.
                let mut sources: Vec<&str> = figures.iter().map(|f| f.source.as_str()).collect();
                sources.sort_unstable();
                sources.dedup();
                let mut held: HashMap<FigureKey, (f64, String, Option<String>)> = HashMap::new();
                for chunk in sources.chunks(500) {
                    let sql = format!(
                        "SELECT pair, metric, period_start, period_end, currency, source, value, label, reporter
                         FROM reference_figures WHERE source IN ({})",
                        placeholders(chunk.len())
                    );
                    let mut query = sqlx::query(&sql);
                    for s in chunk {
                        query = query.bind(*s);
                    }
                    for row in query.fetch_all(&mut *tx).await? {
                        held.insert(figure_key(&row)?, (row.try_get("value")?, row.try_get("label")?, row.try_get("reporter")?));
                    }
                }
                let mut imported = Imported::default();
                let mut rows: Vec<ReferenceRow> = Vec::new();
                for f in figures {
                    let row = ReferenceRow::new(f);
                    match held.get(&f.key()) {
                        Some((value, label, reporter))
                            if *value == row.value && *label == row.label && *reporter == row.reporter =>
                        {
                            imported.unchanged += 1;
                            continue;
                        }
                        Some(_) => imported.revised += 1,
                        None => imported.added += 1,
                    }
                    rows.push(row);
                }
                let now = Utc::now().to_rfc3339();
                for chunk in rows.chunks(ROWS_A_STATEMENT) {
                    let mut upsert = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO reference_figures (pair, metric, period_start, period_end, currency, source,
                           value, label, reporter, imported_at) ",
                    );
                    upsert.push_values(chunk, |mut row, r| {
                        row.push_bind(r.pair.as_str())
                            .push_bind(r.metric)
                            .push_bind(r.period_start.as_str())
                            .push_bind(r.period_end.as_str())
                            .push_bind(r.currency.as_str())
                            .push_bind(r.source.as_str())
                            .push_bind(r.value)
                            .push_bind(r.label.as_str())
                            .push_bind(r.reporter.as_deref())
                            .push_bind(now.as_str());
                    });
                    upsert.push(
                        " ON CONFLICT (pair, metric, period_start, period_end, currency, source) DO UPDATE SET
                         value = excluded.value, label = excluded.label, reporter = excluded.reporter,
                         imported_at = excluded.imported_at",
                    );
                    upsert.build().execute(&mut *tx).await?;
                }
                if !rows.is_empty() {
                    announce(&mut tx).await?;
                }
                tx.commit().await?;
                Ok(imported)
            }

            /// A reference figure's key columns.
            fn figure_key(row: &<$db as sqlx::Database>::Row) -> Result<FigureKey, StoreError> {
                Ok(FigureKey {
                    pair: row.try_get("pair")?,
                    metric: row.try_get("metric")?,
                    start: row.try_get("period_start")?,
                    end: row.try_get("period_end")?,
                    currency: row.try_get("currency")?,
                    source: row.try_get("source")?,
                })
            }

            pub(crate) async fn reference(
                pool: &Pool,
                pair: &Pair,
            ) -> Result<Vec<ReferenceFigure>, StoreError> {
                let rows = sqlx::query(
                    "SELECT pair, metric, period_start, period_end, currency, source, value, label, reporter
                     FROM reference_figures WHERE pair IN ($1, $2)
                     ORDER BY metric, pair, period_start, period_end, source",
                )
                .bind(pair.slug())
                .bind(Pair(pair.1.clone(), pair.0.clone()).slug())
                .fetch_all(pool)
                .await?;
                rows.iter()
                    .map(|row| {
                        reference_figure(
                            figure_key(row)?,
                            row.try_get("value")?,
                            row.try_get("label")?,
                            row.try_get("reporter")?,
                        )
                    })
                    .collect()
            }
        }
    };
}

backend!(sqlite, sqlx::Sqlite, announce: None, integrity: "PRAGMA integrity_check");
backend!(
    postgres,
    sqlx::Postgres,
    // Delivered to every listener when, and only if, the transaction commits.
    announce: Some("SELECT pg_notify($1, '')"),
    // PostgreSQL guards its own files; this proves the schema answers.
    integrity: "SELECT 'ok'::text FROM (SELECT COUNT(*) FROM articles) AS answered",
);

/// Rows a multi-row statement writes at most: under both databases' limits
/// on bound parameters (14 a row here; SQLite takes 32,766, PostgreSQL 65,535).
pub(super) const ROWS_A_STATEMENT: usize = 1_000;

/// A reference figure as its row.
struct ReferenceRow {
    pair: String,
    metric: &'static str,
    period_start: String,
    period_end: String,
    currency: String,
    source: String,
    value: f64,
    label: String,
    reporter: Option<String>,
}

impl ReferenceRow {
    fn new(f: &ReferenceFigure) -> ReferenceRow {
        ReferenceRow {
            pair: f.pair.slug(),
            metric: f.metric.as_str(),
            period_start: f.period.start.to_string(),
            period_end: f.period.end.to_string(),
            currency: f.currency.clone(),
            source: f.source.clone(),
            value: f.value,
            label: f.period.label.clone(),
            reporter: f.reporter.clone(),
        }
    }
}

/// A stored row back as a figure; a row this code did not write (an
/// unknown metric, a malformed date) is an error rather than a guess.
fn reference_figure(
    key: FigureKey,
    value: f64,
    label: String,
    reporter: Option<String>,
) -> Result<ReferenceFigure, StoreError> {
    let corrupt = |what: String| StoreError::Corrupt(format!("reference figure {what}"));
    let date = |d: &str| d.parse().map_err(|_| corrupt(format!("date {d:?}")));
    Ok(ReferenceFigure {
        pair: Pair::from_slug(&key.pair).ok_or_else(|| corrupt(format!("pair {:?}", key.pair)))?,
        metric: Metric::parse(&key.metric)
            .ok_or_else(|| corrupt(format!("metric {:?}", key.metric)))?,
        period: Period {
            start: date(&key.start)?,
            end: date(&key.end)?,
            label,
            inferred: false,
            unresolved: false,
        },
        value,
        currency: key.currency,
        source: key.source,
        reporter,
    })
}

/// An observation as its row.
struct ObservationRow {
    article: i64,
    idx: i64,
    pair: String,
    metric: &'static str,
    period_start: String,
    period_end: String,
    value: f64,
    currency: Option<String>,
    unit: Option<String>,
    qualifier: Option<&'static str>,
    span: [i64; 2],
    wrong: i64,
    body: String,
}

impl ObservationRow {
    fn new(article: i64, i: usize, o: &Observation, wrong: bool) -> Result<Self, StoreError> {
        Ok(ObservationRow {
            article,
            idx: i as i64,
            pair: o.pair.slug(),
            metric: o.metric.as_str(),
            period_start: o.period.start.to_string(),
            period_end: o.period.end.to_string(),
            value: o.value,
            currency: o.currency.clone(),
            unit: o.unit.clone(),
            qualifier: o.qualifier.map(|q| q.as_str()),
            span: [o.provenance.span[0] as i64, o.provenance.span[1] as i64],
            wrong: i64::from(wrong),
            body: serde_json::to_string(o)?,
        })
    }
}

/// An event as its row: its pair is its participants' or the article's.
struct EventRow {
    article: i64,
    idx: i64,
    pair: Option<String>,
    kind: String,
    date_start: Option<String>,
    span: [i64; 2],
    edited: i64,
    body: String,
}

impl EventRow {
    fn new(
        article: i64,
        i: usize,
        e: &Event,
        document: &Document,
        edited: bool,
    ) -> Result<Self, StoreError> {
        Ok(EventRow {
            article,
            idx: i as i64,
            pair: e.pair().or_else(|| document.pair.clone()).map(|p| p.slug()),
            kind: serde_json::to_value(e.kind)?
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            date_start: e.date_start.map(|d| d.to_string()),
            span: [e.provenance.span[0] as i64, e.provenance.span[1] as i64],
            edited: i64::from(edited),
            body: serde_json::to_string(e)?,
        })
    }
}

/// Where an article came from, as its row.
struct OriginRow {
    origin: String,
    article: i64,
    size: Option<i64>,
    modified: Option<i64>,
    seen_at: String,
}

impl OriginRow {
    fn new(origin: &Origin, article: i64, now: &str) -> OriginRow {
        let (origin, size, modified) = match origin {
            Origin::File {
                path,
                size,
                modified,
            } => (format!("file:{path}"), Some(*size as i64), Some(*modified)),
            Origin::Upload => (format!("upload:{article}"), None, None),
        };
        OriginRow {
            origin,
            article,
            size,
            modified,
            seen_at: now.to_owned(),
        }
    }
}

/// `$1, $2, ...`: `n` numbered parameters.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered_from_one() {
        assert_eq!(super::placeholders(3), "$1,$2,$3");
        assert_eq!(super::placeholders(1), "$1");
    }
}
