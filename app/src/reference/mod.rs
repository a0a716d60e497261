//! Official statistics ("reference figures"): the customs and statistics
//! office series that reported figures are held against.
//!
//! A reference figure is a fact from a table, not a report: it has a source
//! (the office, or the user's name for the file) but no article, sentence or
//! span. It is therefore kept apart from observations, in its own table, and
//! never becomes a point of a reported series.
//!
//! [`read`] turns a file into figures (two formats, recognised by their
//! header); the store keeps them, one row per pair, measure, period, currency
//! and source, so importing a file twice changes nothing.

mod iso3;
pub mod mirror;
pub mod overlay;
pub mod read;

use serde::{Deserialize, Serialize};

use crate::model::{Metric, Pair, Period};

/// One official figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceFigure {
    /// `[from, to]` for exports and imports; for totals and balances as
    /// the file gives it (totals are stored with the codes in order).
    pub pair: Pair,
    /// `trade_value`, `export_value`, `import_value` or `trade_balance`.
    pub metric: Metric,
    pub period: Period,
    /// In base units (dollars, not billions).
    pub value: f64,
    /// ISO 4217.
    pub currency: String,
    /// Who published it ("China General Administration of Customs"), or
    /// the name the user gave the file.
    pub source: String,
    /// The country whose statistics these are, when the file says (UN
    /// Comtrade's reporter): exports of A to B reported by A and imports of
    /// B from A reported by B are mirror statistics of one flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<String>,
}

impl ReferenceFigure {
    /// The figure's identity in the store: a second import of the same
    /// pair, measure, period, currency and source is the same figure (its
    /// value may have been revised).
    pub fn key(&self) -> FigureKey {
        FigureKey {
            pair: self.pair.slug(),
            metric: self.metric.as_str().to_owned(),
            start: self.period.start.to_string(),
            end: self.period.end.to_string(),
            currency: self.currency.clone(),
            source: self.source.clone(),
        }
    }
}

/// What makes two official figures the same figure, as the store's key
/// columns hold it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FigureKey {
    pub pair: String,
    pub metric: String,
    pub start: String,
    pub end: String,
    pub currency: String,
    pub source: String,
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    /// Figures new to the store.
    pub added: usize,
    /// Figures whose value (or label, or reporter) the file revised.
    pub revised: usize,
    /// Figures the store already held as they are.
    pub unchanged: usize,
}
