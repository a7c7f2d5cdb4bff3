//! Composing a name (专名 + 通名) for each category from the learned model.

use super::categories::Category;
use super::generics::GenericTable;
use super::model::split_village;
use super::rng::Rng;
use super::streets;

pub use super::ctx::Ctx;

/// How the specific was formed; drives the meaning and origin texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// Read from the characters of the specific.
    Chars,
    /// Seat of the village committee, sharing the 行政村's name.
    Seat,
    /// Named after the family that founded it.
    Surname(char),
    /// A real, widely used street name (人民路).
    Famous,
    /// A direction added to a base (人民东路, 城南路).
    Direction {
        /// The direction character.
        dir: char,
        /// What it is relative to ("人民路", "城区").
        of: String,
    },
    /// A numbered street (经五路, 二马路, 建设三路).
    Ordinal {
        /// The numeral as written (五).
        numeral: &'static str,
        /// The series (经, 纬, 马路, 建设).
        series: String,
    },
    /// Named after a nearby place or feature.
    After {
        /// The place (柳林镇, 王庄, 青龙河).
        place: String,
        /// What the place is (镇, 村, 河, 山, 路, 县).
        what: &'static str,
    },
}

/// A composed name before texts and spelling are added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// 专名.
    pub specific: String,
    /// 通名 (may be empty).
    pub generic: String,
    /// How the specific was formed.
    pub basis: Basis,
}

impl Draft {
    /// Draft from parts.
    pub fn new(specific: impl Into<String>, generic: impl Into<String>, basis: Basis) -> Self {
        Draft {
            specific: specific.into(),
            generic: generic.into(),
            basis,
        }
    }

    /// The full standard name.
    pub fn full(&self) -> String {
        format!("{}{}", self.specific, self.generic)
    }
}

/// Compose one name of `category`.
pub fn compose(ctx: &Ctx, rng: &mut Rng, category: Category) -> Draft {
    let table = category.info().table;
    match category {
        Category::Village => village(ctx, rng),
        Category::Street => streets::street(ctx, rng),
        Category::Island
        | Category::River
        | Category::Lake
        | Category::Spring
        | Category::Mountain
        | Category::Valley
        | Category::Flat => feature(ctx, rng, table),
        Category::Estate | Category::Building | Category::Area => urban(ctx, rng, table),
        Category::Park => park(ctx, rng),
        Category::Protected => protected(ctx, rng),
        Category::Bridge => bridge(ctx, rng),
        _ => facility(ctx, rng, table),
    }
}

/// 自然村: a real committee seat (12 %) or a generated village.
fn village(ctx: &Ctx, rng: &mut Rng) -> Draft {
    if rng.chance(0.12) {
        if let Some((p, g)) = ctx.real_village(rng) {
            return Draft::new(p, g, Basis::Seat);
        }
    }
    let (prefix, generic) = ctx.village(rng);
    let chars: Vec<char> = prefix.chars().collect();
    let founder = chars
        .first()
        .copied()
        .filter(|c| ctx.model.surnames.contains(c));
    let basis = match (founder, chars.len()) {
        (Some(s), 2) if chars[1] == '家' => Basis::Surname(s),
        (Some(s), 1) if rng.chance(0.7) => Basis::Surname(s),
        _ => Basis::Chars,
    };
    Draft::new(prefix, generic, basis)
}

/// Natural features: rural specific, a nearby village, or a township.
fn feature(ctx: &Ctx, rng: &mut Rng, table: GenericTable) -> Draft {
    let generic = ctx.generic(rng, table);
    let r = rng.unit();
    let (specific, basis) = if r < 0.15 {
        (ctx.rural(rng, 1, 1), Basis::Chars)
    } else if r < 0.65 {
        (ctx.rural(rng, 2, 2), Basis::Chars)
    } else if r < 0.88 {
        let place = ctx.nearby_village(rng);
        (village_specific(&place), Basis::After { place, what: "村" })
    } else if let Some((t, g)) = ctx.township(rng) {
        let what = town_what(g);
        (
            t.to_string(),
            Basis::After {
                place: format!("{t}{g}"),
                what,
            },
        )
    } else {
        (ctx.rural(rng, 2, 2), Basis::Chars)
    };
    fix_repeat(Draft::new(specific, generic, basis))
}

