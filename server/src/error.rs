//! The error every HTTP handler answers with: a status and a message a
//! person can act on, as JSON. Its own module so the API, the exports and
//! the router share it without importing each other.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Serialize;

/// An API error: a status and a message a person can act on, as JSON.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// A failure of the server itself: the details go to the log, the
    /// client gets a stable message (a database error names tables, paths
    /// and queries).
    pub(crate) fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!("{e}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the server failed to answer; its log says why",
        )
    }

    /// A failure of the store: when the database cannot be reached (a
    /// shared database restarting, the network to it gone), 503 with a
    /// message to try again, since a write then stored nothing; otherwise an
    /// internal error.
    pub(crate) fn store(e: &app::store::StoreError) -> Self {
        if e.is_unreachable() {
            tracing::warn!("{e}");
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the database cannot be reached just now, so nothing was read or stored; try again in a moment",
            )
        } else {
            ApiError::internal(e)
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
        }
        let mut response = (
            self.status,
            Json(Body {
                error: self.message,
            }),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
