//! Reverse geocoding end to end: a real SQLite store imported from the bundled data for
//! 浙江 (with its synthetic townships and villages) and 福建 (real county history: 沙县),
//! the real router called with `oneshot`.
//!
//! Checks the engine against a brute-force polygon scan, the boundary rule, `as_of`,
//! GCJ-02 input, nearest names and markers, the batch endpoint and `/v1/changes`.

mod common;

use common::run;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::NaiveDate;
use diming::domain::{gcj02, Level};
use diming::engine::{Snapshot, SnapshotHandle};
use diming::http::{router, AppState};
use diming::ingest::bundle::Bundle;
use diming::progress::Silent;
use diming::services::synth::{self, Scope, SynthOptions};
use geo::{BoundingRect, InteriorPoint, Intersects, Point};
use serde_json::Value;
use tokio::sync::OnceCell;

struct Fixture {
    app: axum::Router,
    snapshot: Arc<SnapshotHandle>,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

static FIXTURE: OnceCell<Fixture> = OnceCell::const_new();

async fn fixture() -> &'static Fixture {
    FIXTURE
        .get_or_init(|| async {
            let bundle_dir = common::fixture_bundle(&["33", "35"]);
            let (store, db_dir) = common::sqlite().await;
            let bundle = Bundle::open(bundle_dir.path()).expect("bundle");
            diming::services::import::import(store.as_ref(), &bundle, &Silent)
                .await
                .expect("import");
            let opts = SynthOptions {
                seed: 3,
                nbs_dir: bundle_dir.path().join("nbs-2023"),
                scope: Scope::preset("province:33").expect("preset"),
                names: 20_000,
                signs: 1_000,
            };
            synth::run(store.as_ref(), &opts, &Silent)
                .await
                .expect("synth");
            let snap = diming::services::snapshot::load(store.as_ref(), 1, &Silent)
                .await
                .expect("snapshot");
            let snapshot = Arc::new(SnapshotHandle::new(snap));
            Fixture {
                app: router(AppState::new(snapshot.clone(), store)),
                snapshot,
                _dirs: (bundle_dir, db_dir),
            }
        })
        .await
}

async fn snap() -> Arc<Snapshot> {
    fixture().await.snapshot.load()
}

