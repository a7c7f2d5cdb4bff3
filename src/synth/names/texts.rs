//! 地名含义 meaning and 地名来历 origin texts, from templates that refer to
//! the parts of the name.
//!
//! The meaning explains the 专名 (by how it was formed, or by the sense of
//! one of its characters) and glosses the 通名: "“李家”指李姓人家；“坪”指
//! 山间平地。" The origin tells how the name came about, with a period or
//! year suited to the category and region: "明洪武年间李姓由山西洪洞迁此
//! 建村，因村落地处山间平地，故名李家坪。"

use super::categories::Category;
use super::compose::{Basis, Ctx, Draft};
use super::glosses::gloss;
use super::regions::{in_region, HUGUANG, JIANGNAN, LOESS, NORTH, NORTHEAST, NORTHWEST};
use super::rng::Rng;
use super::semantics::{famous, sense, Sense};

/// Periods in which villages were founded.
const VILLAGE_ERAS: &[&str] = &[
    "宋代",
    "元末",
    "明初",
    "明洪武年间",
    "明永乐年间",
    "明末",
    "清初",
    "清康熙年间",
    "清乾隆年间",
    "清道光年间",
    "清末",
    "民国初年",
    "民国时期",
];

/// Dynasties in which temples and monuments were first built.
const DYNASTIES: &[&str] = &["唐代", "宋代", "元代", "明代", "清代"];

/// Meaning and origin texts for a composed name; `before` is the year of a
/// renaming, which the construction year must precede.
pub fn texts(
    ctx: &Ctx,
    rng: &mut Rng,
    category: Category,
    d: &Draft,
    before: Option<u32>,
) -> (String, String) {
    (meaning(ctx, d), origin(ctx, rng, category, d, before))
}

/// 地名含义: what the specific and the generic mean.
fn meaning(ctx: &Ctx, d: &Draft) -> String {
    let spec = &d.specific;
    let first = match &d.basis {
        Basis::Surname(s) => format!("“{spec}”指{s}姓人家"),
        Basis::Famous => match famous(spec) {
            Some(m) => format!("“{spec}”{m}"),
            None => char_meaning(ctx, spec),
        },
        Basis::Direction { dir, of } if of == "城区" => format!("“{spec}”指位于城区{dir}部"),
        Basis::Direction { dir, of } => format!("由“{of}”加方位词“{dir}”构成"),
        Basis::Ordinal { numeral, series } => match series.as_str() {
            "经" => format!("“经”指南北走向，“{numeral}”为序号"),
            "纬" => format!("“纬”指东西走向，“{numeral}”为序号"),
            "马路" => format!("“{numeral}”为道路序号"),
            base => format!("“{base}”取自{base}路，“{numeral}”为序号"),
        },
        Basis::After { place, .. } => format!("“{spec}”取自{place}"),
        Basis::Chars | Basis::Seat => char_meaning(ctx, spec),
    };
    let g = &d.generic;
    let second = match (g.is_empty(), gloss(g)) {
        (true, _) => String::new(),
        (false, Some(x)) => format!("；“{g}”{x}"),
        (false, None) => format!("；“{g}”为通名"),
    };
    format!("{first}{second}。")
}

/// Meaning of a specific read from its characters.
fn char_meaning(ctx: &Ctx, spec: &str) -> String {
    if let Some(m) = famous(spec) {
        return format!("“{spec}”{m}");
    }
    let Some((c, s)) = spec.chars().find_map(|c| sense(c).map(|s| (c, s))) else {
        return match ethnic_language(ctx, spec) {
            Some(lang) => format!("“{spec}”系{lang}地名音译，含义待考"),
            None => format!("“{spec}”为当地习称，含义待考"),
        };
    };
    let subject = if spec.chars().count() == 1 {
        format!("“{c}”")
    } else {
        format!("“{spec}”之“{c}”")
    };
    match s {
        Sense::Plant(x) => format!("{subject}指当地的{x}"),
        Sense::Shape(x) => format!("{subject}言其形似{x}"),
        Sense::Fauna(x) | Sense::Water(x) => format!("{subject}指{x}"),
        Sense::Colour(x) => format!("{subject}形容{x}"),
        Sense::Terrain(x) => format!("{subject}指地处{x}"),
        Sense::Position(_) => format!("{subject}表示方位"),
        Sense::Number(_) => format!("{subject}为数词"),
        Sense::Structure(x) => format!("{subject}指{x}"),
        Sense::Wish(x) => format!("“{spec}”取吉祥之意，寓意{x}"),
    }
}

