//! The `tradeline` executable as a library, so its router and commands can be
//! tested in-process: [`cli`] parses the command line, [`routes`] builds the
//! HTTP service and [`api`] its plain HTTP endpoints (both answering with
//! [`error::ApiError`] and reaching [`state::AppState`], modules of their own
//! so no handler module imports another), [`export`] draws charts
//! for download and for `tradeline export`, [`assets`] serves the
//! site embedded in the binary, [`page_cache`] keeps rendered pages until the
//! data changes, [`ingest`] reads and watches corpus folders, [`reference`] imports
//! official statistics, and [`report`] prints what `tradeline extract` found.

pub mod accept;
pub mod admission;
pub mod api;
pub mod assets;
pub mod cli;
pub mod error;
pub mod export;
pub mod ingest;
pub mod page_cache;
pub mod reference;
pub mod report;
pub mod routes;
pub mod shown;
pub mod state;
