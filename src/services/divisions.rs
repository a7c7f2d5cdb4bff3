//! 行政区划查询 browsing divisions: one by code, children, lists by parent and level.

use chrono::NaiveDate;
use geo::{BoundingRect, GeodesicArea, MultiPolygon};
use serde::Serialize;

use crate::domain::romanization::romanize;
use crate::domain::{
    CodeError, CodeRecord, Division, DivisionCode, DivisionId, DivisionKind, Level, Source,
    Validity,
};
use crate::engine::{DivIdx, Snapshot};

/// Why a division lookup has no answer.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error(transparent)]
    BadCode(#[from] CodeError),
    #[error("no division has code {code} on {date}")]
    NotFound { code: String, date: NaiveDate },
    #[error(
        "level {level} is not below level {parent} of the parent; use a level from {min} to 5"
    )]
    LevelNotBelow { level: u8, parent: u8, min: u8 },
}

/// A reference to a division: enough to name and link it.
#[derive(Debug, Clone, Serialize)]
pub struct DivisionRef {
    pub id: DivisionId,
    pub code: String,
    pub name: String,
    pub level: u8,
}

/// One division in a list.
#[derive(Debug, Clone, Serialize)]
pub struct DivisionSummary {
    #[serde(flatten)]
    pub reference: DivisionRef,
    pub kind: DivisionKind,
    pub roman: String,
    pub source: Source,
    pub children_count: usize,
    pub has_geometry: bool,
    #[serde(skip)]
    pub geometry: Option<MultiPolygon<f64>>,
}

/// Everything about one division.
#[derive(Debug, Clone, Serialize)]
pub struct DivisionView {
    pub id: DivisionId,
    pub code: String,
    pub name: String,
    /// 罗马字母拼写 computed by the romanization rules.
    pub roman: String,
    pub level: u8,
    pub level_name: &'static str,
    pub level_name_zh: &'static str,
    pub kind: DivisionKind,
    pub codes: Vec<CodeRecord>,
    #[serde(flatten)]
    pub validity: Validity,
    pub parent: Option<DivisionRef>,
    /// Ancestors, province first (浙江省 › 杭州市).
    pub chain: Vec<DivisionRef>,
    pub children_count: usize,
    /// Provenance of the code and name.
    pub source: Source,
    /// Provenance of the polygon.
    pub geometry_source: Option<Source>,
    /// Geodesic area on the CGCS2000 ellipsoid, square kilometres.
    pub area_km2: Option<f64>,
    /// `[min_lon, min_lat, max_lon, max_lat]`, CGCS2000 degrees.
    pub bbox: Option<[f64; 4]>,
    #[serde(skip)]
    pub geometry: Option<MultiPolygon<f64>>,
}

/// A page of a list.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub items: Vec<T>,
}

/// Paging of a list request; `limit` is clamped to 1..=MAX_LIMIT.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub offset: usize,
    pub limit: usize,
}

impl Paging {
    pub const DEFAULT_LIMIT: usize = 100;
    pub const MAX_LIMIT: usize = 1000;

    /// Builds paging from optional request values.
    pub fn new(offset: Option<usize>, limit: Option<usize>) -> Self {
        Paging {
            offset: offset.unwrap_or(0),
            limit: limit
                .unwrap_or(Self::DEFAULT_LIMIT)
                .clamp(1, Self::MAX_LIMIT),
        }
    }
}

fn reference(d: &Division) -> DivisionRef {
    DivisionRef {
        id: d.id,
        code: d.code.to_string(),
        name: d.name.clone(),
        level: d.level.number(),
    }
}

fn summary(s: &Snapshot, i: DivIdx, date: NaiveDate) -> DivisionSummary {
    let d = s.division(i);
    DivisionSummary {
        reference: reference(d),
        kind: d.kind,
        roman: romanize(&d.name).text,
        source: d.source,
        children_count: s.children_on(i, date).count(),
        has_geometry: d.geometry.is_some(),
        geometry: d.geometry.clone(),
    }
}

fn find(s: &Snapshot, code: &str, date: NaiveDate) -> Result<DivIdx, LookupError> {
    let code = DivisionCode::parse(code)?;
    s.by_code(&code, date).ok_or_else(|| LookupError::NotFound {
        code: code.to_string(),
        date,
    })
}

/// The division a code denotes on `date`, with its chain, codes and geometry.
pub fn get(s: &Snapshot, code: &str, date: NaiveDate) -> Result<DivisionView, LookupError> {
    let i = find(s, code, date)?;
    let d = s.division(i);
    let chain: Vec<DivisionRef> = s
        .ancestors(i)
        .into_iter()
        .map(|a| reference(s.division(a)))
        .collect();
    Ok(DivisionView {
        id: d.id,
        code: d.code.to_string(),
        name: d.name.clone(),
        roman: romanize(&d.name).text,
        level: d.level.number(),
        level_name: d.level.name_en(),
        level_name_zh: d.level.name_zh(),
        kind: d.kind,
        codes: d.codes.clone(),
        validity: d.validity,
        parent: chain.last().cloned(),
        chain,
        children_count: s.children_on(i, date).count(),
        source: d.source,
        geometry_source: d.geometry_source,
        area_km2: d
            .geometry
            .as_ref()
            .map(|g| (g.geodesic_area_unsigned() / 1e6 * 100.0).round() / 100.0),
        bbox: d
            .geometry
            .as_ref()
            .and_then(|g| g.bounding_rect())
            .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]),
        geometry: d.geometry.clone(),
    })
}

/// The children of a division valid on `date`.
pub fn children(
    s: &Snapshot,
    code: &str,
    date: NaiveDate,
    paging: Paging,
) -> Result<(DivisionRef, Page<DivisionSummary>), LookupError> {
    let i = find(s, code, date)?;
    let kids: Vec<DivIdx> = s.children_on(i, date).collect();
    Ok((reference(s.division(i)), page(s, kids, date, paging)))
}

/// Divisions under `parent` (or provinces when `None`), at `level` if given (default:
/// one level below the parent), valid on `date`.
pub fn list(
    s: &Snapshot,
    parent: Option<&str>,
    level: Option<Level>,
    date: NaiveDate,
    paging: Paging,
) -> Result<Page<DivisionSummary>, LookupError> {
    let (mut frontier, parent_level): (Vec<DivIdx>, u8) = match parent {
        Some(code) => {
            let i = find(s, code, date)?;
            (
                s.children_on(i, date).collect(),
                s.division(i).level.number(),
            )
        }
        None => (s.roots_on(date).collect(), 0),
    };
    let target = level.map_or(parent_level + 1, Level::number);
    if target <= parent_level {
        return Err(LookupError::LevelNotBelow {
            level: target,
            parent: parent_level,
            min: parent_level + 1,
        });
    }
    for _ in parent_level + 1..target {
        frontier = frontier
            .into_iter()
            .flat_map(|i| s.children_on(i, date).collect::<Vec<_>>())
            .collect();
    }
    Ok(page(s, frontier, date, paging))
}

fn page(s: &Snapshot, all: Vec<DivIdx>, date: NaiveDate, p: Paging) -> Page<DivisionSummary> {
    Page {
        total: all.len(),
        offset: p.offset,
        limit: p.limit,
        items: all
            .into_iter()
            .skip(p.offset)
            .take(p.limit)
            .map(|i| summary(s, i, date))
            .collect(),
    }
}
