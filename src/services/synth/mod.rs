//! 合成数据 the national synthetic dataset: township and village polygons tiling the
//! real counties, boundary lines of every level, boundary markers, place names and signs.
//!
//! Everything generated is labelled `source = synthetic` (polygons through
//! `geometry_source`). The same store content and seed give byte-identical output,
//! reported as a digest. The run replaces what an earlier run generated, in one
//! transaction.

mod digest;
mod lines;
mod places;
mod polygons;
pub mod scope;

use std::time::Instant;

use geo::Geometry;
use serde::Serialize;

use crate::domain::{Division, DivisionId, Level, PlaceName, Sign};
use crate::progress::{Progress, Relay};
use crate::store::{Store, StoreError, WriteStats};
use crate::synth::names::NameModel;

pub use scope::Scope;

use digest::Digest;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    pub seed: u64,
    /// Directory of the NBS code lists the name model learns from (`data/nbs-2023`).
    pub nbs_dir: std::path::PathBuf,
    pub scope: Scope,
    /// Generated place names (besides the real division and GeoNames names).
    pub names: u64,
    pub signs: u64,
}

/// Why a run failed; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("the store has no divisions: run `diming import` first")]
    EmptyStore,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a generator thread failed: {0}")]
    Worker(String),
    #[error("cannot learn the name model: {0}")]
    Names(String),
}

/// What a run generated.
#[derive(Debug, Default, Serialize)]
pub struct SynthReport {
    pub seed: u64,
    pub counties_tiled: usize,
    pub counties_without_polygon: usize,
    pub tiling_failures: Vec<(String, String)>,
    pub townships_with_polygon: usize,
    pub villages_with_polygon: usize,
    /// Boundary lines per level 1–4.
    pub lines_by_level: [usize; 4],
    pub markers: usize,
    pub place_names: u64,
    pub signs: u64,
    /// FNV-1a digest of every generated record, in write order.
    pub digest: String,
    pub seconds: f64,
}

impl std::fmt::Display for SynthReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "合成数据 synthetic dataset, seed {}", self.seed)?;
        writeln!(
            f,
            "  counties tiled: {} ({} without a polygon, {} failed)",
            self.counties_tiled,
            self.counties_without_polygon,
            self.tiling_failures.len()
        )?;
        for (code, e) in self.tiling_failures.iter().take(10) {
            writeln!(f, "    {code}: {e}")?;
        }
        writeln!(
            f,
            "  polygons: {} townships, {} villages",
            self.townships_with_polygon, self.villages_with_polygon
        )?;
        writeln!(
            f,
            "  boundary lines: {} provincial, {} prefecture, {} county, {} township",
            self.lines_by_level[0],
            self.lines_by_level[1],
            self.lines_by_level[2],
            self.lines_by_level[3]
        )?;
        writeln!(f, "  boundary markers: {}", self.markers)?;
        writeln!(
            f,
            "  place names: {}, signs: {}",
            self.place_names, self.signs
        )?;
        writeln!(f, "  digest: {}", self.digest)?;
        write!(f, "  {:.1} s", self.seconds)
    }
}

