//! Charts drawn from dense generated data, as a user who follows one pair
//! for twenty years has it: 300 articles written here (full-year and
//! part-year figures every year, in dollars, euros and yuan, with reports
//! that differ) and 200 dated events, read by the extractor into a store.
//! Every text of every chart, in each of the page's drawings and in the
//! exports at both scales, must stand clear of every other.

use chrono::{Datelike, NaiveDate};
use plotters::prelude::IntoDrawingArea;

use super::boxes::TextBoxes;
use super::place::Rect;
use super::{draw, ChartKind, Figure, Style};
use crate::export::{self, Options};
use crate::library::{Incoming, Library, DEFAULT_MAX_ARTICLE};
use crate::model::{DashboardData, Pair};
use crate::store::Origin;
use crate::view::View;

const FIRST_YEAR: i32 = 2005;
const YEARS: i32 = 20;
/// Who meets whom: the two sides' people, so that events of one day differ.
const BRAZIL: [&str; 4] = [
    "Brazilian President Ana Costa",
    "Brazilian Foreign Minister Paulo Lima",
    "Brazilian Trade Minister Rita Souza",
    "Brazilian Vice President Jorge Alves",
];
const INDIA: [&str; 4] = [
    "Indian Prime Minister Ravi Menon",
    "Indian External Affairs Minister Kiran Rao",
    "Indian Commerce Minister Arjun Das",
    "Indian Vice President Meera Iyer",
];

/// "January" for 1.
fn month_name(month: u32) -> &'static str {
    u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("January", |m| m.name())
}

/// The trade of `year` in billions of dollars: a rising path with a wobble.
fn dollars(year: i32) -> f64 {
    let t = f64::from(year - FIRST_YEAR);
    12.0 + 3.1 * t + 2.5 * (t * 1.7).sin()
}

/// Article `k` (0 to 14) of `year`: its publication date and its figure,
/// and for the first ten an event of that year.
fn article(year: i32, k: i32) -> (NaiveDate, String) {
    let v = dollars(year);
    let growth = (v / dollars(year - 1) - 1.0) * 100.0;
    let (months, figure) = match k {
        0 => (14, format!("Trade between Brazil and India reached ${v:.1} billion in {year}, up {growth:.1} percent from a year earlier, customs data showed.")),
        1 => (15, format!("Brazil and India traded goods worth nearly ${:.0} billion in {year}, officials said.", v.ceil())),
        2 => (16, format!("Bilateral trade between India and Brazil stood at ${:.2} billion in {year}.", v * 1.004)),
        3 => (7, format!("Trade between Brazil and India reached ${:.1} billion in the first half of {year}.", v * 0.48)),
        4 => (8, format!("In the first six months of {year}, trade between India and Brazil totalled ${:.1} billion.", v * 0.49)),
        5 => (10, format!("Trade between Brazil and India reached ${:.1} billion in January-September {year}.", v * 0.74)),
        6 => (11, format!("Trade between Brazil and India amounted to ${:.1} billion in the first nine months of {year}.", v * 0.75)),
        7 => (4, format!("Trade between Brazil and India reached ${:.1} billion in the first quarter of {year}.", v * 0.24)),
        8 => (14, format!("Trade between Brazil and India reached {:.1} billion euros in {year}.", v * 0.88)),
        9 => (15, format!("Trade between Brazil and India came to {:.1} billion euros in {year}, a European estimate showed.", v * 0.9)),
        10 => (14, format!("Trade between Brazil and India reached {:.0} billion yuan in {year}.", v * 6.8)),
        11 => (16, format!("Trade between Brazil and India totalled {:.0} billion yuan in {year}, Chinese analysts said.", v * 6.9)),
        12 => (14, format!("Trade between Brazil and India grew {growth:.1} percent in {year}.")),
        13 => (7, format!("Trade between Brazil and India reached {:.1} billion euros in the first half of {year}.", v * 0.43)),
        _ => (17, format!("Trade between Brazil and India rose {growth:.1} percent to ${v:.1} billion in {year}.")),
    };
    // Published a month or so after the period ends: `months` counts from
    // January of `year`.
    let published =
        NaiveDate::from_ymd_opt(year + (months - 1) / 12, ((months - 1) % 12 + 1) as u32, 9)
            .expect("a date");
    let mut text = format!(
        "Brazil and India trade report {k}\n\n{} 9, {}\n\n{figure}\n",
        month_name(published.month()),
        published.year(),
    );
    if k < 10 {
        // In the first quarter, before any of the year's articles is out;
        // no two of a year on one day.
        let month = month_name(1 + (k % 3) as u32);
        let day = 2 + (k * 3 + year) % 25;
        let (a, b) = (BRAZIL[(k % 4) as usize], INDIA[((k + year) % 4) as usize]);
        text.push_str(&format!(
            "\n{a} held talks with {b} in Brasilia on {month} {day}, {year}.\n"
        ));
    }
    (published, text)
}

