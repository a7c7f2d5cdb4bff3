//! 地名类别 categories: codes, regulated kinds and the per-county mix.
//!
//! Codes follow the GB/T 18521 split (1xxxx 自然地理实体, 2xxxx 人文地理实体).
//! Codes marked *national* are those of the national database; the others
//! are **project-assigned** within the same split.
//!
//! | code  | category                      | regulated kind           | origin   |
//! |-------|-------------------------------|--------------------------|----------|
//! | 11300 | 岛屿 islands, river islets     | natural_feature          | project  |
//! | 12100 | 河流 rivers, streams           | natural_feature          | project  |
//! | 12200 | 湖泊 lakes, ponds              | natural_feature          | project  |
//! | 12400 | 泉 springs                     | natural_feature          | project  |
//! | 13100 | 山 mountains, ridges, hills    | natural_feature          | project  |
//! | 13200 | 谷地 valleys, gullies          | natural_feature          | project  |
//! | 13300 | 平地 flats, tablelands, shoals | natural_feature          | project  |
//! | 21770 | 区片 named urban areas         | other                    | national |
//! | 21800 | 街路巷 streets, roads, lanes   | street                   | national |
//! | 22110 | 住宅区 residential estates     | estate_or_building       | project  |
//! | 22190 | 楼宇 buildings                 | estate_or_building       | national |
//! | 22200 | 农村居民点 natural villages    | other / committee_seat   | national |
//! | 22300 | 农林牧渔场 farm settlements    | other                    | project  |
//! | 23100 | 桥梁 bridges                   | facility                 | project  |
//! | 23200 | 交通站点 stations, ferries     | facility                 | project  |
//! | 24100 | 水库 reservoirs                | facility                 | project  |
//! | 24200 | 渠闸堰 canals, sluices, weirs  | facility                 | project  |
//! | 24300 | 电站 power stations            | facility                 | project  |
//! | 25100 | 公园 parks, squares            | park_or_protected_area   | project  |
//! | 25200 | 自然保护地 protected areas     | park_or_protected_area   | project  |
//! | 25300 | 纪念地 temples, monuments      | other                    | project  |
//!
//! A natural village that is the seat of its village committee (村民委员会所在地)
//! keeps code 22200 with kind `committee_seat`.

use super::dist::Dist;
use super::generics::GenericTable;

/// Kind of named feature generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// 岛屿.
    Island,
    /// 河流.
    River,
    /// 湖泊.
    Lake,
    /// 泉.
    Spring,
    /// 山.
    Mountain,
    /// 谷地.
    Valley,
    /// 平地.
    Flat,
    /// 区片.
    Area,
    /// 街路巷.
    Street,
    /// 住宅区.
    Estate,
    /// 楼宇.
    Building,
    /// 自然村 (农村居民点).
    Village,
    /// 农林牧渔场居民点.
    Settlement,
    /// 桥梁.
    Bridge,
    /// 交通站点.
    Station,
    /// 水库.
    Reservoir,
    /// 渠闸堰.
    Waterworks,
    /// 电站.
    Power,
    /// 公园.
    Park,
    /// 自然保护地.
    Protected,
    /// 纪念地.
    Landmark,
}

/// Static facts about one category.
#[derive(Debug, Clone, Copy)]
pub struct CategoryInfo {
    /// 5-digit category code.
    pub code: &'static str,
    /// Regulated kind (《地名管理条例》 Art. 3), storage spelling.
    pub kind: &'static str,
    /// Chinese label.
    pub label: &'static str,
    /// Generic table the 通名 is drawn from.
    pub table: GenericTable,
    /// Relative frequency in a fully rural county (per mille).
    pub rural: u32,
    /// Relative frequency in a fully urban district (per mille).
    pub urban: u32,
}

const fn info(
    code: &'static str,
    kind: &'static str,
    label: &'static str,
    table: GenericTable,
    rural: u32,
    urban: u32,
) -> CategoryInfo {
    CategoryInfo {
        code,
        kind,
        label,
        table,
        rural,
        urban,
    }
}

const NATURAL: &str = "natural_feature";
const FACILITY: &str = "facility";
const PARK: &str = "park_or_protected_area";
const ESTATE: &str = "estate_or_building";

