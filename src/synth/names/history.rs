//! 历史地名 former names of renamed places, with the date of the change.
//!
//! About [`RENAMED_SHARE`] of names get a former name in a pattern suited to
//! the category: streets renamed back from 1966–1976 political names, or
//! renamed after widening or to remove duplicates; estates and buildings
//! renamed in the 2019–2021 clean-up of 大、洋、怪、重 names; villages whose
//! vulgar or rare characters were replaced by homophones during the
//! 1980s 地名普查, or renamed after mergers; other features renamed once.

use super::categories::Category;
use super::compose::{Ctx, Draft};
use super::rng::Rng;

/// Share of names that were renamed.
pub const RENAMED_SHARE: f64 = 0.02;

/// Political street specifics of 1966–1976, restored around 1980.
const POLITICAL: &[&str] = &[
    "红卫",
    "东方红",
    "反帝",
    "反修",
    "卫东",
    "向阳",
    "红星",
    "战备",
    "立新",
    "永红",
    "红旗",
    "跃进",
];

/// Foreign-sounding estate specifics renamed in the 2019–2021 clean-up.
const FOREIGN: &[&str] = &[
    "维也纳",
    "曼哈顿",
    "威尼斯",
    "香榭丽舍",
    "普罗旺斯",
    "地中海",
    "加州",
    "温莎",
    "罗马",
    "巴黎",
    "塞纳",
    "托斯卡纳",
    "枫丹白露",
    "剑桥",
    "牛津",
    "蒙特卡洛",
    "圣托里尼",
    "莱茵",
    "多瑙河",
    "橄榄湾",
];

/// Oversized specifics (大) renamed in the same clean-up.
const OVERSIZED: &[&str] = &[
    "宇宙",
    "环球",
    "世界",
    "中央",
    "帝王",
    "皇家",
    "天下第一",
    "寰宇",
];

/// A former name: (old name, renamed on "YYYY-MM-DD", sentence for the origin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renaming {
    /// The former name.
    pub old: String,
    /// Year of the change (the feature existed before it).
    pub year: u32,
    /// Year by which the feature already existed under the former name.
    pub existed_by: u32,
    /// Date of the change, "YYYY-MM-DD".
    pub renamed_on: String,
    /// Origin sentence ("原名红卫路，1980年恢复今名。").
    pub note: String,
}

/// A former name for `d`, in a pattern suited to `category`.
pub fn rename(ctx: &Ctx, rng: &mut Rng, category: Category, d: &Draft) -> Option<Renaming> {
    let new = d.full();
    let g = d.generic.as_str();
    let r = rng.unit();
    let upgraded = matches!(g, "路" | "大道" | "大街");
    let (old, (lo, hi), template) = match category {
        Category::Street if r < 0.4 => {
            let s = rng.pick(POLITICAL)?;
            let t = "“文化大革命”期间曾改称{old}，{year}年恢复今名。";
            (format!("{s}{g}"), (1978, 1984), t)
        }
        Category::Street if r < 0.7 && upgraded => {
            let old_generic = if g == "路" { "街" } else { "路" };
            let t = "原名{old}，{year}年道路拓宽改造后更名为{new}。";
            (format!("{}{old_generic}", d.specific), (1985, 2015), t)
        }
        Category::Street => {
            let (s, g) = ctx.model.national_streets.sample(rng)?;
            let t = "原名{old}，{year}年因与其他道路重名更名为{new}。";
            (format!("{s}{g}"), (2010, 2022), t)
        }
        Category::Estate | Category::Building | Category::Area => {
            let s = if r < 0.7 {
                rng.pick(FOREIGN)?
            } else {
                rng.pick(OVERSIZED)?
            };
            let t = "原名{old}，{year}年在不规范地名清理整治中更名为{new}。";
            (format!("{s}{g}"), (2019, 2021), t)
        }
        Category::Village if r < 0.5 => {
            let old = homophone_variant(ctx, rng, &d.specific)?;
            let t = "原名{old}，{year}年地名普查时以同音字雅化为{new}。";
            (format!("{old}{g}"), (1980, 1984), t)
        }
        Category::Village => {
            let (p, g) = ctx.village(rng);
            let t = "原名{old}，{year}年因村庄合并更名为{new}。";
            (format!("{p}{g}"), (2000, 2022), t)
        }
        _ => {
            let s = ctx.rural(rng, 2, 2);
            let t = "原名{old}，{year}年经批准更名为{new}。";
            (format!("{s}{g}"), (1950, 2020), t)
        }
    };
    if old == new || old.is_empty() {
        return None;
    }
    let year = rng.range(lo, hi);
    // A street renamed during 1966–1976 already existed in 1966.
    let existed_by = if template.contains("文化大革命") {
        1966
    } else {
        year
    };
    let renamed_on = format!("{year:04}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28));
    let note = template
        .replace("{old}", &old)
        .replace("{year}", &year.to_string())
        .replace("{new}", &new);
    Some(Renaming {
        old,
        year,
        existed_by,
        renamed_on,
        note,
    })
}

/// `specific` with one character replaced by a homophone (汪庄 for 王庄).
pub fn homophone_variant(ctx: &Ctx, rng: &mut Rng, specific: &str) -> Option<String> {
    let chars: Vec<char> = specific.chars().collect();
    let swappable: Vec<usize> = (0..chars.len())
        .filter(|&i| !ctx.model.homophones(chars[i]).is_empty())
        .collect();
    let &i = rng.pick(&swappable)?;
    let &h = rng.pick(ctx.model.homophones(chars[i]))?;
    let mut out = chars;
    out[i] = h;
    Some(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::names::compose::Basis;
    use crate::synth::names::model::{NameModel, RegionModel};

    #[test]
    fn estate_and_street_renamings() {
        let model = NameModel::default();
        let region = RegionModel {
            province: 32,
            ..RegionModel::default()
        };
        let ctx = Ctx {
            model: &model,
            region: &region,
            county: None,
        };
        let mut rng = Rng::new(8);
        let d = Draft::new("锦华", "花园", Basis::Chars);
        let r = rename(&ctx, &mut rng, Category::Estate, &d).unwrap();
        assert!(r.old.ends_with("花园") && r.old != "锦华花园");
        assert!(r.renamed_on.starts_with("20"));
        assert_eq!(r.renamed_on.len(), 10);
        assert!(r.note.ends_with("更名为锦华花园。"), "{}", r.note);
        assert!(r.renamed_on.starts_with(&r.year.to_string()));
        let d = Draft::new("人民", "路", Basis::Famous);
        for _ in 0..20 {
            if let Some(r) = rename(&ctx, &mut rng, Category::Street, &d) {
                assert_ne!(r.old, "人民路");
            }
        }
    }

    #[test]
    fn no_homophone_without_table() {
        let model = NameModel::default();
        let region = RegionModel::default();
        let ctx = Ctx {
            model: &model,
            region: &region,
            county: None,
        };
        assert_eq!(homophone_variant(&ctx, &mut Rng::new(1), "王庄"), None);
    }
}
