//! One article through every step: decode, reduce, split, date, bind.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::{
    context::DocumentContext,
    country, events, figures,
    input::{self, Format, InputError},
    lang,
    model::{Document, Lang, Pair, Warning},
    money::{self, Amount, Hints},
    normalize, prefilter, published, ru, sentence, zh,
};

/// Changes whenever the extractor's output for the same text may change, so
/// stores can re-extract what they keep.
pub const EXTRACTOR_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+rules.9");

/// How to read one article.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The publication date, when the user knows it better than the text.
    pub published: Option<NaiveDate>,
    /// Overrides detection from the file name and content.
    pub format: Option<Format>,
}

/// An article read: its text as reduced (the offsets in `document` point into
/// it) and everything found in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    pub text: String,
    pub format: Format,
    pub document: Document,
}

/// Reads one article. Fails only when the bytes are not a readable text; an
/// article with no figures is a success with a warning.
pub fn extract(path: &str, bytes: &[u8], options: &Options) -> Result<Extraction, InputError> {
    let input = input::read(path, bytes, options.format)?;
    let text = input.text;
    let lang = lang::detect(&text);
    let sentences = sentence::split(&text);
    let clues = prefilter::sentences(&text, &sentences);
    if lang != Lang::En {
        // Markup and numeric dates are read as for English; the language's
        // own date forms ("2020年11月7日", "12 марта 2024") come first.
        let fallback = published::find(&text, &sentences, &clues, input.published, None);
        return Ok(foreign(
            path,
            lang,
            (input.format, input.title),
            text,
            options,
            fallback,
        ));
    }
    let published = published::find(
        &text,
        &sentences,
        &clues,
        input.published,
        options.published,
    );
    let mentions = country::mentions(&text);
    let hints = Hints::for_parties(&country::distinct(&mentions));
    // Each sentence as the figure patterns read it, numbers in digits; its
    // amounts read once: the context counts their currencies, the figures
    // bind them.
    let normalized: Vec<Cow<'_, str>> = sentences
        .iter()
        .zip(&clues)
        .map(|(s, clue)| {
            if clue.money || clue.rate {
                normalize::numbers(s.text(&text))
            } else {
                Cow::Borrowed(s.text(&text))
            }
        })
        .collect();
    let read_amounts = |hints: &Hints| -> Vec<Vec<Amount>> {
        normalized
            .iter()
            .zip(&clues)
            .map(|(n, clue)| {
                if clue.money {
                    money::amounts_with(n, hints)
                } else {
                    Vec::new()
                }
            })
            .collect()
    };
    let mut amounts = read_amounts(&hints);
    let chars = CharIndex::new(&text);
    let mut context = DocumentContext::new(&text, &published, &mentions, &amounts, &chars);
    // The reporter settles the signs its own papers write bare ("Sh", "$"),
    // and the amounts are read again with them when they differ.
    if let Some(reporter) = context.reporter_code() {
        let written: Vec<&str> = amounts
            .iter()
            .flatten()
            .filter(|a| a.currency_written)
            .map(|a| a.currency)
            .collect();
        let settled = hints.with_reporter(reporter, &written, money::marks_the_us_dollar(&text));
        if settled != hints {
            amounts = read_amounts(&settled);
            context = DocumentContext::new(&text, &published, &mentions, &amounts, &chars);
        }
    }
    let pair = context.pair;
    let (observations, mut warnings) =
        figures::observations(&context, &sentences, &clues, &normalized, amounts);
    let events = events::events(&context, &sentences, &clues);

    if published.date.is_none() {
        warnings.insert(
            0,
            Warning {
                code: "date_unknown".to_owned(),
                message: format!("publication date unknown: {}", published.basis),
            },
        );
    }
    if observations.is_empty() {
        warnings.push(Warning {
            code: "no_figures".to_owned(),
            message: "no trade figures found in this article".to_owned(),
        });
    }
    let title = input
        .title
        .or_else(|| title_line(&text))
        .or_else(|| sentences.first().map(|s| opening_words(s.text(&text))));
    let document = Document {
        path: path.to_owned(),
        lang,
        title,
        published: published.date,
        published_precision: published.precision(),
        published_basis: published.basis.clone(),
        pair: pair.map(|(a, b)| Pair::sorted(a, b)),
        reporter: context.reporter.as_ref().map(|r| crate::model::Reporter {
            code: r.code.to_owned(),
            basis: r.basis.clone(),
        }),
        observations,
        events,
        warnings,
    };
    Ok(Extraction {
        format: input.format,
        text,
        document,
    })
}

