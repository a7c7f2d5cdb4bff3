//! The name model learned once from the real NBS division names.
//!
//! Committee names are stripped of their organisation suffix (村民委员会,
//! 社区居委会…) and sorted by province into corpora of real 专名:
//!
//! * rural 村 names → whole stems (王庄, 青龙: features, reservoirs) and,
//!   split at a final settlement character, village prefixes (王, 李家) with
//!   the regional distribution of natural-village 通名 (庄 in 山东, 屯 in
//!   东北, 寨 in 贵州, 厝 in 福建…);
//! * 社区 names → urban stems (幸福, 锦华: estates, buildings) and, when the
//!   community is named after a street (人民路社区), real street names;
//! * townships and counties → per-county lists used by names that refer to
//!   the place they lie in (柳林镇汽车站, 以所在柳林镇得名).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::domain::romanization::{
    ethnonym_run_start, generic_category, split_generic, syllables, GenericCategory,
};

use super::dist::{bump, Dist};
use super::generics::{province_tables, GenericTable, SETTLEMENT_CHARS};
use super::nbs::{for_each_row, LearnError};
use super::stem::{StemCounts, StemModel};

/// Committee suffixes: (suffix, `true` for rural 村, `false` for urban 社区).
const COMMITTEE_SUFFIXES: &[(&str, bool)] = &[
    ("社区居民委员会", false),
    ("社区居委会", false),
    ("村民委员会", true),
    ("村委会", true),
    ("居民委员会", false),
    ("居委会", false),
    ("社区", false),
    ("嘎查", true),
    ("村", true),
];

/// Community names that look like streets but are not (铁路社区 is a railway community).
const NOT_STREETS: &[&str] = &["铁路", "公路", "马路", "水路", "道路", "街道", "路", "街"];

/// Share of the learned village generics in the blend with the prior table.
const LEARNED_SHARE: f64 = 0.75;

/// Homophones kept per character.
const HOMOPHONES_PER_CHAR: usize = 8;

/// Minimum count of a character to take part in homophone swaps.
const HOMOPHONE_MIN_COUNT: u64 = 20;

/// What the model knows about one county (县级区划).
#[derive(Debug, Default)]
pub struct CountyProfile {
    /// 2-digit province code.
    pub province: u8,
    /// Full name (临沂市 → 兰山区).
    pub name: Box<str>,
    /// 专名 of the county (兰山).
    pub stem: Box<str>,
    /// 通名 of the county (区, 县, 市, 旗).
    pub generic: Box<str>,
    /// Share of 社区 among its committees (0 = rural, 1 = urban).
    pub urban_share: f64,
    /// Townships: (专名, 通名) such as (柳林, 镇).
    pub townships: Vec<(Box<str>, Box<str>)>,
    /// Real administrative villages: (prefix, settlement generic) such as (王, 庄).
    pub villages: Vec<(Box<str>, &'static str)>,
}

/// Corpora and generic tables of one province.
#[derive(Debug, Default)]
pub struct RegionModel {
    /// 2-digit province code.
    pub province: u8,
    /// Natural-village prefixes (王, 李家, 大王).
    pub prefix: StemModel,
    /// Whole rural stems (王庄, 青龙, 幸福).
    pub rural: StemModel,
    /// Urban community stems (锦华, 幸福).
    pub urban: StemModel,
    /// 专名 of real street names (人民, 解放).
    pub street_specific: StemModel,
    /// Real street names as (专名, 通名).
    pub streets: Dist<(Box<str>, Box<str>)>,
    /// Natural-village 通名, learned and blended with the prior.
    pub village_generics: Dist<&'static str>,
    /// Prefix length (characters) per village 通名: 村 takes longer prefixes
    /// (幸福村) than 庄 (王庄).
    pub prefix_lengths: HashMap<&'static str, Dist<u8>>,
    /// Generic tables, indexed by [`GenericTable::index`].
    pub tables: Vec<Dist<&'static str>>,
}

impl RegionModel {
    /// Generic distribution of `table` in this province.
    pub fn table(&self, table: GenericTable) -> Option<&Dist<&'static str>> {
        if table == GenericTable::Village {
            return Some(&self.village_generics);
        }
        self.tables.get(table.index())
    }
}

