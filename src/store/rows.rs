//! Flat row types shared by both backends, and their mapping to domain types.
//!
//! Dates travel as ISO-8601 text (PostGIS casts with `::date` / `::text`), geometries
//! as WKB, lists as JSON text, so one row type and one mapping serve both stores.

use chrono::NaiveDate;
use geo::{BoundingRect, Geometry};

use crate::domain::{
    BoundaryLine, BoundaryLineId, BoundaryMarker, BoundaryMarkerId, ChangeEvent, ChangeEventId,
    ChangeKind, DatePrecision, DivisionId as Did, MarkerNumber, Sign, SignCondition, SignId,
    SignType,
};
use crate::domain::{
    CodeRecord, CodeSystem, Division, DivisionCode, DivisionId, DivisionKind, Level, NameStatus,
    PlaceName, PlaceNameId, RegulatedKind, Source, UrbanRuralClass, Validity,
};

use super::{wkb, StoreError};

/// One row of `divisions`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct DivisionRow {
    pub id: i64,
    pub key: String,
    pub level: i32,
    pub name: String,
    pub code: String,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub urban_rural: Option<i32>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub source: String,
    pub geometry_source: Option<String>,
    pub geom: Option<Vec<u8>>,
    /// `[min_x, min_y, max_x, max_y]`, written to SQLite's bbox columns.
    #[sqlx(skip)]
    pub bbox: Option<[f64; 4]>,
}

/// One row of `division_codes`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct CodeRow {
    pub division_id: i64,
    pub code: String,
    pub system: String,
    pub vintage: String,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
}

/// One row of `place_names`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct PlaceNameRow {
    pub id: i64,
    pub external_id: String,
    pub standard_name: String,
    pub specific: String,
    pub generic: Option<String>,
    pub roman: String,
    pub category_code: String,
    pub regulated_kind: String,
    pub meaning: Option<String>,
    pub origin: Option<String>,
    pub history: Option<String>,
    pub aliases: String,
    pub historical_names: String,
    pub division_id: Option<i64>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub status: String,
    pub source: String,
    pub named_on: Option<String>,
    pub geom: Option<Vec<u8>>,
    /// `[min_x, min_y, max_x, max_y]`, written to SQLite's bbox columns.
    #[sqlx(skip)]
    pub bbox: Option<[f64; 4]>,
}

/// Bounding box `[min_x, min_y, max_x, max_y]` of a geometry, for the SQLite columns.
pub(crate) fn bbox(g: &Geometry<f64>) -> Option<[f64; 4]> {
    g.bounding_rect()
        .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y])
}

pub(crate) fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn parse_date(
    table: &'static str,
    id: i64,
    s: &Option<String>,
) -> Result<Option<NaiveDate>, StoreError> {
    s.as_deref()
        .map(|s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| corrupt(table, id, e.to_string()))
        })
        .transpose()
}

fn corrupt(table: &'static str, id: i64, detail: String) -> StoreError {
    StoreError::Corrupt { table, id, detail }
}

fn validity(
    table: &'static str,
    id: i64,
    from: &Option<String>,
    to: &Option<String>,
) -> Result<Validity, StoreError> {
    Ok(Validity::new(
        parse_date(table, id, from)?,
        parse_date(table, id, to)?,
    ))
}

fn source(table: &'static str, id: i64, s: &str) -> Result<Source, StoreError> {
    Source::parse(s).ok_or_else(|| corrupt(table, id, format!("source {s:?}")))
}

impl DivisionRow {
    /// Flattens a division for writing.
    pub fn from_domain(d: &Division) -> Self {
        DivisionRow {
            id: d.id.0,
            key: d.key(),
            level: i32::from(d.level.number()),
            name: d.name.clone(),
            code: d.code.to_string(),
            parent_id: d.parent.map(|p| p.0),
            kind: d.kind.as_str().to_string(),
            urban_rural: d.urban_rural.map(|u| i32::from(u.0)),
            valid_from: date_text(d.validity.valid_from),
            valid_to: date_text(d.validity.valid_to),
            source: d.source.as_str().to_string(),
            geometry_source: d.geometry_source.map(|s| s.as_str().to_string()),
            geom: d
                .geometry
                .as_ref()
                .map(|g| wkb::encode(&Geometry::MultiPolygon(g.clone()))),
            bbox: d
                .geometry
                .as_ref()
                .and_then(|g| bbox(&Geometry::MultiPolygon(g.clone()))),
        }
    }

