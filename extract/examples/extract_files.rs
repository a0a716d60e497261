//! Extracts each file named on the command line and prints its document as one
//! line of JSON, or with `--counts` only the sizes and counts (bytes per
//! observation and per event, for sizing the benchmark corpus). Also the
//! binary to profile: `valgrind --tool=callgrind target/release/examples/extract_files --counts corpus.txt`.
//! `--published YYYY-MM-DD` gives the publication date, as `tradeline extract` does.
//! `--repeat N` reads the files N times over and prints the fastest pass's
//! time and throughput: on a busy or virtualised machine the fastest of many
//! passes is the steadiest measure, and the texts are read from disk once.

use std::process::ExitCode;

use tradeline_extract::{extract, Options};

fn main() -> ExitCode {
    let mut counts = false;
    let mut repeat: Option<usize> = None;
    let mut options = Options::default();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--counts" {
            counts = true;
        } else if arg == "--repeat" {
            match args.next().map(|n| n.parse()) {
                Some(Ok(n)) if n > 0 => repeat = Some(n),
                _ => {
                    eprintln!("--repeat needs a number of passes above zero");
                    return ExitCode::from(2);
                }
            }
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
    if let Some(passes) = repeat {
        return time_passes(&paths, &options, passes);
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

/// Extracts every file `passes` times over and prints the fastest pass.
fn time_passes(paths: &[String], options: &Options, passes: usize) -> ExitCode {
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) => texts.push((path.as_str(), bytes)),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let bytes: usize = texts.iter().map(|(_, b)| b.len()).sum();
    let mut fastest = std::time::Duration::MAX;
    for _ in 0..passes {
        let start = std::time::Instant::now();
        for (path, text) in &texts {
            std::hint::black_box(extract(path, text, options).ok());
        }
        fastest = fastest.min(start.elapsed());
    }
    println!(
        "fastest of {passes} passes over {} files ({bytes} bytes): {:.3} ms, {:.2} MB/s",
        texts.len(),
        fastest.as_secs_f64() * 1e3,
        bytes as f64 / fastest.as_secs_f64() / 1e6
    );
    ExitCode::SUCCESS
}
