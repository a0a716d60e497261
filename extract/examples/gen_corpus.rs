//! Writes the benchmark corpus to stdout, so peers can be timed on the same
//! text: `cargo run --release -p tradeline-extract --example gen_corpus -- 10000000 > corpus.txt`.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    std::io::stdout()
        .lock()
        .write_all(corpus::news(bytes).as_bytes())
}