/// 地名来历: period or year, then the reason.
fn origin(ctx: &Ctx, rng: &mut Rng, category: Category, d: &Draft, before: Option<u32>) -> String {
    let full = d.full();
    if category == Category::Village {
        return village_origin(ctx, rng, d, &full);
    }
    let when = when(rng, category, before);
    let why = match &d.basis {
        Basis::Famous => match famous(&d.specific) {
            Some(m) => format!("以“{}”命名，{m}", d.specific),
            None => char_reason(ctx, rng, category, d),
        },
        Basis::Direction { dir, of } => {
            let part = if *dir == '中' { "中" } else { "" };
            if of == "城区" {
                format!("因位于城区{dir}部得名")
            } else {
                format!("因位于{of}{dir}{part}段得名")
            }
        }
        Basis::Ordinal { series, .. } => match series.as_str() {
            "经" | "纬" => "城市规划时按经纬方向顺序编号命名".to_string(),
            "马路" => "沿用旧时按序号命名道路的习惯".to_string(),
            base => format!("作为{base}路的延伸道路按序号命名"),
        },
        Basis::After { place, what } => after_reason(category, place, what),
        Basis::Surname(s) => format!("因{s}姓聚居得名"),
        Basis::Chars | Basis::Seat => char_reason(ctx, rng, category, d),
    };
    format!("{when}{why}。")
}

/// Origin of a natural village: founding, site and the committee seat.
fn village_origin(ctx: &Ctx, rng: &mut Rng, d: &Draft, full: &str) -> String {
    let site = d
        .generic
        .chars()
        .last()
        .and_then(sense)
        .and_then(|s| match s {
            Sense::Terrain(x) => Some(format!("因村落地处{x}")),
            Sense::Water(x) => Some(format!("因村旁有{x}")),
            Sense::Structure(x) => Some(format!("因{x}")),
            _ => None,
        });
    let mut out = match &d.basis {
        Basis::Surname(s) => {
            let founding = migration(rng, ctx.province(), *s);
            match site {
                Some(site) => format!("{founding}，{site}，故名{full}。"),
                None => format!("{founding}，故名{full}。"),
            }
        }
        _ => {
            let era = rng
                .pick(era_choices(ctx.province()))
                .copied()
                .unwrap_or("清代");
            let why = char_reason(ctx, rng, Category::Village, d);
            match site {
                Some(site) if why.ends_with("待考") => format!("{era}建村，{site}，故名{full}。"),
                _ => format!("{era}建村，{why}。"),
            }
        }
    };
    if d.basis == Basis::Seat {
        out.push_str("现为村民委员会驻地，行政村亦以此为名。");
    }
    out
}

/// Founding periods; 东北 villages are mostly recent.
fn era_choices(province: u8) -> &'static [&'static str] {
    if in_region(province, NORTHEAST) {
        &VILLAGE_ERAS[9..]
    } else {
        VILLAGE_ERAS
    }
}

/// A founding story of surname `s`, following the region's migrations.
fn migration(rng: &mut Rng, province: u8, s: char) -> String {
    let options: &[&str] = if in_region(province, NORTHEAST) {
        &[
            "清末{}姓自山东闯关东来此垦荒建屯",
            "民国初年{}姓由河北迁此定居",
            "清光绪年间{}姓自山东迁此开荒",
        ]
    } else if in_region(province, &[50, 51]) {
        &[
            "清初“湖广填四川”时{}姓由湖广迁此定居",
            "清康熙年间{}姓自湖北麻城迁此",
        ]
    } else if in_region(province, &[52, 53]) {
        &["明初{}姓随军由江西迁此屯田定居", "明洪武年间{}姓由湖南迁此"]
    } else if in_region(province, &[44, 45, 46]) {
        &[
            "南宋末年{}姓先祖由南雄珠玑巷迁此开基",
            "明代{}姓由福建迁此定居",
        ]
    } else if province == 35 {
        &[
            "唐末{}姓由河南光州固始入闽，后裔迁此开基",
            "宋代{}姓由莆田迁此定居",
        ]
    } else if in_region(province, HUGUANG) {
        &[
            "明初“江西填湖广”时{}姓由江西迁此建村",
            "元末{}姓由江西鄱阳迁此",
        ]
    } else if in_region(province, JIANGNAN) {
        &["南宋时{}姓由北方南迁至此定居", "明初{}姓由江西迁此"]
    } else if in_region(province, LOESS) || in_region(province, NORTHWEST) {
        &["明代{}姓由山西迁此", "清同治年间{}姓迁此定居"]
    } else if in_region(province, NORTH) {
        &[
            "明洪武年间{}姓由山西洪洞迁此建村",
            "明永乐年间{}姓自河北枣强迁此立村",
            "明初{}姓由山西迁此定居",
        ]
    } else {
        &["清乾隆年间{}姓迁此建村", "明代{}姓迁此定居"]
    };
    rng.pick(options)
        .copied()
        .unwrap_or("{}姓迁此建村")
        .replace("{}", &s.to_string())
}

