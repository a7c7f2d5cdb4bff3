//! Township and village polygons: each real county polygon tiled, on all cores.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use geo::MultiPolygon;

use crate::domain::{Division, DivisionId, Level, Source};
use crate::progress::Progress;
use crate::synth::tiling::{tile_county, CountyTiling, TilingError, TownshipSpec};

use super::scope::Scope;

/// A county to tile: its polygon and its townships' villages, in code order.
struct Job<'a> {
    county: &'a Division,
    geometry: &'a MultiPolygon<f64>,
    townships: Vec<(usize, Vec<usize>)>,
}

/// Result of tiling: updated township/village divisions and counties that failed.
#[derive(Default)]
pub struct Tiled {
    pub divisions: Vec<Division>,
    pub counties: usize,
    pub failures: Vec<(String, String)>,
    /// Counties without a polygon (statistical zones): their units stay without one.
    pub counties_without_polygon: usize,
}

/// Per-county seed: the run seed mixed with the county code, so counties are
/// independent of each other and of the order they are processed in.
pub fn county_seed(seed: u64, code: &str) -> u64 {
    code.bytes().fold(seed ^ 0x9e37_79b9_7f4a_7c15, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Tiles every current county in `scope` that has a polygon.
pub fn tile(current: &[Division], scope: &Scope, seed: u64, progress: &dyn Progress) -> Tiled {
    let mut children: HashMap<DivisionId, Vec<usize>> = HashMap::new();
    for (i, d) in current.iter().enumerate() {
        if let Some(p) = d.parent {
            children.entry(p).or_default().push(i);
        }
    }
    let kids = |id: DivisionId, level: Level| -> Vec<usize> {
        let mut v: Vec<usize> = children
            .get(&id)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|i| current[*i].level == level)
                    .collect()
            })
            .unwrap_or_default();
        v.sort_by(|a, b| current[*a].code.cmp(&current[*b].code));
        v
    };
    let mut out = Tiled::default();
    let mut jobs = Vec::new();
    for county in current
        .iter()
        .filter(|d| d.level == Level::County && scope.contains(&d.code))
    {
        let townships: Vec<(usize, Vec<usize>)> = kids(county.id, Level::Township)
            .into_iter()
            .map(|t| (t, kids(current[t].id, Level::Village)))
            .collect();
        if townships.is_empty() {
            continue;
        }
        match county.geometry.as_ref() {
            Some(geometry) => jobs.push(Job {
                county,
                geometry,
                townships,
            }),
            None => out.counties_without_polygon += 1,
        }
    }
    progress.stage("tile counties", jobs.len() as u64);
    let results: Vec<Mutex<Option<Result<CountyTiling, TilingError>>>> =
        jobs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let specs: Vec<TownshipSpec> = job
                    .townships
                    .iter()
                    .map(|(_, v)| TownshipSpec { villages: v.len() })
                    .collect();
                let r = tile_county(
                    job.geometry,
                    None,
                    &specs,
                    county_seed(seed, job.county.code.as_str()),
                );
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(r);
                }
                progress.advance(1);
            });
        }
    });
    progress.finish_stage();
    for (job, result) in jobs.iter().zip(results) {
        let result = result.into_inner().ok().flatten();
        match result {
            Some(Ok(tiling)) => {
                out.counties += 1;
                for ((t, villages), (t_geom, v_geoms)) in job
                    .townships
                    .iter()
                    .zip(tiling.townships.into_iter().zip(tiling.villages))
                {
                    out.divisions.push(with_geometry(&current[*t], t_geom));
                    for (v, g) in villages.iter().zip(v_geoms) {
                        out.divisions.push(with_geometry(&current[*v], g));
                    }
                }
            }
            Some(Err(e)) => out
                .failures
                .push((job.county.code.to_string(), e.to_string())),
            None => out
                .failures
                .push((job.county.code.to_string(), "not tiled".into())),
        }
    }
    out
}

fn with_geometry(d: &Division, g: MultiPolygon<f64>) -> Division {
    Division {
        geometry: Some(g),
        geometry_source: Some(Source::Synthetic),
        ..d.clone()
    }
}
