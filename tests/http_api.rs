//! Router tests: the real router over a real SQLite store imported from a cut of the
//! bundled data (Zhejiang and Beijing), called with `oneshot` (no socket).

mod common;

use common::run;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use diming::engine::SnapshotHandle;
use diming::http::{router, AppState};
use diming::ingest::bundle::Bundle;
use diming::progress::Silent;
use http_body_util::BodyExt;
use serde_json::Value;
use tokio::sync::OnceCell;
use tower::ServiceExt;

struct Fixture {
    app: axum::Router,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

static FIXTURE: OnceCell<Fixture> = OnceCell::const_new();

async fn app() -> axum::Router {
    FIXTURE
        .get_or_init(|| async {
            let bundle_dir = common::fixture_bundle(&["33", "11"]);
            let (store, db_dir) = common::sqlite().await;
            let bundle = Bundle::open(bundle_dir.path()).expect("bundle");
            diming::services::import::import(store.as_ref(), &bundle, &Silent)
                .await
                .expect("import");
            let snap = diming::services::snapshot::load(store.as_ref(), 1, &Silent)
                .await
                .expect("snapshot");
            let state = AppState::new(Arc::new(SnapshotHandle::new(snap)), store);
            Fixture {
                app: router(state),
                _dirs: (bundle_dir, db_dir),
            }
        })
        .await
        .app
        .clone()
}

async fn get(uri: &str, accept: Option<&str>) -> (StatusCode, String, Value) {
    let mut req = Request::get(uri);
    if let Some(a) = accept {
        req = req.header(header::ACCEPT, a);
    }
    let (status, ct, bytes) =
        common::call(app().await, req.body(Body::empty()).expect("request")).await;
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, ct, json)
}

