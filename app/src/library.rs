//! The articles the server knows, as the dashboard and the API read them.
//!
//! Writes go to the [`Store`]; reads go through a cache of ready-made views, one
//! per country pair, built from the store on first use and dropped whenever a
//! write changes what is stored. A series request is then a hash lookup and a
//! copy of bytes already serialised, however many articles the store holds.

use std::{
    collections::{HashMap, HashSet},
    path::Path,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex, RwLock,
    },
};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use tradeline_extract::{extract, Extraction, InputError, Options};

use crate::{
    model::{
        ArticleSummary, ArticleView, DashboardData, Highlight, IngestStatus, Metric, Pair,
        PairSummary, Provenance, Rejected, Series, SourceKey, SourceKind, SourceView, SourcedEvent,
        UndatedArticle, UndatedFigure, Warning,
    },
    series::{self, EventReport, Report},
    store::{
        self, Correction, CorrectionError, Database, EventEdit, NewArticle, Origin, Store,
        StoreError, StoredArticle, StoredEvent, StoredObservation,
    },
};

/// Largest article accepted by default: 5 MiB, far beyond any news article.
pub const DEFAULT_MAX_ARTICLE: usize = 5 * 1024 * 1024;

/// How many undated articles the dashboard lists.
const UNDATED_SHOWN: u32 = 50;

/// One article to add.
#[derive(Clone, Debug)]
pub struct Incoming {
    /// A file path or an upload's file name, shown to users.
    pub name: String,
    pub bytes: Vec<u8>,
    pub origin: Origin,
    /// A publication date the user gave.
    pub published: Option<NaiveDate>,
}

