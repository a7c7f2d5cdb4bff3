//! The streaming generator of one county's names.

use std::collections::{HashSet, VecDeque};

use crate::domain::romanization::{romanize_parts, NameForm};

use super::categories::{county_mix, Category};
use super::compose::{compose, Basis, Ctx, Draft};
use super::dist::Dist;
use super::history::{homophone_variant, rename, RENAMED_SHARE};
use super::model::NameModel;
use super::rng::{hash_str, Rng};
use super::texts::texts;
use super::{NameSpec, SyntheticName, SYNTHETIC_SOURCE};

/// Attempts at a name not yet used in the county, for unique categories.
const UNIQUE_ATTEMPTS: usize = 8;

/// Natural villages remembered for in-county repeats and homophones.
const RECENT_VILLAGES: usize = 64;

/// Share of natural villages repeating a recent name of the same county.
const REPEAT_SHARE: f64 = 0.03;

/// Share of natural villages that are homophones of a recent one.
const HOMOPHONE_SHARE: f64 = 0.015;

/// Urban share assumed for a county the model does not know.
const DEFAULT_URBAN_SHARE: f64 = 0.3;

/// Iterator over the synthetic names of one county.
///
/// Memory is bounded by the county's own count (a set of 8-byte hashes of
/// the names that must be unique in the county) and does not grow with the
/// number of counties generated.
#[derive(Debug)]
pub struct Names<'a> {
    ctx: Option<Ctx<'a>>,
    mix: Dist<Category>,
    rng: Rng,
    seq: u64,
    count: u64,
    seen: HashSet<u64>,
    recent: VecDeque<Draft>,
}

/// Generate `spec.count` names for one county, deterministically from
/// `seed` and the county code (counties are independent streams, so they
/// can be generated in parallel in any order).
pub fn generate<'a>(model: &'a NameModel, spec: &NameSpec, seed: u64) -> Names<'a> {
    let county = model.county(&spec.county_code);
    let province = county.map(|c| c.province).unwrap_or_else(|| {
        let code = spec.province_code.get(..2).unwrap_or(&spec.province_code);
        code.parse().unwrap_or(0)
    });
    let ctx = model.region(province).map(|region| Ctx {
        model,
        region,
        county,
    });
    let urban = county.map_or(DEFAULT_URBAN_SHARE, |c| c.urban_share);
    Names {
        ctx,
        mix: county_mix(urban),
        rng: Rng::stream(seed, &spec.county_code),
        seq: 0,
        count: spec.count as u64,
        seen: HashSet::new(),
        recent: VecDeque::with_capacity(RECENT_VILLAGES),
    }
}

impl Names<'_> {
    /// Compose a name of `category`, honouring in-county uniqueness and
    /// village repeats.
    fn draft(&mut self, ctx: &Ctx, category: Category) -> Draft {
        if category == Category::Village {
            return self.village(ctx);
        }
        let mut d = compose(ctx, &mut self.rng, category);
        if category.unique_in_county() {
            for _ in 1..UNIQUE_ATTEMPTS {
                if self.seen.insert(hash_str(&d.full())) {
                    break;
                }
                d = compose(ctx, &mut self.rng, category);
            }
        }
        d
    }

    /// A natural village: a repeat or homophone of a recent one, or new.
    fn village(&mut self, ctx: &Ctx) -> Draft {
        let r = self.rng.unit();
        let recent = self.rng.index(self.recent.len());
        let d = match self.recent.get(recent) {
            Some(old) if r < REPEAT_SHARE => Some(old.clone()),
            Some(old) if r < REPEAT_SHARE + HOMOPHONE_SHARE => {
                homophone_variant(ctx, &mut self.rng, &old.specific)
                    .map(|s| Draft::new(s, old.generic.clone(), Basis::Chars))
            }
            _ => None,
        };
        let d = d.unwrap_or_else(|| compose(ctx, &mut self.rng, Category::Village));
        if self.recent.len() == RECENT_VILLAGES {
            self.recent.pop_front();
        }
        self.recent.push_back(d.clone());
        d
    }
}

impl Iterator for Names<'_> {
    type Item = SyntheticName;

    fn next(&mut self) -> Option<SyntheticName> {
        if self.seq >= self.count {
            return None;
        }
        let ctx = self.ctx?;
        let category = *self.mix.sample(&mut self.rng)?;
        let d = self.draft(&ctx, category);
        let info = category.info();
        let form = if category == Category::Village {
            NameForm::OneWord
        } else {
            NameForm::Standard
        };
        let generic = (!d.generic.is_empty()).then(|| d.generic.clone());
        let roman = romanize_parts(&d.specific, generic.as_deref(), form).text;
        let renaming = if self.rng.chance(RENAMED_SHARE) {
            rename(&ctx, &mut self.rng, category, &d)
        } else {
            None
        };
        let before = renaming.as_ref().map(|r| r.existed_by);
        let (meaning, mut origin) = texts(&ctx, &mut self.rng, category, &d, before);
        let historical = renaming.map(|r| {
            origin.push_str(&r.note);
            (r.old, r.renamed_on)
        });
        let regulated_kind = if d.basis == Basis::Seat {
            "committee_seat"
        } else {
            info.kind
        };
        let name = SyntheticName {
            standard_name: d.full(),
            specific: d.specific,
            generic,
            roman,
            category_code: info.code,
            category_label: info.label,
            regulated_kind,
            meaning,
            origin,
            historical,
            seq: self.seq,
            source: SYNTHETIC_SOURCE,
        };
        self.seq += 1;
        Some(name)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = if self.ctx.is_some() {
            (self.count - self.seq) as usize
        } else {
            0
        };
        (left, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_model_yields_nothing() {
        let model = NameModel::default();
        let spec = NameSpec {
            county_code: "110101".into(),
            province_code: "11".into(),
            count: 5,
        };
        let mut names = generate(&model, &spec, 1);
        assert_eq!(names.size_hint(), (0, Some(0)));
        assert!(names.next().is_none());
    }
}
