//! 行政区划查询 browsing divisions: one by code, children, lists by parent and level.

use chrono::NaiveDate;
use geo::{BoundingRect, GeodesicArea, MultiPolygon};
use serde::Serialize;

use crate::domain::romanization::romanize;
use crate::domain::{
    ChangeEvent, ChangeKind, CodeError, CodeRecord, DatePrecision, Division, DivisionCode,
    DivisionId, DivisionKind, Level, Source, Validity,
};
use crate::engine::{DivIdx, Snapshot};

/// Why a division lookup has no answer.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error(transparent)]
    BadCode(#[from] CodeError),
    #[error("no division has code {code} on {date}")]
    NotFound { code: String, date: NaiveDate },
    #[error("code {code} ({name}) is valid only from {valid_from}; on {date} its predecessors were {predecessors}")]
    NotYetValid {
        code: String,
        name: String,
        date: NaiveDate,
        valid_from: NaiveDate,
        predecessors: String,
    },
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

/// A division-change event as shown with a division.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    pub id: i64,
    pub kind: ChangeKind,
    pub kind_zh: &'static str,
    pub effective_on: NaiveDate,
    pub date_precision: DatePrecision,
    pub predecessors: Vec<DivisionRef>,
    pub successors: Vec<DivisionRef>,
    pub note: Option<String>,
}

/// Set when the code asked for was retired before the date asked for.
#[derive(Debug, Clone, Serialize)]
pub struct Retirement {
    pub retired_on: NaiveDate,
    pub successors: Vec<DivisionRef>,
    pub note: String,
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
    /// 沿革 the change events this division took part in, oldest first.
    pub history: Vec<ChangeView>,
    /// Present when the code was retired before the date asked for: this is its last
    /// version, and these are its successors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired: Option<Retirement>,
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

pub(crate) fn reference(d: &Division) -> DivisionRef {
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

/// The code a user meant: the exact spelling when a division carries it (`441900`, the
/// county-level unit of 东莞), else the canonical short form (`330000` → `33`).
pub(crate) fn user_code(s: &Snapshot, input: &str) -> Result<DivisionCode, LookupError> {
    let trimmed = input.trim();
    if let Ok(exact) = DivisionCode::from_canonical(trimmed) {
        if !s.all_by_code(&exact).is_empty() {
            return Ok(exact);
        }
    }
    Ok(DivisionCode::parse(trimmed)?)
}

pub(crate) fn find(s: &Snapshot, code: &str, date: NaiveDate) -> Result<DivIdx, LookupError> {
    let code = user_code(s, code)?;
    s.by_code(&code, date).ok_or_else(|| LookupError::NotFound {
        code: code.to_string(),
        date,
    })
}

pub(crate) fn change_view(s: &Snapshot, e: &ChangeEvent) -> ChangeView {
    let refs = |ids: &[DivisionId]| {
        ids.iter()
            .filter_map(|id| s.index_of(*id))
            .map(|i| reference(s.division(i)))
            .collect()
    };
    ChangeView {
        id: e.id.0,
        kind: e.kind,
        kind_zh: e.kind.name_zh(),
        effective_on: e.effective_on,
        date_precision: e.date_precision,
        predecessors: refs(&e.predecessors),
        successors: refs(&e.successors),
        note: e.note.clone(),
    }
}

fn names(refs: &[DivisionRef]) -> String {
    refs.iter()
        .map(|r| format!("{} {}", r.code, r.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Resolves a code on `date`, or explains why it has no version then: a code retired
/// before `date` resolves to its last version with its successors; a code that starts
/// after `date` is an error naming its predecessors.
fn resolve(
    s: &Snapshot,
    code: &str,
    date: NaiveDate,
) -> Result<(DivIdx, Option<Retirement>), LookupError> {
    let parsed = user_code(s, code)?;
    if let Some(i) = s.by_code(&parsed, date) {
        return Ok((i, None));
    }
    let versions = s.all_by_code(&parsed);
    let ended = versions
        .iter()
        .copied()
        .filter(|i| s.division(*i).validity.valid_to.is_some_and(|t| t <= date))
        .max_by_key(|i| s.division(*i).validity.valid_to);
    if let Some(i) = ended {
        let d = s.division(i);
        let retired_on = d.validity.valid_to.unwrap_or(date);
        let successors: Vec<DivisionRef> = s
            .events_of(d.id)
            .filter(|e| e.predecessors.contains(&d.id))
            .flat_map(|e| change_view(s, e).successors)
            .collect();
        let note = format!(
            "代码 {} {} 已于 {} 撤销，继承者：{} / code {} was retired on {}; successors: {}",
            d.code,
            d.name,
            retired_on,
            names(&successors),
            d.code,
            retired_on,
            names(&successors)
        );
        return Ok((
            i,
            Some(Retirement {
                retired_on,
                successors,
                note,
            }),
        ));
    }
    let later = versions
        .iter()
        .copied()
        .filter(|i| s.division(*i).validity.valid_from.is_some_and(|f| f > date))
        .min_by_key(|i| s.division(*i).validity.valid_from);
    if let Some(i) = later {
        let d = s.division(i);
        let predecessors: Vec<DivisionRef> = s
            .events_of(d.id)
            .filter(|e| e.successors.contains(&d.id))
            .flat_map(|e| change_view(s, e).predecessors)
            .collect();
        return Err(LookupError::NotYetValid {
            code: d.code.to_string(),
            name: d.name.clone(),
            date,
            valid_from: d.validity.valid_from.unwrap_or(date),
            predecessors: names(&predecessors),
        });
    }
    Err(LookupError::NotFound {
        code: parsed.to_string(),
        date,
    })
}

/// The division a code denotes on `date`, with its chain, codes, history and geometry.
pub fn get(s: &Snapshot, code: &str, date: NaiveDate) -> Result<DivisionView, LookupError> {
    let (i, retired) = resolve(s, code, date)?;
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
        history: s.events_of(d.id).map(|e| change_view(s, e)).collect(),
        retired,
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
