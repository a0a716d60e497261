//! Writes N generated articles into a folder, for ingest and load benchmarks:
//!
//! ```sh
//! cargo run --release -p server --example gen_articles -- 100000 /tmp/corpus-100k
//! ```

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::{env, fs, path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let mut args = env::args().skip(1);
    let (Some(n), Some(dir)) = (
        args.next().and_then(|n| n.parse::<u64>().ok()),
        args.next().map(PathBuf::from),
    ) else {
        eprintln!("usage: gen_articles <COUNT> <FOLDER>");
        return ExitCode::from(2);
    };
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("gen_articles: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut bytes = 0;
    for i in 0..n {
        let text = corpus::article(i);
        bytes += text.len();
        if let Err(e) = fs::write(dir.join(format!("article-{i:06}.txt")), text) {
            eprintln!("gen_articles: cannot write article {i}: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!("{n} articles, {bytes} bytes, in {}", dir.display());
    ExitCode::SUCCESS
}