/// Statistics of real names learned once, shared by all generators.
#[derive(Debug, Default)]
pub struct NameModel {
    provinces: BTreeMap<u8, RegionModel>,
    counties: HashMap<String, CountyProfile>,
    /// Real street names of the whole country (人民路 in every province).
    pub national_streets: Dist<(Box<str>, Box<str>)>,
    /// Common surnames (from X家 village names).
    pub surnames: HashSet<char>,
    homophones: HashMap<char, Box<[char]>>,
}

#[derive(Default)]
struct ProvinceCounts {
    prefix: StemCounts,
    rural: StemCounts,
    urban: StemCounts,
    street_specific: StemCounts,
    streets: HashMap<(Box<str>, Box<str>), u64>,
    village_generics: HashMap<&'static str, u64>,
    prefix_lengths: HashMap<&'static str, HashMap<u8, u64>>,
}

impl NameModel {
    /// Learn the model from `nbs_dir` (areas, streets and villages `.csv.gz`).
    pub fn learn(nbs_dir: &Path) -> Result<Self, LearnError> {
        let mut counties: HashMap<String, CountyProfile> = HashMap::new();
        for_each_row(
            nbs_dir,
            "areas.csv.gz",
            ["code", "name", "provinceCode"],
            |[c, n, p]| {
                let (stem, generic) = split_generic(n);
                // 务川仡佬族苗族 → 务川: ethnonyms are not used in derived names.
                let stem = ethnonym_run_start(stem).map_or(stem, |i| &stem[..i]);
                counties.insert(
                    c.to_string(),
                    CountyProfile {
                        province: p.parse().unwrap_or(0),
                        name: n.into(),
                        stem: stem.into(),
                        generic: generic.unwrap_or("").into(),
                        ..CountyProfile::default()
                    },
                );
            },
        )?;
        for_each_row(nbs_dir, "streets.csv.gz", ["name", "areaCode"], |[n, a]| {
            if let (stem, Some(generic)) = split_generic(n) {
                if let Some(c) = counties.get_mut(a) {
                    if !stem.is_empty() && stem.chars().count() <= 4 {
                        c.townships.push((stem.into(), generic.into()));
                    }
                }
            }
        })?;
        let mut provinces: BTreeMap<u8, ProvinceCounts> = BTreeMap::new();
        let mut surnames: HashMap<char, u64> = HashMap::new();
        let mut committees: HashMap<String, (u64, u64)> = HashMap::new();
        let columns = ["name", "provinceCode", "areaCode"];
        for_each_row(nbs_dir, "villages.csv.gz", columns, |[n, p, a]| {
            let Some((rural, stem)) = committee_stem(n) else {
                return;
            };
            let counts = provinces.entry(p.parse().unwrap_or(0)).or_default();
            let tally = committees.entry(a.to_string()).or_default();
            if rural {
                tally.0 += 1;
                let county = counties.get_mut(a);
                learn_rural(counts, &mut surnames, county, stem);
            } else {
                tally.1 += 1;
                learn_urban(counts, stem);
            }
        })?;
        if provinces.is_empty() {
            return Err(LearnError::Empty(nbs_dir.to_path_buf()));
        }
        for (code, c) in counties.iter_mut() {
            let (rural, urban) = committees.get(code).copied().unwrap_or((1, 0));
            c.urban_share = urban as f64 / (rural + urban).max(1) as f64;
        }
        Ok(Self::freeze(provinces, counties, &surnames))
    }