/// What adding an article did.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Ingested {
    pub id: u32,
    /// The same content was already stored: nothing new was added.
    pub duplicate: bool,
    pub title: String,
    pub observations: usize,
    pub events: usize,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Not a readable text: binary, not UTF-8, empty. Nothing was stored.
    #[error("{0}")]
    Unreadable(#[from] InputError),
    #[error("the article is {size} bytes, over the limit of {limit} bytes (--max-article-size)")]
    TooLarge { size: usize, limit: usize },
    /// The database failed; nothing of this article was stored. Shared by
    /// every article of the batch it failed.
    #[error("the article could not be stored: {0}")]
    Store(#[source] Arc<StoreError>),
    /// The store wrote part of a batch and could not say which (never
    /// expected); what was stored shows at the next view.
    #[error("the store wrote {written} of {sent} articles and could not say which")]
    Unconfirmed { written: usize, sent: usize },
    /// Its extraction ended without a result (a bug in the extractor, logged).
    #[error("the extractor stopped before reading it")]
    NotExtracted,
}

impl From<StoreError> for IngestError {
    fn from(e: StoreError) -> Self {
        IngestError::Store(Arc::new(e))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CorrectError {
    #[error("no article or figure {0}")]
    NotFound(String),
    #[error(transparent)]
    Invalid(#[from] CorrectionError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the article cannot be read again: {0}")]
    Unreadable(#[from] InputError),
}

/// A correction as the API receives it: the figure or event named by its key.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CorrectionRequest {
    Published {
        article: u32,
        published: Option<NaiveDate>,
    },
    ObservationWrong {
        key: String,
        wrong: bool,
    },
    /// The period of a figure: `start` and `end` as `YYYY` or `YYYY-MM`.
    ObservationPeriod {
        key: String,
        start: String,
        #[serde(default)]
        end: Option<String>,
    },
    EventEdit {
        key: String,
        #[serde(flatten)]
        edit: EventEdit,
    },
}

/// A pair's view: its series (serialised once), events and articles.
#[derive(Debug)]
pub struct PairView {
    pub pair: Pair,
    pub series: Vec<Series>,
    pub events: Vec<SourcedEvent>,
    pub articles: Vec<ArticleSummary>,
    /// Figures whose period the text leaves unknown, in article order.
    pub undated_figures: Vec<UndatedFigure>,
    /// Flows whose two ends' official statistics are imported.
    pub mirrors: Vec<crate::model::Mirror>,
    /// Trade goals against their outcomes.
    pub pledges: Vec<crate::model::Pledge>,
    /// Reference-counted, so a response shares the bytes instead of copying them.
    json: HashMap<(Pair, Metric), bytes::Bytes>,
}

impl PairView {
    /// The series of `metric` for `pair` (direction matters for exports and imports).
    pub fn series(&self, pair: &Pair, metric: Metric) -> Option<&Series> {
        let pair = oriented(pair, metric);
        self.series
            .iter()
            .find(|s| s.metric == metric && s.pair == pair)
    }

    /// The same as JSON, serialised when the view was built.
    pub fn series_json(&self, pair: &Pair, metric: Metric) -> Option<bytes::Bytes> {
        self.json.get(&(oriented(pair, metric), metric)).cloned()
    }
}

/// Totals are stored under the alphabetical pair; flows keep their direction.
fn oriented(pair: &Pair, metric: Metric) -> Pair {
    if metric.is_directed() {
        pair.clone()
    } else {
        pair.undirected()
    }
}

#[derive(Default)]
struct Cache {
    pairs: Option<Arc<Vec<PairSummary>>>,
    views: HashMap<Pair, Arc<PairView>>,
}

pub struct Library {
    store: Store,
    cache: RwLock<Cache>,
    /// Moves on with every change a page shows (data, ingest progress, the
    /// files a corpus folder refused), so a rendered page can be cached
    /// under it.
    generation: AtomicU64,
    status: Mutex<IngestStatus>,
    rejected: Mutex<HashMap<String, Vec<Rejected>>>,
    /// Corpus files that could not be read, by path, with the size and
    /// modification time they had and why: not read again until they change.
    unreadable: Mutex<HashMap<String, (u64, i64, String)>>,
    max_article: usize,
    writes_enabled: bool,
    /// Extraction is CPU work: one permit a core, shared by every request
    /// and corpus pass, so requests beyond the cores wait for a permit
    /// rather than pile up on the blocking threads (and a request whose
    /// client has gone while it waited never starts).
    extracting: Arc<tokio::sync::Semaphore>,
}

impl Library {
    /// Opens the store (created and migrated if needed).
    pub async fn open(
        database: &Database,
        max_article: usize,
        writes_enabled: bool,
    ) -> Result<Library, StoreError> {
        Ok(Library {
            store: Store::open(database).await?,
            cache: RwLock::default(),
            generation: AtomicU64::new(0),
            status: Mutex::default(),
            rejected: Mutex::default(),
            unreadable: Mutex::default(),
            max_article,
            writes_enabled,
            extracting: Arc::new(tokio::sync::Semaphore::new(cores())),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn max_article(&self) -> usize {
        self.max_article
    }

    pub fn writes_enabled(&self) -> bool {
        self.writes_enabled
    }

    /// Adds articles: refused ones get their reason, the rest are extracted
    /// (on every core) and stored in one transaction. Results are in input order.
    pub async fn ingest(&self, items: Vec<Incoming>) -> Vec<Result<Ingested, IngestError>> {
        let n = items.len();
        let hashes: Vec<String> = items.iter().map(|i| content_hash(&i.bytes)).collect();
        let mut results: Vec<Option<Result<Ingested, IngestError>>> =
            (0..n).map(|_| None).collect();
        for (i, item) in items.iter().enumerate() {
            if item.bytes.len() > self.max_article {
                results[i] = Some(Err(IngestError::TooLarge {
                    size: item.bytes.len(),
                    limit: self.max_article,
                }));
            }
        }
        let known = match self.store.known(&hashes).await {
            Ok(known) => known,
            Err(e) => return fail_all(n, e),
        };

        // Extract each new content once, even if the batch carries it twice.
        let mut first_seen = HashSet::new();
        let jobs: Vec<usize> = (0..n)
            .filter(|&i| {
                results[i].is_none()
                    && !known.contains_key(&hashes[i])
                    && first_seen.insert(hashes[i].as_str())
            })
            .collect();
        let items = Arc::new(items);
        let mut extractions =
            extract_parallel(&self.extracting, items.clone(), jobs, extract_one).await;
        let items = Arc::try_unwrap(items).unwrap_or_else(|shared| (*shared).clone());

        let mut batch = Vec::new();
        let mut batch_index = Vec::new();
        // Contents this batch could not read, for their copies later in it.
        let mut unreadable: HashMap<String, InputError> = HashMap::new();
        for (i, item) in items.into_iter().enumerate() {
            if results[i].is_some() {
                continue;
            }
            let extraction = match extractions.remove(&i) {
                Some(Ok(extraction)) => Some(extraction),
                Some(Err(e)) => {
                    unreadable.insert(hashes[i].clone(), e.clone());
                    results[i] = Some(Err(IngestError::Unreadable(e)));
                    continue;
                }
                None => None,
            };
            // A copy of content that failed earlier in this batch (two empty
            // files) fails the same way; sent on, the store would skip it and
            // the results after it would name the wrong files.
            if extraction.is_none() {
                if let Some(e) = unreadable.get(&hashes[i]) {
                    results[i] = Some(Err(IngestError::Unreadable(e.clone())));
                    continue;
                }
            }
            batch_index.push(i);
            batch.push(NewArticle {
                hash: hashes[i].clone(),
                raw: item.bytes,
                name: item.name,
                origin: item.origin,
                published: item.published,
                extraction,
            });
        }
        let summaries: Vec<Option<Ingested>> = batch
            .iter()
            .map(|a| {
                a.extraction
                    .as_ref()
                    .map(|e| ingested(0, false, &e.document))
            })
            .collect();
        if !batch.is_empty() {
            let sent = batch.len();
            match self.store.write(batch).await {
                // One written entry for each sent: the store skips only
                // contents with no extraction and no stored article, and
                // none is sent.
                Ok(written) if written.len() == sent => {
                    self.invalidate();
                    for ((i, w), summary) in batch_index.iter().zip(written).zip(summaries) {
                        let result = match summary {
                            Some(s) if !w.duplicate => Ok(Ingested { id: w.id, ..s }),
                            _ => self.existing(w.id).await,
                        };
                        results[*i] = Some(result);
                    }
                }
                Ok(written) => {
                    // Never expected: rather than name the wrong files, none
                    // is confirmed (what was stored shows at the next view).
                    self.invalidate();
                    for i in batch_index {
                        results[i] = Some(Err(IngestError::Unconfirmed {
                            written: written.len(),
                            sent,
                        }));
                    }
                }
                Err(e) => {
                    let e = Arc::new(e);
                    for i in batch_index {
                        results[i] = Some(Err(IngestError::Store(e.clone())));
                    }
                }
            }
        }
        results
            .into_iter()
            .map(|r| r.unwrap_or(Err(IngestError::NotExtracted)))
            .collect()
    }

    async fn existing(&self, id: u32) -> Result<Ingested, IngestError> {
        match self.store.article(id).await? {
            Some(a) => Ok(ingested(id, true, &a.document)),
            None => Ok(Ingested {
                id,
                duplicate: true,
                title: String::new(),
                observations: 0,
                events: 0,
                warnings: Vec::new(),
            }),
        }
    }

    /// Extracts again every article stored by an older extractor (or with a
    /// new correction), keeping corrections. Returns how many it did.
    pub async fn reextract_stale(
        &self,
        mut progress: impl FnMut(usize),
    ) -> Result<usize, StoreError> {
        let mut done = 0;
        let mut failed: HashSet<u32> = HashSet::new();
        loop {
            let stale: Vec<_> = self
                .store
                .stale(256)
                .await?
                .into_iter()
                .filter(|s| !failed.contains(&s.id))
                .collect();
            if stale.is_empty() {
                break;
            }
            for article in stale {
                let published = self.store.published_by_user(article.id).await?;
                let options = Options {
                    published,
                    ..Options::default()
                };
                let (name, raw) = (article.name.clone(), article.raw);
                let result =
                    tokio::task::spawn_blocking(move || extract(&name, &raw, &options)).await;
                match result {
                    Ok(Ok(extraction)) => {
                        self.store
                            .replace_extraction(article.id, &extraction)
                            .await?;
                    }
                    // Stored content was readable once; if this extractor
                    // refuses it, keep the old reading rather than lose it.
                    _ => {
                        tracing::warn!(
                            article = article.id,
                            "cannot extract again; keeping the stored extraction"
                        );
                        failed.insert(article.id);
                    }
                }
                done += 1;
                progress(done);
            }
        }
        if done > 0 {
            self.invalidate();
        }
        Ok(done)
    }

    /// Forgets corpus files that are gone.
    pub async fn forget_files(&self, paths: &[String]) -> Result<(), StoreError> {
        self.store.forget_files(paths).await?;
        if !paths.is_empty() {
            self.invalidate();
        }
        Ok(())
    }

    /// Stores official figures (see [`Store::import_reference`]); views
    /// are built again when anything changed.
    pub async fn import_reference(
        &self,
        figures: &[crate::reference::ReferenceFigure],
    ) -> Result<crate::reference::Imported, StoreError> {
        let imported = self.store.import_reference(figures).await?;
        if imported.added + imported.revised > 0 {
            self.invalidate();
        }
        Ok(imported)
    }

    /// Official figures of the pair in either direction, as stored.
    pub async fn reference(
        &self,
        pair: &Pair,
    ) -> Result<Vec<crate::reference::ReferenceFigure>, StoreError> {
        self.store.reference(pair).await
    }

    /// Applies a user's correction and extracts the article again with it.
    pub async fn correct(&self, request: CorrectionRequest) -> Result<u32, CorrectError> {
        let (article, correction) = match request {
            CorrectionRequest::Published { article, published } => {
                (article, Correction::Published { published })
            }
            CorrectionRequest::ObservationWrong { key, wrong } => {
                let (article, metric, span) = self.figure_for_key(&key).await?;
                let correction = Correction::ObservationWrong {
                    metric,
                    span,
                    wrong,
                };
                (article, correction)
            }
            CorrectionRequest::ObservationPeriod { key, start, end } => {
                let (article, metric, span) = self.figure_for_key(&key).await?;
                let correction = Correction::ObservationPeriod {
                    metric,
                    span,
                    period: store::period(&start, end.as_deref())?,
                };
                (article, correction)
            }
            CorrectionRequest::EventEdit { key, edit } => {
                store::validate(&edit)?;
                let (found, stored) = self.article_for_key(&key, SourceKind::Event).await?;
                let e = stored
                    .document
                    .events
                    .get(found.index)
                    .ok_or_else(|| CorrectError::NotFound(key.clone()))?;
                (
                    found.article,
                    Correction::EventEdit {
                        event: e.kind,
                        span: e.provenance.span,
                        edit,
                    },
                )
            }
        };
        if self.store.article(article).await?.is_none() {
            return Err(CorrectError::NotFound(format!("article {article}")));
        }
        self.store.correct(article, &correction).await?;
        self.reextract_stale(|_| {}).await?;
        Ok(article)
    }

    /// The article of the figure under `key`, and the figure's metric and
    /// span: what a correction names it by, so that it still finds the figure
    /// after the article is read again.
    async fn figure_for_key(&self, key: &str) -> Result<(u32, Metric, [usize; 2]), CorrectError> {
        let (found, stored) = self.article_for_key(key, SourceKind::Observation).await?;
        let o = stored
            .document
            .observations
            .get(found.index)
            .ok_or_else(|| CorrectError::NotFound(key.to_owned()))?;
        Ok((found.article, o.metric, o.provenance.span))
    }

    async fn article_for_key(
        &self,
        key: &str,
        kind: SourceKind,
    ) -> Result<(SourceKey, StoredArticle), CorrectError> {
        let not_found = || CorrectError::NotFound(key.to_owned());
        let parsed: SourceKey = key.parse().map_err(|_| not_found())?;
        if parsed.kind != kind {
            return Err(not_found());
        }
        let stored = self
            .store
            .article(parsed.article)
            .await?
            .ok_or_else(not_found)?;
        Ok((parsed, stored))
    }

    pub fn set_status(&self, status: IngestStatus) {
        if let Ok(mut s) = self.status.lock() {
            *s = status;
        }
        self.moved_on();
    }

    pub fn status(&self) -> IngestStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The files of one corpus folder that could not be read (replacing the
    /// folder's earlier list).
    pub fn set_rejected(&self, folder: &str, rejected: Vec<Rejected>) {
        if let Ok(mut r) = self.rejected.lock() {
            if rejected.is_empty() {
                r.remove(folder);
            } else {
                r.insert(folder.to_owned(), rejected);
            }
        }
        self.moved_on();
    }

    /// Why the file at `path` could not be read, if it could not and has
    /// not changed since (same size and modification time).
    pub fn still_unreadable(&self, path: &str, size: u64, modified: i64) -> Option<String> {
        let known = self.unreadable.lock().ok()?;
        match known.get(path) {
            Some((s, m, why)) if *s == size && *m == modified => Some(why.clone()),
            _ => None,
        }
    }

    /// Remembers that the file at `path`, as it is, could not be read; a
    /// `reason` of `None` forgets it (it was read, or is gone).
    pub fn remember_unreadable(&self, path: &str, size: u64, modified: i64, reason: Option<&str>) {
        if let Ok(mut known) = self.unreadable.lock() {
            match reason {
                Some(why) => {
                    known.insert(path.to_owned(), (size, modified, why.to_owned()));
                }
                None => {
                    known.remove(path);
                }
            }
        }
    }

    pub fn rejected(&self) -> Vec<Rejected> {
        let Ok(r) = self.rejected.lock() else {
            return Vec::new();
        };
        let mut folders: Vec<_> = r.keys().collect();
        folders.sort();
        folders.into_iter().flat_map(|f| r[f].clone()).collect()
    }

    /// Drops the kept views whenever another instance commits a write to a
    /// shared database (and when the connection that hears of it comes back
    /// after a loss), so every instance shows what any of them stored. Does
    /// nothing on the embedded database, which only this process writes.
    pub fn follow_other_instances(self: &Arc<Self>) {
        let library = Arc::downgrade(self);
        // The task ends when the library is dropped or its store closed.
        self.store.watch_changes(move || match library.upgrade() {
            Some(library) => {
                library.invalidate();
                true
            }
            None => false,
        });
    }

    fn invalidate(&self) {
        if let Ok(mut cache) = self.cache.write() {
            *cache = Cache::default();
        }
        self.moved_on();
    }

    fn moved_on(&self) {
        self.generation.fetch_add(1, Ordering::Release);
    }

    /// The number of changes the pages show so far: equal numbers, equal
    /// pages.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Every pair with figures or events, most data first.
    pub async fn pairs(&self) -> Result<Arc<Vec<PairSummary>>, StoreError> {
        if let Some(pairs) = self.cache.read().ok().and_then(|c| c.pairs.clone()) {
            return Ok(pairs);
        }
        let counts = self.store.pair_counts().await?;
        let mut merged: HashMap<Pair, PairSummary> = HashMap::new();
        for (slug, c) in counts {
            let Some(pair) = Pair::from_slug(&slug) else {
                continue;
            };
            let pair = pair.undirected();
            let entry = merged.entry(pair.clone()).or_insert(PairSummary {
                pair,
                observations: 0,
                events: 0,
                articles: 0,
            });
            entry.observations += c.observations;
            entry.events += c.events;
            // Directions can share articles; the larger count is a lower bound.
            entry.articles = entry.articles.max(c.articles);
        }
        let mut pairs: Vec<PairSummary> = merged.into_values().collect();
        pairs.sort_by(|a, b| {
            (b.observations + b.events)
                .cmp(&(a.observations + a.events))
                .then_with(|| a.pair.cmp(&b.pair))
        });
        let pairs = Arc::new(pairs);
        if let Ok(mut cache) = self.cache.write() {
            cache.pairs = Some(pairs.clone());
        }
        Ok(pairs)
    }

    /// The view of one (undirected) pair.
    pub async fn view(&self, pair: &Pair) -> Result<Arc<PairView>, StoreError> {
        let pair = pair.undirected();
        if let Some(view) = self
            .cache
            .read()
            .ok()
            .and_then(|c| c.views.get(&pair).cloned())
        {
            return Ok(view);
        }
        // A pair with no data is answered empty and not cached: otherwise
        // every made-up pair of a crawler or an attacker (`/api/events?pair=
        // AA-AB`, ...) would stay in memory until the next write.
        if !self.pairs().await?.iter().any(|p| p.pair == pair) {
            return Ok(Arc::new(PairView {
                pair,
                series: Vec::new(),
                events: Vec::new(),
                articles: Vec::new(),
                undated_figures: Vec::new(),
                mirrors: Vec::new(),
                pledges: Vec::new(),
                json: HashMap::new(),
            }));
        }
        let view = Arc::new(self.build_view(&pair).await?);
        if let Ok(mut cache) = self.cache.write() {
            cache.views.insert(pair, view.clone());
        }
        Ok(view)
    }

    async fn build_view(&self, pair: &Pair) -> Result<PairView, StoreError> {
        // A figure without a knowable period is listed, never charted: its
        // stored dates only bound when it could be.
        let (undated, observations): (Vec<_>, Vec<_>) = self
            .store
            .observations(pair)
            .await?
            .into_iter()
            .partition(|o| o.observation.period.unresolved);
        let undated_figures = undated
            .into_iter()
            .map(|o| UndatedFigure {
                key: o.key().to_string(),
                article: o.article,
                title: o.title,
                observation: o.observation,
            })
            .collect::<Vec<_>>();
        let keys: Vec<String> = observations.iter().map(|o| o.key().to_string()).collect();
        let reports: Vec<Report<'_>> = observations.iter().zip(&keys).map(report).collect();
        let mut series = series::build(&reports);
        let official = self.store.reference(pair).await?;
        crate::reference::overlay::overlay(&mut series, &official);
        let mirrors = crate::reference::mirror::mirrors(&official);
        let stored_events = self.store.events(pair).await?;
        let event_keys: Vec<String> = stored_events.iter().map(|e| e.key().to_string()).collect();
        let event_reports: Vec<EventReport<'_>> = stored_events
            .iter()
            .zip(&event_keys)
            .map(event_report)
            .collect();
        let events = series::events::merge(&event_reports);
        let pledges = series::pledges::pledges(&series, &event_reports, &events);

        let mut ids: Vec<u32> = observations.iter().map(|o| o.article).collect();
        ids.extend(undated_figures.iter().map(|f| f.article));
        ids.extend(stored_events.iter().map(|e| e.article));
        ids.sort_unstable();
        ids.dedup();
        // One query for every article's document; their texts stay in the store.
        let articles = self
            .store
            .documents(&ids)
            .await?
            .iter()
            .map(|(id, name, doc)| summary_of(*id, name, doc))
            .collect();
        let mut json = HashMap::new();
        for s in &series {
            json.insert(
                (s.pair.clone(), s.metric),
                bytes::Bytes::from(serde_json::to_vec(s).unwrap_or_default()),
            );
        }
        Ok(PairView {
            pair: pair.clone(),
            series,
            events,
            articles,
            undated_figures,
            mirrors,
            pledges,
            json,
        })
    }

    /// The dashboard for `pair`, or for the pair with most data.
    pub async fn dashboard(&self, pair: Option<Pair>) -> Result<DashboardData, StoreError> {
        let pairs = self.pairs().await?;
        let pair = pair
            .map(|p| p.undirected())
            .or_else(|| pairs.first().map(|p| p.pair.clone()));
        let (shown, _) = self.store.article_counts().await?;
        let undated = self
            .store
            .undated(UNDATED_SHOWN)
            .await?
            .into_iter()
            .map(|(id, title)| UndatedArticle { id, title })
            .collect();
        let mut data = DashboardData {
            pairs: (*pairs).clone(),
            pair: pair.clone(),
            undated,
            rejected: self
                .rejected()
                .into_iter()
                .map(|r| Rejected {
                    path: file_name(&r.path),
                    ..r
                })
                .collect(),
            status: self.status(),
            article_count: shown,
            writes_enabled: self.writes_enabled,
            ..DashboardData::default()
        };
        if let Some(pair) = pair {
            let view = self.view(&pair).await?;
            data.series = view.series.clone();
            data.events = view.events.clone();
            data.articles = view.articles.clone();
            data.undated_figures = view.undated_figures.clone();
            data.mirrors = view.mirrors.clone();
            data.pledges = view.pledges.clone();
        }
        Ok(data)
    }

    /// An article with its text and every passage found in it.
    pub async fn article_view(&self, id: u32) -> Result<Option<ArticleView>, StoreError> {
        let Some(stored) = self.store.article(id).await? else {
            return Ok(None);
        };
        let doc = &stored.document;
        let mut highlights: Vec<Highlight> = doc
            .observations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let key = SourceKey::observation(id, i).to_string();
                Highlight {
                    wrong: stored.wrong.contains(&key),
                    key,
                    kind: "observation".to_owned(),
                    span: o.provenance.span,
                    sentence_span: o.provenance.sentence_span,
                    label: format!(
                        "{} · {} · {}",
                        o.metric.label(),
                        o.period.label,
                        o.as_written
                    ),
                }
            })
            .collect();
        highlights.extend(doc.events.iter().enumerate().map(|(i, e)| Highlight {
            key: SourceKey::event(id, i).to_string(),
            kind: "event".to_owned(),
            span: e.provenance.span,
            sentence_span: e.provenance.sentence_span,
            label: e.kind.label().to_owned(),
            wrong: false,
        }));
        highlights.sort_by_key(|h| h.span);
        Ok(Some(ArticleView {
            article: summary(&stored),
            origins: stored.origins.iter().map(|o| public_origin(o)).collect(),
            highlights,
            text: stored.text,
        }))
    }

    /// The source panel for `key` (`o{article}-{index}` or `e{article}-{index}`).
    pub async fn source(&self, key: &str) -> Result<Option<SourceView>, StoreError> {
        let Ok(SourceKey {
            kind,
            article,
            index,
        }) = key.parse()
        else {
            return Ok(None);
        };
        let Some(stored) = self.store.article(article).await? else {
            return Ok(None);
        };
        let doc = &stored.document;
        let read = match kind {
            SourceKind::Observation => doc
                .observations
                .get(index)
                .map(|o| (&o.provenance, crate::format::observation_reading(o))),
            SourceKind::Event => doc
                .events
                .get(index)
                .map(|e| (&e.provenance, crate::format::event_reading(e))),
        };
        Ok(read.map(|(p, reading)| source_view(&stored, p, reading)))
    }
}

fn fail_all(n: usize, e: StoreError) -> Vec<Result<Ingested, IngestError>> {
    let e = Arc::new(e);
    (0..n).map(|_| Err(IngestError::Store(e.clone()))).collect()
}

/// The cores extraction may use at once.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The fewest articles worth a thread of their own. A thread that extracts
/// builds its own caches of the patterns' automata (the regex engine keeps
/// one set for each thread that searched at the same time, for the life of
/// the process: about 2 MiB after the five reference articles), which
/// costs more than a handful of articles gains from a second core.
const MIN_PER_THREAD: usize = 16;

/// Threads for `jobs` articles on `cores` cores: one per
/// [`MIN_PER_THREAD`] articles, at least one, at most one a core.
fn threads_for(jobs: usize, cores: usize) -> usize {
    cores.min(jobs.div_ceil(MIN_PER_THREAD)).max(1)
}

/// Set when the request that wanted the extractions is gone (its future was
/// dropped): the threads stop before their next article. One article's
/// extraction runs to its end, which is bounded: linear in its size, which
/// is capped (BENCHMARKS.md, "Hostile markup", 2.5 s at the 5 MiB limit).
struct Abandoned(Arc<std::sync::atomic::AtomicBool>);

impl Drop for Abandoned {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

fn extract_one(item: &Incoming) -> Result<Extraction, InputError> {
    let options = Options {
        published: item.published,
        ..Options::default()
    };
    extract(&item.name, &item.bytes, &options)
}

/// Extracts `jobs` (indexes into `items`) with `extract` (`extract_one`
/// but in tests) off the async threads, on as many cores as `permits` gives
/// it (one a thread).
async fn extract_parallel(
    permits: &Arc<tokio::sync::Semaphore>,
    items: Arc<Vec<Incoming>>,
    jobs: Vec<usize>,
    extract: fn(&Incoming) -> Result<Extraction, InputError>,
) -> HashMap<usize, Result<Extraction, InputError>> {
    use std::sync::atomic::Ordering;

    let threads = threads_for(jobs.len(), cores());
    let per_thread = jobs.len().div_ceil(threads).max(1);
    let abandoned = Abandoned(Arc::default());
    let mut handles = Vec::new();
    for chunk in jobs.chunks(per_thread) {
        // Waiting here is where a dropped request stops: nothing started.
        let Ok(permit) = permits.clone().acquire_owned().await else {
            break;
        };
        let chunk = chunk.to_vec();
        let items = items.clone();
        let gone = abandoned.0.clone();
        handles.push(tokio::task::spawn_blocking(move || {
            let _permit = permit;
            chunk
                .into_iter()
                .take_while(|_| !gone.load(Ordering::Relaxed))
                .map(|i| (i, extract(&items[i])))
                .collect::<Vec<_>>()
        }));
    }
    let mut out = HashMap::with_capacity(jobs.len());
    for handle in handles {
        match handle.await {
            Ok(done) => out.extend(done),
            // A panic in the extractor is a bug; the articles it held are
            // reported as not stored rather than taking the server down.
            Err(e) => tracing::error!("extraction failed: {e}"),
        }
    }
    out
}

fn ingested(id: u32, duplicate: bool, doc: &crate::model::Document) -> Ingested {
    Ingested {
        id,
        duplicate,
        title: doc.title.clone().unwrap_or_default(),
        observations: doc.observations.len(),
        events: doc.events.len(),
        warnings: doc.warnings.clone(),
    }
}

/// SHA-256 of the bytes, hex.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn summary(article: &StoredArticle) -> ArticleSummary {
    summary_of(article.id, &article.name, &article.document)
}

/// A stored figure as the series builder reads it, under its source key.
fn report<'a>((o, key): (&'a StoredObservation, &'a String)) -> Report<'a> {
    Report {
        key,
        article: o.article,
        title: &o.title,
        published: o.published,
        observation: &o.observation,
    }
}

/// A stored event as the timeline reads it, under its source key.
fn event_report<'a>((e, key): (&'a StoredEvent, &'a String)) -> EventReport<'a> {
    EventReport {
        key,
        article: e.article,
        event: &e.event,
    }
}

fn summary_of(id: u32, name: &str, doc: &crate::model::Document) -> ArticleSummary {
    ArticleSummary {
        id,
        // The file's name, not where it lives: a corpus folder's place on
        // the server is nobody's business on the page or in the API.
        path: file_name(name),
        title: doc.title.clone().unwrap_or_else(|| file_name(name)),
        lang: doc.lang,
        published: doc.published,
        published_precision: doc.published_precision,
        published_basis: doc.published_basis.clone(),
        observation_count: doc.observations.len(),
        event_count: doc.events.len(),
        warnings: doc.warnings.clone(),
    }
}

/// Cuts the article text at the sentence and figure boundaries (character offsets).
fn source_view(article: &StoredArticle, p: &Provenance, reading: String) -> SourceView {
    let text = &article.text;
    let mut cuts = [p.sentence_span[0], p.span[0], p.span[1], p.sentence_span[1]];
    // Spans come from the extractor and should nest; clamp anyway so a bad span
    // can only blur the highlight, never panic.
    let chars = text.chars().count();
    let mut floor = 0;
    for c in &mut cuts {
        *c = (*c).clamp(floor, chars);
        floor = *c;
    }
    let byte = char_to_byte_offsets(text, &cuts);
    SourceView {
        article: summary(article),
        before: text[..byte[0]].to_owned(),
        lead: text[byte[0]..byte[1]].to_owned(),
        figure: text[byte[1]..byte[2]].to_owned(),
        tail: text[byte[2]..byte[3]].to_owned(),
        after: text[byte[3]..].to_owned(),
        confidence: p.confidence,
        reason: p.reason.clone(),
        reading,
    }
}

/// Byte offsets for ascending character offsets.
fn char_to_byte_offsets<const N: usize>(text: &str, chars: &[usize; N]) -> [usize; N] {
    let mut out = [text.len(); N];
    let mut next = 0;
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        while next < N && chars[next] == ci {
            out[next] = bi;
            next += 1;
        }
    }
    out
}

/// An origin as the API shows it: a file by its name (`file:a.txt`), an
/// upload as it is.
fn public_origin(origin: &str) -> String {
    match origin.strip_prefix("file:") {
        Some(path) => format!("file:{}", file_name(path)),
        None => origin.to_owned(),
    }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_map_to_byte_offsets_across_multibyte_text() {
        let text = "a–b€c";
        assert_eq!(
            char_to_byte_offsets(text, &[0, 1, 2, 4, 5]),
            [0, 1, 4, 8, 9]
        );
    }

    #[test]
    fn a_store_failure_keeps_its_cause_for_every_article_it_failed() {
        use std::error::Error as _;
        let decode = serde_json::from_str::<u32>("x").expect_err("not a number");
        let failed = fail_all(2, StoreError::Decode(decode));
        for r in &failed {
            let e = r.as_ref().expect_err("failed");
            let cause = e.source().expect("the store's error").to_string();
            assert!(cause.contains("stored data cannot be read back"), "{cause}");
        }
    }

    /// Extractions started by [`counted`], for the tests below.
    static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    /// `extract_one`, counted, and slow enough that a test can leave first.
    fn counted(item: &Incoming) -> Result<Extraction, InputError> {
        STARTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        std::thread::sleep(std::time::Duration::from_millis(20));
        extract_one(item)
    }

    #[rstest::rstest]
    #[case::nothing(0, 2, 1)]
    #[case::one_upload(1, 2, 1)]
    #[case::the_reference_articles(5, 2, 1)]
    #[case::one_thread_full(16, 2, 1)]
    #[case::just_over(17, 2, 2)]
    #[case::a_batch(256, 2, 2)]
    #[case::a_batch_on_eight_cores(256, 8, 8)]
    #[case::a_batch_on_one_core(256, 1, 1)]
    #[case::few_for_many_cores(40, 8, 3)]
    fn small_batches_stay_on_one_thread(
        #[case] jobs: usize,
        #[case] cores: usize,
        #[case] threads: usize,
    ) {
        assert_eq!(threads_for(jobs, cores), threads);
    }

    /// Extraction takes a permit a thread: with none free, a request waits
    /// and, once gone, has started nothing. A batch whose request is gone
    /// stops before its next article. (One test: both count `STARTED`.)
    #[tokio::test]
    async fn extraction_waits_for_a_core_and_stops_when_its_request_is_gone() {
        use std::sync::atomic::Ordering;
        let items: Arc<Vec<Incoming>> = Arc::new(
            (0..50)
                .map(|i| {
                    upload(&format!(
                        "Trade between Chile and Peru reached ${i} billion in 2023."
                    ))
                })
                .collect(),
        );
        let permits = Arc::new(tokio::sync::Semaphore::new(1));
        let held = permits.clone().acquire_owned().await.expect("permit");
        let waiting = extract_parallel(&permits, items.clone(), (0..50).collect(), counted);
        let gone = tokio::time::timeout(std::time::Duration::from_millis(200), waiting).await;
        assert!(gone.is_err(), "ran without a free permit");
        assert_eq!(
            STARTED.load(Ordering::SeqCst),
            0,
            "started without a permit"
        );
        drop(held);

        // With the permit free, the batch starts; its request leaves after
        // the first article or so, and the thread stops there.
        let running = extract_parallel(&permits, items.clone(), (0..50).collect(), counted);
        let gone = tokio::time::timeout(std::time::Duration::from_millis(30), running).await;
        assert!(gone.is_err(), "50 articles at 20 ms each finished in 30 ms");
        // The permit comes back when the thread has stopped.
        let _back = permits.acquire().await.expect("permit");
        let started = STARTED.load(Ordering::SeqCst);
        assert!(started < 50, "all 50 started for a request that was gone");

        // And a request that stays gets every article.
        STARTED.store(0, Ordering::SeqCst);
        drop(_back);
        let done = extract_parallel(&permits, items, (0..50).collect(), counted).await;
        assert_eq!(done.len(), 50);
    }

    fn upload(text: &str) -> Incoming {
        Incoming {
            name: "upload.txt".to_owned(),
            bytes: text.as_bytes().to_vec(),
            origin: Origin::Upload,
            published: None,
        }
    }

    async fn library(max_article: usize) -> (tempfile::TempDir, Library) {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let database = Database::Embedded(dir.path().to_owned());
        let library = Library::open(&database, max_article, true)
            .await
            .expect("opens");
        (dir, library)
    }

    /// A library holding one uploaded article.
    async fn library_with(text: &str) -> (tempfile::TempDir, Library) {
        let (dir, library) = library(DEFAULT_MAX_ARTICLE).await;
        let added = library.ingest(vec![upload(text)]).await;
        assert!(added[0].is_ok(), "{:?}", added[0]);
        (dir, library)
    }

    #[tokio::test]
    async fn bad_input_is_refused_with_its_reason_and_nothing_is_stored() {
        let (_dir, library) = library(200).await;
        let results = library
            .ingest(vec![
                upload(""),
                Incoming {
                    bytes: vec![0, 159, 146, 150, 0, 0],
                    ..upload("")
                },
                Incoming {
                    bytes: vec![b'a', 0xff, 0xfe, b'b'],
                    ..upload("")
                },
                upload(&"Trade grew. ".repeat(30)),
            ])
            .await;
        let messages: Vec<String> = results
            .iter()
            .map(|r| r.as_ref().expect_err("refused").to_string())
            .collect();
        assert!(messages[0].contains("empty"), "{messages:?}");
        assert!(
            messages[3].contains("over the limit of 200 bytes"),
            "{messages:?}"
        );
        assert!(messages.iter().all(|m| !m.is_empty()));
        assert_eq!(
            library.store().article_counts().await.expect("counts"),
            (0, 0)
        );
    }

    #[tokio::test]
    async fn an_article_without_figures_is_accepted_with_a_warning() {
        let (_dir, library) = library(DEFAULT_MAX_ARTICLE).await;
        let results = library
            .ingest(vec![upload(
                "A quiet day in the markets. Nothing was traded.",
            )])
            .await;
        let ingested = results[0].as_ref().expect("accepted");
        assert_eq!(ingested.observations, 0);
        assert!(ingested.warnings.iter().any(|w| w.code == "no_figures"));
    }

    #[tokio::test]
    async fn new_articles_show_in_the_next_read_and_duplicates_say_so() {
        let (_dir, library) = library(DEFAULT_MAX_ARTICLE).await;
        let first = "Trade between China and Brazil reached $157.5 billion in 2023.";
        let second =
            "Trade between China and Brazil reached $171.5 billion in 2022, official data showed.";
        library.ingest(vec![upload(first)]).await;
        let pair = Pair::sorted("BR", "CN");
        let before = library.view(&pair).await.expect("view");
        assert_eq!(before.series[0].points.len(), 1);

        let results = library.ingest(vec![upload(second), upload(first)]).await;
        assert!(!results[0].as_ref().expect("stored").duplicate);
        assert!(results[1].as_ref().expect("stored").duplicate);
        let after = library.view(&pair).await.expect("view");
        let values = after
            .series(&pair, Metric::TradeValue)
            .expect("a trade series");
        assert_eq!(values.points.len(), 2, "the cache was refreshed");
        let json = after
            .series_json(&pair, Metric::TradeValue)
            .expect("serialised");
        assert!(String::from_utf8_lossy(&json).contains("\"trade_value\""));

        let dashboard = library.dashboard(None).await.expect("dashboard");
        assert_eq!(dashboard.pair, Some(pair));
        assert_eq!(dashboard.article_count, 2);
        let ids: Vec<u32> = dashboard.articles.iter().map(|a| a.id).collect();
        assert_eq!(ids, [1, 2], "every article behind the pair, in id order");
        assert!(dashboard.articles.iter().all(|a| a.observation_count == 1));
    }

    #[tokio::test]
    async fn a_figure_marked_wrong_leaves_the_series() {
        let (_dir, library) = library(DEFAULT_MAX_ARTICLE).await;
        let text = "Trade between China and Brazil reached $157.5 billion in 2023, up 6.1 percent year on year.";
        let id = library.ingest(vec![upload(text)]).await[0]
            .as_ref()
            .expect("stored")
            .id;
        let pair = Pair::sorted("BR", "CN");
        let view = library.view(&pair).await.expect("view");
        let growth = view
            .series(&pair, Metric::TradeGrowthYoy)
            .expect("growth")
            .points[0]
            .sources[0]
            .key
            .clone();
        library
            .correct(CorrectionRequest::ObservationWrong {
                key: growth.clone(),
                wrong: true,
            })
            .await
            .expect("corrected");
        let view = library.view(&pair).await.expect("view");
        assert!(view.series(&pair, Metric::TradeGrowthYoy).is_none());
        let article = library
            .article_view(id)
            .await
            .expect("reads")
            .expect("exists");
        assert!(article
            .highlights
            .iter()
            .any(|h| h.key == growth && h.wrong));
        let missing = library
            .correct(CorrectionRequest::ObservationWrong {
                key: "o99-0".to_owned(),
                wrong: true,
            })
            .await;
        assert!(matches!(missing, Err(CorrectError::NotFound(_))));
    }

    /// Two empty files (one content) and two readable ones in one batch:
    /// each result names its own file.
    #[tokio::test]
    async fn results_stay_with_their_files_when_a_content_repeats_unreadable() {
        let (_dir, library) = library(DEFAULT_MAX_ARTICLE).await;
        let item = |name: &str, text: &str| Incoming {
            name: name.to_owned(),
            ..upload(text)
        };
        let results = library
            .ingest(vec![
                item("a.txt", ""),
                item("b.txt", ""),
                item(
                    "m.txt",
                    "Trade between Chile and Peru reached $4.7 billion in 2023.",
                ),
                item(
                    "z.txt",
                    "Trade between Chile and Bolivia reached $1.9 billion in 2023.",
                ),
            ])
            .await;
        assert!(matches!(
            results[0],
            Err(IngestError::Unreadable(InputError::Empty))
        ));
        assert!(matches!(
            results[1],
            Err(IngestError::Unreadable(InputError::Empty))
        ));
        let titles: Vec<String> = results[2..]
            .iter()
            .map(|r| r.as_ref().expect("stored").title.clone())
            .collect();
        assert!(
            titles[0].contains("Peru") && titles[1].contains("Bolivia"),
            "{titles:?}"
        );
    }

    #[tokio::test]
    async fn a_figure_without_a_period_is_listed_until_a_correction_dates_it() {
        let (_dir, library) = library(DEFAULT_MAX_ARTICLE).await;
        let text = "Trade between Chile and Peru currently stands at about $4.7 billion a year, \
the trade minister said.";
        library.ingest(vec![upload(text)]).await[0]
            .as_ref()
            .expect("stored");
        let pair = Pair::sorted("CL", "PE");
        let view = library.view(&pair).await.expect("view");
        assert!(
            view.series(&pair, Metric::TradeValue).is_none(),
            "never charted at a guessed date: {:?}",
            view.series
        );
        let key = match view.undated_figures.as_slice() {
            [f] => {
                assert_eq!(f.observation.value, 4.7e9);
                f.key.clone()
            }
            other => panic!("one undated figure, got {other:?}"),
        };
        let data = library
            .dashboard(Some(pair.clone()))
            .await
            .expect("dashboard");
        assert_eq!(data.undated_figures.len(), 1);

        let refused = library
            .correct(CorrectionRequest::ObservationPeriod {
                key: key.clone(),
                start: "lately".to_owned(),
                end: None,
            })
            .await;
        assert!(
            matches!(refused, Err(CorrectError::Invalid(_))),
            "{refused:?}"
        );
        library
            .correct(CorrectionRequest::ObservationPeriod {
                key,
                start: "2024".to_owned(),
                end: None,
            })
            .await
            .expect("corrected");
        let view = library.view(&pair).await.expect("view");
        assert!(view.undated_figures.is_empty());
        let points = &view
            .series(&pair, Metric::TradeValue)
            .expect("charted")
            .points;
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].period.label, "2024");
        assert_eq!(points[0].value, 4.7e9);
    }

    #[tokio::test]
    async fn a_pair_without_data_is_answered_but_not_kept() {
        let (_dir, library) =
            library_with("Trade between Chile and Peru reached $4.7 billion in 2023.").await;
        for n in 0..50u8 {
            let pair = Pair::sorted("AA", &format!("B{}", char::from(b'A' + n % 26)));
            let view = library.view(&pair).await.expect("view");
            assert!(view.series.is_empty() && view.events.is_empty());
        }
        let known = library.view(&Pair::sorted("CL", "PE")).await.expect("view");
        assert!(!known.series.is_empty());
        let cached = library.cache.read().expect("cache").views.len();
        assert_eq!(cached, 1, "only the pair with data is kept");
    }

    #[tokio::test]
    async fn a_bloc_is_a_party_like_a_country() {
        let (_dir, library) = library_with(
            "Trade between ASEAN and India reached $121.5 billion in 2023, officials said.",
        )
        .await;
        let pairs = library.pairs().await.expect("pairs");
        let bloc = Pair("ASEAN".to_owned(), "IN".to_owned());
        assert_eq!(pairs[0].pair, bloc);
        let view = library
            .view(&Pair::from_slug("in-asean").expect("a pair"))
            .await
            .expect("view");
        let values = view.series(&bloc, Metric::TradeValue).expect("a series");
        assert_eq!(values.points[0].value, 121.5e9);
    }

    #[test]
    fn content_hashes_are_sha256_hex() {
        assert_eq!(
            content_hash(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
