//! `/healthz`: liveness and readiness in one answer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

use super::AppState;

/// `GET /healthz`: 200 when the snapshot is loaded and the store answers, else 503.
pub async fn healthz(State(app): State<AppState>) -> (StatusCode, Json<Value>) {
    let snap = app.snapshot.load();
    let store_ok = app.store.ping().await.is_ok();
    let ready = store_ok && !snap.is_empty();
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(json!({
            "status": if ready { "ok" } else { "unavailable" },
            "store": { "backend": app.store.backend().as_str(), "reachable": store_ok },
            "snapshot": { "version": snap.version(), "divisions": snap.len(), "place_names": snap.place_names().len() },
            "uptime_seconds": app.started.elapsed().as_secs(),
            "version": env!("CARGO_PKG_VERSION"),
        })),
    )
}