    /// Build the samplers from the counts.
    fn freeze(
        provinces: BTreeMap<u8, ProvinceCounts>,
        counties: HashMap<String, CountyProfile>,
        surnames: &HashMap<char, u64>,
    ) -> Self {
        let mut national: HashMap<(Box<str>, Box<str>), u64> = HashMap::new();
        let mut chars: HashMap<char, u64> = HashMap::new();
        let mut regions = BTreeMap::new();
        for (code, counts) in provinces {
            for (k, v) in &counts.streets {
                *national.entry(k.clone()).or_insert(0) += v;
            }
            let region = RegionModel {
                province: code,
                prefix: counts.prefix.build(),
                rural: counts.rural.build(),
                urban: counts.urban.build(),
                street_specific: counts.street_specific.build(),
                streets: Dist::from_counts(&counts.streets),
                village_generics: blend_village_generics(code, &counts.village_generics),
                prefix_lengths: counts
                    .prefix_lengths
                    .iter()
                    .map(|(g, m)| (*g, Dist::from_counts(m)))
                    .collect(),
                tables: province_tables(code),
            };
            for m in [&region.rural, &region.urban, &region.street_specific] {
                for (c, n) in m.char_counts() {
                    *chars.entry(c).or_insert(0) += n;
                }
            }
            regions.insert(code, region);
        }
        let mut ranked: Vec<(u64, char)> = surnames.iter().map(|(c, n)| (*n, *c)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        NameModel {
            provinces: regions,
            counties,
            national_streets: Dist::from_counts(&national),
            surnames: ranked.into_iter().take(300).map(|(_, c)| c).collect(),
            homophones: homophone_table(&chars),
        }
    }

    /// The province model for `province`, falling back to a stable other
    /// province when the code is unknown.
    pub fn region(&self, province: u8) -> Option<&RegionModel> {
        self.provinces.get(&province).or_else(|| {
            let n = self.provinces.len();
            (n > 0)
                .then(|| self.provinces.values().nth(usize::from(province) % n))
                .flatten()
        })
    }

    /// What the model knows about a county (6-digit code; longer codes are cut).
    pub fn county(&self, code: &str) -> Option<&CountyProfile> {
        self.counties.get(code.get(..6).unwrap_or(code))
    }

    /// Codes of all known counties, sorted.
    pub fn county_codes(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.counties.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// Province codes with a model, in order.
    pub fn province_codes(&self) -> Vec<u8> {
        self.provinces.keys().copied().collect()
    }

    /// Characters read like `c` (same toneless pinyin), most common first.
    pub fn homophones(&self, c: char) -> &[char] {
        self.homophones.get(&c).map_or(&[], |v| v)
    }
}

/// Strip a committee suffix: (`true` for a rural 村, the 专名).
pub fn committee_stem(name: &str) -> Option<(bool, &str)> {
    let name = name.trim();
    for (suffix, rural) in COMMITTEE_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix) {
            let stem = if *rural {
                stem
            } else {
                stem.strip_suffix("社区").unwrap_or(stem)
            };
            return (!stem.is_empty()).then_some((*rural, stem));
        }
    }
    None
}

/// The static settlement generic for a final character, if it is one.
pub fn settlement_generic(c: char) -> Option<&'static str> {
    SETTLEMENT_CHARS
        .char_indices()
        .find(|(_, k)| *k == c)
        .map(|(i, k)| &SETTLEMENT_CHARS[i..i + k.len_utf8()])
}

/// Split a rural stem into (prefix, settlement generic): 王庄 → (王, 庄),
/// 王村 → (王, 村), 幸福 → (幸福, 村).
pub fn split_village(stem: &str) -> (&str, &'static str) {
    let mut chars = stem.chars();
    match chars.next_back() {
        Some(last) if !chars.as_str().is_empty() => match settlement_generic(last) {
            Some(g) => (chars.as_str(), g),
            None => (stem, "村"),
        },
        _ => (stem, "村"),
    }
}

fn learn_rural(
    counts: &mut ProvinceCounts,
    surnames: &mut HashMap<char, u64>,
    county: Option<&mut CountyProfile>,
    stem: &str,
) {
    let stem = stem
        .strip_suffix('村')
        .filter(|s| !s.is_empty())
        .unwrap_or(stem);
    if !counts.rural.add(stem) {
        return;
    }
    let (prefix, generic) = split_village(stem);
    if counts.prefix.add(prefix) {
        let len = prefix.chars().count().min(3) as u8;
        bump(counts.prefix_lengths.entry(generic).or_default(), len);
    }
    bump(&mut counts.village_generics, generic);
    let chars: Vec<char> = stem.chars().collect();
    if chars.len() >= 2 && chars[1] == '家' {
        bump(surnames, chars[0]);
    }
    if let Some(c) = county {
        c.villages.push((prefix.into(), generic));
    }
}

