//! Shared test helpers: stores on real SQLite files and a real PostGIS, fixture bundles
//! cut from the real bundled data.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use diming::store::postgres::PostgisStore;
use diming::store::sqlite::SqliteStore;
use diming::store::Store;
use sqlx::Executor;

/// The bundled dataset of the repository.
pub fn bundle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A fresh SQLite store in a temporary directory (kept alive by the returned guard).
pub async fn sqlite() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("test.sqlite").display());
    let store = SqliteStore::open(&url).await.expect("open sqlite store");
    (Arc::new(store), dir)
}

/// The PostGIS URL for tests. Set → tests must run (and fail if it is unreachable);
/// unset in CI → fail; unset elsewhere → `None` (the caller skips, saying so).
pub fn postgis_url() -> Option<String> {
    match std::env::var("DIMING_TEST_DATABASE_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ if std::env::var("CI").is_ok() => {
            panic!("CI is set but DIMING_TEST_DATABASE_URL is not: PostGIS tests must run in CI (use scripts/test.sh)")
        }
        _ => {
            eprintln!("DIMING_TEST_DATABASE_URL is not set: skipping PostGIS test (scripts/test.sh sets it)");
            None
        }
    }
}

/// A PostGIS store in a fresh schema of the test database; dropped before use so runs
/// do not see each other's data.
pub async fn postgis(tag: &str) -> Option<Arc<dyn Store>> {
    let url = postgis_url()?;
    let schema = format!("t_{tag}_{}", std::process::id());
    let admin = sqlx::PgPool::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("DIMING_TEST_DATABASE_URL is set but unreachable: {e}"));
    admin
        .execute(format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}").as_str())
        .await
        .expect("create test schema");
    admin.close().await;
    let sep = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{sep}options=-c%20search_path%3D{schema},public");
    Some(Arc::new(
        PostgisStore::open(&scoped)
            .await
            .unwrap_or_else(|e| panic!("open PostGIS store: {e}")),
    ))
}

fn read_gz(path: &Path) -> String {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut s = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut s)
        .expect("gunzip");
    s
}

fn write_gz(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let f = std::fs::File::create(path).expect("create");
    let mut w = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
    w.write_all(text.as_bytes()).expect("write");
    w.finish().expect("finish");
}

/// A bundle holding only the provinces whose 2-digit codes are given, cut from the real
/// bundled data (codes, polygons, GB/T 2260 rows and GeoNames places inside their boxes).
pub fn fixture_bundle(provinces: &[&str]) -> tempfile::TempDir {
    let src = bundle_dir();
    let dir = tempfile::tempdir().expect("tempdir");
    let keep = |code: &str| provinces.iter().any(|p| code.starts_with(p));
    for f in ["provinces", "cities", "areas", "streets", "villages"] {
        let text = read_gz(&src.join(format!("nbs-2023/{f}.csv.gz")));
        let mut lines = text.lines();
        let mut out = String::from(lines.next().expect("header"));
        out.push('\n');
        for l in lines.filter(|l| keep(l)) {
            out.push_str(l);
            out.push('\n');
        }
        write_gz(&dir.path().join(format!("nbs-2023/{f}.csv.gz")), &out);
    }
    for f in ["province", "city", "district"] {
        let mut fc: serde_json::Value =
            serde_json::from_str(&read_gz(&src.join(format!("boundaries/{f}.geojson.gz"))))
                .expect("geojson");
        let feats = fc["features"].as_array().expect("features").clone();
        fc["features"] = feats
            .into_iter()
            .filter(|x| {
                x["properties"]["gb"]
                    .as_str()
                    .and_then(|g| g.strip_prefix("156"))
                    .is_some_and(keep)
            })
            .collect();
        write_gz(
            &dir.path().join(format!("boundaries/{f}.geojson.gz")),
            &fc.to_string(),
        );
    }
    let gb = read_gz(&src.join("gbt2260-2021-counties.csv.gz"));
    let mut lines = gb.lines();
    let mut out = format!("{}\n", lines.next().expect("header"));
    for l in lines.filter(|l| keep(l)) {
        out.push_str(l);
        out.push('\n');
    }
    write_gz(&dir.path().join("gbt2260-2021-counties.csv.gz"), &out);
    let changes =
        std::fs::read_to_string(src.join("changes/gbt2260-2021_to_nbs-2023.csv")).expect("changes");
    let mut lines = changes.lines();
    let mut out = format!("{}\n", lines.next().expect("header"));
    for l in lines.filter(|l| {
        let pred = l.split(',').nth(3).unwrap_or("");
        keep(pred)
    }) {
        out.push_str(l);
        out.push('\n');
    }
    write_gz(
        &dir.path().join("changes/gbt2260-2021_to_nbs-2023.csv.gz"),
        &out,
    );
    // GeoNames: keep places inside the provinces' rough boxes (Zhejiang, Beijing).
    let gn = read_gz(&src.join("geonames-cn-places.csv.gz"));
    let mut rdr = csv::Reader::from_reader(gn.as_bytes());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(rdr.headers().expect("headers"))
        .expect("header");
    for r in rdr.records() {
        let r = r.expect("record");
        let (lat, lon): (f64, f64) = (r[4].parse().expect("lat"), r[5].parse().expect("lon"));
        if (118.0..123.0).contains(&lon) && (27.0..31.3).contains(&lat) {
            w.write_record(&r).expect("row");
        }
    }
    let text = String::from_utf8(w.into_inner().expect("csv")).expect("utf8");
    write_gz(&dir.path().join("geonames-cn-places.csv.gz"), &text);
    dir
}

/// One runtime for a whole test file: a fixture's store pool lives on it, so tests must
/// not each bring their own (a pool outliving its runtime breaks).
pub static RUNTIME: std::sync::LazyLock<tokio::runtime::Runtime> = std::sync::LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
});

/// Runs a test body on [`RUNTIME`].
pub fn run<F: std::future::Future<Output = ()>>(f: F) {
    RUNTIME.block_on(f)
}

/// Sends one request to a router (no socket): status, content type and body.
pub async fn call(
    app: axum::Router,
    req: axum::http::Request<axum::body::Body>,
) -> (axum::http::StatusCode, String, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let res = app.oneshot(req).await.expect("response");
    let status = res.status();
    let ct = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (status, ct, bytes.to_vec())
}