async fn send(req: Request<Body>) -> (StatusCode, String, String) {
    let (status, ct, body) = common::call(fixture().await.app.clone(), req).await;
    (status, ct, String::from_utf8_lossy(&body).into_owned())
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (s, _, body) = send(Request::get(uri).body(Body::empty()).expect("req")).await;
    (s, serde_json::from_str(&body).unwrap_or(Value::Null))
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn codes(h: &Value) -> Vec<String> {
    h["hierarchy"]
        .as_array()
        .expect("hierarchy")
        .iter()
        .map(|l| l["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Deterministic sample points.
struct Rng(diming::synth::rng::SplitMix64);
impl Rng {
    fn new(seed: u64) -> Self {
        Rng(diming::synth::rng::SplitMix64::new(seed))
    }
    fn next(&mut self) -> f64 {
        self.0.next_f64()
    }
}

#[test]
fn west_lake_has_five_levels_names_and_a_consistent_chain() {
    run(async {
        let (s, r) = get("/v1/reverse?lon=120.1551&lat=30.2741&names=5&markers=3").await;
        assert_eq!(s, StatusCode::OK, "{r}");
        let c = codes(&r);
        assert_eq!(c.len(), 5, "{r}");
        assert_eq!(&c[0], "33");
        assert_eq!(&c[1], "3301");
        for w in c.windows(2) {
            assert!(w[1].starts_with(&w[0]), "chain {c:?} does not nest");
        }
        assert_eq!(r["hierarchy"][4]["geometry_source"], "synthetic");
        assert_eq!(r["hierarchy"][0]["name"], "浙江省");
        let names = r["names"].as_array().expect("names");
        assert_eq!(names.len(), 5);
        let d: Vec<f64> = names
            .iter()
            .map(|n| n["distance_m"].as_f64().expect("d"))
            .collect();
        assert!(d.windows(2).all(|w| w[0] <= w[1]), "nearest first: {d:?}");
        assert!(d[4] < 10_000.0);
        let markers = r["markers"].as_array().expect("markers");
        assert_eq!(markers.len(), 3, "{r}");
        assert_eq!(markers[0]["number"].as_str().expect("number").len(), 8);
    });
}

#[test]
fn engine_agrees_with_a_brute_force_polygon_scan() {
    run(async {
        let s = snap().await;
        let date = today();
        let villages: Vec<_> = (0..s.len() as u32)
            .filter(|i| {
                let d = s.division(*i);
                d.level == Level::Village && d.geometry.is_some() && d.validity.contains(date)
            })
            .map(|i| {
                let g = s.division(i).geometry.as_ref().expect("geometry");
                (i, g, g.bounding_rect().expect("rect"))
            })
            .collect();
        assert!(villages.len() > 20_000, "浙江 has ~25,000 villages");
        let mut rng = Rng::new(42);
        let (mut inside, mut outside) = (0, 0);
        for _ in 0..3000 {
            let p = Point::new(118.0 + 5.0 * rng.next(), 27.0 + 4.5 * rng.next());
            let brute: Vec<u32> = villages
                .iter()
                .filter(|(_, _, r)| {
                    r.min().x <= p.x()
                        && p.x() <= r.max().x
                        && r.min().y <= p.y()
                        && p.y() <= r.max().y
                })
                .filter(|(_, g, _)| g.intersects(&p))
                .map(|(i, _, _)| *i)
                .collect();
            let h = s.hierarchy(p, date);
            let got = h[4].as_ref().map(|v| v.division);
            match brute.as_slice() {
                [] => {
                    assert_eq!(got, None, "{p:?}");
                    outside += 1;
                }
                [one] => {
                    assert_eq!(got, Some(*one), "{p:?}");
                    inside += 1;
                    // The chain is the village's own ancestors.
                    let chain: Vec<u32> = h.iter().flatten().map(|l| l.division).collect();
                    let mut expect = s.ancestors(*one);
                    expect.push(*one);
                    assert_eq!(chain, expect);
                }
                many => panic!("random point {p:?} in {} villages", many.len()),
            }
        }
        assert!(inside > 1000 && outside > 100, "{inside} in, {outside} out");
    });
}

#[test]
fn a_point_on_a_shared_boundary_goes_to_the_lower_code_and_names_the_neighbour() {
    run(async {
        let s = snap().await;
        let line = s
            .lines()
            .iter()
            .filter(|l| l.level == Level::Township && l.parties.len() == 2)
            .find(|l| l.geometry.0.first().is_some_and(|ls| ls.0.len() > 4))
            .expect("a township line");
        let ls = &line.geometry.0[0];
        let v = ls.0[ls.0.len() / 2];
        let uri = format!("/v1/reverse?lon={}&lat={}", v.x, v.y);
        let (status, r) = get(&uri).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(r["on_boundary"], true, "{r}");
        let town = &r["hierarchy"][3];
        assert_eq!(town["on_boundary"], true, "{r}");
        let mut parties: Vec<String> = line
            .parties
            .iter()
            .filter_map(|id| s.index_of(*id))
            .map(|i| s.division(i).code.to_string())
            .collect();
        parties.sort();
        assert_eq!(town["code"], parties[0], "lower code wins: {r}");
        assert_eq!(town["neighbours"][0]["code"], parties[1], "{r}");
        let village = &r["hierarchy"][4];
        assert_eq!(village["on_boundary"], true);
        assert!(village["code"]
            .as_str()
            .expect("code")
            .starts_with(&parties[0]));
    });
}

#[test]
fn as_of_answers_with_the_divisions_valid_then() {
    run(async {
        let s = snap().await;
        let shaxian = s
            .by_code(
                &diming::domain::DivisionCode::parse("350405").expect("code"),
                today(),
            )
            .expect("沙县区");
        let p = s
            .division(shaxian)
            .geometry
            .as_ref()
            .and_then(|g| g.interior_point())
            .expect("point");
        let uri = |date: &str| format!("/v1/reverse?lon={}&lat={}&as_of={date}", p.x(), p.y());
        let (_, now) = get(&uri("2024-01-01")).await;
        assert_eq!(codes(&now), ["35", "3504", "350405"], "{now}");
        assert_eq!(now["hierarchy"][2]["name"], "沙县区");
        let (_, then) = get(&uri("2020-01-01")).await;
        assert_eq!(codes(&then), ["35", "3504", "350427"], "{then}");
        assert_eq!(then["hierarchy"][2]["name"], "沙县");
        assert_eq!(then["as_of"], "2020-01-01");
    });
}

#[test]
fn gcj02_input_is_converted_first() {
    run(async {
        let (lon, lat) = (120.1551, 30.2741);
        let (glon, glat) = gcj02::wgs84_to_gcj02(lon, lat);
        let (_, plain) = get(&format!("/v1/reverse?lon={lon}&lat={lat}")).await;
        let (s, shifted) = get(&format!("/v1/reverse?lon={glon}&lat={glat}&crs=gcj02")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(codes(&plain), codes(&shifted));
        assert!((shifted["lon"].as_f64().expect("lon") - lon).abs() < 1e-7);
        assert_eq!(shifted["crs"], "gcj02");
    });
}

#[test]
fn outside_china_and_bad_input() {
    run(async {
        let (s, r) = get("/v1/reverse?lon=2.35&lat=48.85").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(r["hierarchy"], Value::Array(vec![]));
        assert!(r["reason"].as_str().expect("reason").contains("outside"));
        assert!(r["reason_zh"].is_string());
        for bad in [
            "/v1/reverse?lon=200&lat=30",
            "/v1/reverse?lon=120&lat=NaN",
            "/v1/reverse?lon=abc&lat=30",
            "/v1/reverse?lat=30",
            "/v1/reverse?lon=120&lat=30&crs=bd09",
            "/v1/reverse?lon=120&lat=30&names=1000",
            "/v1/reverse?lon=120&lat=30&as_of=2020-13-01",
        ] {
            let (s, r) = get(bad).await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}: {r}");
            assert!(r["error"]["message"].is_string() && r["error"]["message_zh"].is_string());
        }
    });
}

async fn post(ct: &str, body: String, query: &str) -> (StatusCode, String, String) {
    send(
        Request::post(format!("/v1/reverse/batch{query}"))
            .header(header::CONTENT_TYPE, ct)
            .body(Body::from(body))
            .expect("req"),
    )
    .await
}

#[test]
fn batch_csv_and_geojson_match_single_lookups() {
    run(async {
        let s = snap().await;
        let mut rng = Rng::new(7);
        let pts: Vec<(f64, f64)> = (0..20_000)
            .map(|_| (118.0 + 5.0 * rng.next(), 27.0 + 4.5 * rng.next()))
            .collect();
        let mut csv = String::from("id,lon,lat\n");
        for (i, (x, y)) in pts.iter().enumerate() {
            csv.push_str(&format!("p{i},{x},{y}\n"));
        }
        let (st, ct, out) = post("text/csv", csv, "").await;
        assert_eq!(st, StatusCode::OK, "{out}");
        assert!(ct.starts_with("text/csv"));
        let mut rows = csv::Reader::from_reader(out.as_bytes());
        let header = rows.headers().expect("header").clone();
        assert_eq!(&header[3], "province_code");
        assert_eq!(&header[11], "village_code");
        let mut n = 0;
        for (i, rec) in rows.records().enumerate() {
            let rec = rec.expect("row");
            assert_eq!(&rec[0], format!("p{i}"));
            let (x, y) = pts[i];
            let h = s.hierarchy(Point::new(x, y), today());
            let village = h[4]
                .as_ref()
                .map(|v| s.division(v.division).code.to_string());
            assert_eq!(Some(rec[11].to_string()).filter(|c| !c.is_empty()), village);
            n += 1;
        }
        assert_eq!(n, pts.len());

        let features: Vec<String> = pts[..50]
            .iter()
            .map(|(x, y)| format!(r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{x},{y}]}},"properties":{{}}}}"#))
            .collect();
        let doc = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        );
        let (st, ct, out) = post("application/geo+json", doc, "?as_of=2024-01-01").await;
        assert_eq!(st, StatusCode::OK, "{out}");
        assert_eq!(ct, "application/geo+json");
        let fc: Value = serde_json::from_str(&out).expect("valid GeoJSON");
        let fs = fc["features"].as_array().expect("features");
        assert_eq!(fs.len(), 50);
        assert_eq!(fs[0]["properties"]["id"], "1");
    });
}

