//! Mirror statistics: one flow seen from both ends. Exports of A to B as A
//! reports them, beside imports of B from A as B reports them, for the same
//! period and currency. They rarely agree: imports are usually valued with
//! freight and insurance (CIF) and exports without (FOB), goods are
//! re-exported through third countries, and under-invoicing at one end
//! shows as a gap that analysts read.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{Metric, Mirror};

use super::ReferenceFigure;

/// A flow, period and currency: what the two ends of a mirror share.
type Key<'f> = (&'f str, &'f str, NaiveDate, NaiveDate, &'f str);

fn key(f: &ReferenceFigure) -> Key<'_> {
    (
        f.pair.0.as_str(),
        f.pair.1.as_str(),
        f.period.start,
        f.period.end,
        f.currency.as_str(),
    )
}

/// Every period where both ends of a flow are known. An export and an
/// import are paired when they are the same flow (exports of A to B,
/// imports into B from A), period and currency, and come from the two ends:
/// where the file names its reporter (UN Comtrade), the exporter reports
/// the exports and the importer the imports; where it does not, the two
/// must at least have different sources. Sorted by flow, then period.
pub fn mirrors(figures: &[ReferenceFigure]) -> Vec<Mirror> {
    let mut imports: BTreeMap<Key<'_>, Vec<&ReferenceFigure>> = BTreeMap::new();
    for f in figures.iter().filter(|f| f.metric == Metric::ImportValue) {
        imports.entry(key(f)).or_default().push(f);
    }
    let mut out = Vec::new();
    for export in figures.iter().filter(|f| f.metric == Metric::ExportValue) {
        let (from, to) = (&export.pair.0, &export.pair.1);
        if export.reporter.as_ref().is_some_and(|r| r != from) {
            continue;
        }
        let Some(candidates) = imports.get(&key(export)) else {
            continue;
        };
        let import = candidates.iter().find(|i| match &i.reporter {
            Some(r) => r == to,
            None => i.source != export.source,
        });
        let Some(import) = import else {
            continue;
        };
        let difference = import.value - export.value;
        out.push(Mirror {
            period: export.period.clone(),
            from: from.clone(),
            to: to.clone(),
            exports: export.value,
            exports_source: export.source.clone(),
            imports: import.value,
            imports_source: import.source.clone(),
            currency: export.currency.clone(),
            difference,
            difference_pct: (export.value != 0.0).then(|| difference / export.value * 100.0),
        });
    }
    out.sort_by(|a, b| {
        (&a.from, &a.to, a.period.start, a.period.end).cmp(&(
            &b.from,
            &b.to,
            b.period.start,
            b.period.end,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pair, Period};

    fn flow(
        metric: Metric,
        (from, to): (&str, &str),
        year: i32,
        value: f64,
        reporter: Option<&str>,
        source: &str,
    ) -> ReferenceFigure {
        ReferenceFigure {
            pair: Pair(from.to_owned(), to.to_owned()),
            metric,
            period: Period::year(year).expect("year"),
            value,
            currency: "USD".to_owned(),
            source: source.to_owned(),
            reporter: reporter.map(str::to_owned),
        }
    }

    #[test]
    fn both_ends_of_a_flow_make_a_mirror_with_its_difference() {
        // Written for this test: Kenya's exports to Uganda as Kenya reports
        // them, and Uganda's imports from Kenya as Uganda does.
        let figures = [
            flow(
                Metric::ExportValue,
                ("KE", "UG"),
                2021,
                700e6,
                Some("KE"),
                "Comtrade, KE",
            ),
            flow(
                Metric::ImportValue,
                ("KE", "UG"),
                2021,
                770e6,
                Some("UG"),
                "Comtrade, UG",
            ),
            // The other direction, one end only: no mirror.
            flow(
                Metric::ExportValue,
                ("UG", "KE"),
                2021,
                150e6,
                Some("UG"),
                "Comtrade, UG",
            ),
        ];
        let m = mirrors(&figures);
        assert_eq!(m.len(), 1);
        let m = &m[0];
        assert_eq!((m.from.as_str(), m.to.as_str()), ("KE", "UG"));
        assert_eq!((m.exports, m.imports), (700e6, 770e6));
        assert!((m.difference - 70e6).abs() < 1.0);
        assert!((m.difference_pct.expect("pct") - 10.0).abs() < 1e-9);
        assert_eq!(
            (m.exports_source.as_str(), m.imports_source.as_str()),
            ("Comtrade, KE", "Comtrade, UG")
        );
    }

    #[test]
    fn one_end_reporting_both_flows_is_no_mirror() {
        // Kenya's own imports from Uganda are not Uganda's exports.
        let figures = [
            flow(
                Metric::ExportValue,
                ("KE", "UG"),
                2021,
                700e6,
                Some("KE"),
                "Comtrade, KE",
            ),
            flow(
                Metric::ImportValue,
                ("KE", "UG"),
                2021,
                690e6,
                Some("KE"),
                "Comtrade, KE",
            ),
        ];
        assert!(mirrors(&figures).is_empty());
    }

    #[test]
    fn without_reporters_two_sources_make_a_mirror_and_one_does_not() {
        let figures = [
            flow(
                Metric::ExportValue,
                ("CL", "PE"),
                2022,
                1.5e9,
                None,
                "Chile's customs",
            ),
            flow(
                Metric::ImportValue,
                ("CL", "PE"),
                2022,
                1.6e9,
                None,
                "Peru's statistics office",
            ),
            flow(
                Metric::ExportValue,
                ("CL", "PE"),
                2023,
                1.5e9,
                None,
                "One table",
            ),
            flow(
                Metric::ImportValue,
                ("CL", "PE"),
                2023,
                1.6e9,
                None,
                "One table",
            ),
        ];
        let m = mirrors(&figures);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].period.label, "2022");
    }

    #[test]
    fn periods_and_currencies_must_match() {
        let mut import = flow(
            Metric::ImportValue,
            ("KE", "UG"),
            2021,
            770e6,
            Some("UG"),
            "U",
        );
        import.currency = "EUR".to_owned();
        let figures = [
            flow(
                Metric::ExportValue,
                ("KE", "UG"),
                2021,
                700e6,
                Some("KE"),
                "K",
            ),
            import,
            flow(
                Metric::ImportValue,
                ("KE", "UG"),
                2020,
                700e6,
                Some("UG"),
                "U",
            ),
        ];
        assert!(mirrors(&figures).is_empty());
    }
}
