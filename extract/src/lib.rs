//! tradeline's extractor: news text in, dated observations and events out, each
//! with the sentence it came from.
//!
//! The crate is pure Rust with no web framework in it, so it can be tested,
//! fuzzed and benchmarked alone. With default features off it is only the shared
//! [`model`], which the browser bundle uses.
//!
//! The pipeline, one module a step:
//! [`input`] decodes bytes and reduces HTML and Markdown to text;
//! [`sentence`] cuts the text into sentences with their offsets;
//! [`published`] works out when the article appeared;
//! [`country`], [`money`], [`growth`] and [`period`] find the pieces of a
//! figure; [`figures`] binds them into observations; [`events`] reads visits,
//! talks and calls, with dates from [`when`] and people from `person`.
//! [`prefilter`] spares both the sentences where their patterns cannot match;
//! `pattern` compiles every pattern with ASCII word boundaries and classes.
//!
//! # How to add a phrase
//!
//! Each kind of phrase has one home (paths under `extract/src/`):
//!
//! - Measure words ("turnover", "trade gap") and what is not trade or only a
//!   part of it: `figures/measure.rs` (`measure_re`, with `measure_of_word`
//!   naming the same group, as a property test checks; `KINDS` for goods).
//!   Words of goals, forecasts, changes and comparisons: `figures/clause.rs`.
//! - Period phrases: `period/mod.rs`, where `periods_in` is the one scanner.
//!   It reads fiscal phrases by the reporting country's calendar first
//!   (`period/fiscal.rs`, `CALENDARS`), then each calendar pattern in turn,
//!   keeping a mention only where no comparison and no earlier mention
//!   stands. A pattern runs only past its word gate (`PartYearWords`,
//!   `year_words_may_match`): give a new one its words there. Which phrase
//!   dates which figure is `figures/dating.rs` (its own, its clause's, its
//!   sentence's), then the period in force of `figures/discourse.rs`.
//! - Currency forms: `money.rs` (its pattern's `pre`/`post` groups and
//!   `currency_code`; signs several currencies share in `Hints`), and the
//!   currency's country in `context.rs` (`home_of`), for the reporter.
//! - Countries and blocs: `COUNTRIES` in `country.rs` (every written form);
//!   a bloc also needs its code and name in `model::BLOCS`. Dateline cities
//!   are `city_country` in `context.rs`; regions that are no party,
//!   `region_re` and its word gate in `figures/pair.rs`.
//! - Event triggers: `events/trigger.rs`.
//! - Numbers as written (spelled out, decimal commas): `normalize.rs`, which
//!   rewrites only before a unit of `is_unit_word` and never moves a byte.
//! - The prefilter: only sentences holding a clue word of `WORDS` in
//!   `prefilter.rs` reach the money, rate, measure and event patterns, so a
//!   word every match of a new phrase holds (currency, scale, measure word,
//!   a trigger's first word) goes there too, by first letter. Add the phrase
//!   to the tests that check it never hides a match (`money_is_never_skipped`
//!   and its siblings there, `the_prefilter_never_hides_a_measure_word`).
//!
//! Test a phrase with a named `rstest` case (`#[case::year_to_a_month(..)]`)
//! in its module's tests, in a sentence of your own, never one copied from an
//! article; whole articles go in `extract/tests/`. Then check that the
//! development set did not regress: with the release binary built (`.ci/demo`
//! or `.ci/run` builds it), run from the repository root
//! `python3 ../shared/realworld/score.py target/release/tradeline`
//! (`--misses FILE` lists each miss and what came out instead).

pub mod model;

#[cfg(feature = "extract")]
mod context;
#[cfg(feature = "extract")]
mod country;
#[cfg(feature = "extract")]
mod events;
#[cfg(feature = "extract")]
mod figures;
#[cfg(feature = "extract")]
mod foreign;
#[cfg(feature = "extract")]
mod growth;
#[cfg(feature = "extract")]
mod input;
#[cfg(feature = "extract")]
mod lang;
#[cfg(feature = "extract")]
mod money;
#[cfg(feature = "extract")]
mod normalize;
#[cfg(feature = "extract")]
mod pattern;
#[cfg(feature = "extract")]
mod period;
#[cfg(feature = "extract")]
mod person;
#[cfg(feature = "extract")]
mod prefilter;
#[cfg(feature = "extract")]
mod published;
#[cfg(feature = "extract")]
mod ru;
#[cfg(feature = "extract")]
mod scan;
#[cfg(feature = "extract")]
mod sentence;
#[cfg(feature = "extract")]
mod when;
#[cfg(feature = "extract")]
mod zh;

#[cfg(feature = "extract")]
mod pipeline;
#[cfg(all(test, feature = "extract"))]
mod testing;
#[cfg(feature = "extract")]
pub use input::{read as read_input, Format, Input, InputError};
#[cfg(feature = "extract")]
pub use pipeline::{extract, Extraction, Options, EXTRACTOR_VERSION};
