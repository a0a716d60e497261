//! The `tradeline` executable as a library, so its router and commands can be
//! tested in-process: [`cli`] parses the command line, [`routes`] builds the
//! HTTP service, [`assets`] serves the site embedded in the binary, and
//! [`report`] prints what `tradeline extract` found.

pub mod assets;
pub mod cli;
pub mod report;
pub mod routes;
