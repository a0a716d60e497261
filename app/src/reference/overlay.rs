//! Official figures laid over a pair's reported series: each series gets
//! the official line of its measure (one source, in its currency), and each
//! point the official value of its period with the gap between them.
//!
//! A point and an official figure meet only when they cover the same
//! months, in the same currency, for the same pair and direction: a
//! January-September report is never held against a whole year.

use std::collections::BTreeMap;

use crate::model::{Official, OfficialPoint, Pair, Series};

use super::ReferenceFigure;

/// Lays `figures` (official figures of the pair `series` belong to, in
/// either direction) over `series`. A measure the articles never report but
/// the official figures give becomes a series with no points and its
/// official line, so years only official data covers are drawn, as
/// official points.
pub fn overlay(series: &mut Vec<Series>, figures: &[ReferenceFigure]) {
    // The figures of each directed pair and measure.
    let mut by_series: BTreeMap<(Pair, &'static str), Vec<&ReferenceFigure>> = BTreeMap::new();
    for f in figures {
        by_series
            .entry((f.pair.clone(), f.metric.as_str()))
            .or_default()
            .push(f);
    }
    for ((pair, metric), figures) in by_series {
        let index = match series
            .iter()
            .position(|s| s.pair == pair && s.metric.as_str() == metric)
        {
            Some(i) => i,
            None => {
                let Some(metric) = crate::model::Metric::parse(metric) else {
                    continue;
                };
                series.push(Series {
                    pair: pair.clone(),
                    metric,
                    points: Vec::new(),
                    official: Vec::new(),
                });
                series.len() - 1
            }
        };
        lay_over(&mut series[index], &figures);
    }
}

/// The official line of `s` and the official value of each of its points.
fn lay_over(s: &mut Series, figures: &[&ReferenceFigure]) {
    let Some((source, currency)) = line_source(s, figures) else {
        return;
    };
    let mut line: Vec<OfficialPoint> = figures
        .iter()
        .filter(|f| f.source == source && f.currency == currency)
        .map(|f| OfficialPoint {
            period: f.period.clone(),
            value: f.value,
            currency: f.currency.clone(),
            source: f.source.clone(),
        })
        .collect();
    line.sort_by_key(|o| (o.period.start, o.period.end));
    for p in &mut s.points {
        let Some(currency) = p.currency.as_deref() else {
            continue;
        };
        // The line's source first; another source of the same period next.
        let same_period = |f: &&&ReferenceFigure| {
            f.period.start == p.period.start
                && f.period.end == p.period.end
                && f.currency == currency
        };
        let official = figures
            .iter()
            .filter(same_period)
            .find(|f| f.source == source)
            .or_else(|| figures.iter().find(same_period));
        p.official = official.map(|f| Official {
            value: f.value,
            currency: f.currency.clone(),
            source: f.source.clone(),
            gap_pct: gap_pct(p.value, f.value),
            beyond_precision: f.value < p.range[0] || f.value > p.range[1],
        });
    }
    s.official = line;
}

/// The source and currency of the official line: of the sources in the
/// points' currency (the most common among the points), the one with the
/// most figures; a tie goes to the name that sorts first, so the choice is
/// the same on every instance.
fn line_source<'f>(s: &Series, figures: &[&'f ReferenceFigure]) -> Option<(&'f str, &'f str)> {
    let mut currencies: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &s.points {
        if let Some(c) = p.currency.as_deref() {
            *currencies.entry(c).or_default() += 1;
        }
    }
    let points_currency = currencies
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(c, _)| *c);
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in figures {
        if points_currency.is_none_or(|c| c == f.currency) {
            *counts
                .entry((f.source.as_str(), f.currency.as_str()))
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(key, _)| key)
}

