//! 通名 (generic terms) and splitting a name into 专名 + 通名.
//!
//! Only the **last** generic is split off (rule 4 of the 1984 rules: a generic
//! that has become part of the specific stays in it: 黑龙江省 → 黑龙江 + 省).
//! The match is the longest suffix found in [`GENERICS`], extended by:
//!
//! * ethnic 民族乡 / 民族苏木 generics (瑶族乡, 苗族侗族乡), see [`ETHNONYMS`];
//! * a one-syllable positional modifier (东/西/南/北/中/前/后/…) joined to a
//!   one-syllable street or river generic when at least two characters of
//!   specific remain (延安北路 → 延安 + 北路 "Yan'an Beilu", 潮白新河 →
//!   "Chaobai Xinhe"; but 湖南路 → 湖南 + 路 "Hunan Lu");
//! * committee and office suffixes, which are dropped because they name an
//!   organisation, not the place (X社区居委会 → X社区, X村委会 / X村民委员会 →
//!   X村, X街道办事处 → X街道, X居委会 → X).

/// Broad class of a 通名.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GenericCategory {
    /// 行政区划 and 群众自治组织: 省, 市, 县, 乡, 镇, 街道, 村, 社区….
    Administrative,
    /// 街路巷: 路, 街, 巷, 胡同, 弄, 里….
    Street,
    /// 自然地理实体: 山, 河, 湖, 岛….
    Natural,
    /// Other named units: 农场, 林场, 开发区….
    Other,
}

use GenericCategory::{Administrative as A, Natural as N, Other as O, Street as S};

/// Curated 通名 table with categories. Suffixes are matched longest first.
pub const GENERICS: &[(&str, GenericCategory)] = &[
    // 行政区划
    ("省", A),
    ("自治区", A),
    ("特别行政区", A),
    ("市", A),
    ("地区", A),
    ("自治州", A),
    ("盟", A),
    ("县", A),
    ("自治县", A),
    ("旗", A),
    ("自治旗", A),
    ("区", A),
    ("新区", A),
    ("林区", A),
    ("特区", A),
    ("矿区", A),
    ("市辖区", A),
    ("街道", A),
    ("街办", A),
    ("镇", A),
    ("乡", A),
    ("苏木", A),
    ("村", A),
    ("社区", A),
    ("嘎查", A),
    // 街路巷
    ("大道", S),
    ("大街", S),
    ("马路", S),
    ("路", S),
    ("街", S),
    ("巷", S),
    ("胡同", S),
    ("弄", S),
    ("里", S),
    ("道", S),
    ("条", S),
    // 自然地理实体
    ("山", N),
    ("山脉", N),
    ("岭", N),
    ("峰", N),
    ("河", N),
    ("运河", N),
    ("江", N),
    ("湖", N),
    ("海", N),
    ("湾", N),
    ("岛", N),
    ("半岛", N),
    ("群岛", N),
    ("峡", N),
    ("海峡", N),
    ("溪", N),
    ("泉", N),
    ("水库", N),
    ("草原", N),
    ("沙漠", N),
    ("高原", N),
    ("盆地", N),
    ("瀑布", N),
    // 其他
    ("农场", O),
    ("林场", O),
    ("牧场", O),
    ("开发区", O),
];

/// The 56 officially recognised 民族, without 族, for ethnic generics.
pub const ETHNONYMS: &[&str] = &[
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
];

/// One-syllable modifiers that join a one-syllable generic (rule 2).
const MODIFIERS: &[char] = &[
    '新', '老', '大', '小', '东', '西', '南', '北', '前', '后', '上', '下', '中', '内', '外',
];

/// Generics a positional modifier may join (one-syllable streets and rivers).
const MODIFIABLE: &[&str] = &["路", "街", "巷", "道", "河", "江"];

