//! Prometheus metrics: request counts and latency per route and status, snapshot size.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// Upper bounds of the latency histogram, seconds.
const BUCKETS: [f64; 12] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5,
];

#[derive(Default, Clone)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Counters and histograms kept by the server.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    /// Records one request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut m = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        let s = m
            .entry((method.to_string(), route.to_string(), status))
            .or_default();
        s.count += 1;
        s.sum += seconds;
        for (i, b) in BUCKETS.iter().enumerate() {
            if seconds <= *b {
                s.buckets[i] += 1;
            }
        }
    }

    /// Renders the text exposition format.
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::new();
        let m = self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        out.push_str("# HELP diming_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE diming_http_requests_total counter\n");
        for ((method, route, status), s) in &m {
            let _ = writeln!(
                out,
                "diming_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}",
                s.count
            );
        }
        out.push_str("# HELP diming_http_request_duration_seconds HTTP request latency.\n");
        out.push_str("# TYPE diming_http_request_duration_seconds histogram\n");
        for ((method, route, status), s) in &m {
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
            for (b, n) in BUCKETS.iter().zip(s.buckets) {
                let _ = writeln!(
                    out,
                    "diming_http_request_duration_seconds_bucket{{{labels},le=\"{b}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "diming_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "diming_http_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "diming_http_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
        for (name, help, v) in gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
        }
        out
    }
}

/// Middleware that records every request under its route template (not its raw path,
/// which would explode the label set).
pub async fn track(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().as_str().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_string();
    let res = next.run(req).await;
    app.metrics.observe(
        &method,
        &route,
        res.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    res
}

/// `GET /metrics`
pub async fn metrics(State(app): State<AppState>) -> impl IntoResponse {
    let snap = app.snapshot.load();
    let per_level = snap.divisions_per_level();
    let level_names = [
        "diming_snapshot_divisions_level1",
        "diming_snapshot_divisions_level2",
        "diming_snapshot_divisions_level3",
        "diming_snapshot_divisions_level4",
        "diming_snapshot_divisions_level5",
    ];
    let mut gauges = vec![
        (
            "diming_snapshot_version",
            "Version of the engine snapshot.",
            snap.version() as f64,
        ),
        (
            "diming_snapshot_place_names",
            "Place names in the snapshot.",
            snap.place_names().len() as f64,
        ),
        (
            "diming_uptime_seconds",
            "Seconds since start.",
            app.started.elapsed().as_secs_f64(),
        ),
    ];
    for (name, n) in level_names.iter().zip(per_level) {
        gauges.push((name, "Divisions of this level in the snapshot.", n as f64));
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        app.metrics.render(&gauges),
    )
}
