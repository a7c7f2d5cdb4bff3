//! `/openapi.json`: the OpenAPI 3.1 description of the API.
//!
//! The document is kept as JSON beside this file; `tests/http_api.rs` checks that every
//! documented path is routed and every route is documented.

use axum::http::header;
use axum::response::IntoResponse;

/// The document, as served.
pub const DOCUMENT: &str = include_str!("openapi.json");

/// `GET /openapi.json`
pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], DOCUMENT)
}
