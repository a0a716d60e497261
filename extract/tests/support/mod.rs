//! What the extractor's table tests share: a short article read as a user
//! would give it, with its publication date when the case knows one.

use chrono::NaiveDate;
use tradeline_extract::{extract, model::Document, Options};

/// `text` read as `case.txt`, published on `published` (`YYYY-MM-DD`) if given.
pub(crate) fn document(text: &str, published: Option<&str>) -> Document {
    let options = Options {
        published: published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
        ..Options::default()
    };
    extract("case.txt", text.as_bytes(), &options)
        .expect("extracts")
        .document
}