    /// Rebuilds the division; `codes` are its code records.
    pub fn into_domain(self, codes: Vec<CodeRecord>) -> Result<Division, StoreError> {
        const T: &str = "divisions";
        let id = self.id;
        let bad = |detail: String| corrupt(T, id, detail);
        let code = DivisionCode::from_canonical(&self.code).map_err(|e| bad(e.to_string()))?;
        Ok(Division {
            id: DivisionId(id),
            level: Level::try_from(i64::from(self.level)).map_err(|e| bad(e.to_string()))?,
            kind: DivisionKind::parse(&self.kind)
                .ok_or_else(|| bad(format!("kind {:?}", self.kind)))?,
            urban_rural: self
                .urban_rural
                .and_then(|u| u16::try_from(u).ok())
                .map(UrbanRuralClass),
            validity: validity(T, id, &self.valid_from, &self.valid_to)?,
            source: source(T, id, &self.source)?,
            geometry_source: self
                .geometry_source
                .as_deref()
                .map(|s| source(T, id, s))
                .transpose()?,
            geometry: self
                .geom
                .as_deref()
                .map(wkb::decode_multipolygon)
                .transpose()
                .map_err(|e| bad(e.to_string()))?,
            parent: self.parent_id.map(DivisionId),
            name: self.name,
            code,
            codes,
        })
    }
}

impl CodeRow {
    /// Flattens one code record of a division.
    pub fn from_domain(division: DivisionId, c: &CodeRecord) -> Self {
        CodeRow {
            division_id: division.0,
            code: c.code.to_string(),
            system: c.system.as_str().to_string(),
            vintage: c.vintage.clone(),
            valid_from: date_text(c.validity.valid_from),
            valid_to: date_text(c.validity.valid_to),
        }
    }

    /// Rebuilds the code record.
    pub fn into_domain(self) -> Result<CodeRecord, StoreError> {
        const T: &str = "division_codes";
        let id = self.division_id;
        Ok(CodeRecord {
            code: DivisionCode::from_canonical(&self.code)
                .map_err(|e| corrupt(T, id, e.to_string()))?,
            system: CodeSystem::parse(&self.system)
                .ok_or_else(|| corrupt(T, id, format!("system {:?}", self.system)))?,
            validity: validity(T, id, &self.valid_from, &self.valid_to)?,
            vintage: self.vintage,
        })
    }
}

impl PlaceNameRow {
    /// Flattens a place name for writing.
    pub fn from_domain(p: &PlaceName) -> Self {
        PlaceNameRow {
            id: p.id.0,
            external_id: p.external_id.clone(),
            standard_name: p.standard_name.clone(),
            specific: p.specific.clone(),
            generic: p.generic.clone(),
            roman: p.roman.clone(),
            category_code: p.category_code.clone(),
            regulated_kind: p.regulated_kind.as_str().to_string(),
            meaning: p.meaning.clone(),
            origin: p.origin.clone(),
            history: p.history.clone(),
            aliases: serde_json::to_string(&p.aliases).unwrap_or_else(|_| "[]".into()),
            historical_names: serde_json::to_string(&p.historical_names)
                .unwrap_or_else(|_| "[]".into()),
            division_id: p.division.map(|d| d.0),
            valid_from: date_text(p.validity.valid_from),
            valid_to: date_text(p.validity.valid_to),
            status: p.status.as_str().to_string(),
            source: p.source.as_str().to_string(),
            named_on: date_text(p.named_on),
            geom: p.geometry.as_ref().map(wkb::encode),
            bbox: p.geometry.as_ref().and_then(bbox),
        }
    }

