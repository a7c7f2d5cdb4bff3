//! 快照 the immutable in-memory view of the store that every read is answered from.

use std::collections::HashMap;

use chrono::NaiveDate;
use geo::Point;

use crate::domain::{
    BoundaryLine, BoundaryMarker, ChangeEvent, Division, DivisionCode, DivisionId, Level,
};

use super::locate::{valid_on, LevelHit, Locator};
use super::nearby::PointIndex;
use super::NameTable;

/// Index of a division inside a snapshot (dense, `u32` to keep indexes small).
pub type DivIdx = u32;

/// What a snapshot is built from.
#[derive(Default)]
pub struct SnapshotParts {
    /// Divisions of all levels and versions, in any order.
    pub divisions: Vec<Division>,
    pub names: NameTable,
    pub events: Vec<ChangeEvent>,
    pub lines: Vec<BoundaryLine>,
    pub markers: Vec<BoundaryMarker>,
}

impl SnapshotParts {
    /// Parts holding only divisions.
    pub fn divisions(divisions: Vec<Division>) -> Self {
        SnapshotParts {
            divisions,
            ..Default::default()
        }
    }
}

/// Divisions (all levels, all versions in time), their hierarchy and spatial indexes.
///
/// Built once from the store, never mutated; a new snapshot replaces it atomically
/// (see [`super::SnapshotHandle`]).
pub struct Snapshot {
    version: u64,
    divisions: Vec<Division>,
    by_id: HashMap<DivisionId, DivIdx>,
    /// Every code a division has carried (any system) → divisions that carried it.
    by_code: HashMap<DivisionCode, Vec<DivIdx>>,
    /// Children of each division, in code order.
    children: Vec<Vec<DivIdx>>,
    /// Point location over the division polygons of each level.
    locator: Locator,
    place_names: NameTable,
    /// Positions of `place_names`.
    name_points: PointIndex,
    /// 界线 boundary lines, and the lines each division is a party to.
    lines: Vec<BoundaryLine>,
    lines_by_division: HashMap<DivisionId, Vec<u32>>,
    /// 界桩 boundary markers and their agreed positions.
    markers: Vec<BoundaryMarker>,
    marker_points: PointIndex,
    /// Division-change events, by effective date.
    events: Vec<ChangeEvent>,
    /// Events each division takes part in (as predecessor or successor).
    events_by_division: HashMap<DivisionId, Vec<usize>>,
}