/// A Chinese or Russian article, read by [`zh`] or [`ru`]: figures only
/// (their events are not read yet), dated by the user's date or the first
/// full date near the top of the page.
fn foreign(
    path: &str,
    lang: Lang,
    (format, title): (Format, Option<String>),
    text: String,
    options: &Options,
    fallback: published::Published,
) -> Extraction {
    let found = match lang {
        Lang::Ru => ru::published(&text),
        _ => zh::published(&text),
    };
    let day = crate::model::PartialDate::day;
    let (published, basis) = match (options.published, found, fallback.date) {
        (Some(d), _, _) => (Some(day(d)), "given by the user".to_owned()),
        (None, Some(d), _) => (
            Some(day(d)),
            format!("the date {d} near the top of the page"),
        ),
        (None, None, Some(d)) => (Some(d), fallback.basis),
        (None, None, None) => (None, "no date found in the text".to_owned()),
    };
    let first_day = published.and_then(|d| d.first_day());
    let reading = match lang {
        Lang::Ru => ru::read(&text, first_day),
        _ => zh::read(&text, first_day),
    };
    let (observations, events, pair) = (reading.observations, reading.events, reading.pair);
    let mut warnings = Vec::new();
    if published.is_none() {
        warnings.push(Warning {
            code: "date_unknown".to_owned(),
            message: format!("publication date unknown: {basis}"),
        });
    }
    if observations.is_empty() {
        warnings.push(Warning {
            code: "no_figures".to_owned(),
            message: "no trade figures found in this article".to_owned(),
        });
    }
    let title = title.or_else(|| {
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| l.chars().take(80).collect())
    });
    Extraction {
        format,
        document: Document {
            path: path.to_owned(),
            lang,
            title,
            published,
            published_precision: published
                .map_or(crate::model::Precision::Unknown, |d| d.precision()),
            published_basis: basis,
            pair: pair.map(|(a, b)| Pair::sorted(a, b)),
            reporter: None,
            observations,
            events,
            warnings,
        },
        text,
    }
}

/// A plain-text article's title: its first line that reads like a headline
/// (not a breadcrumb such as "News > World >", not a date, not a paragraph).
fn title_line(text: &str) -> Option<String> {
    text.lines().take(8).map(str::trim).find_map(|line| {
        let words = line.split_whitespace().count();
        let breadcrumb = line.contains(" > ") || line.ends_with('>');
        let paragraph = line.len() > 200 || (line.ends_with('.') && words > 8);
        let dated = line.len() < 40 && !crate::when::full_dates(line).is_empty();
        (words >= 3 && !breadcrumb && !paragraph && !dated).then(|| line.to_owned())
    })
}

/// A stand-in title for an article without a headline: its opening words.
fn opening_words(sentence: &str) -> String {
    const WORDS: usize = 12;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= WORDS {
        return sentence.to_owned();
    }
    format!(
        "{}…",
        words[..WORDS].join(" ").trim_end_matches([',', ';', ':'])
    )
}

/// Byte offsets to character offsets, for lookups in ascending order (the
/// common case) without rescanning the text from the start each time.
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    cursor: std::cell::Cell<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharIndex {
            text,
            cursor: std::cell::Cell::new((0, 0)),
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text).
    /// Costs the distance from the previous lookup, in either direction.
    pub(crate) fn char_offset(&self, byte: usize) -> usize {
        let byte = self.text.floor_char_boundary(byte);
        let (b, c) = self.cursor.get();
        let c = if byte >= b {
            c + self.text[b..byte].chars().count()
        } else {
            c - self.text[byte..b].chars().count()
        };
        self.cursor.set((byte, c));
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_in_any_order() {
        let text = "a–b€c";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_offset(4), 2);
        assert_eq!(idx.char_offset(8), 4);
        assert_eq!(idx.char_offset(1), 1);
        assert_eq!(idx.char_offset(100), 5);
    }

    #[test]
    fn an_article_without_a_headline_is_titled_by_its_opening_words() {
        let x = extract(
            "a.txt",
            "On the morning of Thursday, the two presidents held talks at the Kremlin in Moscow about trade and energy.".as_bytes(),
            &Options::default(),
        )
        .expect("extracts");
        assert_eq!(
            x.document.title.as_deref(),
            Some("On the morning of Thursday, the two presidents held talks at the…")
        );
    }

    #[test]
    fn titles_skip_breadcrumbs_and_dates() {
        assert_eq!(
            title_line("News > Latest News >\n\nXi says China to expand cooperation\n").as_deref(),
            Some("Xi says China to expand cooperation")
        );
        assert_eq!(
            title_line("April 02, 2025\nTrade rises sharply again\n").as_deref(),
            Some("Trade rises sharply again")
        );
    }
}
