//! 街路巷 street names: real names, learned specifics, directions, ordinals.
//!
//! Patterns and shares: a real street name of the province or the country
//! (30 %: 人民路, 解放路, 建设路, 中山路…), a new specific from the street
//! model (25 %), an urban community specific (12 %), a base with a direction
//! (人民东路, 12 %), 城/环 + direction (城南路, 东环路, 2 %), ordinal streets
//! (经五路 in 河南 and the north-west, 二马路 in 东北, 建设三路 elsewhere,
//! 11 %) and streets named after a township (柳林大街, 8 %).

use super::compose::{town_what, Basis, Ctx, Draft};
use super::generics::GenericTable;
use super::regions::{in_region, NORTHEAST};
use super::rng::Rng;

/// Ordinal numerals, most frequent first.
const ORDINALS: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// Direction characters used as street modifiers.
const DIRECTIONS: &[char] = &['东', '西', '南', '北', '中'];

/// Provinces that number streets as 经N路 / 纬N路.
const GRID_PROVINCES: &[u8] = &[41, 61, 62, 65];

/// Final characters of township specifics that are streets already (淮海中路街道).
const STREETISH: &[char] = &['路', '街', '巷', '道', '里', '弄'];

/// Generics a direction can join (rule 2 of the romanization).
const JOINABLE: &[&str] = &["路", "街", "巷", "道"];

/// Compose one street name.
pub fn street(ctx: &Ctx, rng: &mut Rng) -> Draft {
    let generic = ctx.generic(rng, GenericTable::Street);
    let r = rng.unit();
    if r < 0.30 {
        if let Some(d) = real(ctx, rng) {
            return d;
        }
    }
    if r < 0.55 {
        let s = ctx.region.street_specific.sample(rng, 2, 2);
        if !s.is_empty() {
            return Draft::new(s, generic, Basis::Chars);
        }
    }
    if r < 0.67 {
        return Draft::new(ctx.urban(rng, 2, 2), generic, Basis::Chars);
    }
    if r < 0.79 {
        if let Some(d) = directed(ctx, rng, generic) {
            return d;
        }
    }
    if r < 0.81 {
        return ring(rng, generic);
    }
    if r < 0.92 {
        return ordinal(ctx, rng);
    }
    if let Some((t, g)) = ctx.township(rng) {
        if !t.ends_with(STREETISH) {
            let place = format!("{t}{g}");
            return Draft::new(
                t,
                generic,
                Basis::After {
                    place,
                    what: town_what(g),
                },
            );
        }
    }
    Draft::new(ctx.urban(rng, 2, 2), generic, Basis::Chars)
}

/// A real street name: the province's (60 %) or the country's.
fn real(ctx: &Ctx, rng: &mut Rng) -> Option<Draft> {
    let d = if rng.chance(0.6) && !ctx.region.streets.is_empty() {
        &ctx.region.streets
    } else {
        &ctx.model.national_streets
    };
    let (s, g) = d.sample(rng)?;
    Some(Draft::new(&**s, &**g, Basis::Famous))
}

/// A real street specific with a direction: 人民 + 东 + 路 → 人民东路.
fn directed(ctx: &Ctx, rng: &mut Rng, generic: &'static str) -> Option<Draft> {
    let (base, base_generic) = (0..4)
        .filter_map(|_| ctx.model.national_streets.sample(rng))
        .find(|(s, _)| s.chars().count() >= 2)?;
    let dir = *rng.pick(&DIRECTIONS[..4])?;
    let generic = if JOINABLE.contains(&&**base_generic) {
        &**base_generic
    } else {
        generic
    };
    let of = format!("{base}{generic}");
    if JOINABLE.contains(&generic) {
        Some(Draft::new(
            &**base,
            format!("{dir}{generic}"),
            Basis::Direction { dir, of },
        ))
    } else {
        Some(Draft::new(
            format!("{base}{dir}"),
            generic,
            Basis::Direction { dir, of },
        ))
    }
}

/// 城 + direction (城南路) or direction + 环 (东环路).
fn ring(rng: &mut Rng, generic: &'static str) -> Draft {
    let dir = DIRECTIONS[rng.index(4)];
    let of = "城区".to_string();
    if rng.chance(0.5) {
        Draft::new(format!("城{dir}"), generic, Basis::Direction { dir, of })
    } else {
        Draft::new(format!("{dir}环"), "路", Basis::Direction { dir, of })
    }
}

/// Ordinal streets, by regional habit.
fn ordinal(ctx: &Ctx, rng: &mut Rng) -> Draft {
    // Lower numbers are more common: min of two uniform draws.
    let i = rng.index(ORDINALS.len()).min(rng.index(ORDINALS.len()));
    let numeral = ORDINALS[i];
    let p = ctx.province();
    if in_region(p, GRID_PROVINCES) || (in_region(p, NORTHEAST) && rng.chance(0.3)) {
        let series = if rng.chance(0.5) { "经" } else { "纬" };
        return Draft::new(
            format!("{series}{numeral}"),
            "路",
            Basis::Ordinal {
                numeral,
                series: series.into(),
            },
        );
    }
    if in_region(p, NORTHEAST) {
        let numeral = ORDINALS[i.min(8)];
        return Draft::new(
            numeral,
            "马路",
            Basis::Ordinal {
                numeral,
                series: "马路".into(),
            },
        );
    }
    let base = (0..4)
        .filter_map(|_| ctx.model.national_streets.sample(rng))
        .map(|(s, _)| s.to_string())
        .find(|s| s.chars().count() == 2)
        .unwrap_or_else(|| "工业".into());
    Draft::new(
        format!("{base}{numeral}"),
        "路",
        Basis::Ordinal {
            numeral,
            series: base,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::names::model::{NameModel, RegionModel};

    #[test]
    fn ring_roads() {
        let mut rng = Rng::new(4);
        for _ in 0..20 {
            let d = ring(&mut rng, "街");
            assert!(
                d.full().starts_with('城') || d.full().ends_with("环路"),
                "{}",
                d.full()
            );
        }
    }

    #[test]
    fn ordinals_follow_region() {
        let model = NameModel::default();
        let mut rng = Rng::new(2);
        let henan = RegionModel {
            province: 41,
            ..RegionModel::default()
        };
        let ctx = Ctx {
            model: &model,
            region: &henan,
            county: None,
        };
        let d = ordinal(&ctx, &mut rng);
        assert!(d.specific.starts_with('经') || d.specific.starts_with('纬'));
        let liaoning = RegionModel {
            province: 21,
            ..RegionModel::default()
        };
        let ctx = Ctx {
            model: &model,
            region: &liaoning,
            county: None,
        };
        let any_malu = (0..20).any(|_| ordinal(&ctx, &mut rng).generic == "马路");
        assert!(any_malu);
        let guangdong = RegionModel {
            province: 44,
            ..RegionModel::default()
        };
        let ctx = Ctx {
            model: &model,
            region: &guangdong,
            county: None,
        };
        assert!(ordinal(&ctx, &mut rng).specific.starts_with("工业"));
    }
}
