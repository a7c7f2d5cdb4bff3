//! `POST /v1/reverse/batch`: CSV or GeoJSON points in, results streamed back in the same
//! format, in input order.

use std::convert::Infallible;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::services::reverse_batch::{self as batch, BatchError, BatchPoint};

use super::error::ApiError;
use super::extract::{ApiQuery, AsOf};
use super::reverse::crs_param;
use super::AppState;

/// Largest accepted request body: a million points of GeoJSON.
pub const MAX_BODY_BYTES: usize = 256 << 20;
/// Points answered per streamed chunk.
const CHUNK: usize = 8192;

/// Query of the batch endpoint.
#[derive(Debug, Deserialize)]
pub struct BatchQuery {
    crs: Option<String>,
    as_of: Option<String>,
}

impl From<BatchError> for ApiError {
    fn from(e: BatchError) -> Self {
        let zh = match &e {
            BatchError::NotText => "输入不是 UTF-8 文本".to_string(),
            BatchError::MissingColumns(_) => "CSV 表头须包含 lon 和 lat 列".to_string(),
            BatchError::BadRow { row, .. } => format!("第 {row} 行数据有误"),
            BatchError::BadGeoJson(_) => "输入须为点要素的 GeoJSON FeatureCollection".to_string(),
            BatchError::TooMany(_) => format!("每次最多 {} 个点，请分批提交", batch::MAX_POINTS),
            BatchError::Empty => "输入中没有点".to_string(),
        };
        ApiError::bad_request("invalid_batch", e.to_string(), zh)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Csv,
    GeoJson,
}

/// `POST /v1/reverse/batch` with `Content-Type: text/csv` (columns `id,lon,lat`) or
/// `application/geo+json` (a FeatureCollection of Points).
pub async fn batch(
    State(app): State<AppState>,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<BatchQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let crs = crs_param(q.crs.as_deref())?;
    let date = AsOf { as_of: q.as_of }.date()?;
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let kind = if ct.contains("csv") {
        Kind::Csv
    } else if ct.contains("json") {
        Kind::GeoJson
    } else {
        return Err(ApiError::bad_request(
            "invalid_content_type",
            format!("Content-Type {ct:?} is not supported; send text/csv or application/geo+json"),
            "Content-Type 应为 text/csv 或 application/geo+json",
        ));
    };
    // Parse and check everything first: a bad row fails the request before any answer.
    let points: Vec<BatchPoint> = tokio::task::spawn_blocking(move || match kind {
        Kind::Csv => batch::parse_csv(&body, crs),
        Kind::GeoJson => batch::parse_geojson(&body, crs),
    })
    .await
    .map_err(|e| ApiError::Internal(e.into()))??;
    let n = points.len();
    let snap = app.snapshot.load();
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(4);
    tokio::task::spawn_blocking(move || {
        let mut out = String::new();
        match kind {
            Kind::Csv => out.push_str(&batch::csv_header()),
            Kind::GeoJson => out.push_str("{\"type\":\"FeatureCollection\",\"features\":[\n"),
        }
        for (i, chunk) in points.chunks(CHUNK).enumerate() {
            match kind {
                Kind::Csv => batch::write_csv(&snap, chunk, date, &mut out),
                Kind::GeoJson => batch::write_geojson(&snap, chunk, date, i == 0, &mut out),
            }
            if tx
                .blocking_send(Bytes::from(std::mem::take(&mut out)))
                .is_err()
            {
                return; // the client went away
            }
        }
        if kind == Kind::GeoJson {
            let _ = tx.blocking_send(Bytes::from_static(b"]}\n"));
        }
    });
    let stream = futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, Infallible>(b), rx))
    });
    let ct = match kind {
        Kind::Csv => "text/csv; charset=utf-8",
        Kind::GeoJson => "application/geo+json",
    };
    Ok((
        [
            (header::CONTENT_TYPE, ct.to_string()),
            (header::HeaderName::from_static("x-points"), n.to_string()),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}