/// The articles of `years` years from [`FIRST_YEAR`], read into a store.
async fn data_of(years: i32) -> (tempfile::TempDir, DashboardData) {
    let mut items = Vec::new();
    for year in FIRST_YEAR..FIRST_YEAR + years {
        for k in 0..15 {
            let (published, text) = article(year, k);
            items.push(Incoming {
                name: format!("{year}-{k}.txt"),
                bytes: text.into_bytes(),
                origin: Origin::Upload,
                published: Some(published),
            });
        }
    }
    let dir = tempfile::TempDir::new().expect("temp dir");
    let library = Library::open(
        &crate::store::Database::Embedded(dir.path().to_owned()),
        DEFAULT_MAX_ARTICLE,
        false,
    )
    .await
    .expect("opens");
    for result in library.ingest(items).await {
        result.expect("ingested");
    }
    let pair = Pair("BR".to_owned(), "IN".to_owned());
    let data = library.dashboard(Some(pair)).await.expect("dashboard");
    (dir, data)
}

/// The texts of `figure` drawn in `style` at `size`, with their boxes.
fn texts(figure: &Figure, style: &Style, size: (u32, u32)) -> Vec<(String, Rect)> {
    let pixels = (
        (f64::from(size.0) * style.scale).round() as u32,
        (f64::from(size.1) * style.scale).round() as u32,
    );
    let (backend, texts) = TextBoxes::new(pixels);
    let root = backend.into_drawing_area();
    draw::draw(&root, figure, style).expect("draws");
    drop(root);
    texts.take()
}

/// Every pair of texts whose boxes intersect, named.
fn collisions(texts: &[(String, Rect)]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            if ra.intersects(rb) {
                out.push(format!("{a:?} {ra:?} over {b:?} {rb:?}"));
            }
        }
    }
    out
}

#[tokio::test]
async fn no_two_texts_of_a_dense_chart_intersect_in_any_drawing_or_export() {
    let (_dir, data) = data_of(YEARS).await;
    let articles: usize = data.pairs.iter().map(|p| p.articles).sum();
    assert!(articles >= 300, "{articles} articles");
    assert!(data.events.len() >= 150, "{} events", data.events.len());
    assert_clear(&data);
}

/// A few years: few enough marks that every one asks for its label, so
/// labels crowd each other rather than being left out wholesale.
#[tokio::test]
async fn no_two_texts_intersect_when_every_mark_asks_for_its_label() {
    for years in [2, 4] {
        let (_dir, data) = data_of(years).await;
        assert_clear(&data);
    }
}

/// Draws every chart of `data`'s pair in the page's three drawings and as
/// exports of three sizes at scales 1 and 2, and fails on any two texts
/// that intersect.
fn assert_clear(data: &DashboardData) {
    let pair = data.pair.clone().expect("a pair");
    let mut view = View {
        pair: Some(pair.clone()),
        ..View::default()
    };
    assert_clear_in(data, &pair, &view);
    // With every layer on: part years and implausible values drawn too.
    view.layers.part_year = true;
    view.layers.outliers = true;
    assert_clear_in(data, &pair, &view);
}

fn assert_clear_in(data: &DashboardData, pair: &Pair, view: &View) {
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
    let mut drawn = 0;
    let mut value_labels = 0;
    for kind in ChartKind::ALL {
        let figure = Figure::build(kind, pair, &data.series, &data.events, view);
        for size in kind.page_sizes() {
            let texts = texts(&figure, &Style::page(size.text), size.size);
            let found = collisions(&texts);
            assert!(
                found.is_empty(),
                "{kind:?} {} {view:?}: {found:#?}",
                size.class
            );
            value_labels += texts.iter().filter(|(t, _)| t.contains(" bn")).count();
            drawn += 1;
        }
        for scale in [1, 2] {
            for (width, height) in [(1200, 675), (640, 480), (360, 640)] {
                let options = Options {
                    width,
                    height,
                    scale,
                    ..Options::default()
                };
                let (figure, style) = export::drawing(data, kind, pair, view, &options, today);
                let texts = texts(&figure, &style, (width, height));
                let found = collisions(&texts);
                assert!(
                    found.is_empty(),
                    "{kind:?} export {width}x{height} at {scale}x {view:?}: {found:#?}"
                );
                drawn += 1;
            }
        }
    }
    assert_eq!(drawn, 3 * (3 + 6));
    // The test would pass on a chart with no labels at all: it has some.
    assert!(value_labels >= 3, "{value_labels} value labels");
}
