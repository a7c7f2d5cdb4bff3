//! Real-data checks of `synth::tiling` and `synth::topology` (NBS 2023 units
//! on the real county polygons of /work/main/data). Whole-province runs are
//! in the scratch example `tiling_check`; these stay well under a minute in
//! the dev profile.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use diming::synth::tiling::check::check_tiling;
use diming::synth::tiling::{tile_county, TownshipSpec};
use diming::synth::topology::{arcs, face_rings, neighbours};
use geo::{Area, Coord, Intersects, LineString, MultiPolygon, Polygon};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

struct Data {
    counties: BTreeMap<String, MultiPolygon<f64>>,
    specs: BTreeMap<String, Vec<TownshipSpec>>,
}

fn gunzip(path: &str) -> String {
    let f = std::fs::File::open(path).expect("open data file");
    let mut s = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut s)
        .expect("gunzip");
    s
}

fn ring(v: &serde_json::Value) -> LineString<f64> {
    let cs = v.as_array().expect("ring").iter().map(|p| Coord {
        x: p[0].as_f64().expect("x"),
        y: p[1].as_f64().expect("y"),
    });
    LineString::new(cs.collect())
}

/// Loads the bundled data once (it is part of the repository, so it must be there).
fn data() -> Option<&'static Data> {
    static DATA_CELL: OnceLock<Option<Data>> = OnceLock::new();
    DATA_CELL
        .get_or_init(|| {
            assert!(
                Path::new(DATA)
                    .join("boundaries/district.geojson.gz")
                    .exists(),
                "bundled data missing under {DATA}"
            );
            let geo: serde_json::Value =
                serde_json::from_str(&gunzip(&format!("{DATA}/boundaries/district.geojson.gz")))
                    .expect("geojson");
            let mut counties = BTreeMap::new();
            for f in geo["features"].as_array().expect("features") {
                if f["geometry"]["type"] != "MultiPolygon" {
                    continue;
                }
                let gb = f["properties"]["gb"].as_str().expect("gb");
                let polys = f["geometry"]["coordinates"].as_array().expect("coords");
                let polys = polys.iter().map(|p| {
                    let rs = p.as_array().expect("polygon");
                    Polygon::new(ring(&rs[0]), rs[1..].iter().map(ring).collect())
                });
                counties.insert(gb[3..].to_string(), MultiPolygon::new(polys.collect()));
            }
            let mut villages: HashMap<String, usize> = HashMap::new();
            let vs = gunzip(&format!("{DATA}/nbs-2023/villages.csv.gz"));
            for rec in csv::Reader::from_reader(vs.as_bytes()).records() {
                *villages
                    .entry(rec.expect("village")[2].to_string())
                    .or_default() += 1;
            }
            let ss = gunzip(&format!("{DATA}/nbs-2023/streets.csv.gz"));
            let mut towns: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
            for rec in csv::Reader::from_reader(ss.as_bytes()).records() {
                let rec = rec.expect("street");
                let n = villages.get(&rec[0]).copied().unwrap_or(0);
                towns
                    .entry(rec[2].to_string())
                    .or_default()
                    .push((rec[0].to_string(), n));
            }
            let specs = towns
                .into_iter()
                .map(|(k, mut v)| {
                    v.sort();
                    let s = v.into_iter().map(|(_, villages)| TownshipSpec { villages });
                    (k, s.collect())
                })
                .collect();
            Some(Data { counties, specs })
        })
        .as_ref()
}

fn seed(code: &str) -> u64 {
    code.parse().expect("numeric code")
}

#[test]
fn zhejiang_and_sample_counties_tile_exactly() {
    let Some(d) = data() else { return };
    let mut codes: Vec<&String> = d.specs.keys().filter(|c| c.starts_with("33")).collect();
    // Xinjiang, Hainan's island-rich 昌江/三沙-type counties, Beijing core.
    for extra in ["654324", "650102", "460322", "460202", "110101", "540102"] {
        if let Some((k, _)) = d.specs.get_key_value(extra) {
            codes.push(k);
        }
    }
    let mut villages = 0;
    for code in codes {
        let Some(county) = d.counties.get(code) else {
            continue;
        };
        let sp = &d.specs[code];
        let t = tile_county(county, None, sp, seed(code)).expect("tiling");
        let overlaps = sp.iter().map(|s| s.villages).sum::<usize>() < 150;
        let r = check_tiling(county, sp, &t, overlaps);
        assert!(r.is_ok(), "{code}: {:?}", r.problems);
        villages += r.villages;
    }
    assert!(villages > 25_000);
}

#[test]
fn deterministic_output() {
    let Some(d) = data() else { return };
    for code in ["330902", "654324"] {
        let (county, sp) = (&d.counties[code], &d.specs[code]);
        let a = tile_county(county, None, sp, seed(code)).expect("tiling");
        let b = tile_county(county, None, sp, seed(code)).expect("tiling");
        assert_eq!(a, b, "{code}");
    }
}

