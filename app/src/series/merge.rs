//! Several reports of one period become one point.
//!
//! Each report stands for an interval, not a number: "$244.8 billion" means
//! anything that rounds to it, "nearly $250 billion" anything a little under
//! 250. Reports agree when their intervals overlap. An exact report beats a
//! hedged one; when exact reports disagree the most recently published wins
//! (later reports tend to carry revised figures), and the point is flagged as a
//! conflict with every source kept.
//!
//! A writer's conversion of a figure into another currency ("EUR62.5 billion
//! (US$67.82 billion)") is a report of its currency's point like any other,
//! but not an independent one: the exchange rate is the writer's. While a
//! report written in that currency is there, the conversion is listed with
//! the point but weighs neither for nor against agreement.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::Report;
use crate::model::{Bound, PointSource, PointStatus, Qualifier, SeriesPoint};

/// How far a hedged figure may lie from the number written, as a share of it.
const NEAR_SHARE: f64 = 0.05;
const ONE_SIDED_SHARE: f64 = 0.10;
/// The same for percentages, in percentage points, when the share of a small
/// rate would be too tight ("roughly the same as last year" is about 0 %).
const NEAR_POINTS: f64 = 1.0;
const ONE_SIDED_POINTS: f64 = 2.0;

/// The points for one (pair, metric), in period order. Reports of different
/// periods, currencies or units never share a point.
pub fn points(reports: &[Report<'_>]) -> Vec<SeriesPoint> {
    let mut groups: BTreeMap<_, Vec<Report<'_>>> = BTreeMap::new();
    for report in reports {
        let o = report.observation;
        let key = (
            o.period.start,
            o.period.end,
            o.currency.clone(),
            o.unit.clone(),
        );
        groups.entry(key).or_default().push(*report);
    }
    groups.into_values().filter_map(|g| point(&g)).collect()
}

/// One point from the reports of one period (all in one currency or unit).
pub fn point(reports: &[Report<'_>]) -> Option<SeriesPoint> {
    let intervals: Vec<[f64; 2]> = reports.iter().map(plausible).collect();
    let converted = |r: &Report<'_>| r.observation.converted;
    // The reports weighed for agreement: those written in this currency,
    // or the conversions when there is nothing else.
    let weighed: Vec<usize> = if reports.iter().all(converted) {
        (0..reports.len()).collect()
    } else {
        (0..reports.len())
            .filter(|&i| !converted(&reports[i]))
            .collect()
    };
    let weighed_intervals: Vec<[f64; 2]> = weighed.iter().map(|&i| intervals[i]).collect();
    let agreed = intersection(&weighed_intervals);
    let exact = |r: &Report<'_>| r.observation.qualifier.is_none() && r.observation.range.is_none();
    let any_exact = weighed.iter().any(|&i| exact(&reports[i]));

    // Rank the reports: the first gives the point its value.
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&reports[a], &reports[b]);
        converted(ra)
            .cmp(&converted(rb))
            .then_with(|| exact(rb).cmp(&exact(ra)))
            .then_with(|| {
                if any_exact {
                    // Among exact reports: the latest, then the most precise.
                    rb.published.cmp(&ra.published).then_with(|| {
                        width(intervals[a])
                            .partial_cmp(&width(intervals[b]))
                            .unwrap_or(Ordering::Equal)
                    })
                } else {
                    // Among hedged ones: the tightest, then the latest.
                    width(intervals[a])
                        .partial_cmp(&width(intervals[b]))
                        .unwrap_or(Ordering::Equal)
                        .then_with(|| rb.published.cmp(&ra.published))
                }
            })
            .then_with(|| ra.key.cmp(rb.key))
    });
    let first = reports.get(*order.first()?)?;
    let o = first.observation;
    let status = match (agreed, any_exact) {
        (None, _) => PointStatus::Conflict,
        (Some(_), true) => PointStatus::Reported,
        (Some(_), false) => PointStatus::Approximate,
    };
    let range = agreed.unwrap_or_else(|| hull(&weighed_intervals));
    Some(SeriesPoint {
        period: o.period.clone(),
        full_year: o.period.is_full_year(),
        value: o.value,
        range,
        currency: o.currency.clone(),
        unit: o.unit.clone(),
        qualifier: o.qualifier,
        status,
        sources: order.iter().map(|&i| source(&reports[i])).collect(),
        checks: Vec::new(),
        derived_from: Vec::new(),
        official: None,
    })
}

