//! Acceptance test on the five reference articles in `../shared/seeds` (read
//! from there, never copied into the repository), against what a correct
//! extraction contains (`expected.json` beside them).
//!
//! Figures: every expected observation found (pair, metric, period, value
//! within 0.5 %, qualifier, quote), none extra, and none of the numbers listed
//! as negatives taken as a figure. Events: every expected event found (kind,
//! date, participants, place, quote). Publication dates: the expected one, or
//! a less precise date consistent with it, or unknown where the text does not
//! fix it.

use std::{
    fs,
    path::{Path, PathBuf},
};

use serde_json::Value;
use tradeline_extract::{extract, model::Document, Options};

fn seeds_dir() -> PathBuf {
    std::env::var_os("TRADELINE_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds"))
}

fn load() -> (Value, Vec<(String, Document)>) {
    let dir = seeds_dir();
    let expected_path = dir.join("expected.json");
    let expected: Value =
        serde_json::from_str(&fs::read_to_string(&expected_path).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e} (set TRADELINE_SEEDS)",
                expected_path.display()
            )
        }))
        .expect("expected.json is JSON");
    let mut docs = Vec::new();
    let names: Vec<String> = expected["documents"]
        .as_object()
        .expect("documents object")
        .keys()
        .cloned()
        .collect();
    for name in names {
        let bytes = fs::read(dir.join(&name)).expect("seed article");
        let extraction = extract(&name, &bytes, &Options::default()).expect("extracts");
        docs.push((name, extraction.document));
    }
    (expected, docs)
}

fn str_of(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn every_expected_figure_and_nothing_else() {
    let (expected, docs) = load();
    for (name, doc) in &docs {
        let exp = &expected["documents"][name];
        let wanted = exp["observations"].as_array().expect("observations");
        for w in wanted {
            let found = doc.observations.iter().find(|o| {
                let pair = [o.pair.0.as_str(), o.pair.1.as_str()];
                let wp: Vec<&str> = w["pair"]
                    .as_array()
                    .expect("pair")
                    .iter()
                    .filter_map(str_of)
                    .collect();
                let value = w["value"].as_f64().expect("value");
                let close = if value == 0.0 {
                    o.value.abs() < 1e-9
                } else {
                    ((o.value - value) / value).abs() <= 0.005
                };
                pair.as_slice() == wp.as_slice()
                    && o.metric.as_str() == w["metric"].as_str().expect("metric")
                    && o.period.start.to_string() == w["period"]["start"].as_str().expect("start")
                    && o.period.end.to_string() == w["period"]["end"].as_str().expect("end")
                    && close
                    && o.qualifier.map(|q| q.as_str().to_owned())
                        == w["qualifier"].as_str().map(str::to_owned)
                    && o.provenance
                        .quote
                        .contains(w["quote_contains"].as_str().expect("quote"))
            });
            assert!(
                found.is_some(),
                "{name}: expected {w}\nfound {:#?}",
                doc.observations
            );
            if let Some(cur) = w["currency"].as_str() {
                assert_eq!(
                    found.and_then(|o| o.currency.as_deref()),
                    Some(cur),
                    "{name}"
                );
            }
        }
        assert_eq!(
            doc.observations.len(),
            wanted.len(),
            "{name}: extra figures {:#?}",
            doc.observations
        );
    }
}

#[test]
fn numbers_that_are_not_trade_figures_stay_out() {
    let (expected, docs) = load();
    for (name, doc) in &docs {
        for negative in expected["documents"][name]["negatives"]
            .as_array()
            .expect("negatives")
        {
            let text = negative.as_str().expect("negative");
            // The number as written: digits ("4,300"), or a number word ("four").
            let number: String = text
                .split_whitespace()
                .find(|w| w.chars().any(|c| c.is_ascii_digit()))
                .map(|w| {
                    w.chars()
                        .filter(|c| c.is_ascii_digit() || *c == ',')
                        .collect()
                })
                .or_else(|| text.split_whitespace().next().map(str::to_owned))
                .unwrap_or_default();
            assert!(!number.is_empty(), "negative without a number: {text}");
            for o in &doc.observations {
                assert!(
                    !o.as_written.contains(&number),
                    "{name}: '{text}' was taken as a figure: {o:#?}"
                );
            }
        }
    }
}

#[test]
fn publication_dates_are_right_or_honestly_less_precise() {
    let (expected, docs) = load();
    for (name, doc) in &docs {
        let want = expected["documents"][name]["published"]
            .as_str()
            .expect("published");
        match doc.published {
            Some(d) => assert!(
                want.starts_with(&d.to_string()),
                "{name}: published {d} ({}) but expected {want}",
                doc.published_basis
            ),
            None => assert!(
                !expected["documents"][name]["published_basis"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("explicit"),
                "{name}: an explicit date was missed ({})",
                doc.published_basis
            ),
        }
        assert!(!doc.published_basis.is_empty(), "{name}: no basis given");
    }
    // The three articles that state their date get it to the day.
    for (name, day) in [
        ("000_35831da054d854d9.txt", "2025-04-02"),
        ("003_24f7bdae331ea796.txt", "2023-03-22"),
        ("004_7cbef253b261191d.txt", "2020-09-11"),
    ] {
        let doc = &docs.iter().find(|(n, _)| n == name).expect("seed").1;
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some(day),
            "{name}"
        );
    }
}

#[test]
fn every_expected_event() {
    let (expected, docs) = load();
    let mut count = 0;
    for (name, doc) in &docs {
        for w in expected["documents"][name]["events"]
            .as_array()
            .expect("events")
        {
            count += 1;
            let names: Vec<&str> = w["participants"]
                .as_array()
                .expect("participants")
                .iter()
                .filter_map(str_of)
                .collect();
            let unknown_ok = w["unknown_ok"].as_bool().unwrap_or(false);
            let found = doc.events.iter().find(|e| {
                let kind = serde_json::to_value(e.kind).expect("kind");
                let date_ok = match e.date_start {
                    Some(d) => Some(d.to_string().as_str()) == w["date_start"].as_str(),
                    None => unknown_ok,
                };
                let end_ok = match w["date_end"].as_str() {
                    Some(end) => e.date_end.map(|d| d.to_string()).as_deref() == Some(end),
                    None => true,
                };
                let place_ok = match w["place"].as_str() {
                    Some(place) => e.place.as_deref() == Some(place),
                    None => true,
                };
                kind.as_str() == w["kind"].as_str()
                    && date_ok
                    && end_ok
                    && place_ok
                    && names
                        .iter()
                        .all(|n| e.participants.iter().any(|p| p.name == *n))
                    && e.provenance
                        .quote
                        .contains(w["quote_contains"].as_str().expect("quote"))
            });
            assert!(
                found.is_some(),
                "{name}: expected event {w}\nfound {:#?}",
                doc.events
            );
        }
    }
    assert_eq!(count, 7, "expected.json lists seven events");
}

#[test]
fn spans_point_at_what_they_claim() {
    let dir = seeds_dir();
    for entry in fs::read_dir(&dir).expect("seeds") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let bytes = fs::read(&path).expect("read");
        let x =
            extract(&path.display().to_string(), &bytes, &Options::default()).expect("extracts");
        let chars: Vec<char> = x.text.chars().collect();
        for o in &x.document.observations {
            let [s, e] = o.provenance.span;
            let figure: String = chars[s..e].iter().collect();
            assert_eq!(figure, o.as_written);
            let [ss, se] = o.provenance.sentence_span;
            let sentence: String = chars[ss..se].iter().collect();
            assert_eq!(sentence, o.provenance.quote);
        }
    }
}
