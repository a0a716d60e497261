//! A chart on the page: the plotters SVG, drawn three times (wide, medium
//! and narrow screens), a layer of links over its marks for hover, focus
//! and click, its notes, its export links, and the data table under it.

use leptos::prelude::*;

use crate::chart::{self, ChartKind, Figure, Hit, PageSize, Style};
use crate::model::{Series, SourcedEvent};
use crate::view::View;

/// The last year with a figure or dated event, for the range presets.
pub fn last_year(series: &[Series], events: &[SourcedEvent]) -> Option<i32> {
    let figures = series
        .iter()
        .filter(|s| s.metric != crate::model::Metric::TradeTarget)
        .flat_map(|s| &s.points)
        .map(|p| chrono::Datelike::year(&p.period.end));
    let dated = chart::figure::event_marks(events)
        .into_iter()
        .map(|e| (e.end - 1e-9).floor() as i32);
    figures.chain(dated).max()
}

#[component]
pub fn ChartCard(
    kind: ChartKind,
    series: Vec<Series>,
    events: Vec<SourcedEvent>,
    view: View,
    children: Children,
) -> impl IntoView {
    let Some(pair) = view.pair.clone() else {
        return ().into_any();
    };
    let figure = Figure::build(kind, &pair, &series, &events, &view);
    let id = format!("chart-{}", kind.as_str());
    let title_id = format!("{id}-title");
    let description = describe(&figure);
    let plots = kind
        .page_sizes()
        .into_iter()
        .map(|PageSize { class, size, text }| match chart::svg(&figure, &Style::page(text), size) {
            Ok((svg, hits)) => {
                let hits = hits.into_iter().map(|h| hit(h, &view)).collect_view();
                view! {
                    <div class=format!("plot {class}") style=format!("aspect-ratio: {} / {}", size.0, size.1)>
                        <div class="svg" role="img" aria-label=description.clone() inner_html=svg></div>
                        <div class="hits">{hits}</div>
                    </div>
                }
                .into_any()
            }
            Err(e) => view! { <p class="error" role="alert">{format!("This chart could not be drawn: {e}")}</p> }.into_any(),
        })
        .collect_view();
    let notes = figure
        .notes
        .iter()
        .map(|n| view! { <li>{n.on_page()}</li> })
        .collect_view();
    let query = view.with_source(None).query();
    let export = |ext: &str| format!("/export/{}.{ext}?{query}", kind.as_str());
    let heading_id = title_id.clone();
    view! {
        <section class="card chart-card" id=id aria-labelledby=title_id>
            <div class="chart-head">
                <h2 id=heading_id>{kind.title()}</h2>
                <p class="downloads">
                    "Download "
                    <a href=export("png") download="">"PNG"</a>
                    <a href=export("svg") download="">"SVG"</a>
                    <a href=export("csv") download="">"CSV"</a>
                </p>
            </div>
            <figure class="chart">
                {plots}
                <figcaption><ul class="chart-notes">{notes}</ul></figcaption>
            </figure>
            {children()}
        </section>
    }
    .into_any()
}

/// The link over one mark: its tooltip is its text, so a screen reader
/// reads what a mouse user sees; following it opens the source.
fn hit(h: Hit, view: &View) -> AnyView {
    // `--x` places the tooltip along its own width as the mark is along the
    // drawing's: left-aligned at the left edge, centred in the middle, so a
    // tooltip never leaves the drawing (see `.tip` in the stylesheet).
    let mut position = format!(
        "left:{:.3}%;top:{:.3}%;--x:{:.3}",
        h.x * 100.0,
        h.y * 100.0,
        h.x.clamp(0.0, 1.0)
    );
    if let Some(height) = h.height {
        position.push_str(&format!(";height:{:.3}%", height * 100.0));
    }
    let class = if h.height.is_some() {
        "hit ev-line"
    } else if h.event.is_some() {
        "hit ev"
    } else {
        "hit"
    };
    // The tooltip is hidden until hover or focus, so the name is given
    // explicitly: a screen reader reads the same text at once.
    let name = h.tip.clone();
    match h.key {
        Some(key) => view! {
            <a class=class href=view.with_source(Some(&key)).href() data-source=key style=position data-ev=h.event aria-label=name>
                <span class="tip" aria-hidden="true">{h.tip}</span>
            </a>
        }
        .into_any(),
        None => view! {
            <span class=class tabindex="0" role="img" style=position aria-label=name>
                <span class="tip" aria-hidden="true">{h.tip}</span>
            </span>
        }
        .into_any(),
    }
}

/// One sentence for screen readers; the table below has the numbers.
fn describe(figure: &Figure) -> String {
    let (first, last) = figure.years;
    let marks: usize = figure.lines.iter().map(|l| l.marks.len()).sum();
    match figure.kind {
        ChartKind::Timeline => format!(
            "Timeline of {} visits and meetings between {} and {last}, listed below.",
            figure.events.len(),
            first
        ),
        _ => {
            let mut text = format!(
                "{} for {}, {first} to {last}: {marks} points in {} series, listed in the table below.",
                figure.kind.title(),
                crate::format::pair_name(&figure.pair),
                figure.lines.len()
            );
            for line in &figure.official {
                text.push_str(&format!(
                    " The official series of {} is drawn as a thin line ({} years).",
                    line.source,
                    line.marks.len()
                ));
            }
            if !figure.pledges.is_empty() {
                text.push_str(&format!(
                    " {} trade goal{} marked, listed under Trade pledges.",
                    figure.pledges.len(),
                    if figure.pledges.len() == 1 {
                        " is"
                    } else {
                        "s are"
                    }
                ));
            }
            text
        }
    }
}
