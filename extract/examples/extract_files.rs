//! Extracts each file named on the command line and prints its document as one
//! line of JSON, or with `--counts` only the sizes and counts (bytes per
//! observation and per event, for sizing the benchmark corpus). Also the
//! binary to profile: `valgrind --tool=callgrind target/release/examples/extract_files --counts corpus.txt`.
//! `--published YYYY-MM-DD` gives the publication date, as `tradeline extract` does.

use std::process::ExitCode;

use tradeline_extract::{extract, Options};

fn main() -> ExitCode {
    let mut counts = false;
    let mut options = Options::default();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--counts" {
            counts = true;
        } else if arg == "--published" {
            match args.next().map(|d| d.parse()) {
                Some(Ok(date)) => options.published = Some(date),
                _ => {
                    eprintln!("--published needs a date as YYYY-MM-DD");
                    return ExitCode::from(2);
                }
            }
        } else {
            paths.push(arg);
        }
    }
    let (mut bytes_total, mut observations, mut events) = (0usize, 0usize, 0usize);
    for path in &paths {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let x = match extract(path, &bytes, &options) {
            Ok(x) => x,
            Err(e) => {
                println!("{path}: {e}");
                continue;
            }
        };
        bytes_total += x.text.len();
        observations += x.document.observations.len();
        events += x.document.events.len();
        if counts {
            println!(
                "{path}: {} bytes, {} observations, {} events",
                x.text.len(),
                x.document.observations.len(),
                x.document.events.len()
            );
        } else {
            match serde_json::to_string(&x.document) {
                Ok(json) => println!("{json}"),
                Err(e) => eprintln!("{path}: {e}"),
            }
        }
    }
    if counts {
        let per = |n: usize| {
            if n == 0 {
                f64::NAN
            } else {
                bytes_total as f64 / n as f64
            }
        };
        println!(
            "total: {bytes_total} bytes, {observations} observations ({:.0} bytes each), {events} events ({:.0} bytes each)",
            per(observations),
            per(events)
        );
    }
    ExitCode::SUCCESS
}