/// Generates the dataset for `opts.scope` and writes it in one transaction.
pub async fn run(
    store: &dyn Store,
    opts: &SynthOptions,
    progress: &dyn Progress,
) -> Result<(SynthReport, WriteStats), SynthError> {
    let started = Instant::now();
    let all = store.load_divisions(progress).await?;
    if all.is_empty() {
        return Err(SynthError::EmptyStore);
    }
    let current: Vec<Division> = all
        .into_iter()
        .filter(|d| d.validity.is_current())
        .collect();
    let mut report = SynthReport {
        seed: opts.seed,
        ..Default::default()
    };
    let mut digest = Digest::default();

    let (current, tiled) = {
        let (scope, seed) = (opts.scope.clone(), opts.seed);
        let bars = Relay::default();
        let relay = bars.clone();
        let handle = tokio::task::spawn_blocking(move || {
            let tiled = polygons::tile(&current, &scope, seed, &relay);
            (current, tiled)
        });
        bars.forward_until_done(handle, progress)
            .await
            .map_err(|e| SynthError::Worker(e.to_string()))?
    };
    report.counties_tiled = tiled.counties;
    report.counties_without_polygon = tiled.counties_without_polygon;
    report.tiling_failures = tiled.failures.clone();
    for d in &tiled.divisions {
        digest.text(d.code.as_str());
        if let Some(g) = &d.geometry {
            digest.geometry(&Geometry::MultiPolygon(g.clone()));
        }
        match d.level {
            Level::Township => report.townships_with_polygon += 1,
            _ => report.villages_with_polygon += 1,
        }
    }

    // Lines and markers over real (levels 1-3) and synthetic (level 4) polygons.
    let mut with_polys: Vec<Division> = current;
    let updated: std::collections::HashMap<_, _> =
        tiled.divisions.iter().map(|d| (d.id, d)).collect();
    for d in with_polys.iter_mut() {
        if let Some(u) = updated.get(&d.id) {
            d.geometry = u.geometry.clone();
            d.geometry_source = u.geometry_source;
        }
    }
    let (mut all_lines, mut all_markers) = (Vec::new(), Vec::new());
    let (mut line_id, mut marker_id) = (0i64, 0i64);
    for level in [
        Level::Province,
        Level::Prefecture,
        Level::County,
        Level::Township,
    ] {
        let of_level: Vec<&Division> = with_polys
            .iter()
            .filter(|d| d.level == level && d.geometry.is_some())
            .collect();
        progress.stage(&format!("boundary lines, level {}", level.number()), 0);
        let mut ll = lines::lines_of_level(level, &of_level, &opts.scope, &mut line_id);
        let markers = lines::markers_of_level(level, &mut ll, &of_level, opts.seed, &mut marker_id);
        progress.finish_stage();
        report.lines_by_level[level.number() as usize - 1] = ll.lines.len();
        for l in &ll.lines {
            digest.text(&l.line_no);
            digest.geometry(&Geometry::MultiLineString(l.geometry.clone()));
        }
        for m in &markers {
            digest.text(m.number.as_str());
            digest.geometry(&Geometry::Point(m.agreed_position));
        }
        all_lines.extend(ll.lines);
        all_markers.extend(markers);
    }
    report.markers = all_markers.len();

    progress.stage("write polygons, lines and markers", 0);
    let mut w = store.begin().await?;
    w.clear_generated().await?;
    for chunk in tiled.divisions.chunks(10_000) {
        w.divisions(chunk).await?;
    }
    w.boundary_lines(&all_lines).await?;
    w.boundary_markers(&all_markers).await?;
    drop((tiled, all_lines, all_markers));
    progress.finish_stage();

    let model = NameModel::learn(&opts.nbs_dir).map_err(|e| SynthError::Names(e.to_string()))?;
    let plan = names_plan(&with_polys, &opts.scope, opts.names);
    progress.stage(
        "place names and signs",
        opts.names + plan.division_names as u64,
    );
    let (tx, mut rx) = tokio::sync::mpsc::channel::<(Vec<PlaceName>, Vec<Sign>)>(4);
    let producer = {
        let (divisions, seed, signs_total, names_total) = (
            std::sync::Arc::new(with_polys),
            opts.seed,
            opts.signs,
            opts.names.max(1),
        );
        tokio::task::spawn_blocking(move || {
            produce_names(
                &divisions,
                &plan,
                &model,
                seed,
                signs_total,
                names_total,
                &tx,
            )
        })
    };
    while let Some((names, signs)) = rx.recv().await {
        for n in &names {
            digest.text(&n.standard_name);
            if let Some(g) = &n.geometry {
                digest.geometry(g);
            }
        }
        for s in &signs {
            digest.text(&s.code);
        }
        w.place_names(&names).await?;
        w.signs(&signs).await?;
        report.place_names += names.len() as u64;
        report.signs += signs.len() as u64;
        progress.advance(names.len() as u64);
    }
    producer
        .await
        .map_err(|e| SynthError::Worker(e.to_string()))?;
    progress.finish_stage();
    progress.stage("commit", 0);
    let stats = w.commit().await?;
    progress.finish_stage();
    report.digest = digest.hex();
    report.seconds = started.elapsed().as_secs_f64();
    Ok((report, stats))
}

