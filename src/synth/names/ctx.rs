//! What name builders draw on for one county: its province's corpora,
//! its townships and villages.

use super::generics::GenericTable;
use super::model::{CountyProfile, NameModel, RegionModel};
use super::rng::Rng;

/// What a builder may draw on for one county.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The whole model.
    pub model: &'a NameModel,
    /// The province's corpora.
    pub region: &'a RegionModel,
    /// The county, when known.
    pub county: Option<&'a CountyProfile>,
}

impl<'a> Ctx<'a> {
    /// 2-digit province code.
    pub fn province(&self) -> u8 {
        self.region.province
    }

    /// A generic from `table` ("" when the table is empty).
    pub fn generic(&self, rng: &mut Rng, table: GenericTable) -> &'static str {
        self.region
            .table(table)
            .and_then(|d| d.sample(rng))
            .copied()
            .unwrap_or("")
    }

    /// A township of the county as (专名, 通名).
    pub fn township(&self, rng: &mut Rng) -> Option<(&'a str, &'a str)> {
        let c = self.county?;
        rng.pick(&c.townships).map(|(s, g)| (&**s, &**g))
    }

    /// The county's own (专名, 通名), when its specific is usable.
    pub fn county_name(&self) -> Option<(&'a str, &'a str)> {
        let c = self.county?;
        (c.stem.chars().count() >= 2).then_some((&*c.stem, &*c.generic))
    }

    /// A real administrative village of the county as (prefix, generic).
    pub fn real_village(&self, rng: &mut Rng) -> Option<(&'a str, &'static str)> {
        let c = self.county?;
        rng.pick(&c.villages).map(|(p, g)| (&**p, *g))
    }

    /// A rural specific of `min..=max` characters: sometimes a real one.
    pub fn rural(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        if rng.chance(0.25) {
            if let Some(s) = self.region.rural.real(rng) {
                if (min..=max).contains(&s.chars().count()) {
                    return s.to_string();
                }
            }
        }
        self.region.rural.sample(rng, min, max)
    }

    /// An urban specific of `min..=max` characters: sometimes a real one.
    pub fn urban(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        if rng.chance(0.2) {
            if let Some(s) = self.region.urban.real(rng) {
                if (min..=max).contains(&s.chars().count()) {
                    return s.to_string();
                }
            }
        }
        self.region.urban.sample(rng, min, max)
    }

    /// A generated natural village as (prefix, generic): 李家 + 沟.
    pub fn village(&self, rng: &mut Rng) -> (String, &'static str) {
        let generic = self.generic(rng, GenericTable::Village);
        let len = self
            .region
            .prefix_lengths
            .get(generic)
            .and_then(|d| d.sample(rng))
            .map_or(2, |&l| usize::from(l));
        let mut prefix = None;
        if rng.chance(0.2) {
            prefix = self
                .region
                .prefix
                .real(rng)
                .filter(|p| p.chars().count() == len && !p.ends_with(generic))
                .map(str::to_string);
        }
        let prefix = prefix.unwrap_or_else(|| self.region.prefix.sample(rng, len, len));
        if prefix.ends_with(generic) {
            return (prefix, "村");
        }
        (prefix, generic)
    }

    /// A nearby village to name things after: real (60 %) or generated.
    pub fn nearby_village(&self, rng: &mut Rng) -> String {
        if rng.chance(0.6) {
            if let Some((p, g)) = self.real_village(rng) {
                return format!("{p}{g}");
            }
        }
        let (p, g) = self.village(rng);
        format!("{p}{g}")
    }
}
