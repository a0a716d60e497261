//! Observations from many articles turned into the series the charts draw.
//!
//! [`merge`] makes one point per period out of every report of it, and says
//! whether the reports agree; [`implied`] compares reported growth rates with
//! the rates that consecutive values imply, and fills in derived ones;
//! [`events`] makes one timeline entry of every article's report of the same
//! visit or call. All are pure functions over the shared model, unit-tested
//! here, with no database or web framework in sight.

pub mod events;
pub mod implied;
pub mod merge;

pub use events::EventReport;

use std::collections::BTreeMap;

use crate::model::{Metric, Observation, Pair, PartialDate, Series};

/// One observation with the article it came from: the input of every series.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    pub key: &'a str,
    pub article: u32,
    pub title: &'a str,
    pub published: Option<PartialDate>,
    pub observation: &'a Observation,
}

/// Every series the reports make: one per (pair, metric), points in period
/// order, growth series checked against (and completed from) their values.
pub fn build(reports: &[Report<'_>]) -> Vec<Series> {
    let mut groups: BTreeMap<(Pair, Metric), Vec<Report<'_>>> = BTreeMap::new();
    for report in reports {
        let o = report.observation;
        groups
            .entry((o.pair.clone(), o.metric))
            .or_default()
            .push(*report);
    }
    let mut series: Vec<Series> = groups
        .into_iter()
        .map(|((pair, metric), reports)| Series {
            points: merge::points(&reports),
            pair,
            metric,
        })
        .collect();
    implied::complete_growth(&mut series);
    series
}