impl Category {
    /// All categories.
    pub const ALL: [Category; 21] = [
        Category::Island,
        Category::River,
        Category::Lake,
        Category::Spring,
        Category::Mountain,
        Category::Valley,
        Category::Flat,
        Category::Area,
        Category::Street,
        Category::Estate,
        Category::Building,
        Category::Village,
        Category::Settlement,
        Category::Bridge,
        Category::Station,
        Category::Reservoir,
        Category::Waterworks,
        Category::Power,
        Category::Park,
        Category::Protected,
        Category::Landmark,
    ];

    /// Code, kind, label, generic table and mix weights.
    pub fn info(self) -> CategoryInfo {
        use GenericTable as T;
        match self {
            Category::Island => info("11300", NATURAL, "岛屿", T::Island, 4, 2),
            Category::River => info("12100", NATURAL, "河流", T::River, 60, 25),
            Category::Lake => info("12200", NATURAL, "湖泊", T::Lake, 30, 15),
            Category::Spring => info("12400", NATURAL, "泉", T::Spring, 10, 2),
            Category::Mountain => info("13100", NATURAL, "山", T::Mountain, 110, 20),
            Category::Valley => info("13200", NATURAL, "谷地", T::Valley, 40, 5),
            Category::Flat => info("13300", NATURAL, "平地", T::Flat, 12, 2),
            Category::Area => info("21770", "other", "区片", T::Area, 8, 40),
            Category::Street => info("21800", "street", "街路巷", T::Street, 100, 380),
            Category::Estate => info("22110", ESTATE, "住宅区", T::Estate, 20, 180),
            Category::Building => info("22190", ESTATE, "楼宇", T::Building, 5, 100),
            Category::Village => info("22200", "other", "农村居民点", T::Village, 420, 40),
            Category::Settlement => info("22300", "other", "农林牧渔场", T::Settlement, 25, 5),
            Category::Bridge => info("23100", FACILITY, "桥梁", T::Bridge, 30, 40),
            Category::Station => info("23200", FACILITY, "交通站点", T::Station, 10, 20),
            Category::Reservoir => info("24100", FACILITY, "水库", T::Reservoir, 25, 5),
            Category::Waterworks => info("24200", FACILITY, "渠闸堰", T::Waterworks, 20, 5),
            Category::Power => info("24300", FACILITY, "电站", T::Power, 10, 5),
            Category::Park => info("25100", PARK, "公园", T::Park, 8, 40),
            Category::Protected => info("25200", PARK, "自然保护地", T::Protected, 5, 2),
            Category::Landmark => info("25300", "other", "纪念地", T::Landmark, 18, 12),
        }
    }

    /// `true` for 1xxxx natural features.
    pub fn is_natural(self) -> bool {
        self.info().code.starts_with('1')
    }

    /// Whether names of this category must be unique within a county
    /// (streets, estates…); natural features and villages may repeat.
    pub fn unique_in_county(self) -> bool {
        !matches!(
            self,
            Category::Village
                | Category::Mountain
                | Category::River
                | Category::Lake
                | Category::Valley
                | Category::Flat
                | Category::Spring
                | Category::Island
        )
    }
}

/// Category mix of a county with the given urban share (0 = rural county,
/// 1 = city district), from the share of 社区 among its committees.
pub fn county_mix(urban_share: f64) -> Dist<Category> {
    let u = urban_share.clamp(0.0, 1.0);
    Dist::from_weights(Category::ALL.iter().map(|&c| {
        let i = c.info();
        let w = (1.0 - u) * f64::from(i.rural) + u * f64::from(i.urban);
        (c, (w * 100.0).round() as u64)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_split_natural_human() {
        let mut seen = HashSet::new();
        for c in Category::ALL {
            let i = c.info();
            assert_eq!(i.code.len(), 5);
            assert!(seen.insert(i.code), "{}", i.code);
            assert_eq!(c.is_natural(), i.kind == NATURAL, "{c:?}");
        }
    }

    #[test]
    fn known_national_codes() {
        assert_eq!(Category::Street.info().code, "21800");
        assert_eq!(Category::Village.info().code, "22200");
        assert_eq!(Category::Building.info().code, "22190");
        assert_eq!(Category::Area.info().code, "21770");
    }

    #[test]
    fn mix_shifts_with_urbanity() {
        let rural = county_mix(0.0);
        let urban = county_mix(1.0);
        let w = |d: &Dist<Category>, c| d.iter().find(|(k, _)| **k == c).map_or(0, |(_, w)| w);
        assert!(w(&rural, Category::Village) > w(&urban, Category::Village));
        assert!(w(&urban, Category::Street) > w(&rural, Category::Street));
        assert_eq!(rural.len(), Category::ALL.len());
    }
}
