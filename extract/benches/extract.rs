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

criterion_group!(benches, corpora, pathological);
criterion_main!(benches);
