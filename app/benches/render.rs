//! Chart rendering time on the reference articles: the 1200 × 675 trade-value
//! chart as PNG at scale 2 (what `/export/trade-value.png?scale=2` draws), as
//! PNG at scale 1, as SVG, and the page's two SVG drawings of all three charts.
//!
//! Needs `../shared/seeds` beside the checkout (or `TRADELINE_SEEDS`).

use std::path::PathBuf;

use app::chart::{self, ChartKind, Figure, Style};
use app::export::{self, Format, Options};
use app::library::{Incoming, Library, DEFAULT_MAX_ARTICLE};
use app::model::DashboardData;
use app::store::Origin;
use app::view::View;
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn seeds_data() -> (tempfile::TempDir, DashboardData) {
    let seeds = std::env::var_os("TRADELINE_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds"));
    let mut items = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap_or_else(|e| panic!("the reference articles at {}: {e}", seeds.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for path in entries {
        items.push(Incoming {
            name: path.display().to_string(),
            bytes: std::fs::read(&path).expect("readable"),
            origin: Origin::Upload,
            published: None,
        });
    }
    let data = tempfile::TempDir::new().expect("temp dir");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dashboard = runtime.block_on(async {
        let library = Library::open(
            &app::store::Database::Embedded(data.path().to_owned()),
            DEFAULT_MAX_ARTICLE,
            false,
        )
        .await
        .expect("opens");
        library.ingest(items).await;
        library.dashboard(None).await.expect("dashboard")
    });
    (data, dashboard)
}

fn render(c: &mut Criterion) {
    let (_dir, data) = seeds_data();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let view = View::default();
    let mut group = c.benchmark_group("render");
    for (name, format, scale) in [
        ("trade_value_png_1200x675_scale2", Format::Png, 2),
        ("trade_value_png_1200x675_scale1", Format::Png, 1),
        ("trade_value_svg_1200x675", Format::Svg, 1),
    ] {
        let options = Options {
            scale,
            ..Options::default()
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                export::render(
                    black_box(&data),
                    ChartKind::TradeValue,
                    format,
                    &view,
                    &options,
                    today,
                )
                .expect("renders")
            })
        });
    }
    let pair = data.pair.clone().expect("a pair");
    let page_view = View {
        pair: Some(pair.clone()),
        ..View::default()
    };
    group.bench_function("page_svgs_3_charts_x3", |b| {
        b.iter(|| {
            for kind in ChartKind::ALL {
                let figure = Figure::build(kind, &pair, &data.series, &data.events, &page_view);
                for page in kind.page_sizes() {
                    let style = Style::page(page.text);
                    black_box(chart::svg(&figure, &style, page.size).expect("draws"));
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
