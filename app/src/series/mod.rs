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
pub mod plausible;
pub mod pledges;

pub use events::EventReport;

use std::collections::{BTreeMap, HashMap};

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
            official: Vec::new(),
            points: merge::points(&reports),
            pair,
            metric,
        })
        .collect();
    name_conversions(&mut series, reports);
    // Before rates are derived: an implausible value implies none.
    plausible::check(&mut series);
    implied::complete_growth(&mut series);
    series
}

/// Says, on each source that is the writer's conversion of another figure
/// ("EUR62.5 billion (US$67.82 billion)"), which figure it converts: the
/// report of the same sentence, measure and period in another currency.
fn name_conversions(series: &mut [Series], reports: &[Report<'_>]) {
    let by_key: HashMap<&str, &Observation> =
        reports.iter().map(|r| (r.key, r.observation)).collect();
    let original = |converted: &Observation, article: u32| {
        reports.iter().find(|r| {
            let o = r.observation;
            r.article == article
                && !o.converted
                && o.metric == converted.metric
                && o.provenance.sentence_span == converted.provenance.sentence_span
                && o.period.same_span(&converted.period)
                && o.currency != converted.currency
        })
    };
    for source in series
        .iter_mut()
        .flat_map(|s| &mut s.points)
        .flat_map(|p| &mut p.sources)
        .filter(|s| s.converted)
    {
        if let Some(converted) = by_key.get(source.key.as_str()) {
            source.converted_from = original(converted, source.article)
                .map(|r| without(&r.observation.as_written, &converted.as_written));
        }
    }
}

/// The figure as written without the conversion written beside it:
/// "EUR30.1 billion (US$32.6 billion)" is the figure "EUR30.1 billion".
fn without(written: &str, conversion: &str) -> String {
    let cut = match written.find(conversion) {
        Some(at) if at > 0 => &written[..at],
        _ => written,
    };
    cut.trim_end_matches([' ', '(', '[', ',', ';', '–', '-'])
        .to_owned()
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

    #[test]
    fn a_conversion_names_the_figure_it_converts() {
        let mut eur = observation(Metric::TradeValue, year(2023), 30.1e9, None);
        eur.currency = Some("EUR".to_owned());
        eur.as_written = "EUR30.1 billion (US$32.6 billion)".to_owned();
        let mut usd = observation(Metric::TradeValue, year(2023), 32.6e9, None);
        usd.converted = true;
        usd.as_written = "US$32.6 billion".to_owned();
        let series = build(&[
            report("o1-0", "2024-03-01", &eur),
            report("o1-1", "2024-03-01", &usd),
        ]);
        let sources: Vec<(&str, bool, Option<&str>)> = series[0]
            .points
            .iter()
            .flat_map(|p| &p.sources)
            .map(|s| (s.key.as_str(), s.converted, s.converted_from.as_deref()))
            .collect();
        assert_eq!(
            sources,
            [
                ("o1-0", false, None),
                ("o1-1", true, Some("EUR30.1 billion"))
            ]
        );
    }

    #[test]
    fn a_conversion_written_apart_from_its_figure_is_named_whole() {
        assert_eq!(
            without("EUR30.1 billion (US$32.6 billion)", "US$32.6 billion"),
            "EUR30.1 billion"
        );
        assert_eq!(
            without("EUR62.5 billion", "US$67.82 billion"),
            "EUR62.5 billion"
        );
        assert_eq!(without("US$5 billion", "US$5 billion"), "US$5 billion");
    }
}