    /// Rebuilds the place name.
    pub fn into_domain(self) -> Result<PlaceName, StoreError> {
        const T: &str = "place_names";
        let id = self.id;
        let bad = |detail: String| corrupt(T, id, detail);
        Ok(PlaceName {
            id: PlaceNameId(id),
            regulated_kind: RegulatedKind::parse(&self.regulated_kind)
                .ok_or_else(|| bad(format!("regulated_kind {:?}", self.regulated_kind)))?,
            status: NameStatus::parse(&self.status)
                .ok_or_else(|| bad(format!("status {:?}", self.status)))?,
            aliases: serde_json::from_str(&self.aliases).map_err(|e| bad(e.to_string()))?,
            historical_names: serde_json::from_str(&self.historical_names)
                .map_err(|e| bad(e.to_string()))?,
            validity: validity(T, id, &self.valid_from, &self.valid_to)?,
            named_on: parse_date(T, id, &self.named_on)?,
            source: source(T, id, &self.source)?,
            geometry: self
                .geom
                .as_deref()
                .map(wkb::decode)
                .transpose()
                .map_err(|e| bad(e.to_string()))?,
            division: self.division_id.map(DivisionId),
            external_id: self.external_id,
            standard_name: self.standard_name,
            specific: self.specific,
            generic: self.generic,
            roman: self.roman,
            category_code: self.category_code,
            meaning: self.meaning,
            origin: self.origin,
            history: self.history,
        })
    }
}

/// Groups code rows by division id.
pub(crate) fn group_codes(
    rows: Vec<CodeRow>,
) -> Result<std::collections::HashMap<i64, Vec<CodeRecord>>, StoreError> {
    let mut map: std::collections::HashMap<i64, Vec<CodeRecord>> = Default::default();
    for r in rows {
        let id = r.division_id;
        map.entry(id).or_default().push(r.into_domain()?);
    }
    Ok(map)
}

/// Assembles divisions from their rows and grouped codes.
pub(crate) fn assemble_divisions(
    rows: Vec<DivisionRow>,
    codes: Vec<CodeRow>,
) -> Result<Vec<Division>, StoreError> {
    let mut codes = group_codes(codes)?;
    rows.into_iter()
        .map(|r| {
            let c = codes.remove(&r.id).unwrap_or_default();
            r.into_domain(c)
        })
        .collect()
}

/// One row of `change_events`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct ChangeEventRow {
    pub id: i64,
    pub key: String,
    pub kind: String,
    pub effective_on: String,
    pub date_precision: String,
    pub approval_doc: Option<String>,
    pub approver: Option<String>,
    pub note: Option<String>,
}

/// One row of `change_event_links`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct LinkRow {
    pub event_id: i64,
    pub division_id: i64,
    pub role: String,
}

impl ChangeEventRow {
    /// Flattens an event (its links go to [`LinkRow`]s).
    pub fn from_domain(e: &ChangeEvent) -> Self {
        ChangeEventRow {
            id: e.id.0,
            key: e.key.clone(),
            kind: e.kind.as_str().to_string(),
            effective_on: e.effective_on.format("%Y-%m-%d").to_string(),
            date_precision: e.date_precision.as_str().to_string(),
            approval_doc: e.approval_doc.clone(),
            approver: e.approver.clone(),
            note: e.note.clone(),
        }
    }
}

impl LinkRow {
    /// The predecessor and successor links of an event.
    pub fn from_domain(e: &ChangeEvent) -> Vec<Self> {
        let link = |d: &Did, role: &str| LinkRow {
            event_id: e.id.0,
            division_id: d.0,
            role: role.to_string(),
        };
        e.predecessors
            .iter()
            .map(|d| link(d, "predecessor"))
            .chain(e.successors.iter().map(|d| link(d, "successor")))
            .collect()
    }
}

