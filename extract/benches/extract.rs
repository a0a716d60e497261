//! Extraction throughput on a generated news-like corpus, and on pathological
//! input at growing sizes (time should grow linearly).

mod corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use tradeline_extract::{extract, Options};

fn news(c: &mut Criterion) {
    let text = corpus::news(10 * 1024 * 1024);
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("news_10MiB", |b| {
        b.iter(|| extract("bench.txt", black_box(text.as_bytes()), &Options::default()))
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

criterion_group!(benches, news, pathological);
criterion_main!(benches);