/// Year or period clause for a category ("1976年兴建，").
fn when(rng: &mut Rng, category: Category, before: Option<u32>) -> String {
    let (lo, hi, verb) = match category {
        Category::Settlement => (1950, 1975, "建场"),
        Category::Street => (1950, 2022, "修建"),
        Category::Estate => (1985, 2023, "建成"),
        Category::Building => (1990, 2023, "落成"),
        Category::Area => (1995, 2023, "开发建设"),
        Category::Bridge => (1960, 2022, "建成"),
        Category::Station => (1970, 2022, "建成"),
        Category::Reservoir => (1956, 1985, "兴建"),
        Category::Waterworks => (1955, 1990, "修建"),
        Category::Power => (1965, 2022, "建成投产"),
        Category::Park => (1980, 2023, "建成开放"),
        Category::Protected => (1985, 2020, "批准设立"),
        Category::Landmark => {
            let d = rng.pick(DYNASTIES).copied().unwrap_or("清代");
            return format!("始建于{d}，");
        }
        _ => return String::new(),
    };
    let hi = before.map_or(hi, |b| hi.min(b.saturating_sub(1)));
    format!("{}年{verb}，", rng.range(lo.min(hi), hi))
}

/// Reason for a name taken from another place.
fn after_reason(category: Category, place: &str, what: &str) -> String {
    match (category, what) {
        (Category::River, _) => format!("因流经{place}得名"),
        (Category::Bridge, "河") => format!("因横跨{place}得名"),
        (Category::Bridge, "路") | (Category::Estate | Category::Building, "路") => {
            format!("因位于{place}旁得名")
        }
        (Category::Park, "湖") => format!("因园内有{place}得名"),
        (Category::Protected, _) => format!("以区内{place}得名"),
        (Category::Street, _) => format!("因通往{place}得名"),
        (Category::Station | Category::Park, _) => format!("以所在地{place}命名"),
        (c, _) if c.is_natural() => format!("因位于{place}附近得名"),
        (
            Category::Reservoir | Category::Waterworks | Category::Power | Category::Settlement,
            _,
        ) => {
            format!("以所在地{place}得名")
        }
        _ => format!("因位于{place}得名"),
    }
}

/// Reason read from the characters of the specific.
fn char_reason(ctx: &Ctx, rng: &mut Rng, category: Category, d: &Draft) -> String {
    let spec = &d.specific;
    if spec.starts_with('新') && matches!(category, Category::River | Category::Waterworks) {
        return "因系新开挖的河道得名".into();
    }
    if let Some(m) = famous(spec) {
        return format!("以“{spec}”命名，{m}");
    }
    let Some(s) = spec.chars().find_map(sense) else {
        return match ethnic_language(ctx, spec) {
            Some(lang) => format!("系{lang}地名音译，沿用当地旧称"),
            None => format!("“{spec}”之名沿用已久，来历待考"),
        };
    };
    let site = match category {
        Category::Village => "村旁",
        Category::Mountain => "山上",
        Category::Street => "路旁",
        _ => "附近",
    };
    let mountain_like = matches!(
        category,
        Category::Mountain | Category::Valley | Category::Island
    );
    match s {
        Sense::Plant(x) => format!("因{site}多{x}得名"),
        Sense::Shape(x) if mountain_like => format!("因山形似{x}得名"),
        Sense::Shape(x) => format!("因附近山形似{x}得名"),
        Sense::Fauna(x) => format!("因旧时{x}得名"),
        Sense::Colour(x) => format!("因{x}得名"),
        Sense::Water(x) => format!("因{site}有{x}得名"),
        Sense::Terrain(x) => format!("因地处{x}得名"),
        Sense::Position(x) => {
            let reference = ctx
                .township(rng)
                .map(|(t, g)| format!("{t}{g}"))
                .or_else(|| ctx.county.map(|c| c.name.to_string()))
                .unwrap_or_else(|| "城区".into());
            format!("因位于{reference}{x}得名")
        }
        Sense::Number(n) => number_reason(category, n),
        Sense::Structure(x) => format!("因{x}得名"),
        Sense::Wish(x) => format!("取吉祥之意，寓意{x}"),
    }
}

