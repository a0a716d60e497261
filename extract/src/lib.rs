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

pub mod model;

#[cfg(feature = "extract")]
pub mod context;
#[cfg(feature = "extract")]
pub mod country;
#[cfg(feature = "extract")]
pub mod events;
#[cfg(feature = "extract")]
pub mod figures;
#[cfg(feature = "extract")]
pub mod growth;
#[cfg(feature = "extract")]
pub mod input;
#[cfg(feature = "extract")]
pub mod money;
#[cfg(feature = "extract")]
pub mod normalize;
#[cfg(feature = "extract")]
mod pattern;
#[cfg(feature = "extract")]
pub mod period;
#[cfg(feature = "extract")]
mod person;
#[cfg(feature = "extract")]
pub mod prefilter;
#[cfg(feature = "extract")]
pub mod published;
#[cfg(feature = "extract")]
mod scan;
#[cfg(feature = "extract")]
pub mod sentence;
#[cfg(feature = "extract")]
pub mod when;

#[cfg(feature = "extract")]
mod pipeline;
#[cfg(feature = "extract")]
pub use input::{Format, InputError};
#[cfg(feature = "extract")]
pub use pipeline::{extract, Extraction, Options, EXTRACTOR_VERSION};
