//! Growth rates checked against the values they describe.
//!
//! Two values of the same months in consecutive years imply a year-on-year
//! rate. Where an article reports that rate, the two are compared within the
//! intervals their rounding and qualifiers allow, and a mismatch is flagged on
//! the reported point. Where no article reports it, the implied rate is added as
//! a derived point: drawn, labelled as worked out, never as reported.

use super::plausible;
use crate::model::{Check, Metric, PointStatus, Series, SeriesPoint};

/// The growth metric describing each value metric.
pub(super) fn growth_of(metric: Metric) -> Option<Metric> {
    match metric {
        Metric::TradeValue => Some(Metric::TradeGrowthYoy),
        Metric::ExportValue => Some(Metric::ExportGrowthYoy),
        Metric::ImportValue => Some(Metric::ImportGrowthYoy),
        _ => None,
    }
}

/// Checks every reported growth rate that two values imply, and adds the
/// implied rates nobody reported. Series stay in (pair, metric) order.
pub fn complete_growth(series: &mut Vec<Series>) {
    let mut implied: Vec<(usize, SeriesPoint)> = Vec::new();
    let mut missing: Vec<Series> = Vec::new();
    for values in series.iter() {
        let Some(growth_metric) = growth_of(values.metric) else {
            continue;
        };
        let target = series
            .iter()
            .position(|s| s.metric == growth_metric && s.pair == values.pair);
        for point in implied_points(values) {
            match target {
                Some(i) => implied.push((i, point)),
                None => match missing
                    .iter_mut()
                    .find(|s| s.metric == growth_metric && s.pair == values.pair)
                {
                    Some(s) => s.points.push(point),
                    None => missing.push(Series {
                        official: Vec::new(),
                        pair: values.pair.clone(),
                        metric: growth_metric,
                        points: vec![point],
                    }),
                },
            }
        }
    }
    for (i, point) in implied {
        merge_implied(&mut series[i], point);
    }
    series.extend(missing);
    for s in series.iter_mut() {
        s.points.sort_by_key(|p| (p.period.start, p.period.end));
    }
    series.sort_by(|a, b| (&a.pair, a.metric).cmp(&(&b.pair, b.metric)));
}

/// The rate each point implies against the same months a year earlier, as a
/// derived point carrying a check that describes it.
fn implied_points(values: &Series) -> Vec<SeriesPoint> {
    let mut out = Vec::new();
    for point in &values.points {
        if point.status == PointStatus::Derived || plausible::implausible(point) {
            continue;
        }
        // The same months a year earlier, for a fiscal year or a run
        // across the new year too: FY2023-24 against FY2022-23.
        let Some(before_period) = point.period.shifted_back() else {
            continue;
        };
        let Some(before) = values.points.iter().find(|p| {
            p.period.same_span(&before_period)
                && p.currency == point.currency
                && p.status != PointStatus::Derived
                && !plausible::implausible(p)
        }) else {
            continue;
        };
        // A rate needs a positive base; balances can be negative.
        if before.value <= 0.0 || before.range[0] <= 0.0 || point.range[0] < 0.0 {
            continue;
        }
        let value = (point.value / before.value - 1.0) * 100.0;
        let range = [
            (point.range[0] / before.range[1] - 1.0) * 100.0,
            (point.range[1] / before.range[0] - 1.0) * 100.0,
        ];
        let message = format!(
            "{} and {} values imply {:+.1} % (between {:+.1} % and {:+.1} % given their rounding)",
            before.period.label, point.period.label, value, range[0], range[1]
        );
        out.push(SeriesPoint {
            period: point.period.clone(),
            full_year: point.full_year,
            value,
            range,
            currency: None,
            unit: Some("percent".to_owned()),
            qualifier: None,
            status: PointStatus::Derived,
            sources: Vec::new(),
            checks: vec![Check {
                kind: "implied_growth".to_owned(),
                consistent: true,
                implied: value,
                implied_range: range,
                message,
            }],
            derived_from: vec![before.period.label.clone(), point.period.label.clone()],
            official: None,
        });
    }
    out
}

