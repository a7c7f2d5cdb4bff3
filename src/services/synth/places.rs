//! Place names and signs: the real division names at their (real or synthetic)
//! polygons, and generated names placed inside the synthetic village polygons, with
//! signs (地名标志) for a share of them.
//!
//! Generated records get ids from [`GENERATED_ID_BASE`] up and external ids
//! `synth:…`, so a new run replaces an old one whole and real records keep their ids.

use chrono::NaiveDate;
use geo::{BoundingRect, Contains, Geometry, InteriorPoint, MultiPolygon, Point};

use crate::domain::romanization::{romanize, split_generic};
use crate::domain::{
    Division, DivisionCode, HistoricalName, Level, NameStatus, PlaceName, PlaceNameId,
    RegulatedKind, Sign, SignCode, SignCondition, SignId, SignType, Source, Validity,
};
use crate::synth::names::{generate, NameModel, NameSpec, SyntheticName};
use crate::synth::rng::mix;

/// First id of generated place names and signs (real records stay below).
pub const GENERATED_ID_BASE: i64 = 1_000_000_000;

fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// A point inside `poly`, drawn from `h` (rejection sampling in the bounding box, with
/// the interior point as the fallback).
pub fn point_in(poly: &MultiPolygon<f64>, h: u64) -> Option<Point<f64>> {
    let r = poly.bounding_rect()?;
    let mut s = h;
    for _ in 0..32 {
        s = mix(s);
        let x = r.min().x + unit(s) * r.width();
        s = mix(s);
        let y = r.min().y + unit(s) * r.height();
        let p = Point::new(x, y);
        if poly.contains(&p) {
            return Some(p);
        }
    }
    poly.interior_point()
}

/// Category and kind of a division's own name.
fn division_category(d: &Division) -> (&'static str, RegulatedKind) {
    match d.level {
        Level::Province => ("21100", RegulatedKind::AdministrativeDivision),
        Level::Prefecture => ("21200", RegulatedKind::AdministrativeDivision),
        Level::County => ("21300", RegulatedKind::AdministrativeDivision),
        Level::Township => ("21400", RegulatedKind::AdministrativeDivision),
        Level::Village => {
            let v: u32 = d.code.as_str()[9..].parse().unwrap_or(0);
            let code = if (1..=199).contains(&v) {
                "21620"
            } else {
                "21610"
            };
            (code, RegulatedKind::CommitteeSeat)
        }
    }
}

/// The place-name record of a division's own name, at an interior point of its polygon.
pub fn division_name(d: &Division, id: i64) -> PlaceName {
    let (category, kind) = division_category(d);
    let (specific, generic) = split_generic(&d.name);
    let geometry = d.geometry.as_ref().and_then(|g| g.interior_point());
    let real = d.geometry_source == Some(Source::Real) && d.source == Source::Real;
    PlaceName {
        id: PlaceNameId(id),
        standard_name: d.name.clone(),
        specific: specific.to_string(),
        generic: generic.map(str::to_string),
        roman: romanize(&d.name).text,
        category_code: category.to_string(),
        regulated_kind: kind,
        meaning: None,
        origin: None,
        history: None,
        aliases: Vec::new(),
        historical_names: Vec::new(),
        geometry: geometry.map(Geometry::Point),
        division: Some(d.id),
        validity: d.validity,
        status: NameStatus::InUse,
        // The name is real; where it is drawn is only real when the polygon is.
        source: if real {
            Source::Real
        } else {
            Source::Synthetic
        },
        external_id: format!("synth:division:{}", d.code),
        named_on: None,
    }
}

