//! The series of the selected pair as tables: one row per period, the value
//! the reports support, how far it can be trusted, and a link to every report.

use leptos::prelude::*;

use crate::chart::figure::{in_view, year_fraction};
use crate::format::{flow_name, format_figure, format_gap, period_label};
use crate::model::{OfficialPoint, PointStatus, Series, SeriesPoint, UndatedFigure};
use crate::view::View;

/// The tables under a chart: every point in the view's years, with every
/// report behind it.
#[component]
pub fn SeriesTables(series: Vec<Series>, view: View, empty: &'static str) -> impl IntoView {
    let series: Vec<Series> = series
        .into_iter()
        .map(|mut s| {
            s.points.retain(|p| in_view(p, &view));
            s.official.retain(|o| {
                let end = o.period.end.succ_opt().unwrap_or(o.period.end);
                view.layers.official
                    && view.overlaps(year_fraction(o.period.start), year_fraction(end))
            });
            s
        })
        .filter(|s| !s.points.is_empty() || !s.official.is_empty())
        .collect();
    if series.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    series
        .into_iter()
        .map(|s| view! { <SeriesTable series=s view=view.clone() /> })
        .collect_view()
        .into_any()
}

/// How many reports of a point the table lists before "All n reports".
const SHOWN_REPORTS: usize = 2;
/// How many periods a table shows, the latest; the earlier ones fold away.
const SHOWN_ROWS: usize = 12;

#[component]
fn SeriesTable(series: Series, view: View) -> impl IntoView {
    let direction = series
        .metric
        .is_directed()
        .then(|| format!(" ({})", flow_name(&series.pair)));
    let caption = format!("{}{}", series.metric.label(), direction.unwrap_or_default());
    let id = format!("series-{}-{}", series.metric.as_str(), series.pair.slug());
    let official = !series.official.is_empty();
    let mut points = rows(series.points, series.official);
    // A table longer than a screenful shows its latest periods; the earlier
    // ones fold into a table of their own, one click away without script.
    let latest = points.split_off(points.len().saturating_sub(SHOWN_ROWS));
    let earlier = (!points.is_empty()).then(|| {
        let summary = format!(
            "Earlier periods ({}, from {})",
            points.len(),
            points[0].period().label
        );
        let caption = format!("{caption}, earlier periods");
        view! {
            <details class="earlier-periods">
                <summary>{summary}</summary>
                <PeriodTable caption points view=view.clone() official />
            </details>
        }
    });
    view! {
        <div class="table-wrap" id=id>
            {earlier}
            <PeriodTable caption points=latest view official />
        </div>
    }
}

/// A row of a series table: a period the reports give (with the official
/// figure beside it when one is imported), or one only official figures give.
enum Row {
    Reported(SeriesPoint),
    Official(OfficialPoint),
}

impl Row {
    fn period(&self) -> &crate::model::Period {
        match self {
            Row::Reported(p) => &p.period,
            Row::Official(o) => &o.period,
        }
    }
}

/// The points, and the official periods no point has, in period order.
fn rows(points: Vec<SeriesPoint>, official: Vec<OfficialPoint>) -> Vec<Row> {
    let same = |p: &SeriesPoint, o: &OfficialPoint| {
        p.period.start == o.period.start && p.period.end == o.period.end
    };
    let alone: Vec<OfficialPoint> = official
        .into_iter()
        .filter(|o| !points.iter().any(|p| same(p, o)))
        .collect();
    let mut rows: Vec<Row> = points.into_iter().map(Row::Reported).collect();
    rows.extend(alone.into_iter().map(Row::Official));
    rows.sort_by(|a, b| {
        (a.period().start, a.period().end).cmp(&(b.period().start, b.period().end))
    });
    rows
}

