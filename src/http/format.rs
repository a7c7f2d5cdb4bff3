//! Content negotiation between JSON and GeoJSON.

use axum::http::{header, HeaderMap};

use super::error::ApiError;

/// How a resource with a geometry is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `application/json`: the resource with a `geometry` member.
    Json,
    /// `application/geo+json`: a GeoJSON Feature (or FeatureCollection for lists).
    GeoJson,
}

/// Chooses the format: `?format=json|geojson` wins, else the `Accept` header.
pub fn negotiate(format: Option<&str>, headers: &HeaderMap) -> Result<Format, ApiError> {
    match format {
        Some("json") => Ok(Format::Json),
        Some("geojson") => Ok(Format::GeoJson),
        Some(other) => Err(ApiError::bad_request(
            "invalid_format",
            format!("format {other:?} is not supported; use json or geojson"),
            "format 参数应为 json 或 geojson",
        )),
        None => {
            let accept = headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            Ok(if accept.contains("application/geo+json") {
                Format::GeoJson
            } else {
                Format::Json
            })
        }
    }
}
