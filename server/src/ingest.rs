//! Corpus folders into the store: read on start, watched while running.
//!
//! A pass over a folder compares every file's size and modification time with
//! what the store recorded, reads only new or changed files, and hands them to
//! the library in batches (one transaction each). Files that vanished lose
//! their origin, so their articles leave the dashboard but stay stored. The
//! same pass serves the start-up read, the watcher and a restart after a
//! crash: whatever the last pass did not commit, the next one finds missing.

use std::{
    collections::{HashMap, HashSet},
    fs, io,
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, UNIX_EPOCH},
};

use app::{
    library::{Incoming, Library},
    model::{IngestStatus, Rejected},
    store::{Origin, StoreError},
};
use indicatif::{ProgressBar, ProgressStyle};
use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;
use tracing::{info, warn};

use crate::shown::shown;

/// File endings a corpus folder is read for.
pub const CORPUS_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// Articles per transaction: large enough to amortise the commit, small
/// enough that a crash loses little work and progress moves visibly.
const BATCH: usize = 256;

/// What a pass over one folder did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PassReport {
    /// Corpus files in the folder.
    pub files: usize,
    /// Files read (new or changed).
    pub read: usize,
    /// New articles stored.
    pub added: usize,
    /// Files whose content was already stored.
    pub duplicates: usize,
    /// Files gone since the last pass.
    pub forgotten: usize,
    pub rejected: Vec<Rejected>,
}

/// A corpus file as listed.
struct Listed {
    path: PathBuf,
    key: String,
    size: u64,
    modified: i64,
}

/// Whether the loader reads this file (by its ending).
pub fn is_corpus_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| CORPUS_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Progress of a pass: the dashboard's status and, on a terminal, a bar.
pub struct Progress {
    library: Arc<Library>,
    bar: ProgressBar,
}

