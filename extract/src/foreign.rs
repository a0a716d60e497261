//! What the Chinese and Russian readers share: a sentence and its place in
//! the article, the observation a figure read from it becomes, and the pair
//! an article is about.

use crate::model::{Metric, Observation, Pair, Period, Provenance, Qualifier, Status};

/// A sentence as a reader's patterns see it (`text`: for Chinese, full-width
/// forms made half-width, one character for one) and as written
/// (`original`), and where it starts, in characters, in the article.
pub(crate) struct Sentence {
    pub(crate) text: String,
    pub(crate) original: String,
    pub(crate) start: usize,
}

/// Character offset of byte offset `byte` in `s`.
pub(crate) fn char_at(s: &str, byte: usize) -> usize {
    s[..s.floor_char_boundary(byte)].chars().count()
}

/// A figure as read, before it is placed in its sentence.
pub(crate) struct Figure {
    pub(crate) pair: Pair,
    pub(crate) metric: Metric,
    pub(crate) period: Period,
    pub(crate) value: f64,
    /// `None` for a rate, which is in percent.
    pub(crate) currency: Option<&'static str>,
    pub(crate) qualifier: Option<Qualifier>,
    pub(crate) status: Status,
}

/// The observation of `figure`, read from bytes `start..end` of the
/// sentence's text; `language` names the reader in the reason.
pub(crate) fn observation(
    s: &Sentence,
    (start, end): (usize, usize),
    figure: Figure,
    language: &str,
) -> Observation {
    let (a, b) = (char_at(&s.text, start), char_at(&s.text, end));
    let as_written: String = s.original.chars().skip(a).take(b - a).collect();
    let length = s.original.chars().count();
    Observation {
        pair: figure.pair,
        metric: figure.metric,
        period: figure.period,
        value: figure.value,
        currency: figure.currency.map(str::to_owned),
        unit: figure.currency.is_none().then(|| "percent".to_owned()),
        qualifier: figure.qualifier,
        range: None,
        equivalent: None,
        status: figure.status,
        converted: false,
        as_written: as_written.trim().to_owned(),
        provenance: Provenance {
            quote: s.original.trim_end_matches('\n').to_owned(),
            span: [s.start + a, s.start + b],
            sentence_span: [s.start, s.start + length],
            confidence: 0.7,
            reason: format!("read from {language} text"),
        },
    }
}

/// What an article is about: the two parties it names most, `home` (the
/// side its sources are from) first among equals; with one other party
/// named, that party and `home`.
pub(crate) fn document_pair(
    sentences: &[Sentence],
    parties: impl Fn(&str) -> Vec<(usize, &'static str)>,
    home: &'static str,
) -> Option<(&'static str, &'static str)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for s in sentences {
        for (_, code) in parties(&s.text) {
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => counts.push((code, 1)),
            }
        }
    }
    counts.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| (b.0 == home).cmp(&(a.0 == home)))
    });
    match counts.as_slice() {
        [(a, _), (b, _), ..] => Some((a, b)),
        [(a, _)] if *a != home => Some((home, a)),
        _ => None,
    }
}

/// The readers' table tests: what a text yields, as rows to compare.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// (metric, pair, value, currency, period label) of one figure.
    pub(crate) type Row = (Metric, String, f64, Option<String>, String);

    pub(crate) fn rows(observations: Vec<Observation>) -> Vec<Row> {
        observations
            .into_iter()
            .map(|o| (o.metric, o.pair.slug(), o.value, o.currency, o.period.label))
            .collect()
    }

    /// Asserts that `found` is `expected`, values to one part in a billion.
    #[track_caller]
    pub(crate) fn assert_rows(
        found: &[Row],
        expected: &[(Metric, &str, f64, Option<String>, &str)],
    ) {
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for (f, e) in found.iter().zip(expected) {
            assert_eq!(
                (f.0, f.1.as_str(), &f.3, f.4.as_str()),
                (e.0, e.1, &e.3, e.4),
                "{found:?}"
            );
            assert!((f.2 - e.2).abs() < e.2.abs() * 1e-9 + 1e-9, "{found:?}");
        }
    }
}
