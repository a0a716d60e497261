//! Values far out of line with the years around them.
//!
//! A year's value several times the years before and after it is more often
//! another figure read as this one (a country's world trade, a sum over
//! several years, a misplaced unit) than a real jump. Where the two
//! neighbouring years agree with each other and the value stands far from
//! both, the point is flagged with the reason, unless a reported growth
//! rate explains it (a rate for its year from the year before, or for the
//! next year from it). The charts keep a flagged point, and the growth
//! rates it would imply, off their axes unless the reader asks for it; the
//! table shows the reason.

use chrono::Datelike;

use super::implied::growth_of;
use crate::format::format_figure;
use crate::model::{Check, PointStatus, Series, SeriesPoint};

/// The kind of the [`Check`] this module adds.
pub const KIND: &str = "plausibility";
/// How far from its neighbours a value must stand to be flagged: a factor
/// either way. Real bilateral trade rarely moves by half or doubles in a
/// year; three times in both directions at once is a different figure.
const FACTOR: f64 = 3.0;
/// The neighbours must agree within this factor, or the point may be where
/// the level really changed.
const NEIGHBOURS_AGREE: f64 = 2.0;
/// How many years away a neighbour may be.
const REACH: i32 = 3;
/// A reported rate explains a value when the value it implies is within
/// this factor of it (rates are rounded, and compared periods revised).
const EXPLAINED: f64 = 1.25;

/// Whether `point` carries a failed plausibility check.
pub fn implausible(point: &SeriesPoint) -> bool {
    point.checks.iter().any(|c| c.kind == KIND && !c.consistent)
}

/// Flags the full-year values of `series` that stand far out of line.
/// Run before growth rates are derived from the values.
pub fn check(series: &mut [Series]) {
    let mut flags: Vec<(usize, usize, Check)> = Vec::new();
    for (si, values) in series.iter().enumerate() {
        let Some(growth_metric) = growth_of(values.metric) else {
            continue;
        };
        let rates: Vec<(i32, f64)> = series
            .iter()
            .filter(|s| s.metric == growth_metric && s.pair == values.pair)
            .flat_map(|s| &s.points)
            .filter(|p| p.full_year && p.status != PointStatus::Derived)
            .map(|p| (year(p), p.value))
            .collect();
        let rate = |y: i32| rates.iter().find(|(ry, _)| *ry == y).map(|(_, r)| *r);
        for (pi, point) in values.points.iter().enumerate() {
            if let Some(check) = out_of_line(&values.points, point, &rate) {
                flags.push((si, pi, check));
            }
        }
    }
    for (si, pi, check) in flags {
        series[si].points[pi].checks.push(check);
    }
}

fn year(p: &SeriesPoint) -> i32 {
    p.period.start.year()
}

