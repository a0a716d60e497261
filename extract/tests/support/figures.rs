//! The Chinese and Russian table tests' comparison: every figure an
//! article yields against every figure a case wants, as a set.

use tradeline_extract::model::Observation;

/// One figure a case expects: metric, pair slug, period label, value (full
/// units, or percent for rates), currency, qualifier.
pub(crate) type Want = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    Option<&'static str>,
    Option<&'static str>,
);

fn same(o: &Observation, want: &Want) -> bool {
    let &(metric, pair, period, value, currency, qualifier) = want;
    o.metric.as_str() == metric
        && o.pair.slug() == pair
        && o.period.label == period
        && (o.value - value).abs() <= value.abs() * 1e-9 + 1e-9
        && o.currency.as_deref() == currency
        && o.qualifier.map(|q| q.as_str()) == qualifier
}

fn row(o: &Observation) -> String {
    format!(
        "({:?}, {:?}, {:?}, {}, {:?}, {:?})",
        o.metric.as_str(),
        o.pair.slug(),
        o.period.label,
        o.value,
        o.currency,
        o.qualifier.map(|q| q.as_str())
    )
}

/// Reads `text` published on `published`, checks it was read in `lang`, and compares everything it yields
/// with `want`, as a set: a figure missing or a figure too many fails.
#[track_caller]
pub(crate) fn check(lang: &str, text: &str, published: &str, want: &[Want]) {
    let doc = super::document(text, Some(published));
    assert_eq!(
        doc.lang.as_str(),
        lang,
        "{text}: read as the wrong language"
    );
    let mut extra: Vec<&Observation> = doc.observations.iter().collect();
    let mut missing: Vec<&Want> = Vec::new();
    for w in want {
        match extra.iter().position(|o| same(o, w)) {
            Some(i) => {
                extra.remove(i);
            }
            None => missing.push(w),
        }
    }
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{text} [{published}]\nmissing: {missing:?}\nextra: {:?}\nfound:\n{}",
        extra.iter().map(|o| row(o)).collect::<Vec<_>>(),
        doc.observations
            .iter()
            .map(row)
            .collect::<Vec<_>>()
            .join("\n")
    );
}
