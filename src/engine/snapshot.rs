//! 快照 the immutable in-memory view of the store that every read is answered from.

use std::collections::HashMap;

use chrono::NaiveDate;
use geo::{BoundingRect, Intersects, Point};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

use crate::domain::{ChangeEvent, Division, DivisionCode, DivisionId, Level};

use super::NameEntry;

/// Index of a division inside a snapshot (dense, `u32` to keep indexes small).
pub type DivIdx = u32;

type BoxEntry = GeomWithData<Rectangle<[f64; 2]>, DivIdx>;

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
    /// Bounding boxes of division polygons, one tree per level (index = level - 1).
    boxes: [RTree<BoxEntry>; 5],
    place_names: Vec<NameEntry>,
    /// Division-change events, by effective date.
    events: Vec<ChangeEvent>,
    /// Events each division takes part in (as predecessor or successor).
    events_by_division: HashMap<DivisionId, Vec<usize>>,
}

impl Snapshot {
    /// Builds a snapshot; `divisions` may come in any order.
    pub fn build(
        version: u64,
        mut divisions: Vec<Division>,
        place_names: Vec<NameEntry>,
        mut events: Vec<ChangeEvent>,
    ) -> Self {
        divisions.sort_by(|a, b| (a.level, &a.code, a.id).cmp(&(b.level, &b.code, b.id)));
        let by_id: HashMap<DivisionId, DivIdx> = divisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i as DivIdx))
            .collect();
        let mut by_code: HashMap<DivisionCode, Vec<DivIdx>> = HashMap::new();
        let mut children = vec![Vec::new(); divisions.len()];
        let mut boxed: [Vec<BoxEntry>; 5] = Default::default();
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
            if let Some(r) = d.geometry.as_ref().and_then(|g| g.bounding_rect()) {
                let rect = Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]);
                boxed[d.level.number() as usize - 1].push(GeomWithData::new(rect, i));
            }
        }
        let boxes = boxed.map(RTree::bulk_load);
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
            boxes,
            place_names,
            events,
            events_by_division,
        }
    }

    /// An empty snapshot (before the first load).
    pub fn empty() -> Self {
        Snapshot::build(0, Vec::new(), Vec::new(), Vec::new())
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

    /// Divisions of `level` whose polygon contains `point` (boundary inclusive), valid on
    /// `date`. Uses the bounding-box R-tree, then an exact test on candidates.
    pub fn containing(&self, level: Level, point: Point<f64>, date: NaiveDate) -> Vec<DivIdx> {
        let env = AABB::from_point([point.x(), point.y()]);
        self.boxes[level.number() as usize - 1]
            .locate_in_envelope_intersecting(&env)
            .map(|e| e.data)
            .filter(|i| {
                let d = self.division(*i);
                d.validity.contains(date)
                    && d.geometry.as_ref().is_some_and(|g| g.intersects(&point))
            })
            .collect()
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
    pub fn place_names(&self) -> &[NameEntry] {
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