/// Reason for a numeral in the specific.
fn number_reason(category: Category, n: char) -> String {
    match (category, n) {
        (_, '十' | '百' | '千' | '万') => format!("取“{n}”极言其多之意"),
        (_, '一' | '二') => format!("以数字“{n}”为名，沿用已久"),
        (Category::Village, '双') => "因两村相邻得名".into(),
        (Category::Village, _) => format!("相传最早有{n}户人家在此定居，故名"),
        (Category::Mountain, '双') => "因两峰并峙得名".into(),
        (Category::Mountain, _) => format!("因有{n}座山峰相连得名"),
        (Category::River, '双') => "因两溪交汇得名".into(),
        (Category::River, _) => format!("因有{n}条支流汇入得名"),
        _ => format!("以数字“{n}”为名，沿用已久"),
    }
}

/// Language of transliterated names in minority regions, when no Chinese
/// sense was found.
fn ethnic_language(ctx: &Ctx, spec: &str) -> Option<&'static str> {
    match ctx.province() {
        54 => Some("藏语"),
        63 if spec.chars().count() >= 2 => Some("藏语"),
        65 => Some("维吾尔语"),
        15 if spec.chars().count() >= 2 => Some("蒙古语"),
        45 if spec.starts_with(['那', '板', '弄', '岜']) => Some("壮语"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::names::model::{NameModel, RegionModel};

    fn with_ctx(province: u8, f: impl FnOnce(&Ctx)) {
        let model = NameModel::default();
        let region = RegionModel {
            province,
            ..RegionModel::default()
        };
        f(&Ctx {
            model: &model,
            region: &region,
            county: None,
        });
    }

    #[test]
    fn village_with_surname() {
        with_ctx(37, |ctx| {
            let d = Draft::new("李家", "坪", Basis::Surname('李'));
            let (m, o) = texts(ctx, &mut Rng::new(1), Category::Village, &d, None);
            assert_eq!(m, "“李家”指李姓人家；“坪”指山间平地。");
            assert!(o.contains("李姓") && o.ends_with("故名李家坪。"), "{o}");
            assert!(o.contains("山间平地"), "{o}");
        });
    }

    #[test]
    fn streets_and_features() {
        with_ctx(41, |ctx| {
            let mut rng = Rng::new(2);
            let d = Draft::new(
                "人民",
                "东路",
                Basis::Direction {
                    dir: '东',
                    of: "人民路".into(),
                },
            );
            let (m, o) = texts(ctx, &mut rng, Category::Street, &d, None);
            assert!(m.starts_with("由“人民路”加方位词“东”构成"), "{m}");
            assert!(o.ends_with("因位于人民路东段得名。"), "{o}");
            let d = Draft::new(
                "经五",
                "路",
                Basis::Ordinal {
                    numeral: "五",
                    series: "经".into(),
                },
            );
            assert!(texts(ctx, &mut rng, Category::Street, &d, None)
                .0
                .contains("南北走向"));
            let d = Draft::new("卧龙", "山", Basis::Chars);
            let (_, o) = texts(ctx, &mut rng, Category::Mountain, &d, None);
            assert_eq!(o, "因山形似游龙得名。");
            let d = Draft::new(
                "王庄",
                "水库",
                Basis::After {
                    place: "王庄".into(),
                    what: "村",
                },
            );
            let (_, o) = texts(ctx, &mut rng, Category::Reservoir, &d, Some(1960));
            assert!(o.ends_with("年兴建，以所在地王庄得名。"), "{o}");
            let year: u32 = o[..4].parse().unwrap();
            assert!((1956..1960).contains(&year), "{o}");
        });
    }

    #[test]
    fn transliterations_in_tibet() {
        with_ctx(54, |ctx| {
            let d = Draft::new("罗玛", "村", Basis::Chars);
            let (m, _) = texts(ctx, &mut Rng::new(3), Category::Settlement, &d, None);
            assert!(m.contains("藏语"), "{m}");
        });
    }

    #[test]
    fn committee_seat_sentence() {
        with_ctx(44, |ctx| {
            let d = Draft::new("新围", "村", Basis::Seat);
            let (_, o) = texts(ctx, &mut Rng::new(4), Category::Village, &d, None);
            assert!(o.ends_with("现为村民委员会驻地，行政村亦以此为名。"), "{o}");
        });
    }
}
