//! Types shared by server and browser: the extractor's model, re-exported so the
//! whole app names one set of types, and the shapes the server functions return.

use serde::{Deserialize, Serialize};
pub use tradeline_extract::model::*;

/// One article as the dashboard lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: u32,
    pub path: String,
    pub title: String,
    pub published: Option<PartialDate>,
    pub published_precision: Precision,
    pub published_basis: String,
    pub observation_count: usize,
    pub event_count: usize,
    pub warnings: Vec<Warning>,
}

/// An observation together with the article it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcedObservation {
    /// Stable within one run of the server: `{article}-{index}`.
    pub key: String,
    pub article_id: u32,
    pub observation: Observation,
}

/// An event together with the article it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcedEvent {
    pub key: String,
    pub article_id: u32,
    pub event: Event,
    /// Keys of other articles' reports of the same event (the event itself is
    /// the most precisely dated report).
    #[serde(default)]
    pub also: Vec<String>,
}

/// Everything the dashboard's first screen shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub articles: Vec<ArticleSummary>,
    pub observations: Vec<SourcedObservation>,
    pub events: Vec<SourcedEvent>,
    /// Files that could not be read at all, with the reason.
    pub rejected: Vec<Rejected>,
}

/// A file the corpus loader refused, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub path: String,
    pub reason: String,
}

/// An article's whole text cut around one sourced passage: what the source panel
/// shows, with the sentence marked and the figure or trigger inside it emphasised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceView {
    pub article: ArticleSummary,
    /// Text before the sentence.
    pub before: String,
    /// The sentence up to the figure.
    pub lead: String,
    /// The figure (or the event's trigger phrase) as written.
    pub figure: String,
    /// The sentence after the figure.
    pub tail: String,
    /// Text after the sentence.
    pub after: String,
    pub confidence: f32,
    pub reason: String,
}
