//! `/v1/divisions…`: browse divisions by code, children and parent.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::domain::Level;
use crate::services::divisions::{self, DivisionSummary, Page, Paging};

use super::error::ApiError;
use super::extract::{ApiQuery, AsOf};
use super::format::{negotiate, Format};
use super::geojson::{feature, feature_collection, with_geometry};
use super::AppState;

/// Query of the single-division endpoint.
#[derive(Debug, Deserialize)]
pub struct OneQuery {
    #[serde(flatten)]
    as_of: AsOf,
    format: Option<String>,
}

/// Query of the list endpoints.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(flatten)]
    as_of: AsOf,
    format: Option<String>,
    parent: Option<String>,
    level: Option<u8>,
    offset: Option<usize>,
    limit: Option<usize>,
}

fn render(format: Format, body: Value) -> Response {
    let ct = match format {
        Format::Json => "application/json",
        Format::GeoJson => "application/geo+json",
    };
    ([(header::CONTENT_TYPE, ct)], Json(body)).into_response()
}

fn render_page(
    format: Format,
    page: Page<DivisionSummary>,
    extra: Map<String, Value>,
) -> Result<Response, ApiError> {
    let mut meta = extra;
    meta.insert("total".into(), json!(page.total));
    meta.insert("offset".into(), json!(page.offset));
    meta.insert("limit".into(), json!(page.limit));
    let body = match format {
        Format::GeoJson => {
            let features = page
                .items
                .iter()
                .map(|s| feature(s, s.geometry.as_ref()))
                .collect::<Result<Vec<_>, _>>()?;
            feature_collection(features, meta)
        }
        Format::Json => {
            meta.insert(
                "items".into(),
                serde_json::to_value(&page.items).map_err(|e| ApiError::Internal(e.into()))?,
            );
            Value::Object(meta)
        }
    };
    Ok(render(format, body))
}

/// `GET /v1/divisions/{code}`
pub async fn get_one(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<OneQuery>,
) -> Result<Response, ApiError> {
    let format = negotiate(q.format.as_deref(), &headers)?;
    let view = divisions::get(&app.snapshot.load(), &code, q.as_of.date()?)?;
    let body = match format {
        Format::Json => with_geometry(&view, view.geometry.as_ref())?,
        Format::GeoJson => feature(&view, view.geometry.as_ref())?,
    };
    Ok(render(format, body))
}

/// `GET /v1/divisions/{code}/children`
pub async fn children(
    State(app): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Response, ApiError> {
    let format = negotiate(q.format.as_deref(), &headers)?;
    let paging = Paging::new(q.offset, q.limit);
    let (parent, page) = divisions::children(&app.snapshot.load(), &code, q.as_of.date()?, paging)?;
    let mut extra = Map::new();
    extra.insert(
        "parent".into(),
        serde_json::to_value(parent).map_err(|e| ApiError::Internal(e.into()))?,
    );
    render_page(format, page, extra)
}

/// `GET /v1/divisions?parent=33&level=3`
pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Response, ApiError> {
    let format = negotiate(q.format.as_deref(), &headers)?;
    let level = q
        .level
        .map(|l| {
            Level::try_from(l).map_err(|e| {
                ApiError::bad_request(
                    "invalid_level",
                    e.to_string(),
                    "级别应为 1（省级）到 5（村级）",
                )
            })
        })
        .transpose()?;
    let page = divisions::list(
        &app.snapshot.load(),
        q.parent.as_deref(),
        level,
        q.as_of.date()?,
        Paging::new(q.offset, q.limit),
    )?;
    render_page(format, page, Map::new())
}
