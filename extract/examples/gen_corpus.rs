//! Writes a benchmark corpus to stdout, so peers can be timed on the same
//! text: `cargo run --release -p tradeline-extract --example gen_corpus -- 10000000 news > corpus.txt`
//! (`news` is the default; `dense` and `pathological` are the stress inputs).

#[path = "../benches/corpus.rs"]
mod corpus;

use std::{io::Write, process::ExitCode};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let bytes = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let text = match args.next().as_deref() {
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