#[test]
fn xihu_district_with_chain_codes_and_geometry() {
    run(async {
        let (s, ct, d) = get("/v1/divisions/330106", None).await;
        assert_eq!(s, StatusCode::OK);
        assert!(ct.starts_with("application/json"));
        assert_eq!(d["name"], "西湖区");
        assert_eq!(d["roman"], "Xihu Qu");
        assert_eq!(d["level"], 3);
        let chain: Vec<&str> = d["chain"]
            .as_array()
            .expect("chain")
            .iter()
            .map(|c| c["name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(chain, ["浙江省", "杭州市"]);
        assert_eq!(d["parent"]["code"], "3301");
        let systems: Vec<&str> = d["codes"]
            .as_array()
            .expect("codes")
            .iter()
            .map(|c| c["system"].as_str().unwrap_or(""))
            .collect();
        assert!(
            systems.contains(&"NBS_STAT") && systems.contains(&"GB2260"),
            "{systems:?}"
        );
        assert_eq!(d["geometry"]["type"], "MultiPolygon");
        assert!(d["children_count"].as_u64().expect("children") >= 10);
        let area = d["area_km2"].as_f64().expect("area");
        assert!(
            (250.0..350.0).contains(&area),
            "西湖区 is about 310 km², got {area}"
        );
        assert_eq!(d["source"], "real");
    });
}

#[test]
fn geojson_by_accept_header_and_by_format() {
    run(async {
        for (uri, accept) in [
            ("/v1/divisions/330106", Some("application/geo+json")),
            ("/v1/divisions/330106?format=geojson", None),
        ] {
            let (s, ct, f) = get(uri, accept).await;
            assert_eq!(s, StatusCode::OK);
            assert!(ct.starts_with("application/geo+json"), "{ct}");
            assert_eq!(f["type"], "Feature");
            assert_eq!(f["properties"]["name"], "西湖区");
            assert_eq!(f["geometry"]["type"], "MultiPolygon");
        }
        let (s, _, e) = get("/v1/divisions/330106?format=kml", None).await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert_eq!(e["error"]["code"], "invalid_format");
    });
}

#[test]
fn village_code_has_five_level_chain() {
    run(async {
        let (s, _, d) = get("/v1/divisions/110101001001", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(d["name"], "多福巷社区居委会");
        assert_eq!(d["level"], 5);
        let chain: Vec<&str> = d["chain"]
            .as_array()
            .expect("chain")
            .iter()
            .map(|c| c["code"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(chain, ["11", "1101", "110101", "110101001"]);
    });
}

#[test]
fn children_and_lists() {
    run(async {
        let (s, _, p) = get("/v1/divisions/330106/children", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(p["parent"]["name"], "西湖区");
        let items = p["items"].as_array().expect("items");
        assert_eq!(items.len() as u64, p["total"].as_u64().expect("total"));
        assert!(items
            .iter()
            .all(|i| i["level"] == 4 && i["code"].as_str().unwrap_or("").starts_with("330106")));

        let (s, _, p) = get("/v1/divisions?parent=33", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(p["total"], 11, "Zhejiang has 11 prefectures");
        assert!(p["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["name"] == "杭州市"));

        let (_, _, p) = get("/v1/divisions?parent=33&level=3&limit=5&offset=2", None).await;
        assert_eq!(p["limit"], 5);
        assert_eq!(p["items"].as_array().expect("items").len(), 5);
        assert!(
            p["total"].as_u64().expect("total") > 80,
            "Zhejiang has 90 county-level units"
        );

        let (_, _, p) = get("/v1/divisions", None).await;
        assert_eq!(p["total"], 2, "fixture holds Beijing and Zhejiang");

        let (s, ct, fc) = get("/v1/divisions?parent=33&format=geojson", None).await;
        assert_eq!(s, StatusCode::OK);
        assert!(ct.starts_with("application/geo+json"));
        assert_eq!(fc["type"], "FeatureCollection");
        assert_eq!(fc["features"].as_array().expect("features").len(), 11);
    });
}

#[test]
fn bad_input_gets_clear_json_errors() {
    run(async {
        let cases = [
            (
                "/v1/divisions/12ab",
                StatusCode::BAD_REQUEST,
                "invalid_code",
            ),
            (
                "/v1/divisions/12345",
                StatusCode::BAD_REQUEST,
                "invalid_code",
            ),
            (
                "/v1/divisions/999999",
                StatusCode::NOT_FOUND,
                "division_not_found",
            ),
            (
                "/v1/divisions/330106?as_of=yesterday",
                StatusCode::BAD_REQUEST,
                "invalid_date",
            ),
            (
                "/v1/divisions?parent=33&level=9",
                StatusCode::BAD_REQUEST,
                "invalid_level",
            ),
            (
                "/v1/divisions?parent=3301&level=1",
                StatusCode::BAD_REQUEST,
                "invalid_level",
            ),
            (
                "/v1/divisions?limit=-1",
                StatusCode::BAD_REQUEST,
                "invalid_query",
            ),
            ("/v1/nothing", StatusCode::NOT_FOUND, "route_not_found"),
        ];
        for (uri, status, code) in cases {
            let (s, ct, e) = get(uri, None).await;
            assert_eq!(s, status, "{uri}");
            assert!(ct.starts_with("application/json"), "{uri}: {ct}");
            assert_eq!(e["error"]["code"], code, "{uri}: {e}");
            assert!(!e["error"]["message"].as_str().unwrap_or("").is_empty());
            assert!(!e["error"]["message_zh"].as_str().unwrap_or("").is_empty());
        }
    });
}

#[test]
fn health_and_metrics() {
    run(async {
        let (s, _, h) = get("/healthz", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(h["status"], "ok");
        assert_eq!(h["store"]["backend"], "sqlite");
        get("/v1/divisions/33", None).await;
        let res = app()
            .await
            .oneshot(Request::get("/metrics").body(Body::empty()).expect("req"))
            .await
            .expect("res");
        let text = String::from_utf8(
            res.into_body()
                .collect()
                .await
                .expect("body")
                .to_bytes()
                .to_vec(),
        )
        .expect("utf8");
        assert!(text.contains("diming_http_requests_total{method=\"GET\",route=\"/v1/divisions/{code}\",status=\"200\"}"), "{text}");
        assert!(text.contains("diming_snapshot_divisions_level5"));
    });
}

/// Every documented path answers (not the fallback 404), and every routed path is documented.
#[test]
fn openapi_matches_routes() {
    run(async {
        let (s, _, doc) = get("/openapi.json", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(doc["openapi"], "3.1.0");
        let paths: Vec<String> = doc["paths"]
            .as_object()
            .expect("paths")
            .keys()
            .cloned()
            .collect();
        for p in &paths {
            let uri = p.replace("{code}", "33");
            let (_, _, body) = get(&uri, None).await;
            assert_ne!(
                body["error"]["code"], "route_not_found",
                "{p} is documented but not routed"
            );
        }
        // The routes as written in the router, read from its source so a new route cannot
        // slip past this test.
        let source = include_str!("../src/http/mod.rs");
        let routed: Vec<&str> = source
            .split(".route(\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(routed.len() >= 6, "{routed:?}");
        for r in routed {
            assert!(
                paths.iter().any(|p| p == r),
                "{r} is routed but not documented"
            );
        }
    });
}

/// The `code` of every item of a page.
fn item_codes(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Real history: 沙县 350427 became 沙县区 350405 (GB/T 2260 2021 → NBS 2023).
#[test]
fn as_of_follows_real_code_changes() {
    run(async {
        // Fixture has Zhejiang only for changes: 下城区 330103 merged into 拱墅区 330105.
        let (s, _, d) = get("/v1/divisions/330103?as_of=2020-01-01", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(d["name"], "下城区");
        assert!(d.get("retired").is_none());
        assert_eq!(d["history"][0]["kind"], "merge");
        assert_eq!(d["history"][0]["successors"][0]["code"], "330105");

        let (s, _, d) = get("/v1/divisions/330103", None).await;
        assert_eq!(
            s,
            StatusCode::OK,
            "a retired code resolves to its last version"
        );
        assert_eq!(d["retired"]["successors"][0]["name"], "拱墅区");

        let (s, _, e) = get("/v1/divisions/330113?as_of=2020-01-01", None).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "临平区 did not exist in 2020");
        assert_eq!(e["error"]["code"], "division_not_yet_valid");
        assert!(
            e["error"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("330110"),
            "{e}"
        );

        let (_, _, p) = get("/v1/divisions/3301/children?as_of=2020-01-01", None).await;
        let codes = item_codes(&p);
        assert!(
            codes.iter().any(|c| c == "330103") && !codes.iter().any(|c| c == "330113"),
            "{codes:?}"
        );
        let (_, _, p) = get("/v1/divisions/3301/children", None).await;
        let codes = item_codes(&p);
        assert!(
            !codes.iter().any(|c| c == "330103") && codes.iter().any(|c| c == "330113"),
            "{codes:?}"
        );
    });
}