/// The report as its point lists it.
pub fn source(r: &Report<'_>) -> PointSource {
    let o = r.observation;
    PointSource {
        key: r.key.to_owned(),
        article: r.article,
        title: r.title.to_owned(),
        published: r.published,
        value: o.value,
        qualifier: o.qualifier,
        as_written: o.as_written.clone(),
        quote: o.provenance.quote.clone(),
        span: o.provenance.span,
        confidence: o.provenance.confidence,
        period_inferred: o.period.inferred,
        converted: o.converted,
        // Named by the series, which sees the sentence's other reports.
        converted_from: None,
    }
}

/// The values a report allows: the written number give or take half its last
/// digit, widened by its qualifier, or its range.
pub fn plausible(r: &Report<'_>) -> [f64; 2] {
    let o = r.observation;
    let percent = o.unit.as_deref() == Some("percent");
    // As the extractor reads it: a figure written without digits stands
    // for exactly its value.
    let half = o.written().map_or(0.0, |w| w.half_unit);
    let [lo, hi] = match (o.range, o.qualifier) {
        (Some([lo, hi]), _) => [lo.min(hi), lo.max(hi)],
        (None, Some(q)) => hedge(o.value, q, percent),
        (None, None) => [o.value, o.value],
    };
    [lo - half, hi + half]
}

fn hedge(value: f64, qualifier: Qualifier, percent: bool) -> [f64; 2] {
    let spread = |share: f64, points: f64| {
        let s = value.abs() * share;
        if percent {
            s.max(points)
        } else {
            s
        }
    };
    match qualifier.bound() {
        Bound::Near => {
            let s = spread(NEAR_SHARE, NEAR_POINTS);
            [value - s, value + s]
        }
        Bound::AtMost => [value - spread(ONE_SIDED_SHARE, ONE_SIDED_POINTS), value],
        Bound::AtLeast => [value, value + spread(ONE_SIDED_SHARE, ONE_SIDED_POINTS)],
    }
}

fn width(interval: [f64; 2]) -> f64 {
    interval[1] - interval[0]
}

/// The values every interval allows, if there are any.
pub fn intersection(intervals: &[[f64; 2]]) -> Option<[f64; 2]> {
    let lo = intervals.iter().map(|i| i[0]).fold(f64::MIN, f64::max);
    let hi = intervals.iter().map(|i| i[1]).fold(f64::MAX, f64::min);
    (!intervals.is_empty() && lo <= hi).then_some([lo, hi])
}

