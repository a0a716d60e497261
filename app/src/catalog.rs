//! The articles the server knows, each with what the extractor read from it.
//!
//! This is the in-memory store the dashboard reads: the corpus folders are read
//! once at start-up and every article is extracted. It is an immutable snapshot
//! behind an `Arc`, so request handlers read it without locks.

use std::{
    collections::HashSet,
    fs,
    path::{Path, PathBuf},
};

use tradeline_extract::{events::group_reports, extract, Extraction, Options};

use crate::model::{
    ArticleSummary, Overview, Provenance, Rejected, SourceView, SourcedEvent, SourcedObservation,
};

/// File endings the corpus loader reads.
pub const CORPUS_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// One article: its text as the extractor normalised it, and what was read from it.
#[derive(Debug)]
pub struct Article {
    pub id: u32,
    pub extraction: Extraction,
}

/// All loaded articles, plus the files that could not be read.
#[derive(Debug, Default)]
pub struct Catalog {
    articles: Vec<Article>,
    rejected: Vec<Rejected>,
}

impl Catalog {
    /// Reads every corpus file in `dirs` (not recursive, in name order) and
    /// extracts it. Unreadable files are kept as [`Rejected`] with the reason, so
    /// the dashboard can say what it left out. The same content twice is one article.
    pub fn load(dirs: &[PathBuf]) -> Catalog {
        let mut catalog = Catalog::default();
        let mut seen = HashSet::new();
        for dir in dirs {
            let files = match corpus_files(dir) {
                Ok(files) => files,
                Err(e) => {
                    catalog.rejected.push(Rejected {
                        path: dir.display().to_string(),
                        reason: format!("cannot read the folder: {e}"),
                    });
                    continue;
                }
            };
            for path in files {
                let shown = path.display().to_string();
                let bytes = match fs::read(&path) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        catalog.rejected.push(Rejected {
                            path: shown,
                            reason: format!("cannot read the file: {e}"),
                        });
                        continue;
                    }
                };
                if !seen.insert(bytes.clone()) {
                    continue;
                }
                catalog.add(&shown, &bytes, &Options::default());
            }
        }
        catalog
    }

    /// Extracts one article and adds it, or records why it was refused.
    pub fn add(&mut self, path: &str, bytes: &[u8], options: &Options) {
        match extract(path, bytes, options) {
            Ok(extraction) => {
                let id = self.articles.len() as u32 + 1;
                self.articles.push(Article { id, extraction });
            }
            Err(e) => self.rejected.push(Rejected {
                path: path.to_owned(),
                reason: e.to_string(),
            }),
        }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn article(&self, id: u32) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Everything the dashboard's first screen shows.
    pub fn overview(&self) -> Overview {
        let mut overview = Overview {
            rejected: self.rejected.clone(),
            ..Overview::default()
        };
        for article in &self.articles {
            let doc = &article.extraction.document;
            overview.articles.push(summary(article));
            for (i, o) in doc.observations.iter().enumerate() {
                overview.observations.push(SourcedObservation {
                    key: format!("o{}-{}", article.id, i),
                    article_id: article.id,
                    observation: o.clone(),
                });
            }
        }
        overview.events = merged_events(&self.articles);
        overview
            .observations
            .sort_by(|a, b| a.observation.period.cmp(&b.observation.period));
        overview
    }

    /// The source panel for `key` (`o{article}-{index}` or `e{article}-{index}`).
    pub fn source(&self, key: &str) -> Option<SourceView> {
        let (kind, rest) = key.split_at_checked(1)?;
        let (article, index) = rest.split_once('-')?;
        let article = self.article(article.parse().ok()?)?;
        let index: usize = index.parse().ok()?;
        let doc = &article.extraction.document;
        let provenance = match kind {
            "o" => &doc.observations.get(index)?.provenance,
            "e" => &doc.events.get(index)?.provenance,
            _ => return None,
        };
        Some(source_view(article, provenance))
    }
}

/// Every article's events, one entry per real event: reports of the same
/// event from several articles become one entry that names the others.
fn merged_events(articles: &[Article]) -> Vec<SourcedEvent> {
    let reports: Vec<(u32, usize, &tradeline_extract::model::Event)> = articles
        .iter()
        .flat_map(|a| {
            a.extraction
                .document
                .events
                .iter()
                .enumerate()
                .map(move |(i, e)| (a.id, i, e))
        })
        .collect();
    let events: Vec<&tradeline_extract::model::Event> = reports.iter().map(|r| r.2).collect();
    let key = |i: usize| format!("e{}-{}", reports[i].0, reports[i].1);
    group_reports(&events)
        .into_iter()
        .filter_map(|group| {
            let (&first, rest) = group.split_first()?;
            Some(SourcedEvent {
                key: key(first),
                article_id: reports[first].0,
                event: reports[first].2.clone(),
                also: rest.iter().map(|&i| key(i)).collect(),
            })
        })
        .collect()
}

fn summary(article: &Article) -> ArticleSummary {
    let doc = &article.extraction.document;
    ArticleSummary {
        id: article.id,
        path: doc.path.clone(),
        title: doc.title.clone().unwrap_or_else(|| file_name(&doc.path)),
        published: doc.published,
        published_precision: doc.published_precision,
        published_basis: doc.published_basis.clone(),
        observation_count: doc.observations.len(),
        event_count: doc.events.len(),
        warnings: doc.warnings.clone(),
    }
}

/// Cuts the article text at the sentence and figure boundaries (character offsets).
fn source_view(article: &Article, p: &Provenance) -> SourceView {
    let text = &article.extraction.text;
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

fn corpus_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_corpus_file(p))
        .collect();
    files.sort();
    Ok(files)
}

/// Whether the loader reads this file (by its ending).
pub fn is_corpus_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| CORPUS_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
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
    fn the_same_content_twice_is_one_article() {
        let dir = std::env::temp_dir().join(format!("tradeline-catalog-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let text = "Trade between China and Russia reached $240 billion in 2023.";
        fs::write(dir.join("a.txt"), text).expect("write");
        fs::write(dir.join("b.txt"), text).expect("write");
        fs::write(dir.join("c.bin"), [0u8, 1, 2]).expect("write");
        let catalog = Catalog::load(std::slice::from_ref(&dir));
        fs::remove_dir_all(&dir).ok();
        assert_eq!(catalog.articles().len(), 1);
    }

    #[test]
    fn one_event_reported_by_two_articles_is_listed_once() {
        let mut catalog = Catalog::default();
        let a = "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on March 21, 2023.";
        let b = "Russian President Vladimir Putin and Chinese President Xi Jinping held talks on March 21, 2023, at the Kremlin.";
        catalog.add("a.txt", a.as_bytes(), &Options::default());
        catalog.add("b.txt", b.as_bytes(), &Options::default());
        let events = catalog.overview().events;
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].also.len(), 1);
        assert!(catalog.source(&events[0].also[0]).is_some());
    }

    #[test]
    fn unreadable_input_is_rejected_with_its_reason() {
        let mut catalog = Catalog::default();
        catalog.add(
            "bad.txt",
            &[0xff, 0xfe, 0x00, 0xd8, 0x00],
            &Options::default(),
        );
        catalog.add("empty.txt", b"   ", &Options::default());
        let overview = catalog.overview();
        assert!(overview.articles.is_empty());
        assert_eq!(overview.rejected.len(), 2);
    }
}