#[test]
fn batch_rejects_bad_rows_before_answering() {
    run(async {
        let (st, _, out) = post("text/csv", "id,lon,lat\na,120,30\nb,120,north\n".into(), "").await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
        let e: Value = serde_json::from_str(&out).expect("json");
        assert!(
            e["error"]["message"]
                .as_str()
                .expect("msg")
                .contains("row 3"),
            "{e}"
        );
        let (st, _, _) = post("text/plain", "x".into(), "").await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
        let (st, _, _) = post("application/geo+json", "{\"features\": 3}".into(), "").await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
    });
}

#[test]
fn changes_lists_real_division_changes() {
    run(async {
        let (s, r) = get("/v1/changes?since=2021-01-01&within=35").await;
        assert_eq!(s, StatusCode::OK, "{r}");
        let items = r["items"].as_array().expect("items");
        let shaxian = items
            .iter()
            .find(|e| {
                e["successors"]
                    .as_array()
                    .is_some_and(|v| v.iter().any(|d| d["code"] == "350405"))
            })
            .expect("沙县 → 沙县区");
        assert_eq!(shaxian["kind"], "county_to_district");
        assert_eq!(shaxian["predecessors"][0]["code"], "350427");
        assert!(items
            .iter()
            .all(|e| e["effective_on"].as_str().expect("date") >= "2021-01-01"));
        let (s, _) = get("/v1/changes?kind=teleport").await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        let (s, _) = get("/v1/changes?since=2022-01-01&until=2021-01-01").await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        // 杭州 2021: 下城区 330103 merged into 拱墅区.
        let (_, hz) = get("/v1/changes?within=3301").await;
        let hz = hz["items"].as_array().expect("items");
        assert!(
            hz.iter().any(|e| e["predecessors"]
                .as_array()
                .is_some_and(|v| v.iter().any(|d| d["code"] == "330103"))),
            "{hz:?}"
        );
    });
}