impl Progress {
    /// A bar on stderr when it is a terminal (hidden otherwise, as in a
    /// service's log), mirrored into the dashboard's status line.
    pub fn new(library: Arc<Library>, show_bar: bool) -> Progress {
        let bar = if show_bar {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {pos}/{len} files ({per_sec}, {eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        Progress { library, bar }
    }

    fn start(&self, folder: &Path, total: usize) {
        self.bar
            .set_message(format!("reading {}", folder.display()));
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.library.set_status(IngestStatus {
            done: 0,
            total,
            running: true,
        });
    }

    fn advance(&self, done: usize, total: usize) {
        self.bar.set_position(done as u64);
        self.library.set_status(IngestStatus {
            done,
            total,
            running: true,
        });
    }

    /// The first pass is over: the dashboard stops showing progress.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
        let mut status = self.library.status();
        status.running = false;
        self.library.set_status(status);
    }
}

/// One pass over `folder`.
pub async fn pass(
    library: &Library,
    folder: &Path,
    progress: Option<&Progress>,
) -> Result<PassReport, StoreError> {
    let shown = folder.display().to_string();
    let mut report = PassReport::default();
    let listed = match list(folder) {
        Ok((listed, refused)) => {
            report.rejected.extend(refused);
            listed
        }
        Err(e) => {
            report.rejected.push(Rejected {
                path: shown.clone(),
                reason: format!("cannot read the folder: {e}"),
            });
            library.set_rejected(&shown, report.rejected.clone());
            return Ok(report);
        }
    };
    report.files = listed.len();
    let prefix = format!("{}/", canonical(folder).display());
    let stamps = library.store().file_stamps(&prefix).await?;

    let present: HashSet<&str> = listed.iter().map(|l| l.key.as_str()).collect();
    let gone: Vec<String> = stamps
        .keys()
        .filter(|k| !present.contains(k.as_str()))
        .cloned()
        .collect();
    report.forgotten = gone.len();
    library.forget_files(&gone).await?;

    // A file that could not be read is not read again until it changes:
    // it is listed as before (a folder with one unreadable file and a
    // watcher would otherwise read it on every event, forever).
    let changed: Vec<&Listed> = listed
        .iter()
        .filter(|l| {
            stamps
                .get(&l.key)
                .is_none_or(|s| s.size != l.size || s.modified != l.modified)
        })
        .filter(
            |l| match library.still_unreadable(&l.key, l.size, l.modified) {
                Some(reason) => {
                    report.rejected.push(Rejected {
                        path: l.path.display().to_string(),
                        reason,
                    });
                    false
                }
                None => true,
            },
        )
        .collect();
    let total = changed.len();
    if let Some(p) = progress {
        p.start(folder, total);
    }
    let mut unreadable_changed = Vec::new();
    for (n, chunk) in changed.chunks(BATCH).enumerate() {
        let mut items = Vec::with_capacity(chunk.len());
        let mut paths = Vec::with_capacity(chunk.len());
        for l in chunk {
            let display = l.path.display().to_string();
            if l.size > library.max_article() as u64 {
                report.rejected.push(Rejected {
                    path: display,
                    reason: format!(
                        "the file is {} bytes, over the limit of {} bytes (--max-article-size)",
                        l.size,
                        library.max_article()
                    ),
                });
                if stamps.contains_key(&l.key) {
                    unreadable_changed.push(l.key.clone());
                }
                continue;
            }
            match read_bounded(&l.path, library.max_article()) {
                Ok(None) => {
                    report.rejected.push(Rejected {
                        path: display,
                        reason: format!(
                            "the file holds more than {} bytes, the limit (--max-article-size)",
                            library.max_article()
                        ),
                    });
                    if stamps.contains_key(&l.key) {
                        unreadable_changed.push(l.key.clone());
                    }
                }
                Ok(Some(bytes)) => {
                    paths.push((display.clone(), *l));
                    items.push(Incoming {
                        name: display,
                        bytes,
                        origin: Origin::File {
                            path: l.key.clone(),
                            size: l.size,
                            modified: l.modified,
                        },
                        published: None,
                    });
                }
                Err(e) => report.rejected.push(Rejected {
                    path: display,
                    reason: format!("cannot read the file: {e}"),
                }),
            }
        }
        report.read += items.len();
        let results = library.ingest(items).await;
        for ((display, l), result) in paths.into_iter().zip(results) {
            match result {
                Ok(done) if done.duplicate => report.duplicates += 1,
                Ok(_) => report.added += 1,
                Err(e) => {
                    if stamps.contains_key(&l.key) {
                        unreadable_changed.push(l.key.clone());
                    }
                    report.rejected.push(Rejected {
                        path: display,
                        reason: e.to_string(),
                    });
                }
            }
        }
        if let Some(p) = progress {
            p.advance(((n + 1) * BATCH).min(total), total);
        }
    }
    // Remember what could not be read, as it is now, and forget what was.
    let reasons: HashMap<&str, &str> = report
        .rejected
        .iter()
        .map(|r| (r.path.as_str(), r.reason.as_str()))
        .collect();
    for l in &changed {
        let reason = reasons.get(l.path.display().to_string().as_str()).copied();
        library.remember_unreadable(&l.key, l.size, l.modified, reason);
    }
    // A file that changed into something unreadable no longer holds the
    // article it used to: it leaves the dashboard (and stays stored).
    library.forget_files(&unreadable_changed).await?;
    library.set_rejected(&shown, report.rejected.clone());
    Ok(report)
}

/// Whether a watcher event can change what the folder holds: a file made,
/// written, renamed or removed. Reading a file or listing the folder (an
/// `ls`, a backup reading it) is not one, and started a pass each time.
fn worth_a_pass(kind: &notify::EventKind) -> bool {
    use notify::event::{EventKind, MetadataKind, ModifyKind};
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

/// At most `limit` bytes of the file at `path`: `None` when it holds more.
/// The size `stat` gives is not trusted (a file in `/proc` says 0 and has
/// no end), so the read itself is bounded.
fn read_bounded(path: &Path, limit: usize) -> io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

/// Corpus files of `folder`, sorted, with what tells a changed file; and
/// the links that lead out of the folder, refused with the reason.
///
/// A symbolic link is followed only to a regular file inside the folder:
/// one to anything outside it (`../outside/secret.txt`, `/proc/self/maps`)
/// would publish what the folder's owner never put there.
fn list(folder: &Path) -> io::Result<(Vec<Listed>, Vec<Rejected>)> {
    let root = canonical(folder);
    let mut listed = Vec::new();
    let mut refused = Vec::new();
    for entry in fs::read_dir(folder)? {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        if !is_corpus_file(&path) {
            continue;
        }
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if is_link {
            let inside =
                fs::canonicalize(&path).is_ok_and(|target| target.parent() == Some(root.as_path()));
            if !inside {
                refused.push(Rejected {
                    path: path.display().to_string(),
                    reason: "a link to a file outside the corpus folder; not followed".to_owned(),
                });
                continue;
            }
        }
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0);
        let key = root.join(entry.file_name()).display().to_string();
        listed.push(Listed {
            path,
            key,
            size: meta.len(),
            modified,
        });
    }
    listed.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((listed, refused))
}

fn canonical(folder: &Path) -> PathBuf {
    fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf())
}

/// Logs a pass the way an operator wants to read it.
pub fn log_pass(folder: &Path, report: &PassReport) {
    info!(
        folder = %shown(&folder.display().to_string()),
        files = report.files,
        read = report.read,
        added = report.added,
        duplicates = report.duplicates,
        forgotten = report.forgotten,
        rejected = report.rejected.len(),
        "corpus folder read"
    );
    for r in &report.rejected {
        warn!(path = %shown(&r.path), reason = %shown(&r.reason), "file not read");
    }
}

/// Watches `folders` and runs a pass over one whenever something in it
/// changes, a quarter of a second after the changes stop. Without inotify
/// (or another native watcher) it falls back to a pass every five seconds.
pub async fn watch(library: Arc<Library>, folders: Vec<PathBuf>) {
    let (tx, mut rx) = mpsc::unbounded_channel::<usize>();
    let mut watchers = Vec::new();
    let mut polled = Vec::new();
    for (i, folder) in folders.iter().enumerate() {
        let tx = tx.clone();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| worth_a_pass(&e.kind)) {
                let _ = tx.send(i);
            }
        })
        .and_then(|mut w| w.watch(folder, RecursiveMode::NonRecursive).map(|()| w));
        match watcher {
            Ok(w) => watchers.push(w),
            Err(e) => {
                warn!(folder = %shown(&folder.display().to_string()), "cannot watch the folder ({e}); checking it every 5 s instead");
                polled.push(i);
            }
        }
    }
    if !polled.is_empty() {
        let tx = tx.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(5));
            loop {
                tick.tick().await;
                for &i in &polled {
                    if tx.send(i).is_err() {
                        return;
                    }
                }
            }
        });
    }
    drop(tx);
    while let Some(first) = rx.recv().await {
        let mut pending = HashSet::from([first]);
        // Let a burst of writes (a copy of many files) settle first.
        while let Ok(Some(i)) = tokio::time::timeout(Duration::from_millis(250), rx.recv()).await {
            pending.insert(i);
        }
        for i in pending {
            let folder = &folders[i];
            match pass(&library, folder, None).await {
                Ok(report) if report.read > 0 || report.forgotten > 0 => log_pass(folder, &report),
                Ok(_) => {}
                Err(e) => {
                    warn!(folder = %shown(&folder.display().to_string()), "cannot update from the folder: {}", shown(&e.to_string()))
                }
            }
        }
    }
    drop(watchers);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changes_start_a_pass() {
        use notify::event::{
            AccessKind, CreateKind, DataChange, EventKind, MetadataKind, ModifyKind, RemoveKind,
            RenameMode,
        };
        for (kind, pass) in [
            (EventKind::Access(AccessKind::Any), false),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                false,
            ),
            (EventKind::Create(CreateKind::File), true),
            (EventKind::Modify(ModifyKind::Data(DataChange::Any)), true),
            (EventKind::Modify(ModifyKind::Name(RenameMode::Both)), true),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
                true,
            ),
            (EventKind::Remove(RemoveKind::File), true),
            (EventKind::Any, true),
        ] {
            assert_eq!(worth_a_pass(&kind), pass, "{kind:?}");
        }
    }

    /// An unreadable file is read once, listed on every pass, and read
    /// again only when it changes.
    #[tokio::test]
    async fn an_unreadable_file_is_read_again_only_when_it_changes() {
        let data = tempfile::TempDir::new().expect("data");
        let corpus = tempfile::TempDir::new().expect("corpus");
        let library = Library::open(
            &app::store::Database::Embedded(data.path().to_owned()),
            1024 * 1024,
            false,
        )
        .await
        .expect("opens");
        fs::write(corpus.path().join("empty.txt"), "").expect("write");
        let first = pass(&library, corpus.path(), None).await.expect("passes");
        assert_eq!((first.read, first.rejected.len()), (1, 1));
        let again = pass(&library, corpus.path(), None).await.expect("passes");
        assert_eq!(again.read, 0, "not read again");
        assert_eq!(again.rejected, first.rejected, "still listed");
        std::thread::sleep(Duration::from_millis(20));
        fs::write(corpus.path().join("empty.txt"), "Trade rose 5% in 2023.").expect("write");
        let changed = pass(&library, corpus.path(), None).await.expect("passes");
        assert_eq!((changed.read, changed.rejected.len()), (1, 0));
    }

    #[test]
    fn a_read_stops_past_the_limit() {
        let dir = tempfile::TempDir::new().expect("dir");
        let path = dir.path().join("a.txt");
        fs::write(&path, b"0123456789").expect("write");
        assert_eq!(
            read_bounded(&path, 10).expect("reads"),
            Some(b"0123456789".to_vec())
        );
        assert_eq!(read_bounded(&path, 9).expect("reads"), None);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_only_to_files_in_the_folder() {
        let base = tempfile::TempDir::new().expect("dir");
        let corpus = base.path().join("corpus");
        let outside = base.path().join("outside");
        fs::create_dir_all(&corpus).expect("corpus");
        fs::create_dir_all(&outside).expect("outside");
        fs::write(corpus.join("a.txt"), "Trade rose.").expect("write");
        fs::write(outside.join("secret.txt"), "Trade secret.").expect("write");
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, corpus.join(name)).expect("link")
        };
        link(&outside.join("secret.txt"), "out.txt");
        link(Path::new("/proc/self/maps"), "maps.txt");
        link(&corpus.join("a.txt"), "inside.txt");
        let (listed, refused) = list(&corpus).expect("lists");
        let names = |paths: Vec<&Path>| -> Vec<String> {
            paths
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(
            names(listed.iter().map(|l| l.path.as_path()).collect()),
            ["a.txt", "inside.txt"]
        );
        let mut out = names(refused.iter().map(|r| Path::new(&r.path)).collect());
        out.sort();
        assert_eq!(out, ["maps.txt", "out.txt"]);
        assert!(refused[0].reason.contains("outside the corpus folder"));
    }
}