/// Organisation suffixes dropped before splitting, with what they keep.
/// The kept part is a prefix of the suffix (so the result is a slice).
const COMMITTEES: &[(&str, &str)] = &[
    ("社区居民委员会", "社区"),
    ("社区居委会", "社区"),
    ("村民委员会", "村"),
    ("村委会", "村"),
    ("街道办事处", "街道"),
    ("居民委员会", ""),
    ("居委会", ""),
];

/// Well-known names whose final character looks like a generic but is part
/// of the name as used bare (provinces, prefecture-level cities): not split.
const LEXICALISED: &[&str] = &[
    "上海",
    "青海",
    "珠海",
    "北海",
    "威海",
    "临海",
    "浙江",
    "黑龙江",
    "镇江",
    "九江",
    "内江",
    "湛江",
    "阳江",
    "丽江",
    "晋江",
    "牡丹江",
    "漯河",
    "黑河",
    "佛山",
    "中山",
    "鞍山",
    "唐山",
    "乐山",
    "眉山",
    "舟山",
    "保山",
    "文山",
    "昆山",
    "芜湖",
    "青岛",
    "酒泉",
    "阳泉",
    "本溪",
    "铁岭",
    "赤峰",
    "满洲里",
];

/// Category of a generic term, including ethnic 民族乡 generics.
///
/// ```
/// use diming::domain::romanization::{generic_category, GenericCategory};
/// assert_eq!(generic_category("镇"), Some(GenericCategory::Administrative));
/// assert_eq!(generic_category("北路"), Some(GenericCategory::Street));
/// assert_eq!(generic_category("瑶族乡"), Some(GenericCategory::Administrative));
/// assert_eq!(generic_category("西湖"), None);
/// ```
pub fn generic_category(term: &str) -> Option<GenericCategory> {
    if let Some((_, cat)) = GENERICS.iter().find(|(g, _)| *g == term) {
        return Some(*cat);
    }
    if ethnic_generic_len(term) == Some(term.len()) {
        return Some(A);
    }
    let mut chars = term.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    (MODIFIERS.contains(&first) && MODIFIABLE.contains(&rest)).then(|| generic_category(rest))?
}

/// Split a name into 专名 and 通名: `("西湖", Some("区"))` for 西湖区.
///
/// Committee suffixes are dropped, see the module docs.
///
/// ```
/// use diming::domain::romanization::split_generic;
/// assert_eq!(split_generic("西湖区"), ("西湖", Some("区")));
/// assert_eq!(split_generic("黑龙江省"), ("黑龙江", Some("省")));
/// assert_eq!(split_generic("延安北路"), ("延安", Some("北路")));
/// assert_eq!(split_generic("长坪瑶族乡"), ("长坪", Some("瑶族乡")));
/// assert_eq!(split_generic("西湖村委会"), ("西湖", Some("村")));
/// assert_eq!(split_generic("上海"), ("上海", None));
/// ```
pub fn split_generic(name: &str) -> (&str, Option<&str>) {
    let name = strip_committee(name.trim());
    if LEXICALISED.contains(&name) {
        return (name, None);
    }
    let base_len = GENERICS
        .iter()
        .filter(|(g, _)| name.ends_with(g))
        .map(|(g, _)| g.len())
        .max();
    let ethnic_len = ethnic_generic_len(name);
    let Some(mut len) = base_len.max(ethnic_len) else {
        return (name, None);
    };
    let (spec, generic) = name.split_at(name.len() - len);
    if MODIFIABLE.contains(&generic) {
        let mut chars = spec.chars();
        if let Some(m) = chars.next_back() {
            if MODIFIERS.contains(&m) && chars.as_str().chars().count() >= 2 {
                len += m.len_utf8();
            }
        }
    }
    let (spec, generic) = name.split_at(name.len() - len);
    (spec, Some(generic))
}

/// Drop an organisation suffix, keeping the place-name part.
fn strip_committee(name: &str) -> &str {
    for (suffix, keep) in COMMITTEES {
        if let Some(stem) = name.strip_suffix(suffix) {
            if !stem.is_empty() {
                return &name[..stem.len() + keep.len()];
            }
        }
    }
    name
}