/// Estates, buildings and 区片: urban specifics, streets or the county.
fn urban(ctx: &Ctx, rng: &mut Rng, table: GenericTable) -> Draft {
    let generic = ctx.generic(rng, table);
    if generic == "安置小区" {
        let place = ctx.nearby_village(rng);
        return Draft::new(place.clone(), generic, Basis::After { place, what: "村" });
    }
    let r = rng.unit();
    if r < 0.72 {
        return fix_repeat(Draft::new(ctx.urban(rng, 2, 3), generic, Basis::Chars));
    }
    if r < 0.86 {
        if let Some((s, g)) = ctx.region.streets.sample(rng) {
            if s.chars().count() >= 2 {
                let place = format!("{s}{g}");
                return Draft::new(&**s, generic, Basis::After { place, what: "路" });
            }
        }
    }
    if r < 0.93 {
        if let Some((t, g)) = ctx.township(rng) {
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
    if let Some((c, g)) = ctx.county_name() {
        return Draft::new(
            c,
            generic,
            Basis::After {
                place: format!("{c}{g}"),
                what: "县",
            },
        );
    }
    fix_repeat(Draft::new(ctx.urban(rng, 2, 2), generic, Basis::Chars))
}

/// Parks: famous specifics (人民公园), urban words, the county or a lake.
fn park(ctx: &Ctx, rng: &mut Rng) -> Draft {
    let generic = ctx.generic(rng, GenericTable::Park);
    let r = rng.unit();
    if r < 0.25 {
        if let Some((s, _)) = ctx.model.national_streets.sample(rng) {
            if s.chars().count() == 2 {
                return Draft::new(&**s, generic, Basis::Famous);
            }
        }
    }
    if r < 0.4 {
        if let Some((c, g)) = ctx.county_name() {
            return Draft::new(
                c,
                generic,
                Basis::After {
                    place: format!("{c}{g}"),
                    what: "县",
                },
            );
        }
    }
    if r < 0.6 {
        let lake = format!(
            "{}{}",
            ctx.rural(rng, 1, 2),
            ctx.generic(rng, GenericTable::Lake)
        );
        return Draft::new(
            lake.clone(),
            generic,
            Basis::After {
                place: lake,
                what: "湖",
            },
        );
    }
    fix_repeat(Draft::new(ctx.urban(rng, 2, 2), generic, Basis::Chars))
}

/// Protected areas: named after a mountain or lake.
fn protected(ctx: &Ctx, rng: &mut Rng) -> Draft {
    let generic = ctx.generic(rng, GenericTable::Protected);
    let (table, what) = if rng.chance(0.7) {
        (GenericTable::Mountain, "山")
    } else {
        (GenericTable::Lake, "湖")
    };
    let place = fix_repeat(Draft::new(
        ctx.rural(rng, 2, 2),
        ctx.generic(rng, table),
        Basis::Chars,
    ))
    .full();
    Draft::new(place.clone(), generic, Basis::After { place, what })
}

/// Bridges: over a river, at a village, on a street, or by their characters.
fn bridge(ctx: &Ctx, rng: &mut Rng) -> Draft {
    let generic = ctx.generic(rng, GenericTable::Bridge);
    let r = rng.unit();
    if r < 0.4 {
        let river = fix_repeat(Draft::new(
            ctx.rural(rng, 1, 2),
            ctx.generic(rng, GenericTable::River),
            Basis::Chars,
        ))
        .full();
        return Draft::new(
            river.clone(),
            generic,
            Basis::After {
                place: river,
                what: "河",
            },
        );
    }
    if r < 0.7 {
        let place = ctx.nearby_village(rng);
        return Draft::new(place.clone(), generic, Basis::After { place, what: "村" });
    }
    if r < 0.85 {
        if let Some((s, g)) = ctx.region.streets.sample(rng) {
            return Draft::new(
                &**s,
                generic,
                Basis::After {
                    place: format!("{s}{g}"),
                    what: "路",
                },
            );
        }
    }
    fix_repeat(Draft::new(ctx.rural(rng, 2, 2), generic, Basis::Chars))
}

/// Stations, reservoirs, waterworks, power stations, farms and landmarks.
fn facility(ctx: &Ctx, rng: &mut Rng, table: GenericTable) -> Draft {
    let generic = ctx.generic(rng, table);
    let town_first = matches!(
        generic,
        "汽车站" | "客运站" | "站" | "服务区" | "收费站" | "变电站" | "农场" | "林场"
    );
    let r = rng.unit();
    if town_first && r < 0.6 || r < 0.15 {
        if let Some((t, g)) = ctx.township(rng) {
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
        if let Some((c, g)) = ctx.county_name() {
            return Draft::new(
                c,
                generic,
                Basis::After {
                    place: format!("{c}{g}"),
                    what: "县",
                },
            );
        }
    }
    if r < 0.55 {
        let place = ctx.nearby_village(rng);
        let (prefix, _) = split_village(&place);
        let specific = if rng.chance(0.5) && prefix.chars().count() >= 2 {
            prefix.to_string()
        } else if generic.ends_with(['寺', '庙', '祠', '观', '庵', '塔', '亭', '阁']) {
            village_specific(&place)
        } else {
            place.clone()
        };
        return fix_repeat(Draft::new(
            specific,
            generic,
            Basis::After { place, what: "村" },
        ));
    }
    fix_repeat(Draft::new(ctx.rural(rng, 2, 2), generic, Basis::Chars))
}

/// Specific taken from a village name: 王庄 stays, 新阳村 → 新阳 (a
/// mountain is 新阳山, not 新阳村山).
fn village_specific(place: &str) -> String {
    match place.strip_suffix('村') {
        Some(p) if p.chars().count() >= 2 => p.to_string(),
        _ => place.to_string(),
    }
}

/// What a township generic denotes in texts (镇, 乡, 街道).
pub fn town_what(generic: &str) -> &'static str {
    match generic {
        "镇" => "镇",
        "街道" => "街道",
        "苏木" => "苏木",
        _ => "乡",
    }
}

/// Avoid a specific ending in the generic's first character (青山 + 山).
fn fix_repeat(mut d: Draft) -> Draft {
    if let (Some(last), Some(first)) = (d.specific.chars().last(), d.generic.chars().next()) {
        if last == first && d.specific.chars().count() > 1 {
            d.specific.pop();
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::names::model::{NameModel, RegionModel};

    #[test]
    fn repeat_is_trimmed() {
        let d = fix_repeat(Draft::new("青山", "山", Basis::Chars));
        assert_eq!(d.full(), "青山");
        let d = fix_repeat(Draft::new("山", "山", Basis::Chars));
        assert_eq!(d.full(), "山山");
        assert_eq!(Draft::new("人民", "路", Basis::Famous).full(), "人民路");
        assert_eq!(village_specific("新阳村"), "新阳");
        assert_eq!(village_specific("王村"), "王村");
        assert_eq!(village_specific("王庄"), "王庄");
    }

    #[test]
    fn township_words() {
        assert_eq!(town_what("镇"), "镇");
        assert_eq!(town_what("瑶族乡"), "乡");
    }

    #[test]
    fn compose_with_empty_model_does_not_panic() {
        let model = NameModel::default();
        let region = RegionModel::default();
        let ctx = Ctx {
            model: &model,
            region: &region,
            county: None,
        };
        let mut rng = Rng::new(1);
        for c in Category::ALL {
            let _ = compose(&ctx, &mut rng, c);
        }
    }
}
