//! Extraction throughput on a generated news-like corpus (as dense in figures
//! and events as real reports), on a dense stress corpus (a figure every ~150
//! bytes), and on pathological input at growing sizes (time should grow
//! linearly).

mod corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use tradeline_extract::{extract, Options};

fn corpora(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (name, text) in [
        ("news_10MiB", corpus::news(10 * 1024 * 1024)),
        ("dense_10MiB", corpus::dense(10 * 1024 * 1024)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| extract("bench.txt", black_box(text.as_bytes()), &Options::default()))
        });
    }
    // The same text as the articles it is made of, each its own document, as
    // `tradeline add` reads them.
    let articles = corpus::news_articles(10 * 1024 * 1024);
    let bytes: usize = articles.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("news_10MiB_as_articles", |b| {
        b.iter(|| {
            for article in &articles {
                let _ = black_box(extract(
                    "bench.txt",
                    black_box(article.as_bytes()),
                    &Options::default(),
                ));
            }
        })
    });
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for size in [256 * 1024, 1024 * 1024, 4 * 1024 * 1024] {
        let text = corpus::pathological(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| extract("bench.txt", black_box(text.as_bytes()), &Options::default()))
        });
    }
    group.finish();
}

/// The development set of real articles (`../shared/realworld/articles`,
/// beside the checkout; the texts are not in the repository), each its own
/// document: dense in figures, about one per 250 bytes. Skipped when the
/// folder is not there.
fn development_set(c: &mut Criterion) {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/realworld/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no development set at {}; skipped", dir.display());
        return;
    };
    let mut articles: Vec<Vec<u8>> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    articles.sort();
    let bytes: usize = articles.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("realworld");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("development_set", |b| {
        b.iter(|| {
            for article in &articles {
                let _ = black_box(extract("a.txt", black_box(article), &Options::default()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, corpora, pathological, development_set);
criterion_main!(benches);