/// Byte length of a trailing ethnic generic ("瑶族乡", "苗族侗族乡", "鄂温克族苏木").
fn ethnic_generic_len(name: &str) -> Option<usize> {
    let stem = name
        .strip_suffix('乡')
        .or_else(|| name.strip_suffix("苏木"))?;
    let run = ethnonym_run_start(stem)?;
    Some(name.len() - run)
}

/// Byte index where a trailing run of "<民族>族" begins, if `text` ends in one.
///
/// ```
/// use diming::domain::romanization::ethnonym_run_start;
/// assert_eq!(ethnonym_run_start("长阳土家族"), Some("长阳".len()));
/// assert_eq!(ethnonym_run_start("长阳"), None);
/// ```
pub fn ethnonym_run_start(text: &str) -> Option<usize> {
    let run = ethnonym_run(text, false);
    (!run.is_empty()).then(|| text.len() - run.iter().map(|t| t.len()).sum::<usize>())
}

/// Trailing ethnonym tokens of `text` in reading order ("苗族", "侗族").
/// With `allow_bare`, an ethnonym with its own curated form may stand
/// without 族 (伊犁哈萨克 → "哈萨克"), as in names of autonomous units.
pub(crate) fn ethnonym_run(text: &str, allow_bare: bool) -> Vec<&str> {
    let mut end = text.len();
    let mut tokens = Vec::new();
    loop {
        let head = &text[..end];
        let (stem, zu) = match head.strip_suffix('族') {
            Some(stem) => (stem, true),
            None if allow_bare => (head, false),
            None => break,
        };
        let found = ETHNONYMS
            .iter()
            .filter(|e| stem.ends_with(*e) && (zu || super::minority::ethnonym_form(e).is_some()))
            .max_by_key(|e| e.len());
        let Some(e) = found else {
            break;
        };
        let start = stem.len() - e.len();
        tokens.push(&text[start..end]);
        end = start;
    }
    tokens.reverse();
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_last_generic_only() {
        assert_eq!(split_generic("景德镇市"), ("景德镇", Some("市")));
        assert_eq!(split_generic("总寨镇"), ("总寨", Some("镇")));
        assert_eq!(split_generic("松花江"), ("松花", Some("江")));
    }

    #[test]
    fn single_character_specific_stays_split() {
        assert_eq!(split_generic("单县"), ("单", Some("县")));
        assert_eq!(split_generic("泰山"), ("泰", Some("山")));
    }

    #[test]
    fn generic_only() {
        assert_eq!(split_generic("市辖区"), ("", Some("市辖区")));
        assert_eq!(split_generic("西湖"), ("西", Some("湖")));
    }

    #[test]
    fn modifiers() {
        assert_eq!(split_generic("景山后街"), ("景山", Some("后街")));
        assert_eq!(split_generic("潮白新河"), ("潮白", Some("新河")));
        assert_eq!(split_generic("湖南路"), ("湖南", Some("路")));
        assert_eq!(split_generic("西辽河"), ("西辽", Some("河")));
        assert_eq!(split_generic("朝阳门内大街"), ("朝阳门内", Some("大街")));
    }

    #[test]
    fn ethnic_generics() {
        assert_eq!(
            split_generic("乐安铺苗族侗族乡"),
            ("乐安铺", Some("苗族侗族乡"))
        );
        assert_eq!(
            split_generic("长阳土家族自治县"),
            ("长阳土家族", Some("自治县"))
        );
        assert_eq!(generic_category("苗族侗族乡"), Some(A));
    }

    #[test]
    fn committees() {
        assert_eq!(split_generic("幸福社区居委会"), ("幸福", Some("社区")));
        assert_eq!(split_generic("王庄村民委员会"), ("王庄", Some("村")));
        assert_eq!(split_generic("东城街道办事处"), ("东城", Some("街道")));
        assert_eq!(split_generic("幸福居委会"), ("幸福", None));
    }
}