/// How many generated names each tiled county gets, and the divisions whose own names
/// become place-name records.
struct NamesPlan {
    /// (county index, its villages' indexes, number of names)
    counties: Vec<(usize, Vec<usize>, usize)>,
    /// Divisions in scope with a polygon (their names are recorded too).
    named_divisions: Vec<usize>,
    division_names: usize,
}

/// Spreads `total` names over the counties in scope in proportion to their villages.
fn names_plan(divisions: &[Division], scope: &Scope, total: u64) -> NamesPlan {
    let mut villages_of: std::collections::HashMap<DivisionId, Vec<usize>> = Default::default();
    let index: std::collections::HashMap<DivisionId, usize> = divisions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id, i))
        .collect();
    for (i, d) in divisions.iter().enumerate() {
        if d.level == Level::Village && d.geometry.is_some() {
            if let Some(county) = d
                .parent
                .and_then(|t| index.get(&t))
                .and_then(|t| divisions[*t].parent)
            {
                villages_of.entry(county).or_default().push(i);
            }
        }
    }
    let mut counties: Vec<(usize, Vec<usize>, usize)> = divisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.level == Level::County && scope.contains(&d.code))
        .filter_map(|(i, d)| villages_of.remove(&d.id).map(|v| (i, v, 0)))
        .collect();
    let villages: usize = counties.iter().map(|c| c.1.len()).sum::<usize>().max(1);
    let mut given = 0usize;
    for c in counties.iter_mut() {
        c.2 = (total as u128 * c.1.len() as u128 / villages as u128) as usize;
        given += c.2;
    }
    let n = counties.len().max(1);
    for k in 0..(total as usize).saturating_sub(given) {
        if let Some(c) = counties.get_mut(k % n) {
            c.2 += 1;
        }
    }
    let named_divisions: Vec<usize> = divisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.geometry.is_some() && scope.contains(&d.code))
        .map(|(i, _)| i)
        .collect();
    let division_names = named_divisions.len();
    NamesPlan {
        counties,
        named_divisions,
        division_names,
    }
}

/// Producer of place names and signs, county by county, on a blocking thread.
fn produce_names(
    divisions: &[Division],
    plan: &NamesPlan,
    model: &NameModel,
    seed: u64,
    signs_total: u64,
    names_total: u64,
    tx: &tokio::sync::mpsc::Sender<(Vec<PlaceName>, Vec<Sign>)>,
) {
    let mut next_id = places::GENERATED_ID_BASE;
    for chunk in plan.named_divisions.chunks(10_000) {
        let names: Vec<PlaceName> = chunk
            .iter()
            .map(|i| {
                next_id += 1;
                places::division_name(&divisions[*i], next_id)
            })
            .collect();
        if tx.blocking_send((names, Vec::new())).is_err() {
            return;
        }
    }
    for (county, villages, count) in &plan.counties {
        let c = &divisions[*county];
        let vs: Vec<(&Division, &geo::MultiPolygon<f64>)> = villages
            .iter()
            .filter_map(|v| divisions[*v].geometry.as_ref().map(|g| (&divisions[*v], g)))
            .collect();
        let names = places::county_names(
            model,
            c,
            &vs,
            *count,
            polygons::county_seed(seed, c.code.as_str()),
            next_id + 1,
        );
        next_id += names.len() as i64;
        let wanted = (signs_total as u128 * *count as u128 / names_total as u128) as usize;
        let signs = places::county_signs(&c.code, &names, wanted, 1, seed);
        for part in names.chunks(10_000) {
            let part_signs: Vec<Sign> = signs
                .iter()
                .filter(|s| {
                    part.first().is_some_and(|f| s.place_name >= f.id)
                        && part.last().is_some_and(|l| s.place_name <= l.id)
                })
                .cloned()
                .collect();
            if tx.blocking_send((part.to_vec(), part_signs)).is_err() {
                return;
            }
        }
    }
}
