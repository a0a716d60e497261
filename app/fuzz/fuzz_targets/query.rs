//! Any query string, read as the dashboard, the API and the exports read it:
//! the view with its bad parameters, the pair, the metric and the dates.
//! Never a panic; a view read back from its own link is the same view; the
//! list of bad parameters stays short however long the query. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run -s none query` from `app/`.
#![no_main]

use app::view::View;
use libfuzzer_sys::fuzz_target;
use tradeline_extract::model::{Metric, Pair, PartialDate};

fuzz_target!(|data: &[u8]| {
    let params: Vec<(String, String)> = form_urlencoded::parse(data).into_owned().collect();
    let (view, bad) = View::from_query(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert!(bad.len() <= 64, "{} bad parameters listed", bad.len());
    // The view's own link reads back as the same view, with nothing bad.
    let link = view.query();
    let again: Vec<(String, String)> = form_urlencoded::parse(link.as_bytes())
        .into_owned()
        .collect();
    let (reread, bad) = View::from_query(again.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert!(bad.is_empty(), "{link}: {bad:?}");
    assert_eq!(reread, view, "{link}");
    for (_, value) in &params {
        if let Some(pair) = Pair::from_slug(value) {
            assert_eq!(Pair::from_slug(&pair.slug()), Some(pair));
        }
        if let Some(metric) = Metric::parse(value) {
            assert_eq!(metric.as_str(), value);
        }
        if let Some(date) = PartialDate::parse(value) {
            assert_eq!(PartialDate::parse(&date.to_string()), Some(date));
        }
    }
});