/// The failed check of `point` among `points`, if it stands out of line;
/// `rate(year)` is the reported growth rate of a year, in percent.
fn out_of_line(
    points: &[SeriesPoint],
    point: &SeriesPoint,
    rate: &dyn Fn(i32) -> Option<f64>,
) -> Option<Check> {
    let comparable = |p: &&SeriesPoint| {
        p.full_year
            && p.status != PointStatus::Derived
            && p.currency == point.currency
            && p.value > 0.0
    };
    if !comparable(&point) {
        return None;
    }
    let y = year(point);
    let before = points
        .iter()
        .filter(comparable)
        .filter(|p| (y - REACH..y).contains(&year(p)))
        .max_by_key(|p| year(p))?;
    let after = points
        .iter()
        .filter(comparable)
        .filter(|p| (y + 1..=y + REACH).contains(&year(p)))
        .min_by_key(|p| year(p))?;
    let (a, b) = (before.value, after.value);
    if a.max(b) / a.min(b) > NEIGHBOURS_AGREE {
        return None;
    }
    let expected = (a * b).sqrt();
    let ratio = point.value / expected;
    if (1.0 / FACTOR..FACTOR).contains(&ratio) {
        return None;
    }
    let near = |implied: f64| (1.0 / EXPLAINED..=EXPLAINED).contains(&(implied / point.value));
    let from_before = year(before) == y - 1 && rate(y).is_some_and(|r| near(a * (1.0 + r / 100.0)));
    let to_after = year(after) == y + 1 && rate(y + 1).is_some_and(|r| near(b / (1.0 + r / 100.0)));
    if from_before || to_after {
        return None;
    }
    let currency = point.currency.as_deref();
    let how = if ratio > 1.0 {
        format!("{ratio:.1} times")
    } else {
        format!("{:.0} % of", ratio * 100.0)
    };
    Some(Check {
        kind: KIND.to_owned(),
        consistent: false,
        implied: expected,
        implied_range: [expected / FACTOR, expected * FACTOR],
        message: format!(
            "{how} the years around it ({} in {}, {} in {}) and no reported growth rate explains it: possibly another figure read as this one",
            format_figure(a, currency, None),
            before.period.label,
            format_figure(b, currency, None),
            after.period.label,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metric, Pair, Period};

    fn point(year: i32, value: f64, currency: &str) -> SeriesPoint {
        SeriesPoint::reported(Period::year(year).expect("a year"), value, Some(currency))
    }

    fn series(metric: Metric, points: Vec<SeriesPoint>) -> Series {
        Series {
            official: Vec::new(),
            pair: Pair("CN".to_owned(), "RU".to_owned()),
            metric,
            points,
        }
    }

    fn values(points: &[(i32, f64)]) -> Series {
        let points = points.iter().map(|&(y, v)| point(y, v, "USD")).collect();
        series(Metric::TradeValue, points)
    }

    fn rates(points: &[(i32, f64)]) -> Series {
        let points = points.iter().map(|&(y, v)| point(y, v, "")).collect();
        series(Metric::TradeGrowthYoy, points)
    }

    /// The years flagged after checking `all`.
    fn flagged(mut all: Vec<Series>) -> Vec<i32> {
        check(&mut all);
        all.iter()
            .flat_map(|s| &s.points)
            .filter(|p| implausible(p))
            .map(year)
            .collect()
    }

    #[test]
    fn a_value_five_times_its_neighbours_is_flagged_with_the_reason() {
        let mut all = vec![values(&[
            (2021, 146.9e9),
            (2022, 1190.0e9),
            (2023, 240.1e9),
        ])];
        check(&mut all);
        let flagged = &all[0].points[1];
        assert!(implausible(flagged));
        let message = &flagged.checks[0].message;
        assert!(
            message.starts_with("6.3 times the years around it"),
            "{message}"
        );
        assert!(message.contains("$146.9 billion in 2021"), "{message}");
        assert!(!implausible(&all[0].points[0]) && !implausible(&all[0].points[2]));
    }

    #[test]
    fn a_value_far_below_its_neighbours_is_flagged_too() {
        assert_eq!(
            flagged(vec![values(&[(2019, 40.0), (2020, 4.1), (2021, 44.0)])]),
            [2020]
        );
    }

    #[test]
    fn ordinary_growth_and_a_real_change_of_level_are_not_flagged() {
        // Doubling over two years is growth.
        assert!(flagged(vec![values(&[(2019, 10.0), (2020, 14.0), (2021, 20.0)])]).is_empty());
        // The level triples and stays: the neighbours disagree.
        assert!(flagged(vec![values(&[(2019, 10.0), (2020, 31.0), (2021, 33.0)])]).is_empty());
    }

    #[test]
    fn a_reported_rate_explains_a_jump() {
        let jump = [(2009, 10.0), (2010, 35.0), (2011, 12.0)];
        assert_eq!(flagged(vec![values(&jump)]), [2010]);
        // +250 % in 2010 from 10 is 35: explained.
        assert!(flagged(vec![values(&jump), rates(&[(2010, 250.0)])]).is_empty());
        // −66 % in 2011 from 35 is 12: explained from the year after.
        assert!(flagged(vec![values(&jump), rates(&[(2011, -66.0)])]).is_empty());
        // A rate that does not fit explains nothing.
        assert_eq!(flagged(vec![values(&jump), rates(&[(2010, 12.0)])]), [2010]);
    }

    #[test]
    fn only_full_years_of_one_currency_with_neighbours_on_both_sides_are_judged() {
        // The first and last years have one neighbour: never flagged.
        assert!(flagged(vec![values(&[(2020, 100.0), (2021, 10.0)])]).is_empty());
        // Neighbours beyond three years do not count.
        assert!(flagged(vec![values(&[(2010, 10.0), (2015, 90.0), (2019, 11.0)])]).is_empty());
        // Another currency's values are not neighbours.
        let mut mixed = values(&[(2019, 10.0), (2021, 11.0)]);
        mixed.points.insert(1, point(2020, 70.0, "CNY"));
        assert!(flagged(vec![mixed]).is_empty());
        // A part year is not a year's value.
        let mut part = values(&[(2019, 40.0), (2020, 4.0), (2021, 44.0)]);
        part.points[1].full_year = false;
        assert!(flagged(vec![part]).is_empty());
    }
}