/// One generated name as a place-name record inside `village`.
pub fn generated_name(
    n: SyntheticName,
    county: &DivisionCode,
    village: (&Division, &MultiPolygon<f64>),
    id: i64,
    seed: u64,
) -> PlaceName {
    let position = point_in(village.1, mix(seed ^ id as u64));
    let kind = RegulatedKind::parse(n.regulated_kind).unwrap_or(RegulatedKind::Other);
    let renamed = n
        .historical
        .as_ref()
        .and_then(|(_, d)| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    PlaceName {
        id: PlaceNameId(id),
        historical_names: n
            .historical
            .map(|(old, _)| HistoricalName {
                name: old,
                validity: Validity::new(None, renamed),
                note: None,
            })
            .into_iter()
            .collect(),
        standard_name: n.standard_name,
        specific: n.specific,
        generic: n.generic,
        roman: n.roman,
        category_code: n.category_code.to_string(),
        regulated_kind: kind,
        meaning: Some(n.meaning).filter(|m| !m.is_empty()),
        origin: Some(n.origin).filter(|m| !m.is_empty()),
        history: None,
        aliases: Vec::new(),
        geometry: position.map(Geometry::Point),
        division: Some(village.0.id),
        validity: Validity::new(renamed, None),
        status: NameStatus::InUse,
        source: Source::Synthetic,
        external_id: format!("synth:{}:{}", county, n.seq),
        named_on: None,
    }
}

/// Generated names of one county, spread over its villages.
pub fn county_names(
    model: &NameModel,
    county: &Division,
    villages: &[(&Division, &MultiPolygon<f64>)],
    count: usize,
    seed: u64,
    first_id: i64,
) -> Vec<PlaceName> {
    if villages.is_empty() || count == 0 {
        return Vec::new();
    }
    let spec = NameSpec {
        county_code: county.code.to_string(),
        province_code: county.code.as_str()[..2].to_string(),
        count,
    };
    generate(model, &spec, seed)
        .enumerate()
        .map(|(i, n)| {
            let id = first_id + i as i64;
            let v = villages
                [(mix(seed ^ (id as u64).rotate_left(17)) % villages.len() as u64) as usize];
            generated_name(n, &county.code, v, id, seed)
        })
        .collect()
}

fn sign_type(category: &str) -> SignType {
    match category {
        "21800" => SignType::Street,
        "21610" | "21620" | "22200" | "22300" => SignType::Village,
        "22110" | "22190" => SignType::Building,
        c if c.starts_with('1') => SignType::NaturalFeature,
        _ => SignType::Area,
    }
}

/// Signs for every `stride`-th name of a county that has a position; codes are
/// numbered within the county from `first_serial`.
pub fn county_signs(
    county: &DivisionCode,
    names: &[PlaceName],
    wanted: usize,
    first_serial: u32,
    seed: u64,
) -> Vec<Sign> {
    if wanted == 0 || names.is_empty() {
        return Vec::new();
    }
    let stride = (names.len() / wanted).max(1);
    names
        .iter()
        .step_by(stride)
        .take(wanted)
        .enumerate()
        .filter_map(|(k, n)| {
            let Some(Geometry::Point(p)) = &n.geometry else {
                return None;
            };
            let serial = first_serial + k as u32;
            let code = SignCode::new(county, serial).ok()?;
            let h = mix(seed ^ n.id.0 as u64 ^ 0x5167);
            // Signs stand within about 30 m of the named point.
            let (dx, dy) = ((unit(h) - 0.5) * 0.0006, (unit(mix(h)) - 0.5) * 0.0006);
            let condition = match h % 100 {
                0..=1 => SignCondition::Missing,
                2..=9 => SignCondition::Damaged,
                _ => SignCondition::Good,
            };
            Some(Sign {
                id: SignId(GENERATED_ID_BASE + n.id.0 % GENERATED_ID_BASE),
                code: code.to_string(),
                sign_type: sign_type(&n.category_code),
                place_name: n.id,
                text_zh: n.standard_name.clone(),
                text_roman: n.roman.to_uppercase(),
                text_ethnic: None,
                position: Point::new(p.x() + dx, p.y() + dy),
                installed_on: NaiveDate::from_ymd_opt(
                    2012 + (h >> 8) as i32 % 13,
                    1 + (h >> 16) as u32 % 12,
                    1,
                ),
                condition,
                source: Source::Synthetic,
            })
        })
        .collect()
}