/// Assembles events from their rows and links.
pub(crate) fn assemble_events(
    rows: Vec<ChangeEventRow>,
    links: Vec<LinkRow>,
) -> Result<Vec<ChangeEvent>, StoreError> {
    const T: &str = "change_events";
    let mut by_event: std::collections::HashMap<i64, (Vec<Did>, Vec<Did>)> = Default::default();
    for l in links {
        let entry = by_event.entry(l.event_id).or_default();
        match l.role.as_str() {
            "predecessor" => entry.0.push(Did(l.division_id)),
            _ => entry.1.push(Did(l.division_id)),
        }
    }
    rows.into_iter()
        .map(|r| {
            let id = r.id;
            let (predecessors, successors) = by_event.remove(&id).unwrap_or_default();
            Ok(ChangeEvent {
                id: ChangeEventId(id),
                kind: ChangeKind::parse(&r.kind)
                    .ok_or_else(|| corrupt(T, id, format!("kind {:?}", r.kind)))?,
                effective_on: parse_date(T, id, &Some(r.effective_on))?
                    .ok_or_else(|| corrupt(T, id, "no date".into()))?,
                date_precision: DatePrecision::parse(&r.date_precision)
                    .ok_or_else(|| corrupt(T, id, format!("precision {:?}", r.date_precision)))?,
                key: r.key,
                approval_doc: r.approval_doc,
                approver: r.approver,
                predecessors,
                successors,
                note: r.note,
            })
        })
        .collect()
}

/// One row of `boundary_lines`; `parties` is an integer-array literal `{1,2}`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct BoundaryLineRow {
    pub id: i64,
    pub line_no: String,
    pub level: i32,
    pub parties: String,
    pub length_m: f64,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub source: String,
    pub geom: Vec<u8>,
}

/// One row of `boundary_markers`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct MarkerRow {
    pub id: i64,
    pub scope: String,
    pub number: String,
    pub line_id: i64,
    pub material: Option<String>,
    pub year_set: Option<i32>,
    pub maintainer_id: Option<i64>,
    pub installed_on: Option<String>,
    pub source: String,
    pub geom: Vec<u8>,
}

/// One row of `signs`.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct SignRow {
    pub id: i64,
    pub code: String,
    pub sign_type: String,
    pub place_name_id: i64,
    pub text_zh: String,
    pub text_roman: String,
    pub text_ethnic: Option<String>,
    pub installed_on: Option<String>,
    pub condition: String,
    pub source: String,
    pub geom: Vec<u8>,
}

fn point(table: &'static str, id: i64, bytes: &[u8]) -> Result<geo::Point<f64>, StoreError> {
    match wkb::decode(bytes).map_err(|e| corrupt(table, id, e.to_string()))? {
        Geometry::Point(p) => Ok(p),
        _ => Err(corrupt(table, id, "expected a point".into())),
    }
}

impl BoundaryLineRow {
    /// Flattens a line.
    pub fn from_domain(l: &BoundaryLine) -> Self {
        let parties: Vec<String> = l.parties.iter().map(|p| p.0.to_string()).collect();
        BoundaryLineRow {
            id: l.id.0,
            line_no: l.line_no.clone(),
            level: i32::from(l.level.number()),
            parties: format!("{{{}}}", parties.join(",")),
            length_m: l.length_m,
            valid_from: date_text(l.validity.valid_from),
            valid_to: date_text(l.validity.valid_to),
            source: l.source.as_str().to_string(),
            geom: wkb::encode(&Geometry::MultiLineString(l.geometry.clone())),
        }
    }

    /// Rebuilds the line.
    pub fn into_domain(self) -> Result<BoundaryLine, StoreError> {
        const T: &str = "boundary_lines";
        let id = self.id;
        let parties = self
            .parties
            .trim_matches(|c| c == '{' || c == '}')
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| p.trim().parse::<i64>().map(Did))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| corrupt(T, id, e.to_string()))?;
        let geometry = match wkb::decode(&self.geom).map_err(|e| corrupt(T, id, e.to_string()))? {
            Geometry::MultiLineString(m) => m,
            Geometry::LineString(l) => geo::MultiLineString(vec![l]),
            _ => return Err(corrupt(T, id, "expected lines".into())),
        };
        Ok(BoundaryLine {
            id: BoundaryLineId(id),
            line_no: self.line_no,
            level: Level::try_from(i64::from(self.level))
                .map_err(|e| corrupt(T, id, e.to_string()))?,
            parties,
            length_m: self.length_m,
            geometry,
            validity: validity(T, id, &self.valid_from, &self.valid_to)?,
            source: source(T, id, &self.source)?,
        })
    }
}

