//! The HTTP API (axum). Handlers parse, call a service, render; nothing else.
//!
//! | route | what |
//! |---|---|
//! | `GET /healthz` | liveness and readiness |
//! | `GET /metrics` | Prometheus metrics |
//! | `GET /openapi.json` | OpenAPI 3.1 document |
//! | `GET /v1/divisions?parent=&level=` | divisions under a parent (provinces by default) |
//! | `GET /v1/divisions/{code}` | one division: codes, chain, children count, geometry |
//! | `GET /v1/divisions/{code}/children` | its children |
//! | `GET /v1/changes?since=&until=&kind=&within=` | division-change events |
//! | `GET /v1/reverse?lon=&lat=&names=&markers=&as_of=&crs=` | point → five-level hierarchy |
//! | `POST /v1/reverse/batch` | CSV or GeoJSON points → streamed results |

mod changes;
mod divisions;
pub mod error;
mod extract;
mod format;
mod geojson;
mod health;
mod metrics;
mod openapi;
mod reverse;
mod reverse_batch;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{StatusCode, Uri};
use axum::routing::{get, post};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};

use crate::engine::SnapshotHandle;
use crate::store::Store;

pub use metrics::Metrics;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub snapshot: Arc<SnapshotHandle>,
    pub store: Arc<dyn Store>,
    pub metrics: Arc<Metrics>,
    pub started: Instant,
}

impl AppState {
    /// State around a snapshot handle and a store.
    pub fn new(snapshot: Arc<SnapshotHandle>, store: Arc<dyn Store>) -> Self {
        AppState {
            snapshot,
            store,
            metrics: Arc::new(Metrics::default()),
            started: Instant::now(),
        }
    }
}

async fn not_found(uri: Uri) -> error::ApiError {
    error::ApiError::NotFound {
        code: "route_not_found",
        message: format!("no endpoint at {}; see /openapi.json", uri.path()),
        message_zh: "没有这个接口，请参阅 /openapi.json".into(),
    }
}

/// The application router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(metrics::metrics))
        .route("/openapi.json", get(openapi::openapi))
        .route("/v1/divisions", get(divisions::list))
        .route("/v1/divisions/{code}", get(divisions::get_one))
        .route("/v1/divisions/{code}/children", get(divisions::children))
        .route("/v1/changes", get(changes::list))
        .route("/v1/reverse", get(reverse::reverse))
        .route(
            "/v1/reverse/batch",
            post(reverse_batch::batch).layer(axum::extract::DefaultBodyLimit::max(
                reverse_batch::MAX_BODY_BYTES,
            )),
        )
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .with_state(state)
}
