//! The synthetic dataset on both stores, cut from the real data (北京 + 天津): counts,
//! tiling checked by PostGIS itself, marker numbers and positions, signs, determinism.

mod common;

use std::collections::HashSet;
use std::sync::Arc;

use diming::domain::{Level, MarkerNumber, SignCode, Source};
use diming::ingest::bundle::Bundle;
use diming::progress::Silent;
use diming::services::synth::{self, Scope, SynthOptions, SynthReport};
use diming::store::Store;
use geo::{Distance, Euclidean};

fn options(bundle: &std::path::Path) -> SynthOptions {
    SynthOptions {
        seed: 7,
        nbs_dir: bundle.join("nbs-2023"),
        scope: Scope::preset("province:11,12").expect("preset"),
        names: 20_000,
        signs: 2_000,
    }
}

async fn build(store: &Arc<dyn Store>, bundle: &tempfile::TempDir) -> SynthReport {
    let b = Bundle::open(bundle.path()).expect("bundle");
    diming::services::import::import(store.as_ref(), &b, &Silent)
        .await
        .expect("import");
    let (report, _) = synth::run(store.as_ref(), &options(bundle.path()), &Silent)
        .await
        .expect("synth");
    report
}

async fn check_contents(store: &Arc<dyn Store>, report: &SynthReport) {
    assert_eq!(report.tiling_failures, Vec::<(String, String)>::new());
    let divisions = store.load_divisions(&Silent).await.expect("divisions");
    let villages: Vec<_> = divisions
        .iter()
        .filter(|d| d.level == Level::Village)
        .collect();
    let with_polygon = villages.iter().filter(|d| d.geometry.is_some()).count();
    assert_eq!(with_polygon, report.villages_with_polygon);
    assert!(
        with_polygon > 10_000,
        "北京 and 天津 have ~10,000 villages, got {with_polygon}"
    );
    assert!(villages
        .iter()
        .filter(|d| d.geometry.is_some())
        .all(|d| d.geometry_source == Some(Source::Synthetic)));

    let lines = store.load_boundary_lines().await.expect("lines");
    assert!(
        lines
            .iter()
            .any(|l| l.level == Level::Province && l.line_no == "1112"),
        "北京-天津 line"
    );
    assert!(
        lines
            .iter()
            .filter(|l| l.level == Level::Province)
            .all(|l| l.source == Source::Real),
        "provincial lines are real geometry"
    );
    let markers = store.load_boundary_markers().await.expect("markers");
    assert_eq!(markers.len(), report.markers);
    assert!(markers.len() > 50);
    let mut seen = HashSet::new();
    for m in &markers {
        MarkerNumber::parse(m.number.as_str()).expect("well-formed");
        assert!(
            seen.insert((m.scope.clone(), m.number.as_str().to_string())),
            "duplicate {}",
            m.number.as_str()
        );
        let line = lines
            .iter()
            .find(|l| l.id == m.line)
            .expect("marker's line exists");
        let d = line
            .geometry
            .0
            .iter()
            .flat_map(|ls| ls.lines())
            .map(|s| Euclidean.distance(&s, &m.agreed_position))
            .fold(f64::INFINITY, f64::min);
        assert!(
            d < 1e-8,
            "marker {} is {d} degrees (> 1 mm) off its line",
            m.number.as_str()
        );
        assert_eq!(m.source, Source::Synthetic);
    }
    assert!(markers.iter().any(|m| m.number.as_str().ends_with('Q')));

    let signs = store.load_signs().await.expect("signs");
    assert_eq!(signs.len() as u64, report.signs);
    assert!(signs.len() > 1_000);
    for s in signs.iter().take(500) {
        SignCode::parse(&s.code).expect("sign code");
    }
    let counts = store.counts().await.expect("counts");
    assert_eq!(counts.signs, report.signs);
    assert!(counts.place_names >= 20_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn synth_on_sqlite_is_complete_and_deterministic() {
    let bundle = common::fixture_bundle(&["11", "12"]);
    let (store, _dir) = common::sqlite().await;
    let first = build(&store, &bundle).await;
    check_contents(&store, &first).await;
    let (again, _) = synth::run(store.as_ref(), &options(bundle.path()), &Silent)
        .await
        .expect("second run");
    assert_eq!(first.digest, again.digest, "same seed, same bytes");
    let mut other = options(bundle.path());
    other.seed = 8;
    let (different, _) = synth::run(store.as_ref(), &other, &Silent)
        .await
        .expect("seed 8");
    assert_ne!(first.digest, different.digest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn synth_on_postgis_tiles_counties_exactly() {
    let Some(url) = common::postgis_url() else {
        return;
    };
    let Some(store) = common::postgis("synth").await else {
        return;
    };
    let bundle = common::fixture_bundle(&["11", "12"]);
    let report = build(&store, &bundle).await;
    check_contents(&store, &report).await;

    let (sqlite, _dir) = common::sqlite().await;
    let on_sqlite = build(&sqlite, &bundle).await;
    assert_eq!(
        report.digest, on_sqlite.digest,
        "both stores get the same data"
    );

    let schema = format!("t_synth_{}", std::process::id());
    let pool = sqlx::PgPool::connect(&url).await.expect("connect");
    let q = |sql: String| {
        let pool = pool.clone();
        async move {
            let (v,): (f64,) = sqlx::query_as(&sql)
                .fetch_one(&pool)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            v
        }
    };
    // Every geometry valid.
    let invalid = q(format!("SELECT COUNT(*)::float8 FROM {schema}.divisions WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)")).await;
    assert_eq!(invalid, 0.0);
    // Villages union to their county: symmetric difference < 1e-9 of the county area.
    let worst = q(format!(
        "WITH v AS (SELECT c.id, c.geom AS county, ST_Union(vil.geom) AS villages
                    FROM {schema}.divisions c
                    JOIN {schema}.divisions t ON t.parent_id = c.id
                    JOIN {schema}.divisions vil ON vil.parent_id = t.id
                    WHERE c.level = 3 AND vil.geom IS NOT NULL
                    GROUP BY c.id, c.geom)
         SELECT COALESCE(MAX(ST_Area(ST_SymDifference(county, villages)) / ST_Area(county)), 1)::float8 FROM v"
    ))
    .await;
    assert!(
        worst < 1e-9,
        "worst county: symmetric difference {worst} of its area"
    );
    // No two villages overlap (interiors).
    let overlaps = q(format!(
        "SELECT COUNT(*)::float8 FROM {schema}.divisions a JOIN {schema}.divisions b
           ON a.id < b.id AND a.geom && b.geom AND ST_Overlaps(a.geom, b.geom)
         WHERE a.level = 5 AND b.level = 5"
    ))
    .await;
    assert_eq!(overlaps, 0.0);
    // Markers lie on their lines within 1 m (geodesic).
    let far = q(format!(
        "SELECT COALESCE(MAX(ST_Distance(m.geom::geography, l.geom::geography)), 0)::float8
         FROM {schema}.boundary_markers m JOIN {schema}.boundary_lines l ON l.id = m.line_id"
    ))
    .await;
    assert!(far < 1.0, "a marker is {far} m from its line");
}