#[test]
fn cells_are_denser_near_the_seat() {
    let Some(d) = data() else { return };
    let code = "330106";
    let (county, sp) = (&d.counties[code], &d.specs[code]);
    let seat = geo::Point::new(120.13, 30.27);
    let t = tile_county(county, Some(seat), sp, seed(code)).expect("tiling");
    let mut by_dist: Vec<(f64, f64)> = t
        .villages
        .iter()
        .flatten()
        .map(|v| {
            let c = geo::InteriorPoint::interior_point(v).expect("point");
            (
                geo::Distance::distance(&geo::Euclidean, c, seat),
                v.unsigned_area(),
            )
        })
        .collect();
    by_dist.sort_by(|a, b| a.0.total_cmp(&b.0));
    let q = by_dist.len() / 4;
    let mean = |s: &[(f64, f64)]| s.iter().map(|x| x.1).sum::<f64>() / s.len() as f64;
    let (near, far) = (mean(&by_dist[..q]), mean(&by_dist[by_dist.len() - q..]));
    assert!(far > 3.0 * near, "near {near:e} far {far:e}");
}

/// Directed edges of the rings of `m`, oriented with the face on the left.
fn face_edges(rings: impl Iterator<Item = Vec<Coord<f64>>>) -> Vec<[u64; 4]> {
    let mut out = Vec::new();
    for mut r in rings {
        r.dedup();
        for w in r.windows(2) {
            out.push([w[0].x, w[0].y, w[1].x, w[1].y].map(f64::to_bits));
        }
    }
    out.sort_unstable();
    out
}

fn oriented_rings(m: &MultiPolygon<f64>) -> Vec<Vec<Coord<f64>>> {
    let mut out = Vec::new();
    for p in &m.0 {
        for (k, r) in std::iter::once(p.exterior())
            .chain(p.interiors())
            .enumerate()
        {
            let mut cs = r.0.clone();
            let ccw = geo::Polygon::new(r.clone(), vec![]).signed_area() > 0.0;
            if ccw != (k == 0) {
                cs.reverse();
            }
            out.push(cs);
        }
    }
    out
}

fn check_arcs(polys: &[MultiPolygon<f64>]) -> Vec<(usize, usize)> {
    let a = arcs(polys);
    for (f, m) in polys.iter().enumerate() {
        let rebuilt = face_rings(&a, f);
        assert!(
            rebuilt.iter().all(|r| r.first() == r.last()),
            "face {f}: open ring"
        );
        assert_eq!(
            face_edges(rebuilt.into_iter()),
            face_edges(oriented_rings(m).into_iter()),
            "face {f}: arcs do not re-close into its rings"
        );
    }
    for x in &a {
        assert!(x.coords.len() >= 2);
        if let Some(r) = x.faces.1 {
            assert!(x.faces.0 < r);
        }
    }
    neighbours(polys)
}

#[test]
fn zhejiang_county_arcs() {
    let Some(d) = data() else { return };
    let polys: Vec<MultiPolygon<f64>> = d
        .counties
        .iter()
        .filter(|(k, _)| k.starts_with("33"))
        .map(|(_, v)| v.clone())
        .collect();
    let nb = check_arcs(&polys);
    // Ground truth: pairs whose rings share an edge, and pairs that intersect.
    let mut owner: HashMap<[u64; 4], usize> = HashMap::new();
    let mut shared = Vec::new();
    for (f, m) in polys.iter().enumerate() {
        for e in face_edges(oriented_rings(m).into_iter()) {
            if let Some(&g) = owner.get(&[e[2], e[3], e[0], e[1]]) {
                shared.push((g.min(f), g.max(f)));
            }
            owner.insert(e, f);
        }
    }
    shared.sort_unstable();
    shared.dedup();
    assert_eq!(nb, shared);
    assert!(nb.len() > 150, "{} neighbour pairs", nb.len());
    for &(i, j) in &nb {
        assert!(polys[i].intersects(&polys[j]));
    }
}

#[test]
fn synthetic_tiling_arcs() {
    let Some(d) = data() else { return };
    for code in ["330106", "330902"] {
        let (county, sp) = (&d.counties[code], &d.specs[code]);
        let t = tile_county(county, None, sp, seed(code)).expect("tiling");
        let cells: Vec<MultiPolygon<f64>> = t.villages.iter().flatten().cloned().collect();
        let nb = check_arcs(&cells);
        assert!(nb.len() >= cells.len() - 1);
        let tn = check_arcs(&t.townships);
        assert!(tn.len() >= t.townships.len() - 1);
        // Township arcs are unions of village arcs: same total boundary length.
        let len = |a: &[diming::synth::topology::Arc]| -> f64 {
            a.iter()
                .filter(|x| x.faces.1.is_some())
                .map(|x| {
                    x.coords
                        .windows(2)
                        .map(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y))
                        .sum::<f64>()
                })
                .sum()
        };
        assert!(len(&arcs(&t.townships)) < len(&arcs(&cells)));
    }
}
