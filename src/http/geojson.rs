//! Rendering resources with geometries as JSON or GeoJSON.

use geo::MultiPolygon;
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::error::ApiError;

fn geometry_value(g: Option<&MultiPolygon<f64>>) -> Value {
    g.map_or(Value::Null, |g| {
        serde_json::to_value(geojson::Geometry::new(geojson::Value::from(g))).unwrap_or(Value::Null)
    })
}

fn properties<T: Serialize>(item: &T) -> Result<Map<String, Value>, ApiError> {
    match serde_json::to_value(item).map_err(|e| ApiError::Internal(e.into()))? {
        Value::Object(m) => Ok(m),
        _ => Err(ApiError::Internal(anyhow::anyhow!(
            "resource is not an object"
        ))),
    }
}

/// The resource as a JSON object with a `geometry` member (GeoJSON geometry or null).
pub fn with_geometry<T: Serialize>(
    item: &T,
    g: Option<&MultiPolygon<f64>>,
) -> Result<Value, ApiError> {
    let mut m = properties(item)?;
    m.insert("geometry".into(), geometry_value(g));
    Ok(Value::Object(m))
}

/// The resource as a GeoJSON Feature whose `id` is the resource's `id`.
pub fn feature<T: Serialize>(item: &T, g: Option<&MultiPolygon<f64>>) -> Result<Value, ApiError> {
    let props = properties(item)?;
    let id = props.get("id").cloned().unwrap_or(Value::Null);
    Ok(json!({ "type": "Feature", "id": id, "geometry": geometry_value(g), "properties": props }))
}

/// A GeoJSON FeatureCollection; `extra` members go next to `features` (paging).
pub fn feature_collection(features: Vec<Value>, extra: Map<String, Value>) -> Value {
    let mut m = extra;
    m.insert("type".into(), json!("FeatureCollection"));
    m.insert("features".into(), Value::Array(features));
    Value::Object(m)
}
