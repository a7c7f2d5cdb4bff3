//! Extractors that answer bad requests with JSON errors instead of axum's plain text,
//! and the query parameters shared by many endpoints.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::error::ApiError;

/// `Query<T>` whose rejection is a JSON 400 naming the bad parameter.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| ApiError::bad_request("invalid_query", e.body_text(), "查询参数不正确"))
    }
}

/// `as_of=YYYY-MM-DD`; today when absent.
#[derive(Debug, Default, Deserialize)]
pub struct AsOf {
    pub as_of: Option<String>,
}

impl AsOf {
    /// The date asked for, or today.
    pub fn date(&self) -> Result<NaiveDate, ApiError> {
        Ok(date_param("as_of", self.as_of.as_deref())?
            .unwrap_or_else(|| chrono::Local::now().date_naive()))
    }
}

/// A `YYYY-MM-DD` query parameter; `None` when absent or empty.
pub fn date_param(name: &str, value: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    match value {
        None | Some("") => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::bad_request(
                    "invalid_date",
                    format!("{name} {s:?} is not a date; use YYYY-MM-DD, e.g. 2020-01-01"),
                    format!("{name} 日期格式应为 YYYY-MM-DD"),
                )
            }),
    }
}