impl Snapshot {
    /// Builds a snapshot. The spatial indexes of divisions and names are built on two
    /// threads.
    pub fn build(version: u64, parts: SnapshotParts) -> Self {
        let SnapshotParts {
            mut divisions,
            names: place_names,
            mut events,
            lines,
            markers,
        } = parts;
        divisions.sort_by(|a, b| (a.level, &a.code, a.id).cmp(&(b.level, &b.code, b.id)));
        let by_id: HashMap<DivisionId, DivIdx> = divisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i as DivIdx))
            .collect();
        let mut by_code: HashMap<DivisionCode, Vec<DivIdx>> = HashMap::new();
        let mut children = vec![Vec::new(); divisions.len()];
        for (i, d) in divisions.iter().enumerate() {
            let i = i as DivIdx;
            let mut codes: Vec<&DivisionCode> = d.codes.iter().map(|c| &c.code).collect();
            codes.push(&d.code);
            codes.sort();
            codes.dedup();
            for c in codes {
                by_code.entry(c.clone()).or_default().push(i);
            }
            if let Some(p) = d.parent.and_then(|p| by_id.get(&p)) {
                children[*p as usize].push(i);
            }
        }
        let (locator, name_points) = std::thread::scope(|scope| {
            let names = scope.spawn(|| {
                PointIndex::build(
                    (0..place_names.len() as u32)
                        .filter_map(|i| place_names.position_of(i).map(|p| (i, p))),
                )
            });
            let locator = Locator::build(&divisions);
            // A panic in the other thread is a bug; surface it here.
            let names = names
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (locator, names)
        });
        let marker_points = PointIndex::build(
            markers
                .iter()
                .enumerate()
                .map(|(i, m)| (i as u32, m.agreed_position)),
        );
        let mut lines_by_division: HashMap<DivisionId, Vec<u32>> = HashMap::new();
        for (i, l) in lines.iter().enumerate() {
            for p in &l.parties {
                lines_by_division.entry(*p).or_default().push(i as u32);
            }
        }
        events.sort_by_key(|e| (e.effective_on, e.id));
        let mut events_by_division: HashMap<DivisionId, Vec<usize>> = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            for d in e.predecessors.iter().chain(&e.successors) {
                let list = events_by_division.entry(*d).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Snapshot {
            version,
            divisions,
            by_id,
            by_code,
            children,
            locator,
            place_names,
            name_points,
            lines,
            lines_by_division,
            markers,
            marker_points,
            events,
            events_by_division,
        }
    }

    /// An empty snapshot (before the first load).
    pub fn empty() -> Self {
        Snapshot::build(0, SnapshotParts::default())
    }

    /// Monotonic version; changes whenever the data may have changed.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Number of divisions (all levels and versions).
    pub fn len(&self) -> usize {
        self.divisions.len()
    }

    /// Whether the snapshot holds no divisions.
    pub fn is_empty(&self) -> bool {
        self.divisions.is_empty()
    }

    /// The division at an index.
    pub fn division(&self, i: DivIdx) -> &Division {
        &self.divisions[i as usize]
    }

    /// Index of a division by id.
    pub fn index_of(&self, id: DivisionId) -> Option<DivIdx> {
        self.by_id.get(&id).copied()
    }

    /// The division a code denotes on `date`: the version valid then, preferring a
    /// division whose current code it is.
    pub fn by_code(&self, code: &DivisionCode, date: NaiveDate) -> Option<DivIdx> {
        let cands = self.by_code.get(code)?;
        let valid = |i: &&DivIdx| self.division(**i).validity.contains(date);
        cands
            .iter()
            .filter(valid)
            .find(|i| &self.division(**i).code == code)
            .or_else(|| cands.iter().find(valid))
            .copied()
    }

    /// Every division that has ever carried `code`, in any system.
    pub fn all_by_code(&self, code: &DivisionCode) -> &[DivIdx] {
        self.by_code.get(code).map_or(&[], Vec::as_slice)
    }

    /// Parent of a division.
    pub fn parent(&self, i: DivIdx) -> Option<DivIdx> {
        self.division(i).parent.and_then(|p| self.index_of(p))
    }

    /// Ancestors of a division, province first.
    pub fn ancestors(&self, i: DivIdx) -> Vec<DivIdx> {
        let mut out = Vec::new();
        let mut cur = self.parent(i);
        while let Some(p) = cur {
            if out.len() > 5 {
                break; // a cycle would be a store bug; never loop forever
            }
            out.push(p);
            cur = self.parent(p);
        }
        out.reverse();
        out
    }

    /// Children of a division (all versions).
    pub fn children(&self, i: DivIdx) -> &[DivIdx] {
        &self.children[i as usize]
    }

    /// Children valid on `date`.
    pub fn children_on(&self, i: DivIdx, date: NaiveDate) -> impl Iterator<Item = DivIdx> + '_ {
        self.children(i)
            .iter()
            .copied()
            .filter(move |c| self.division(*c).validity.contains(date))
    }

    /// Top-level divisions (provinces) valid on `date`.
    pub fn roots_on(&self, date: NaiveDate) -> impl Iterator<Item = DivIdx> + '_ {
        (0..self.divisions.len() as DivIdx).filter(move |i| {
            let d = self.division(*i);
            d.parent.is_none() && d.validity.contains(date)
        })
    }

    /// The division of `level` holding `point` on `date`, by the boundary rule of
    /// [`super::locate`].
    pub fn locate(&self, level: Level, point: Point<f64>, date: NaiveDate) -> Option<LevelHit> {
        self.locator.locate(
            level,
            [point.x(), point.y()],
            valid_on(&self.divisions, date),
            |a, b| self.division(a).code.cmp(&self.division(b).code),
        )
    }

    /// The divisions of every level holding `point` on `date` (index = level - 1): the
    /// finest level found decides and the levels above are its ancestors (see
    /// [`super::locate`]). Levels with no division (outside China, or a unit without
    /// children there) are `None`.
    pub fn hierarchy(&self, point: Point<f64>, date: NaiveDate) -> [Option<LevelHit>; 5] {
        let mut out: [Option<LevelHit>; 5] = Default::default();
        let Some(mut hit) = Level::ALL
            .iter()
            .rev()
            .find_map(|l| self.locate(*l, point, date))
        else {
            return out;
        };
        loop {
            let level = self.division(hit.division).level;
            let parent = self.parent(hit.division);
            let next = match parent {
                None => None,
                Some(p) if self.division(p).validity.contains(date) => {
                    // Neighbours one level up: the parents of this level's neighbours.
                    let mut neighbours: Vec<DivIdx> = hit
                        .neighbours
                        .iter()
                        .filter_map(|n| self.ancestor_at(*n, self.division(p).level))
                        .filter(|a| *a != p)
                        .collect();
                    neighbours.sort_by(|a, b| self.division(*a).code.cmp(&self.division(*b).code));
                    neighbours.dedup();
                    Some(LevelHit {
                        division: p,
                        on_boundary: !neighbours.is_empty(),
                        neighbours,
                    })
                }
                // The parent did not exist yet (or any more) on `date`: locate that
                // level by polygon among the divisions valid then.
                Some(p) => Level::ALL
                    .iter()
                    .rev()
                    .filter(|l| **l <= self.division(p).level)
                    .find_map(|l| self.locate(*l, point, date)),
            };
            out[level.number() as usize - 1] = Some(hit);
            match next {
                Some(n) if self.division(n.division).level < level => hit = n,
                _ => return out,
            }
        }
    }

    /// The ancestor of `i` at `level` (or `i` itself when it is of that level).
    fn ancestor_at(&self, i: DivIdx, level: Level) -> Option<DivIdx> {
        let mut cur = Some(i);
        for _ in 0..6 {
            let c = cur?;
            if self.division(c).level == level {
                return Some(c);
            }
            cur = self.parent(c);
        }
        None
    }

    /// Divisions of `level` valid on `date` whose polygon holds `point` or comes within
    /// `radius_deg` of it, nearest first, with that planar distance in degrees.
    pub fn divisions_near(
        &self,
        level: Level,
        point: Point<f64>,
        radius_deg: f64,
        date: NaiveDate,
    ) -> Vec<(DivIdx, f64)> {
        self.locator.near(
            level,
            [point.x(), point.y()],
            radius_deg,
            valid_on(&self.divisions, date),
        )
    }

    /// Divisions of `level` whose polygon holds `point` (boundary inclusive) on `date`.
    pub fn containing(&self, level: Level, point: Point<f64>, date: NaiveDate) -> Vec<DivIdx> {
        self.locate(level, point, date)
            .map(|h| std::iter::once(h.division).chain(h.neighbours).collect())
            .unwrap_or_default()
    }

    /// The `k` place names nearest to `point` within `max_m` metres, with distances.
    pub fn nearest_names(&self, point: Point<f64>, k: usize, max_m: f64) -> Vec<(u32, f64)> {
        self.name_points.nearest(
            point,
            k,
            max_m,
            |i| self.place_names.position_of(i),
            |_| true,
        )
    }

    /// The `k` boundary markers nearest to `point` within `max_m` metres, with distances.
    pub fn nearest_markers(&self, point: Point<f64>, k: usize, max_m: f64) -> Vec<(u32, f64)> {
        self.marker_points.nearest(
            point,
            k,
            max_m,
            |i| self.markers.get(i as usize).map(|m| m.agreed_position),
            |_| true,
        )
    }

    /// All boundary markers.
    pub fn markers(&self) -> &[BoundaryMarker] {
        &self.markers
    }

    /// All boundary lines.
    pub fn lines(&self) -> &[BoundaryLine] {
        &self.lines
    }

    /// Boundary lines a division is a party to.
    pub fn lines_of(&self, id: DivisionId) -> impl Iterator<Item = &BoundaryLine> + '_ {
        self.lines_by_division
            .get(&id)
            .into_iter()
            .flatten()
            .map(|i| &self.lines[*i as usize])
    }

    /// Heap bytes of the prepared polygons (for logs and metrics).
    pub fn locator_bytes(&self) -> usize {
        self.locator.heap_bytes()
    }

    /// Change events a division took part in, oldest first.
    pub fn events_of(&self, id: DivisionId) -> impl Iterator<Item = &ChangeEvent> + '_ {
        self.events_by_division
            .get(&id)
            .into_iter()
            .flatten()
            .map(|i| &self.events[*i])
    }

    /// All change events, oldest first.
    pub fn events(&self) -> &[ChangeEvent] {
        &self.events
    }

    /// All place names.
    pub fn place_names(&self) -> &NameTable {
        &self.place_names
    }

    /// Number of divisions per level (all versions).
    pub fn divisions_per_level(&self) -> [usize; 5] {
        let mut out = [0; 5];
        for d in &self.divisions {
            out[d.level.number() as usize - 1] += 1;
        }
        out
    }
}