/// One row per period: period, value, status, the reports, and with
/// official figures imported, the official value and the gap.
#[component]
fn PeriodTable(caption: String, points: Vec<Row>, view: View, official: bool) -> impl IntoView {
    let rows = points
        .into_iter()
        .map(|row| match row {
            Row::Reported(p) => {
                view! { <PointRow point=p view=view.clone() official /> }.into_any()
            }
            Row::Official(o) => view! { <OfficialRow point=o /> }.into_any(),
        })
        .collect_view();
    let official_head = official.then(|| view! { <th scope="col" class="num">"Official"</th> });
    view! {
        <table>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Period"</th>
                    <th scope="col" class="num">"Value"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Reported as"</th>
                    {official_head}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// A period only official figures give: its value, marked as official, and
/// no report.
#[component]
fn OfficialRow(point: OfficialPoint) -> impl IntoView {
    let value = format_figure(point.value, Some(&point.currency), None);
    view! {
        <tr class="official-only">
            <td data-label="Period">{period_label(&point.period)}</td>
            <td data-label="Value" class="num">{value.clone()}</td>
            <td data-label="Status"><span class="badge official">"official only"</span></td>
            <td data-label="Reported as"><span class="muted">"no news report"</span></td>
            <td data-label="Official" class="num">{value}<span class="official-source">{point.source}</span></td>
        </tr>
    }
}

#[component]
fn PointRow(point: SeriesPoint, view: View, official: bool) -> impl IntoView {
    let value = format_figure(point.value, point.currency.as_deref(), point.qualifier);
    let mut period = period_label(&point.period);
    if point.sources.iter().any(|s| s.period_inferred) {
        period.push_str(" (inferred)");
    }
    let status = status_label(&point);
    let approximate = point.status == PointStatus::Approximate;
    let conflict = point.status == PointStatus::Conflict;
    let derived = point.status == PointStatus::Derived;
    let checks = point
        .checks
        .iter()
        .filter(|c| !c.consistent || derived)
        .map(|c| view! { <span class="check" class:mismatch=!c.consistent>{c.message.clone()}</span> })
        .collect_view();
    let period_label = point.period.label.clone();
    let reports = point.sources.len();
    let mut sources = point
        .sources
        .iter()
        .map(|s| {
            let written = format_figure(s.value, point.currency.as_deref(), s.qualifier);
            let label = format!("Source of {written} for {period_label}: {}", s.title);
            let converted = s.converted.then(|| {
                let from = s.converted_from.as_deref().unwrap_or("another currency");
                view! { <span class="muted">{format!(" · converted by the writer from {from}")}</span> }
            });
            view! {
                <li>
                    <a href=view.with_source(Some(&s.key)).href() data-source=s.key.clone() class="source-link" aria-label=label>{written}</a>
                    <span class="source-title">{s.title.clone()}</span>
                    {converted}
                </li>
            }
        })
        .collect::<Vec<_>>();
    // The reports that give the value first; a point told by dozens of
    // articles keeps the rest one click away, without script.
    let more = (reports > SHOWN_REPORTS).then(|| {
        let rest = sources.split_off(SHOWN_REPORTS);
        view! {
            <details class="more-reports">
                <summary>{format!("All {reports} reports")}</summary>
                <ul class="sources">{rest}</ul>
            </details>
        }
    });
    let official_cell = official.then(|| match &point.official {
        Some(o) => {
            let value = format_figure(o.value, Some(&o.currency), None);
            let gap = o.gap_pct.map(|g| format!("gap {}", format_gap(g)));
            let flag = o.beyond_precision.then(|| {
                view! { <span class="check mismatch">"beyond the reports' rounding"</span> }
            });
            view! {
                <td data-label="Official" class="num">
                    {value}
                    <span class="official-gap" class:mismatch=o.beyond_precision>{gap}</span>
                    {flag}
                    <span class="official-source">{o.source.clone()}</span>
                </td>
            }
            .into_any()
        }
        None => view! { <td data-label="Official" class="num muted">"—"</td> }.into_any(),
    });
    view! {
        <tr class:approximate=approximate class:conflict=conflict class:derived=derived class:part-year=!point.full_year>
            <td data-label="Period">{period}</td>
            <td data-label="Value" class="num">{value}</td>
            <td data-label="Status"><span class=format!("badge {}", point.status.as_str())>{status}</span>{checks}</td>
            <td data-label="Reported as">
                {if derived {
                    view! { <span class="muted">"worked out from " {point.derived_from.join(" and ")}</span> }.into_any()
                } else {
                    view! { <ul class="sources">{sources}</ul>{more} }.into_any()
                }}
            </td>
            {official_cell}
        </tr>
    }
}

fn status_label(point: &SeriesPoint) -> String {
    let n = point.sources.len();
    match point.status {
        PointStatus::Reported if n > 1 => format!("reported · {n} sources agree"),
        PointStatus::Reported => "reported".to_owned(),
        PointStatus::Approximate => "approximate".to_owned(),
        PointStatus::Conflict => format!("conflict · {n} sources disagree"),
        PointStatus::Derived => "derived, not reported".to_owned(),
    }
}

/// The pair's figures whose period the text leaves unknown ("trade
/// currently stands at about $9 billion"): listed with their source, never
/// drawn, until a correction gives them a period.
#[component]
pub fn UndatedFigures(figures: Vec<UndatedFigure>, view: View) -> impl IntoView {
    (!figures.is_empty()).then(|| {
        let count = figures.len();
        let items = figures
            .into_iter()
            .map(|f| {
                let o = &f.observation;
                let written = format_figure(o.value, o.currency.as_deref(), o.qualifier);
                let link = view.with_source(Some(&f.key)).href();
                let label = format!("Source of {written}: {}", f.title);
                let details = format!(" · {} · {} · key ", o.period.label, f.title);
                view! {
                    <li data-key=f.key.clone()>
                        {o.metric.label()}" "
                        <a href=link data-source=f.key.clone() class="source-link" aria-label=label>{written}</a>
                        <span class="muted">{details}<code>{f.key.clone()}</code></span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card warning-card" aria-labelledby="undated-figures-title">
                <h2 id="undated-figures-title">"Figures without a known period"<span class="count">{count}</span></h2>
                <p class="muted">"The articles give no year these figures can be placed in, so they are not charted. "
                    "Give one a period with a correction ("<code>"observation_period"</code>", see the README) and it joins its series."</p>
                <ul class="undated-figures">{items}</ul>
            </section>
        }
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::model::{Metric, Pair, Period, PointSource};

    fn source(article: u32, value: f64) -> PointSource {
        PointSource {
            key: format!("o{article}-0"),
            article,
            title: format!("Report {article}"),
            published: None,
            value,
            qualifier: None,
            as_written: String::new(),
            quote: String::new(),
            span: [0, 1],
            confidence: 0.9,
            period_inferred: false,
            converted: false,
            converted_from: None,
        }
    }

    /// Fifteen years of one measure, the last told by five articles.
    fn series() -> Series {
        let points = (2005..2020)
            .map(|year| {
                let value = f64::from(year - 2000) * 1e9;
                let reports = if year == 2019 { 5 } else { 1 };
                let mut point =
                    SeriesPoint::reported(Period::year(year).expect("a year"), value, Some("USD"));
                point.sources = (0..reports)
                    .map(|i| source(year as u32 * 10 + i, value))
                    .collect();
                point
            })
            .collect();
        Series {
            official: Vec::new(),
            pair: Pair::sorted("BR", "IN"),
            metric: Metric::TradeValue,
            points,
        }
    }

    #[test]
    fn long_tables_fold_their_earlier_periods_and_a_point_its_extra_reports() {
        let html =
            view! { <SeriesTables series=vec![series()] view=View::default() empty="none" /> }
                .to_html();
        // The latest twelve years in the table, the three before folded.
        let (earlier, latest) = html.split_once("</details>").expect("a fold");
        assert!(
            earlier.contains("<summary>Earlier periods (3, from 2005)</summary>"),
            "{html}"
        );
        assert_eq!(earlier.matches("<tr").count(), 1 + 3, "{earlier}");
        assert_eq!(latest.matches("<tr").count(), 1 + 12, "{latest}");
        // 2019's five reports: two listed, all five behind the summary.
        assert!(
            latest.contains("<summary>All 5 reports</summary>"),
            "{latest}"
        );
        let (shown, folded) = latest
            .split_once("<summary>All 5 reports")
            .expect("the fold");
        assert_eq!(shown.matches("data-source=\"o2019").count(), 2);
        assert_eq!(folded.matches("data-source=\"o2019").count(), 3);
    }

    #[test]
    fn short_tables_and_points_with_few_reports_fold_nothing() {
        let mut short = series();
        short.points.drain(..10);
        short
            .points
            .last_mut()
            .expect("a point")
            .sources
            .truncate(2);
        let html = view! { <SeriesTables series=vec![short] view=View::default() empty="none" /> }
            .to_html();
        assert!(!html.contains("<details"), "{html}");
    }
}
