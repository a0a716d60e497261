//! Writes a benchmark corpus to stdout, so peers can be timed on the same
//! text: `cargo run --release -p tradeline-extract --example gen_corpus -- 10000000 news > corpus.txt`
//! (`news` is the default; `dense` and `pathological` are the stress inputs).
//! With a folder after the corpus's name, the news-like corpus is written as its
//! separate articles instead (`0000.txt`, `0001.txt`...), as `tradeline add`
//! reads a folder: `gen_corpus 2760000 news /tmp/articles` gives the 600
//! articles `BENCHMARKS.md` counts instructions on.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::{io::Write, process::ExitCode};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let bytes = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let kind = args.next();
    if let Some(dir) = args.next() {
        if !matches!(kind.as_deref(), None | Some("news")) {
            eprintln!("only the news-like corpus comes as separate articles");
            return ExitCode::FAILURE;
        }
        return write_articles(std::path::Path::new(&dir), bytes);
    }
    let text = match kind.as_deref() {
        None | Some("news") => corpus::news(bytes),
        Some("dense") => corpus::dense(bytes),
        Some("pathological") => corpus::pathological(bytes),
        Some(other) => {
            eprintln!("unknown corpus '{other}': news, dense or pathological");
            return ExitCode::FAILURE;
        }
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the news-like corpus's articles as numbered files in `dir`.
fn write_articles(dir: &std::path::Path, bytes: usize) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for (i, article) in corpus::news_articles(bytes).iter().enumerate() {
        let path = dir.join(format!("{i:04}.txt"));
        if let Err(e) = std::fs::write(&path, article) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