impl MarkerRow {
    /// Flattens a marker.
    pub fn from_domain(m: &BoundaryMarker) -> Self {
        MarkerRow {
            id: m.id.0,
            scope: m.scope.clone(),
            number: m.number.as_str().to_string(),
            line_id: m.line.0,
            material: m.material.clone(),
            year_set: m.year_set,
            maintainer_id: m.maintainer.map(|d| d.0),
            installed_on: date_text(m.installed_on),
            source: m.source.as_str().to_string(),
            geom: wkb::encode(&Geometry::Point(m.agreed_position)),
        }
    }

    /// Rebuilds the marker.
    pub fn into_domain(self) -> Result<BoundaryMarker, StoreError> {
        const T: &str = "boundary_markers";
        let id = self.id;
        Ok(BoundaryMarker {
            id: BoundaryMarkerId(id),
            scope: self.scope,
            number: MarkerNumber::parse(&self.number).map_err(|e| corrupt(T, id, e.to_string()))?,
            line: BoundaryLineId(self.line_id),
            agreed_position: point(T, id, &self.geom)?,
            material: self.material,
            year_set: self.year_set,
            maintainer: self.maintainer_id.map(Did),
            installed_on: parse_date(T, id, &self.installed_on)?,
            source: source(T, id, &self.source)?,
        })
    }
}

impl SignRow {
    /// Flattens a sign.
    pub fn from_domain(s: &Sign) -> Self {
        SignRow {
            id: s.id.0,
            code: s.code.clone(),
            sign_type: s.sign_type.as_str().to_string(),
            place_name_id: s.place_name.0,
            text_zh: s.text_zh.clone(),
            text_roman: s.text_roman.clone(),
            text_ethnic: s.text_ethnic.clone(),
            installed_on: date_text(s.installed_on),
            condition: s.condition.as_str().to_string(),
            source: s.source.as_str().to_string(),
            geom: wkb::encode(&Geometry::Point(s.position)),
        }
    }

    /// Rebuilds the sign.
    pub fn into_domain(self) -> Result<Sign, StoreError> {
        const T: &str = "signs";
        let id = self.id;
        Ok(Sign {
            id: SignId(id),
            sign_type: SignType::parse(&self.sign_type)
                .ok_or_else(|| corrupt(T, id, format!("sign_type {:?}", self.sign_type)))?,
            condition: SignCondition::parse(&self.condition)
                .ok_or_else(|| corrupt(T, id, format!("condition {:?}", self.condition)))?,
            place_name: PlaceNameId(self.place_name_id),
            position: point(T, id, &self.geom)?,
            installed_on: parse_date(T, id, &self.installed_on)?,
            source: source(T, id, &self.source)?,
            code: self.code,
            text_zh: self.text_zh,
            text_roman: self.text_roman,
            text_ethnic: self.text_ethnic,
        })
    }
}

/// The columns of `place_names` the engine keeps.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct NameEntryRow {
    pub id: i64,
    pub standard_name: String,
    pub roman: String,
    pub category_code: String,
    pub division_id: Option<i64>,
    pub source: String,
    pub geom: Option<Vec<u8>>,
}

impl NameEntryRow {
    /// Appends the compact entry to a name table; non-point geometries are represented
    /// by an interior point.
    pub fn push_into(self, table: &mut crate::engine::NameTableBuilder) -> Result<(), StoreError> {
        use geo::InteriorPoint;
        const T: &str = "place_names";
        let id = self.id;
        let position = match self.geom.as_deref().map(wkb::decode).transpose() {
            Ok(Some(Geometry::Point(p))) => Some(p),
            Ok(Some(g)) => g.interior_point(),
            Ok(None) => None,
            Err(e) => return Err(corrupt(T, id, e.to_string())),
        };
        table
            .push(crate::engine::NameRef {
                id: PlaceNameId(id),
                name: &self.standard_name,
                roman: &self.roman,
                category: self.category_code.parse().unwrap_or(0),
                position,
                division: self.division_id.map(Did),
                source: source(T, id, &self.source)?,
            })
            .map_err(|e| corrupt(T, id, e.to_string()))?;
        Ok(())
    }
}