/// `(reported - official) / official` in percent; `None` for a zero
/// official value, which no percentage can be of.
pub fn gap_pct(reported: f64, official: f64) -> Option<f64> {
    (official != 0.0).then(|| (reported - official) / official * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metric, Period, SeriesPoint};

    fn figure(
        pair: (&str, &str),
        metric: Metric,
        year: i32,
        value: f64,
        source: &str,
    ) -> ReferenceFigure {
        ReferenceFigure {
            pair: Pair(pair.0.to_owned(), pair.1.to_owned()),
            metric,
            period: Period::year(year).expect("year"),
            value,
            currency: "USD".to_owned(),
            source: source.to_owned(),
            reporter: None,
        }
    }

    /// A point one exact report gives, with the interval its rounding to
    /// `step` allows.
    fn point(year: i32, value: f64, step: f64) -> SeriesPoint {
        let mut p = SeriesPoint::reported(Period::year(year).expect("year"), value, Some("USD"));
        p.range = [value - step / 2.0, value + step / 2.0];
        p
    }

    fn trade(points: Vec<SeriesPoint>) -> Series {
        Series {
            pair: Pair::sorted("KE", "UG"),
            metric: Metric::TradeValue,
            points,
            official: Vec::new(),
        }
    }

    #[test]
    fn gaps_are_percentages_of_the_official_value() {
        assert_eq!(gap_pct(110.0, 100.0), Some(10.0));
        assert_eq!(gap_pct(90.0, 100.0), Some(-10.0));
        assert_eq!(gap_pct(5.0, 0.0), None);
        let tiny = gap_pct(244.8e9, 244.81e9).expect("gap");
        assert!((tiny - -0.004_084_8).abs() < 1e-6, "{tiny}");
    }

    #[test]
    fn a_point_gets_the_official_value_of_its_period_and_the_gap() {
        // Reported to a tenth of a billion: $1.2 bn against $1.27 bn official
        // is beyond that rounding; $1.5 bn against $1.46 bn is not.
        let mut series = vec![trade(vec![
            point(2020, 1.2e9, 1e8),
            point(2021, 1.5e9, 1e8),
        ])];
        overlay(
            &mut series,
            &[
                figure(("KE", "UG"), Metric::TradeValue, 2020, 1.27e9, "Customs"),
                figure(("KE", "UG"), Metric::TradeValue, 2021, 1.46e9, "Customs"),
                figure(("KE", "UG"), Metric::TradeValue, 2019, 1.1e9, "Customs"),
            ],
        );
        let s = &series[0];
        let o2020 = s.points[0].official.as_ref().expect("2020");
        assert_eq!((o2020.value, o2020.source.as_str()), (1.27e9, "Customs"));
        assert!(o2020.beyond_precision);
        assert!((o2020.gap_pct.expect("gap") - -5.5118).abs() < 1e-3);
        let o2021 = s.points[1].official.as_ref().expect("2021");
        assert!(!o2021.beyond_precision);
        // The line holds every year, 2019 (no report) included, in order.
        let years: Vec<&str> = s.official.iter().map(|o| o.period.label.as_str()).collect();
        assert_eq!(years, ["2019", "2020", "2021"]);
    }

    #[test]
    fn a_part_year_is_never_held_against_a_whole_year() {
        let mut p = point(2020, 1e9, 1e8);
        p.period = Period::months(2020, 1, 9).expect("months");
        p.full_year = false;
        let mut series = vec![trade(vec![p])];
        overlay(
            &mut series,
            &[figure(
                ("KE", "UG"),
                Metric::TradeValue,
                2020,
                1.3e9,
                "Customs",
            )],
        );
        assert_eq!(series[0].points[0].official, None);
        assert_eq!(series[0].official.len(), 1);
    }

    #[test]
    fn directions_and_measures_stay_apart_and_a_measure_only_official_data_gives_is_added() {
        let mut series = vec![trade(vec![point(2020, 1.2e9, 1e8)])];
        overlay(
            &mut series,
            &[
                figure(("KE", "UG"), Metric::ExportValue, 2020, 7e8, "Customs"),
                figure(("UG", "KE"), Metric::ExportValue, 2020, 5e8, "Customs"),
            ],
        );
        assert_eq!(
            series[0].points[0].official, None,
            "exports are not the total"
        );
        assert_eq!(series.len(), 3);
        let kenya = series
            .iter()
            .find(|s| s.metric == Metric::ExportValue && s.pair.0 == "KE")
            .expect("Kenya's exports");
        assert!(kenya.points.is_empty());
        assert_eq!(kenya.official[0].value, 7e8);
    }

    #[test]
    fn the_line_takes_the_source_with_most_figures_in_the_points_currency() {
        let mut series = vec![trade(vec![point(2020, 1.2e9, 1e8)])];
        let mut euro = figure(("KE", "UG"), Metric::TradeValue, 2018, 1e9, "Euro office");
        euro.currency = "EUR".to_owned();
        let mut euro_2 = euro.clone();
        euro_2.period = Period::year(2019).expect("year");
        overlay(
            &mut series,
            &[
                euro,
                euro_2,
                figure(("KE", "UG"), Metric::TradeValue, 2020, 1.25e9, "B office"),
                figure(("KE", "UG"), Metric::TradeValue, 2020, 1.21e9, "A office"),
            ],
        );
        let s = &series[0];
        // Two dollar sources with one figure each: the first by name.
        assert!(s.official.iter().all(|o| o.source == "A office"));
        assert_eq!(s.points[0].official.as_ref().map(|o| o.value), Some(1.21e9));
    }
}