fn hull(intervals: &[[f64; 2]]) -> [f64; 2] {
    let lo = intervals.iter().map(|i| i[0]).fold(f64::MAX, f64::min);
    let hi = intervals.iter().map(|i| i[1]).fold(f64::MIN, f64::max);
    [lo, hi]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Metric, Observation, Pair, PartialDate, Period, Provenance, Status};

    /// A test observation: `value` in `currency` (or percent when `None`).
    pub(crate) fn observation(
        metric: Metric,
        period: Period,
        value: f64,
        qualifier: Option<Qualifier>,
    ) -> Observation {
        let percent = metric.is_growth();
        Observation {
            pair: Pair::sorted("CN", "RU"),
            metric,
            period,
            value,
            currency: (!percent).then(|| "USD".to_owned()),
            unit: percent.then(|| "percent".to_owned()),
            qualifier,
            range: None,
            equivalent: None,
            status: Status::Reported,
            converted: false,
            // As a writer puts it: "$244.8 billion", "29.3%".
            as_written: if percent {
                format!("{value}%")
            } else {
                format!("${} billion", value / 1e9)
            },
            provenance: Provenance {
                quote: format!("A sentence giving {value}."),
                span: [18, 24],
                sentence_span: [0, 26],
                confidence: 0.8,
                reason: "test".to_owned(),
            },
        }
    }

    pub(crate) fn report<'a>(key: &'a str, published: &str, o: &'a Observation) -> Report<'a> {
        Report {
            key,
            article: 1,
            title: "A title",
            published: PartialDate::parse(published),
            observation: o,
        }
    }

    fn year(y: i32) -> Period {
        Period::year(y).expect("valid year")
    }

    #[test]
    fn an_exact_figure_and_a_hedged_one_that_allows_it_agree() {
        let exact = observation(Metric::TradeValue, year(2024), 244.8e9, None);
        let nearly = observation(
            Metric::TradeValue,
            year(2024),
            250e9,
            Some(Qualifier::Nearly),
        );
        // The hedged report is the later one; the exact figure still wins.
        let reports = [
            report("o1-0", "2025-04-02", &exact),
            report("o2-0", "2025-05-08", &nearly),
        ];
        let p = point(&reports).expect("a point");
        assert_eq!(p.status, PointStatus::Reported);
        assert_eq!(p.value, 244.8e9);
        assert_eq!(p.qualifier, None);
        assert_eq!(p.sources.len(), 2);
        assert_eq!(p.sources[0].key, "o1-0");
        assert!(p.range[0] <= 244.8e9 && 244.8e9 <= p.range[1]);
    }

    #[test]
    fn hedged_reports_alone_make_an_approximate_point_with_their_qualifier() {
        let about = observation(
            Metric::TradeValue,
            year(2023),
            240e9,
            Some(Qualifier::About),
        );
        let p = point(&[report("o1-0", "2024-01-10", &about)]).expect("a point");
        assert_eq!(p.status, PointStatus::Approximate);
        assert_eq!(p.qualifier, Some(Qualifier::About));
    }

    #[test]
    fn exact_figures_that_differ_beyond_rounding_conflict_and_the_latest_wins() {
        let early = observation(Metric::TradeValue, year(2022), 190.27e9, None);
        let revised = observation(Metric::TradeValue, year(2022), 185.1e9, None);
        let reports = [
            report("o1-0", "2023-01-13", &early),
            report("o2-0", "2023-06-01", &revised),
        ];
        let p = point(&reports).expect("a point");
        assert_eq!(p.status, PointStatus::Conflict);
        assert_eq!(p.value, 185.1e9);
        assert_eq!(p.sources.len(), 2, "both sources kept");
        assert!(p.range[0] <= 185.1e9 && p.range[1] >= 190.27e9);
    }

    #[test]
    fn figures_that_differ_only_by_rounding_agree() {
        let fine = observation(Metric::TradeValue, year(2022), 190.27e9, None);
        let coarse = observation(Metric::TradeValue, year(2022), 190.3e9, None);
        let p = point(&[
            report("o1-0", "2023-01-13", &fine),
            report("o2-0", "2023-02-01", &coarse),
        ])
        .expect("a point");
        assert_eq!(p.status, PointStatus::Reported);
    }

    #[test]
    fn a_hedge_that_excludes_the_exact_figure_conflicts() {
        let exact = observation(Metric::TradeValue, year(2024), 244.8e9, None);
        let over = observation(
            Metric::TradeValue,
            year(2024),
            260e9,
            Some(Qualifier::MoreThan),
        );
        let p = point(&[
            report("o1-0", "2025-04-02", &exact),
            report("o2-0", "2025-04-03", &over),
        ])
        .expect("a point");
        assert_eq!(p.status, PointStatus::Conflict);
        assert_eq!(p.value, 244.8e9);
    }

    #[test]
    fn a_full_year_and_its_first_months_never_share_a_point() {
        let year_total = observation(Metric::TradeValue, year(2020), 107.8e9, None);
        let eight_months = observation(
            Metric::TradeValue,
            Period::months(2020, 1, 8).expect("valid"),
            68.6e9,
            None,
        );
        let pts = points(&[
            report("o1-0", "2021-01-14", &year_total),
            report("o2-0", "2020-09-07", &eight_months),
        ]);
        assert_eq!(pts.len(), 2);
        assert!(pts.iter().any(|p| p.full_year));
        assert!(pts.iter().any(|p| !p.full_year));
    }

    #[test]
    fn different_currencies_never_share_a_point() {
        let usd = observation(Metric::TradeValue, year(2021), 146.9e9, None);
        let mut cny = observation(Metric::TradeValue, year(2021), 947.1e9, None);
        cny.currency = Some("CNY".to_owned());
        let pts = points(&[
            report("o1-0", "2022-01-14", &usd),
            report("o2-0", "2022-01-14", &cny),
        ]);
        assert_eq!(pts.len(), 2);
        assert!(pts.iter().all(|p| p.status == PointStatus::Reported));
    }

    #[test]
    fn a_flat_growth_statement_is_approximately_zero_and_allows_small_rates() {
        let flat = observation(
            Metric::TradeGrowthYoy,
            Period::months(2020, 1, 8).expect("valid"),
            0.0,
            Some(Qualifier::Roughly),
        );
        let small = observation(
            Metric::TradeGrowthYoy,
            Period::months(2020, 1, 8).expect("valid"),
            -0.4,
            None,
        );
        let alone = point(&[report("o1-0", "2020-09-11", &flat)]).expect("a point");
        assert_eq!(alone.status, PointStatus::Approximate);
        assert_eq!(alone.value, 0.0);
        let both = point(&[
            report("o1-0", "2020-09-11", &flat),
            report("o2-0", "2020-09-12", &small),
        ])
        .expect("a point");
        assert_eq!(both.status, PointStatus::Reported);
        assert_eq!(both.value, -0.4);
    }

    /// "EUR62.5 billion (US$67.82 billion)" against another article's
    /// US$70.1 billion: the writer's exchange rate is no evidence against a
    /// figure written in dollars.
    #[test]
    fn a_conversion_never_conflicts_with_a_report_in_its_currency() {
        let mut converted = observation(Metric::TradeValue, year(2023), 67.82e9, None);
        converted.converted = true;
        let original = observation(Metric::TradeValue, year(2023), 70.1e9, None);
        // The conversion is the later report; the original still gives the value.
        let p = point(&[
            report("o1-0", "2024-01-05", &original),
            report("o2-1", "2024-02-20", &converted),
        ])
        .expect("a point");
        assert_eq!(p.status, PointStatus::Reported);
        assert_eq!(p.value, 70.1e9);
        assert_eq!(p.range, [70.05e9, 70.15e9], "the original's interval");
        let keys: Vec<&str> = p.sources.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            ["o1-0", "o2-1"],
            "the conversion is kept, listed last"
        );
        assert!(p.sources[1].converted);
    }

    #[test]
    fn conversions_alone_make_a_point_and_can_disagree() {
        let mut a = observation(Metric::TradeValue, year(2023), 67.82e9, None);
        a.converted = true;
        let alone = point(&[report("o1-1", "2024-01-05", &a)]).expect("a point");
        assert_eq!(alone.status, PointStatus::Reported);
        assert_eq!(alone.value, 67.82e9);
        let mut b = observation(Metric::TradeValue, year(2023), 71.4e9, None);
        b.converted = true;
        let both = point(&[
            report("o1-1", "2024-01-05", &a),
            report("o2-1", "2024-02-20", &b),
        ])
        .expect("a point");
        assert_eq!(both.status, PointStatus::Conflict);
    }

    #[test]
    fn ranges_are_their_own_interval() {
        let mut ranged = observation(Metric::TradeTarget, year(2030), 56e9, None);
        ranged.range = Some([55e9, 57e9]);
        ranged.as_written = "$55 billion to $57 billion".to_owned();
        assert_eq!(
            plausible(&report("o1-0", "2025-01-01", &ranged)),
            [54.5e9, 57.5e9]
        );
    }

    #[test]
    fn the_last_written_digit_sets_the_rounding() {
        for (written, value, percent, expected) in [
            ("$244.8 billion", 244.8e9, false, 0.05e9),
            ("$190.27 billion", 190.27e9, false, 0.005e9),
            // Written to the billion, as the extractor reads it (this once
            // read as give or take $5 billion here and $0.5 billion there).
            ("$250 billion", 250e9, false, 0.5e9),
            ("$200 billion", 200e9, false, 0.5e9),
            ("29.3%", 29.3, true, 0.05),
            ("down 7%", -7.0, true, 0.5),
            ("US$1,200 million", 1.2e9, false, 0.5e6),
        ] {
            let mut o = observation(
                if percent {
                    Metric::TradeGrowthYoy
                } else {
                    Metric::TradeValue
                },
                year(2024),
                value,
                None,
            );
            o.as_written = written.to_owned();
            let [lo, hi] = plausible(&report("o1-0", "2025-01-01", &o));
            let half = (hi - lo) / 2.0;
            assert!(
                (half - expected).abs() <= expected * 1e-9,
                "{written}: {half} != {expected}"
            );
        }
    }

    #[test]
    fn intersections_of_disjoint_intervals_are_empty() {
        assert_eq!(intersection(&[[1.0, 2.0], [1.5, 3.0]]), Some([1.5, 2.0]));
        assert_eq!(intersection(&[[1.0, 2.0], [2.5, 3.0]]), None);
        assert_eq!(intersection(&[]), None);
    }
}
