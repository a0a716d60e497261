//! Data as CSV: one row per report, each with its article, quote and span,
//! so a spreadsheet keeps what the chart's numbers rest on. A report that is
//! the writer's conversion of another figure names that figure in the last
//! column.
//!
//! Text that comes from articles (titles, quotes, names, places, figures as
//! written) is written so that no spreadsheet runs it: a cell that would
//! start with `=`, `+`, `-`, `@`, a tab or a carriage return starts with an
//! apostrophe instead ([`text`]). Numbers and dates the program wrote are
//! left as they are, so a negative balance stays a number.

use crate::format::format_date;
use crate::model::{PointStatus, Series, SourcedEvent};

/// `value` as a spreadsheet shows it and never runs it: a leading character
/// that would start a formula gets an apostrophe before it (the OWASP rule
/// for CSV injection).
pub fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// The columns that name where a row was read: its article and sentence,
/// the same in every export.
const SOURCE_COLUMNS: [&str; 6] = [
    "article_id",
    "article_title",
    "published",
    "quote",
    "span_start",
    "span_end",
];

/// The CSV body: a header row, then one row per report.
pub fn series_rows(series: &[&Series]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let head = [
        "pair",
        "metric",
        "period_start",
        "period_end",
        "period",
        "full_year",
        "point_value",
        "point_status",
        "currency",
        "unit",
        "reported_value",
        "qualifier",
        "as_written",
    ];
    let tail = [
        "source",
        // Last, so that readers of the earlier columns by position keep working.
        "converted_from",
        "checks",
        "official_value",
        "official_currency",
        "official_source",
        "gap_pct",
    ];
    out.write_record(head.iter().chain(&SOURCE_COLUMNS).chain(&tail))?;
    for s in series {
        for p in &s.points {
            let common = [
                s.pair.slug(),
                s.metric.as_str().to_owned(),
                p.period.start.to_string(),
                p.period.end.to_string(),
                p.period.label.clone(),
                p.full_year.to_string(),
                p.value.to_string(),
                p.status.as_str().to_owned(),
                p.currency.clone().unwrap_or_default(),
                p.unit.clone().unwrap_or_default(),
            ];
            // The official figure of the period, on every row of the point.
            let official = match &p.official {
                Some(o) => [
                    o.value.to_string(),
                    o.currency.clone(),
                    text(&o.source),
                    o.gap_pct.map(|g| g.to_string()).unwrap_or_default(),
                ],
                None => Default::default(),
            };
            // What the consistency checks found wrong with the point.
            let checks = text(
                &p.checks
                    .iter()
                    .filter(|c| !c.consistent)
                    .map(|c| c.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            if p.status == PointStatus::Derived {
                let mut row = common.to_vec();
                row.extend([
                    String::new(),
                    String::new(),
                    format!("derived from {}", p.derived_from.join(" and ")),
                ]);
                row.extend(std::iter::repeat_n(String::new(), 8));
                row.push(checks);
                row.extend(official.iter().cloned());
                out.write_record(&row)?;
                continue;
            }
            for src in &p.sources {
                let mut row = common.to_vec();
                row.extend([
                    src.value.to_string(),
                    src.qualifier
                        .map(|q| q.as_str().to_owned())
                        .unwrap_or_default(),
                    text(&src.as_written),
                    src.article.to_string(),
                    text(&src.title),
                    src.published.map(|d| d.to_string()).unwrap_or_default(),
                    text(&src.quote),
                    src.span[0].to_string(),
                    src.span[1].to_string(),
                    format!("/?pair={}&source={}", s.pair.undirected().slug(), src.key),
                    match (src.converted, &src.converted_from) {
                        (true, Some(from)) => text(from),
                        (true, None) => "(another currency)".to_owned(),
                        (false, _) => String::new(),
                    },
                    checks.clone(),
                ]);
                row.extend(official.iter().cloned());
                out.write_record(&row)?;
            }
        }
        // Periods only the official figures give: a row each, marked
        // "official", with no report.
        for o in &s.official {
            let reported = s
                .points
                .iter()
                .any(|p| p.period.start == o.period.start && p.period.end == o.period.end);
            if reported {
                continue;
            }
            let mut row = vec![
                s.pair.slug(),
                s.metric.as_str().to_owned(),
                o.period.start.to_string(),
                o.period.end.to_string(),
                o.period.label.clone(),
                o.period.is_full_year().to_string(),
                o.value.to_string(),
                "official".to_owned(),
                o.currency.clone(),
                String::new(),
            ];
            row.extend(std::iter::repeat_n(String::new(), 12));
            row.extend([
                o.value.to_string(),
                o.currency.clone(),
                text(&o.source),
                String::new(),
            ]);
            out.write_record(&row)?;
        }
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The events of a timeline: one row per event, with its source article.
pub fn event_rows(
    events: &[&SourcedEvent],
    titles: &dyn Fn(u32) -> Option<(String, String)>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let head = [
        "date_start",
        "date_end",
        "date",
        "precision",
        "kind",
        "status",
        "participants",
        "place",
    ];
    out.write_record(head.iter().chain(&SOURCE_COLUMNS).chain(&["other_reports"]))?;
    for s in events {
        let e = &s.event;
        let (title, published) = titles(s.article_id).unwrap_or_default();
        let participants: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        out.write_record([
            e.date_start.map(|d| d.to_string()).unwrap_or_default(),
            e.date_end.map(|d| d.to_string()).unwrap_or_default(),
            format_date(e.date_start.as_ref()),
            format!("{:?}", e.precision).to_lowercase(),
            e.kind.label().to_owned(),
            format!("{:?}", e.status).to_lowercase(),
            text(&participants.join("; ")),
            text(e.place.as_deref().unwrap_or_default()),
            s.article_id.to_string(),
            text(&title),
            published,
            text(&e.provenance.quote),
            e.provenance.span[0].to_string(),
            e.provenance.span[1].to_string(),
            s.also.len().to_string(),
        ])?;
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metric, Pair, Period, PointSource, SeriesPoint};

    fn source(key: &str, value: f64, converted_from: Option<&str>) -> PointSource {
        PointSource {
            key: key.to_owned(),
            article: 4,
            title: "A title".to_owned(),
            published: None,
            value,
            qualifier: None,
            as_written: format!("{value}"),
            quote: "A sentence.".to_owned(),
            span: [2, 9],
            confidence: 0.8,
            period_inferred: false,
            converted: converted_from.is_some(),
            converted_from: converted_from.map(str::to_owned),
        }
    }

    #[test]
    fn text_that_would_start_a_formula_is_written_as_text() {
        for (given, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1 trade", "'+1 trade"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Trade rose", "Trade rose"),
            ("", ""),
        ] {
            assert_eq!(text(given), written, "{given:?}");
        }
    }

    /// A hostile title and quote reach no cell as a formula; the negative
    /// value the program wrote stays a number.
    #[test]
    fn rows_never_start_a_formula_with_an_articles_text() {
        let mut src = source("o4-0", -8.1e9, None);
        src.title = "=HYPERLINK(\"http://evil\",\"click\")".to_owned();
        src.quote = "@cmd|' /C calc'!A0".to_owned();
        let period = Period::year(2023).expect("a year");
        let series = Series {
            official: Vec::new(),
            pair: Pair("IN".into(), "JP".into()),
            metric: Metric::TradeBalance,
            points: vec![SeriesPoint {
                full_year: true,
                period,
                value: -8.1e9,
                range: [-8.15e9, -8.05e9],
                currency: Some("USD".to_owned()),
                unit: None,
                qualifier: None,
                status: PointStatus::Reported,
                sources: vec![src],
                checks: Vec::new(),
                derived_from: Vec::new(),
                official: None,
            }],
        };
        let bytes = series_rows(&[&series]).expect("writes");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let head = reader.headers().expect("a header").clone();
        let row = reader.records().next().expect("a row").expect("readable");
        let col = |name: &str| row[head.iter().position(|h| h == name).expect(name)].to_owned();
        assert!(col("article_title").starts_with("'="), "{row:?}");
        assert!(col("quote").starts_with("'@"), "{row:?}");
        assert_eq!(col("point_value"), "-8100000000");
        assert_eq!(col("reported_value"), "-8100000000");
    }

    /// A point's rows carry the official figure of its period and the gap;
    /// a year only the official figures give is a row marked "official",
    /// with no report.
    #[test]
    fn rows_carry_the_official_figure_and_official_only_years() {
        use crate::model::{Official, OfficialPoint};
        let year = |y| Period::year(y).expect("a year");
        let mut point = SeriesPoint::reported(year(2021), 1.5e9, Some("USD"));
        point.sources = vec![source("o1-0", 1.5e9, None)];
        point.official = Some(Official {
            value: 1.46e9,
            currency: "USD".to_owned(),
            source: "Test customs".to_owned(),
            gap_pct: Some(2.7397),
            beyond_precision: false,
        });
        let official = |y, value| OfficialPoint {
            period: year(y),
            value,
            currency: "USD".to_owned(),
            source: "Test customs".to_owned(),
        };
        let series = Series {
            pair: Pair("KE".into(), "UG".into()),
            metric: Metric::TradeValue,
            points: vec![point],
            official: vec![official(2020, 1.3e9), official(2021, 1.46e9)],
        };
        let bytes = series_rows(&[&series]).expect("writes");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let head = reader.headers().expect("a header").clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 2);
        let col = |row: &csv::StringRecord, name: &str| {
            row[head.iter().position(|h| h == name).expect(name)].to_owned()
        };
        assert_eq!(col(&rows[0], "period"), "2021");
        assert_eq!(col(&rows[0], "official_value"), "1460000000");
        assert_eq!(col(&rows[0], "official_source"), "Test customs");
        assert_eq!(col(&rows[0], "gap_pct"), "2.7397");
        assert_eq!(col(&rows[1], "period"), "2020");
        assert_eq!(col(&rows[1], "point_status"), "official");
        assert_eq!(col(&rows[1], "point_value"), "1300000000");
        assert_eq!(col(&rows[1], "article_id"), "");
        assert_eq!(rows[1].len(), head.len());
    }

    /// A fiscal year's rows say its months and that it is no calendar
    /// year; a writer's conversion names what it converts, in the last column.
    #[test]
    fn rows_carry_a_fiscal_year_as_it_is_and_name_a_conversion() {
        let period = Period::span(2023, 4, 2024, 3).expect("a fiscal year");
        let series = Series {
            official: Vec::new(),
            pair: Pair("IN".into(), "JP".into()),
            metric: Metric::ExportValue,
            points: vec![SeriesPoint {
                full_year: period.is_full_year(),
                period,
                value: 8.1e9,
                range: [8.05e9, 8.15e9],
                currency: Some("USD".to_owned()),
                unit: None,
                qualifier: None,
                status: PointStatus::Reported,
                sources: vec![
                    source("o4-0", 8.1e9, None),
                    source("o4-1", 8.2e9, Some("JPY1.2 trillion")),
                ],
                checks: Vec::new(),
                derived_from: Vec::new(),
                official: None,
            }],
        };
        let bytes = series_rows(&[&series]).expect("writes");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let head = reader.headers().expect("a header").clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        let col = |row: &csv::StringRecord, name: &str| {
            let i = head.iter().position(|h| h == name).expect(name);
            row[i].to_owned()
        };
        // New columns go last, so readers by position keep working.
        assert_eq!(
            head.iter().rev().take(6).collect::<Vec<_>>(),
            [
                "gap_pct",
                "official_source",
                "official_currency",
                "official_value",
                "checks",
                "converted_from"
            ]
        );
        for row in &rows {
            assert_eq!(col(row, "period_start"), "2023-04-01");
            assert_eq!(col(row, "period_end"), "2024-03-31");
            assert_eq!(col(row, "period"), "Apr 2023–Mar 2024");
            assert_eq!(col(row, "full_year"), "false");
            assert_eq!(col(row, "pair"), "IN-JP");
        }
        assert_eq!(col(&rows[0], "converted_from"), "");
        assert_eq!(col(&rows[1], "converted_from"), "JPY1.2 trillion");
        assert_eq!(col(&rows[1], "source"), "/?pair=IN-JP&source=o4-1");
    }
}
