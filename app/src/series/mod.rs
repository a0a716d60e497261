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

#[cfg(test)]
mod tests {
    use super::merge::tests::{observation, report};
    use super::*;
    use crate::model::{Period, PointStatus};

    fn year(y: i32) -> Period {
        Period::year(y).expect("valid year")
    }

    fn fiscal(first: i32) -> Period {
        Period::span(first, 4, first + 1, 3).expect("a fiscal year")
    }

    #[test]
    fn a_fiscal_year_is_its_own_point_beside_the_calendar_year_it_starts_in() {
        let calendar = observation(Metric::TradeValue, year(2023), 20.1e9, None);
        let fiscal_year = observation(Metric::TradeValue, fiscal(2023), 22.8e9, None);
        let series = build(&[
            report("o1-0", "2024-02-01", &calendar),
            report("o2-0", "2024-05-20", &fiscal_year),
        ]);
        let values = &series[0];
        assert_eq!(values.points.len(), 2, "{values:#?}");
        assert!(values
            .points
            .iter()
            .all(|p| p.status == PointStatus::Reported));
        let fy = values
            .points
            .iter()
            .find(|p| p.period.label == "Apr 2023–Mar 2024")
            .expect("the fiscal year's point");
        assert!(!fy.full_year);
        assert_eq!(fy.value, 22.8e9);
    }

    #[test]
    fn consecutive_fiscal_years_imply_growth_and_check_a_reported_rate() {
        let before = observation(Metric::TradeValue, fiscal(2022), 20.4e9, None);
        let after = observation(Metric::TradeValue, fiscal(2023), 22.4e9, None);
        let wrong_rate = observation(Metric::TradeGrowthYoy, fiscal(2023), 25.0, None);
        let series = build(&[
            report("o1-0", "2023-05-01", &before),
            report("o2-0", "2024-05-01", &after),
            report("o2-1", "2024-05-01", &wrong_rate),
        ]);
        let growth = series
            .iter()
            .find(|s| s.metric == Metric::TradeGrowthYoy)
            .expect("a growth series");
        let [point] = growth.points.as_slice() else {
            panic!("{growth:#?}");
        };
        assert_eq!(point.period.label, "Apr 2023–Mar 2024");
        let [check] = point.checks.as_slice() else {
            panic!("the values imply about 9.8 %, which checks the rate: {point:#?}");
        };
        assert!(!check.consistent, "{check:?}");
        assert!(
            check.message.contains("Apr 2022–Mar 2023"),
            "{}",
            check.message
        );
    }
}
