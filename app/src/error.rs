//! What a server function answers when it fails: a type of its own, so the
//! page can tell a failure of the server from one of the network, and the
//! browser is never sent the store's own words (a database error names
//! tables, paths and queries; the server's log has them).

use std::fmt;

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// The server was started without its library: a bug in start-up.
    NoLibrary,
    /// The store could not answer; the server's log says why.
    Store,
    /// The request or its answer could not be carried (the network, an
    /// encoding), in the words of the server-function layer.
    Transport(String),
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::NoLibrary => f.write_str("the server was started without its library"),
            AppError::Store => f.write_str("the server could not read its store; its log says why"),
            AppError::Transport(why) => write!(f, "the request failed: {why}"),
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_to_the_browser_as_themselves() {
        for e in [
            AppError::NoLibrary,
            AppError::Store,
            AppError::Transport("timed out".to_owned()),
        ] {
            assert_eq!(AppError::de(e.ser()), e);
        }
    }

    #[test]
    fn a_store_failure_tells_the_browser_nothing_of_the_store() {
        assert_eq!(
            AppError::Store.to_string(),
            "the server could not read its store; its log says why"
        );
    }
}
