//! Data as CSV: one row per report, each with its article, quote and span,
//! so a spreadsheet keeps what the chart's numbers rest on.

use crate::format::format_date;
use crate::model::{PointStatus, Series, SourcedEvent};

/// The CSV body: a header row, then one row per report.
pub fn series_rows(series: &[&Series]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
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
        "article_id",
        "article_title",
        "published",
        "quote",
        "span_start",
        "span_end",
        "source",
    ])?;
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
            if p.status == PointStatus::Derived {
                let mut row = common.to_vec();
                row.extend([
                    String::new(),
                    String::new(),
                    format!("derived from {}", p.derived_from.join(" and ")),
                ]);
                row.extend(std::iter::repeat_n(String::new(), 7));
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
                    src.as_written.clone(),
                    src.article.to_string(),
                    src.title.clone(),
                    src.published.map(|d| d.to_string()).unwrap_or_default(),
                    src.quote.clone(),
                    src.span[0].to_string(),
                    src.span[1].to_string(),
                    format!("/?pair={}&source={}", s.pair.undirected().slug(), src.key),
                ]);
                out.write_record(&row)?;
            }
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
    out.write_record([
        "date_start",
        "date_end",
        "date",
        "precision",
        "kind",
        "status",
        "participants",
        "place",
        "article_id",
        "article_title",
        "published",
        "quote",
        "span_start",
        "span_end",
        "other_reports",
    ])?;
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
            participants.join("; "),
            e.place.clone().unwrap_or_default(),
            s.article_id.to_string(),
            title,
            published,
            e.provenance.quote.clone(),
            e.provenance.span[0].to_string(),
            e.provenance.span[1].to_string(),
            s.also.len().to_string(),
        ])?;
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}