/// Adds an implied rate to a growth series: as a check on the reported point of
/// the same period, or as a derived point where there is none.
fn merge_implied(growth: &mut Series, implied: SeriesPoint) {
    let reported = growth
        .points
        .iter_mut()
        .find(|p| p.period.same_span(&implied.period) && p.status != PointStatus::Derived);
    match reported {
        Some(point) => {
            for mut check in implied.checks {
                let overlap = point.range[0] <= check.implied_range[1]
                    && check.implied_range[0] <= point.range[1];
                check.consistent = overlap;
                if !overlap {
                    check.message =
                        format!("reported {:+.1} %, but {}", point.value, check.message);
                }
                point.checks.push(check);
            }
        }
        None => {
            let duplicate = growth
                .points
                .iter()
                .any(|p| p.period.same_span(&implied.period));
            if !duplicate {
                growth.points.push(implied);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::merge::tests::{observation, report};
    use super::super::{build, Report};
    use crate::model::{Metric, Period, PointStatus};

    fn year(y: i32) -> Period {
        Period::year(y).expect("valid year")
    }

    #[test]
    fn consecutive_annual_values_imply_a_derived_growth_point() {
        let y2021 = observation(Metric::TradeValue, year(2021), 146.9e9, None);
        let y2022 = observation(Metric::TradeValue, year(2022), 190.27e9, None);
        let reports: Vec<Report<'_>> = vec![
            report("o1-0", "2022-01-14", &y2021),
            report("o2-0", "2023-01-13", &y2022),
        ];
        let series = build(&reports);
        let growth = series
            .iter()
            .find(|s| s.metric == Metric::TradeGrowthYoy)
            .expect("a growth series");
        assert_eq!(growth.points.len(), 1);
        let p = &growth.points[0];
        assert_eq!(p.status, PointStatus::Derived);
        assert!(p.sources.is_empty(), "a derived point has no reports");
        assert!((p.value - 29.52).abs() < 0.01, "{}", p.value);
        assert_eq!(p.derived_from, ["2021", "2022"]);
    }

    #[test]
    fn a_reported_rate_the_values_bear_out_is_consistent() {
        let y2021 = observation(Metric::TradeValue, year(2021), 146.9e9, None);
        let y2022 = observation(Metric::TradeValue, year(2022), 190.27e9, None);
        let rate = observation(Metric::TradeGrowthYoy, year(2022), 29.5, None);
        let series = build(&[
            report("o1-0", "2022-01-14", &y2021),
            report("o2-0", "2023-01-13", &y2022),
            report("o2-1", "2023-01-13", &rate),
        ]);
        let growth = series
            .iter()
            .find(|s| s.metric == Metric::TradeGrowthYoy)
            .expect("a growth series");
        assert_eq!(
            growth.points.len(),
            1,
            "no derived twin of a reported point"
        );
        let p = &growth.points[0];
        assert_eq!(p.status, PointStatus::Reported);
        assert_eq!(p.checks.len(), 1);
        assert!(p.checks[0].consistent, "{:?}", p.checks[0]);
    }

    #[test]
    fn a_reported_rate_the_values_contradict_is_flagged() {
        let y2021 = observation(Metric::TradeValue, year(2021), 146.9e9, None);
        let y2022 = observation(Metric::TradeValue, year(2022), 190.27e9, None);
        let rate = observation(Metric::TradeGrowthYoy, year(2022), 35.0, None);
        let series = build(&[
            report("o1-0", "2022-01-14", &y2021),
            report("o2-0", "2023-01-13", &y2022),
            report("o2-1", "2023-01-13", &rate),
        ]);
        let p = &series
            .iter()
            .find(|s| s.metric == Metric::TradeGrowthYoy)
            .expect("a growth series")
            .points[0];
        assert_eq!(
            p.status,
            PointStatus::Reported,
            "still what the article said"
        );
        assert!(!p.checks[0].consistent);
        assert!(
            p.checks[0].message.contains("+35.0 %"),
            "{}",
            p.checks[0].message
        );
    }

    #[test]
    fn rounding_alone_is_not_a_mismatch() {
        // 100 and 110 "billion" written to the billion allow 9.0 % to 11.1 %.
        let a = observation(Metric::TradeValue, year(2018), 100e9, None);
        let b = observation(Metric::TradeValue, year(2019), 110e9, None);
        let rate = observation(Metric::TradeGrowthYoy, year(2019), 10.4, None);
        let series = build(&[
            report("o1-0", "2019-01-14", &a),
            report("o2-0", "2020-01-13", &b),
            report("o2-1", "2020-01-13", &rate),
        ]);
        let p = &series
            .iter()
            .find(|s| s.metric == Metric::TradeGrowthYoy)
            .expect("a growth series")
            .points[0];
        assert!(p.checks[0].consistent, "{:?}", p.checks[0]);
    }

    #[test]
    fn years_apart_or_part_years_against_full_years_imply_nothing() {
        let a = observation(Metric::TradeValue, year(2018), 100e9, None);
        let b = observation(Metric::TradeValue, year(2020), 110e9, None);
        let c = observation(
            Metric::TradeValue,
            Period::months(2021, 1, 8).expect("valid"),
            80e9,
            None,
        );
        let series = build(&[
            report("o1-0", "2019-01-14", &a),
            report("o2-0", "2021-01-13", &b),
            report("o3-0", "2021-09-13", &c),
        ]);
        assert!(series.iter().all(|s| s.metric == Metric::TradeValue));
    }
}
