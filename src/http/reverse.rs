//! `/v1/reverse`: a point → its five-level division hierarchy, nearby names and markers.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;

use crate::services::reverse::{self, check_point, Crs, ReverseAnswer, ReverseOptions};

use super::error::ApiError;
use super::extract::{ApiQuery, AsOf};
use super::AppState;

/// Query of `/v1/reverse`.
#[derive(Debug, Deserialize)]
pub struct ReverseQuery {
    lon: Option<f64>,
    lat: Option<f64>,
    crs: Option<String>,
    as_of: Option<String>,
    names: Option<usize>,
    markers: Option<usize>,
}

/// The `crs` parameter, or CGCS2000.
pub(super) fn crs_param(crs: Option<&str>) -> Result<Crs, ApiError> {
    let crs = crs.unwrap_or("");
    Crs::parse(crs).ok_or_else(|| {
        ApiError::bad_request(
            "invalid_crs",
            format!("crs {crs:?} is not supported; use cgcs2000 (default, = wgs84) or gcj02"),
            "坐标系 crs 应为 cgcs2000（默认，等同 wgs84）或 gcj02",
        )
    })
}

/// Checks a point given in `crs` and converts it to CGCS2000.
pub(super) fn point_param(lon: f64, lat: f64, crs: Crs) -> Result<geo::Point<f64>, ApiError> {
    check_point(lon, lat).map_err(|e| {
        ApiError::bad_request(
            "invalid_coordinate",
            format!("{e}; give lon and lat in decimal degrees, e.g. lon=120.1551&lat=30.2741"),
            "经纬度不正确：经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间",
        )
    })?;
    let (lon, lat) = crs.to_cgcs2000(lon, lat);
    Ok(geo::Point::new(lon, lat))
}

fn count_param(name: &str, v: Option<usize>, default: usize) -> Result<usize, ApiError> {
    let v = v.unwrap_or(default);
    if v > reverse::MAX_NEARBY {
        return Err(ApiError::bad_request(
            "invalid_count",
            format!("{name}={v} is too many; at most {}", reverse::MAX_NEARBY),
            format!("{name} 最多为 {}", reverse::MAX_NEARBY),
        ));
    }
    Ok(v)
}

/// `GET /v1/reverse?lon=120.1551&lat=30.2741&names=5&markers=3&as_of=2020-01-01&crs=gcj02`
pub async fn reverse(
    State(app): State<AppState>,
    ApiQuery(q): ApiQuery<ReverseQuery>,
) -> Result<Json<ReverseAnswer>, ApiError> {
    let (Some(lon), Some(lat)) = (q.lon, q.lat) else {
        return Err(ApiError::bad_request(
            "missing_coordinate",
            "lon and lat are required, e.g. /v1/reverse?lon=120.1551&lat=30.2741",
            "缺少经纬度参数 lon 和 lat",
        ));
    };
    let crs = crs_param(q.crs.as_deref())?;
    let point = point_param(lon, lat, crs)?;
    let opts = ReverseOptions {
        date: AsOf { as_of: q.as_of }.date()?,
        names: count_param("names", q.names, 5)?,
        markers: count_param("markers", q.markers, 0)?,
    };
    Ok(Json(reverse::reverse(
        &app.snapshot.load(),
        point,
        crs,
        opts,
    )))
}