fn learn_urban(counts: &mut ProvinceCounts, stem: &str) {
    if NOT_STREETS.contains(&stem) {
        return;
    }
    if let (spec, Some(g)) = split_generic(stem) {
        if generic_category(g) == Some(GenericCategory::Street) && !spec.is_empty() {
            if counts.street_specific.add(spec) {
                bump(&mut counts.streets, (spec.into(), g.into()));
            }
            return;
        }
    }
    counts.urban.add(stem);
}

/// Learned village generics (75 %) blended with the regional prior (25 %).
fn blend_village_generics(
    province: u8,
    learned: &HashMap<&'static str, u64>,
) -> Dist<&'static str> {
    let prior = GenericTable::Village.dist(province);
    let learned_total = learned.values().sum::<u64>().max(1) as f64;
    let prior_total = prior.total().max(1) as f64;
    let mut w: BTreeMap<&'static str, f64> = BTreeMap::new();
    for (g, n) in learned {
        *w.entry(g).or_default() += LEARNED_SHARE * *n as f64 / learned_total;
    }
    for (g, n) in prior.iter() {
        *w.entry(g).or_default() += (1.0 - LEARNED_SHARE) * n as f64 / prior_total;
    }
    Dist::from_weights(w.into_iter().map(|(g, x)| (g, (x * 1e6).round() as u64)))
}

/// Characters grouped by toneless reading, each with its most common homophones.
fn homophone_table(chars: &HashMap<char, u64>) -> HashMap<char, Box<[char]>> {
    let mut groups: BTreeMap<String, Vec<(u64, char)>> = BTreeMap::new();
    for (&c, &n) in chars {
        if n < HOMOPHONE_MIN_COUNT {
            continue;
        }
        if let Some(s) = syllables(&c.to_string()).first().filter(|s| s.han) {
            groups.entry(s.plain.clone()).or_default().push((n, c));
        }
    }
    let mut out = HashMap::new();
    for members in groups.values_mut() {
        members.sort_unstable_by(|a, b| b.cmp(a));
        for &(_, c) in members.iter() {
            let others: Box<[char]> = members
                .iter()
                .map(|&(_, o)| o)
                .filter(|&o| o != c)
                .take(HOMOPHONES_PER_CHAR)
                .collect();
            if !others.is_empty() {
                out.insert(c, others);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committee_suffixes() {
        assert_eq!(committee_stem("王庄村民委员会"), Some((true, "王庄")));
        assert_eq!(committee_stem("王村村委会"), Some((true, "王村")));
        assert_eq!(committee_stem("幸福社区居委会"), Some((false, "幸福")));
        assert_eq!(
            committee_stem("人民路社区居民委员会"),
            Some((false, "人民路"))
        );
        assert_eq!(committee_stem("多福巷居委会"), Some((false, "多福巷")));
        assert_eq!(committee_stem("乌兰嘎查"), Some((true, "乌兰")));
        assert_eq!(committee_stem("某某连"), None);
        assert_eq!(committee_stem("村委会"), None);
    }

    #[test]
    fn village_split() {
        assert_eq!(split_village("王庄"), ("王", "庄"));
        assert_eq!(split_village("李家沟"), ("李家", "沟"));
        assert_eq!(split_village("幸福"), ("幸福", "村"));
        assert_eq!(split_village("庄"), ("庄", "村"));
        assert_eq!(settlement_generic('屯'), Some("屯"));
        assert_eq!(settlement_generic('福'), None);
    }

    #[test]
    fn blend_keeps_learned_and_prior() {
        let mut learned = HashMap::new();
        learned.insert("庄", 90);
        learned.insert("村", 10);
        let d = blend_village_generics(23, &learned);
        let names: Vec<&str> = d.iter().map(|(g, _)| *g).collect();
        assert!(names.contains(&"庄"));
        assert!(names.contains(&"屯"), "prior adds 屯 in 东北");
    }

    #[test]
    fn homophones_group_by_reading() {
        let mut chars = HashMap::new();
        chars.insert('王', 100);
        chars.insert('汪', 50);
        chars.insert('李', 100);
        chars.insert('稀', 1);
        let t = homophone_table(&chars);
        assert_eq!(t.get(&'王').map(|v| v.to_vec()), Some(vec!['汪']));
        assert!(!t.contains_key(&'李'));
    }
}
