//! GeoNames populated places → place names, located in their county.

use geo::{Geometry, Point};

use crate::domain::romanization::{romanize, split_generic};
use crate::domain::{Level, NameStatus, PlaceName, PlaceNameId, RegulatedKind, Source, Validity};
use crate::engine::Snapshot;
use crate::ingest::geonames::GeoNamesPlace;

use super::ids::IdAllocator;
use super::report::{ImportReport, Unit};

/// 居民点 populated place: the national database's category for settlements.
const CATEGORY_SETTLEMENT: &str = "22200";

/// The standard form among a place's Han names: the longest one that extends the first
/// (宗加 | 宗加乡 → 宗加乡), so the 通名 is kept when GeoNames has it.
fn standard_form(han: &[String]) -> (&str, Vec<String>) {
    let first = han[0].as_str();
    let best = han
        .iter()
        .filter(|h| h.starts_with(first))
        .max_by_key(|h| h.chars().count())
        .map_or(first, String::as_str);
    let aliases = han.iter().filter(|h| *h != best).cloned().collect();
    (best, aliases)
}

/// Converts places, locating each in the county polygon that contains it.
pub fn convert(
    places: Vec<GeoNamesPlace>,
    divisions: &Snapshot,
    ids: &mut IdAllocator<String, PlaceNameId>,
    report: &mut ImportReport,
) -> Vec<PlaceName> {
    let today = chrono::Local::now().date_naive();
    report.places = places.len();
    places
        .into_iter()
        .map(|p| {
            let (standard, aliases) = standard_form(&p.han_names);
            let standard = standard.to_string();
            let (specific, generic) = split_generic(&standard);
            let (specific, generic) = (specific.to_string(), generic.map(str::to_string));
            let point = Point::new(p.lon, p.lat);
            let county = divisions
                .containing(Level::County, point, today)
                .first()
                .map(|i| divisions.division(*i).id);
            match county {
                Some(_) => report.places_located += 1,
                None => report.places_outside.push(Unit {
                    code: format!("geonames:{}", p.geonameid),
                    name: standard.clone(),
                }),
            }
            let external_id = format!("geonames:{}", p.geonameid);
            PlaceName {
                id: ids.id(external_id.clone(), PlaceNameId),
                roman: romanize(&standard).text,
                standard_name: standard,
                specific,
                generic,
                category_code: CATEGORY_SETTLEMENT.to_string(),
                regulated_kind: RegulatedKind::Other,
                meaning: None,
                origin: None,
                history: None,
                aliases,
                historical_names: Vec::new(),
                geometry: Some(Geometry::Point(point)),
                division: county,
                validity: Validity::current(),
                status: NameStatus::InUse,
                source: Source::Real,
                external_id,
                named_on: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_generic() {
        let han = vec!["宗加".to_string(), "宗加乡".to_string()];
        let (s, aliases) = standard_form(&han);
        assert_eq!(s, "宗加乡");
        assert_eq!(aliases, vec!["宗加".to_string()]);
    }
}
