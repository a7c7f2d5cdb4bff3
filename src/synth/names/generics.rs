//! 通名 generic terms per category, with regional weights.
//!
//! Each table lists the generics of one kind of feature with a base weight
//! and regional overrides (first matching region wins), keyed by the
//! 2-digit province code. Natural-village generics are mostly *learned*
//! from the final characters of real village names (see `model.rs`); the
//! [`GenericTable::Village`] table is only a prior blended into them.

use super::dist::Dist;
use super::regions::{
    in_region, Region, BEIJING, COASTAL, HUGUANG, JIANGNAN, JIANGZHE, LINGNAN, LOESS, MONGOLIA,
    MUSLIM, NORTH, NORTHEAST, NORTHWEST, SHANGHAI, SOUTHWEST, TIANJIN, TIBETAN, XINJIANG,
};

/// One generic with its base weight and regional overrides.
#[derive(Debug, Clone, Copy)]
pub struct Generic {
    /// The 通名 text.
    pub text: &'static str,
    /// Weight outside the listed regions.
    pub base: u32,
    /// `(region, weight)` overrides; the first match wins.
    pub regional: &'static [(Region, u32)],
}

/// Shorthand constructor for the tables.
const fn g(text: &'static str, base: u32, regional: &'static [(Region, u32)]) -> Generic {
    Generic {
        text,
        base,
        regional,
    }
}

impl Generic {
    /// Weight of this generic in `province`.
    pub fn weight(&self, province: u8) -> u32 {
        self.regional
            .iter()
            .find(|(r, _)| in_region(province, r))
            .map_or(self.base, |(_, w)| *w)
    }
}

/// The generic tables, one per kind of feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenericTable {
    /// 街路巷.
    Street,
    /// 自然村 prior (blended with learned village generics).
    Village,
    /// 农林牧渔场 settlements.
    Settlement,
    /// 住宅区.
    Estate,
    /// 楼宇.
    Building,
    /// 区片.
    Area,
    /// 山.
    Mountain,
    /// 谷地.
    Valley,
    /// 平地、台地、滩.
    Flat,
    /// 河流.
    River,
    /// 湖泊.
    Lake,
    /// 岛屿.
    Island,
    /// 泉.
    Spring,
    /// 桥梁.
    Bridge,
    /// 交通站点、渡口.
    Station,
    /// 水库.
    Reservoir,
    /// 渠、闸、堰.
    Waterworks,
    /// 电站.
    Power,
    /// 公园、广场.
    Park,
    /// 自然保护地、风景区.
    Protected,
    /// 纪念地、宗教场所.
    Landmark,
}

impl GenericTable {
    /// All tables, in index order.
    pub const ALL: [GenericTable; 21] = [
        GenericTable::Street,
        GenericTable::Village,
        GenericTable::Settlement,
        GenericTable::Estate,
        GenericTable::Building,
        GenericTable::Area,
        GenericTable::Mountain,
        GenericTable::Valley,
        GenericTable::Flat,
        GenericTable::River,
        GenericTable::Lake,
        GenericTable::Island,
        GenericTable::Spring,
        GenericTable::Bridge,
        GenericTable::Station,
        GenericTable::Reservoir,
        GenericTable::Waterworks,
        GenericTable::Power,
        GenericTable::Park,
        GenericTable::Protected,
        GenericTable::Landmark,
    ];

    /// Position in [`GenericTable::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The generics of this table.
    pub fn entries(self) -> &'static [Generic] {
        match self {
            GenericTable::Street => STREET,
            GenericTable::Village => VILLAGE,
            GenericTable::Settlement => SETTLEMENT,
            GenericTable::Estate => ESTATE,
            GenericTable::Building => BUILDING,
            GenericTable::Area => AREA,
            GenericTable::Mountain => MOUNTAIN,
            GenericTable::Valley => VALLEY,
            GenericTable::Flat => FLAT,
            GenericTable::River => RIVER,
            GenericTable::Lake => LAKE,
            GenericTable::Island => ISLAND,
            GenericTable::Spring => SPRING,
            GenericTable::Bridge => BRIDGE,
            GenericTable::Station => STATION,
            GenericTable::Reservoir => RESERVOIR,
            GenericTable::Waterworks => WATERWORKS,
            GenericTable::Power => POWER,
            GenericTable::Park => PARK,
            GenericTable::Protected => PROTECTED,
            GenericTable::Landmark => LANDMARK,
        }
    }

    /// Distribution of this table's generics in `province`.
    pub fn dist(self, province: u8) -> Dist<&'static str> {
        Dist::from_weights(
            self.entries()
                .iter()
                .map(|e| (e.text, u64::from(e.weight(province)))),
        )
    }
}

/// Distributions of every table for one province, indexed by [`GenericTable::index`].
pub fn province_tables(province: u8) -> Vec<Dist<&'static str>> {
    GenericTable::ALL.iter().map(|t| t.dist(province)).collect()
}

/// One-character settlement generics recognised at the end of real village
/// names (王庄 → 王 + 庄); other endings count as 村.
pub const SETTLEMENT_CHARS: &str = "村庄屯寨坪坝洼沟岗湾营堡店铺集桥塘坑冲垸圩埠塆坊院峪峁塬梁口河岭山头家园场窝渡滩洲岙厝围寮垌田溪背坎埔楼里庙寺屋门台墩坡坳畈嘴咀垭岩井泉湖滨港浦泾浜宅垟坞源林洞疃屋舍";

const STREET: &[Generic] = &[
    g("路", 100, &[]),
    g("街", 25, &[(LINGNAN, 35)]),
    g("大街", 6, &[(NORTH, 14), (NORTHEAST, 10)]),
    g("大道", 8, &[]),
    g("巷", 16, &[(LINGNAN, 30), (SOUTHWEST, 24), (JIANGNAN, 20)]),
    g("里", 1, &[(TIANJIN, 10), (SHANGHAI, 6)]),
    g("胡同", 0, &[(BEIJING, 35), (NORTH, 3), (NORTHEAST, 3)]),
    g("弄", 0, &[(SHANGHAI, 40), (JIANGZHE, 10)]),
    g("道", 1, &[(TIANJIN, 45), (NORTHEAST, 3)]),
    g("条", 0, &[(BEIJING, 3)]),
];

const VILLAGE: &[Generic] = &[
    g("村", 30, &[]),
    g("庄", 2, &[(NORTH, 25), (JIANGZHE, 6)]),
    g("屯", 0, &[(NORTHEAST, 40), (&[45], 20), (&[52], 6)]),
    g("寨", 1, &[(SOUTHWEST, 20), (&[45], 8), (NORTH, 4)]),
    g("坪", 1, &[(SOUTHWEST, 10), (HUGUANG, 8)]),
    g("坝", 0, &[(SOUTHWEST, 10)]),
    g("洼", 0, &[(NORTH, 5)]),
    g("沟", 2, &[(LOESS, 15), (NORTH, 8), (NORTHEAST, 6)]),
    g("岗", 1, &[(HUGUANG, 6), (&[34], 6), (NORTHEAST, 4)]),
    g("湾", 2, &[(HUGUANG, 10), (LOESS, 8)]),
    g("营", 0, &[(NORTH, 6)]),
    g("营子", 0, &[(MONGOLIA, 8), (&[21], 8)]),
    g("窝铺", 0, &[(MONGOLIA, 4)]),
    g("堡", 0, &[(LOESS, 6)]),
    g("峁", 0, &[(LOESS, 4)]),
    g("冲", 0, &[(&[43], 10), (&[34], 4)]),
    g("垸", 0, &[(&[42], 4)]),
    g("塆", 0, &[(&[42], 6)]),
    g("圩", 0, &[(&[32, 34, 36], 4)]),
    g("坑", 0, &[(LINGNAN, 8), (&[36], 6)]),
    g("厝", 0, &[(&[35], 12)]),
    g("围", 0, &[(&[44], 8)]),
    g("岙", 0, &[(&[33], 6)]),
    g("坞", 0, &[(&[33, 34], 4)]),
    g("畈", 0, &[(&[34, 36, 42], 4)]),
    g("店", 0, &[(NORTH, 5)]),
    g("集", 0, &[(&[34, 37, 41], 4)]),
    g("甸子", 0, &[(NORTHEAST, 3)]),
];

const SETTLEMENT: &[Generic] = &[
    g("林场", 30, &[(NORTHEAST, 50)]),
    g("农场", 30, &[]),
    g(
        "牧场",
        3,
        &[(MONGOLIA, 30), (XINJIANG, 30), (TIBETAN, 30), (&[62], 20)],
    ),
    g("茶场", 1, &[(&[33, 35, 36, 53], 10)]),
    g("果园", 5, &[]),
    g("渔场", 0, &[(COASTAL, 6)]),
    g("苗圃", 4, &[]),
    g("良种场", 2, &[]),
    g("矿区", 3, &[(&[14, 15], 8)]),
    g("盐场", 0, &[(COASTAL, 2)]),
];

const ESTATE: &[Generic] = &[
    g("小区", 40, &[]),
    g("花园", 25, &[(LINGNAN, 35)]),
    g("家园", 15, &[]),
    g("苑", 15, &[]),
    g("新村", 8, &[(SHANGHAI, 30), (JIANGZHE, 12)]),
    g("公寓", 6, &[]),
    g("嘉园", 6, &[]),
    g("华庭", 5, &[]),
    g("名苑", 4, &[]),
    g("雅苑", 4, &[]),
    g("府", 5, &[]),
    g("山庄", 4, &[]),
    g("里", 2, &[(BEIJING, 6)]),
    g("城", 4, &[]),
    g("佳苑", 3, &[]),
    g("公馆", 2, &[]),
    g("安置小区", 3, &[]),
];

const BUILDING: &[Generic] = &[
    g("大厦", 40, &[]),
    g("大楼", 12, &[]),
    g("中心", 10, &[]),
    g("广场", 18, &[]),
    g("商厦", 4, &[]),
    g("综合楼", 5, &[]),
    g("商务中心", 5, &[]),
    g("金融中心", 2, &[]),
    g("写字楼", 2, &[]),
];

const AREA: &[Generic] = &[
    g("片区", 15, &[]),
    g("新区", 8, &[]),
    g("新城", 15, &[]),
    g("坊", 3, &[(NORTH, 6)]),
    g("营", 1, &[(BEIJING, 10)]),
    g("园区", 10, &[]),
    g("工业园", 10, &[]),
    g("开发区", 5, &[]),
];

const MOUNTAIN: &[Generic] = &[
    g("山", 100, &[]),
    g("岭", 25, &[(LINGNAN, 35), (JIANGNAN, 35)]),
    g("峰", 10, &[]),
    g("岗", 8, &[(HUGUANG, 14), (&[34], 14)]),
    g("顶", 6, &[]),
    g("尖", 0, &[(JIANGNAN, 8)]),
    g("嶂", 0, &[(&[44], 8)]),
    g("崮", 0, &[(&[37], 15)]),
    g("垴", 0, &[(&[13, 14], 8)]),
    g("梁", 0, &[(LOESS, 15), (MONGOLIA, 8)]),
    g("峁", 0, &[(LOESS, 8)]),
    g("包", 0, &[(MONGOLIA, 10)]),
    g("坡", 5, &[]),
    g("达坂", 0, &[(XINJIANG, 10)]),
    g("垭", 0, &[(SOUTHWEST, 6)]),
    g("坳", 0, &[(HUGUANG, 4), (LINGNAN, 4)]),
];

const VALLEY: &[Generic] = &[
    g("沟", 40, &[]),
    g("谷", 20, &[]),
    g("峪", 2, &[(NORTH, 20)]),
    g("峡", 10, &[]),
    g("冲", 0, &[(&[43], 10)]),
    g("涧", 6, &[]),
    g("坳", 0, &[(HUGUANG, 6), (LINGNAN, 6)]),
    g("川", 1, &[(LOESS, 10), (&[63], 8)]),
    g("洼", 5, &[]),
];

const FLAT: &[Generic] = &[
    g("坪", 30, &[(NORTH, 8)]),
    g("塬", 0, &[(LOESS, 30)]),
    g("原", 5, &[]),
    g("滩", 20, &[]),
    g("甸子", 0, &[(NORTHEAST, 25)]),
    g("坝子", 0, &[(&[53], 25)]),
    g("洼", 10, &[]),
    g("草原", 0, &[(MONGOLIA, 15), (XINJIANG, 15), (TIBETAN, 15)]),
    g("戈壁", 0, &[(&[62, 65], 10)]),
];

const RIVER: &[Generic] = &[
    g("河", 100, &[]),
    g(
        "江",
        2,
        &[
            (LINGNAN, 25),
            (JIANGNAN, 25),
            (SOUTHWEST, 25),
            (HUGUANG, 25),
        ],
    ),
    g(
        "溪",
        3,
        &[
            (JIANGNAN, 40),
            (LINGNAN, 40),
            (HUGUANG, 40),
            (SOUTHWEST, 20),
        ],
    ),
    g("水", 15, &[]),
    g("川", 2, &[(LOESS, 8)]),
    g("涧", 5, &[]),
    g("沟", 20, &[(NORTHEAST, 30), (LOESS, 30)]),
    g("港", 0, &[(JIANGZHE, 15), (SHANGHAI, 15)]),
    g("浦", 0, &[(SHANGHAI, 10)]),
    g("泾", 0, &[(&[31, 32], 10)]),
    g("浜", 0, &[(SHANGHAI, 15), (JIANGZHE, 8)]),
    g("曲", 0, &[(&[54], 25), (&[63], 10)]),
    g("郭勒", 0, &[(MONGOLIA, 12), (XINJIANG, 5)]),
    g("藏布", 0, &[(&[54], 10)]),
    g("涌", 0, &[(&[44], 15)]),
    g("坑", 0, &[(LINGNAN, 10)]),
];

const LAKE: &[Generic] = &[
    g("湖", 60, &[]),
    g("塘", 40, &[(LINGNAN, 60), (JIANGNAN, 60), (HUGUANG, 60)]),
    g("池", 15, &[]),
    g("潭", 15, &[]),
    g("泊", 5, &[]),
    g("淀", 0, &[(&[13], 12), (TIANJIN, 6)]),
    g("泡", 0, &[(NORTHEAST, 25)]),
    g("泡子", 0, &[(NORTHEAST, 25)]),
    g(
        "海子",
        0,
        &[(MONGOLIA, 20), (&[61, 62, 64], 20), (&[14], 8)],
    ),
    g("海", 0, &[(&[53], 15)]),
    g("淖尔", 0, &[(MONGOLIA, 25)]),
    g("诺尔", 0, &[(MONGOLIA, 10), (XINJIANG, 5)]),
    g("错", 0, &[(&[54], 30), (&[63], 10)]),
    g("库勒", 0, &[(XINJIANG, 15)]),
    g("荡", 0, &[(&[32], 15), (SHANGHAI, 10)]),
    g("漾", 0, &[(JIANGZHE, 10)]),
];

const ISLAND: &[Generic] = &[
    g(
        "洲",
        30,
        &[(NORTH, 3), (NORTHEAST, 3), (NORTHWEST, 3), (MONGOLIA, 3)],
    ),
    g("岛", 3, &[(COASTAL, 50)]),
    g("屿", 0, &[(&[35], 40), (COASTAL, 20)]),
    g("礁", 0, &[(COASTAL, 15)]),
    g("山", 0, &[(&[33], 20)]),
    g("沙", 0, &[(&[32], 5)]),
];

const SPRING: &[Generic] = &[g("泉", 80, &[]), g("温泉", 10, &[])];

const BRIDGE: &[Generic] = &[
    g("桥", 60, &[]),
    g("大桥", 30, &[]),
    g("立交桥", 4, &[]),
    g("风雨桥", 0, &[(&[43, 45, 52], 6)]),
];

const STATION: &[Generic] = &[
    g("汽车站", 25, &[]),
    g("客运站", 15, &[]),
    g("站", 20, &[]),
    g("码头", 4, &[(COASTAL, 10), (JIANGNAN, 10), (HUGUANG, 10)]),
    g("渡口", 8, &[(JIANGNAN, 15), (HUGUANG, 15), (SOUTHWEST, 15)]),
    g("服务区", 8, &[]),
    g("收费站", 8, &[]),
];

const RESERVOIR: &[Generic] = &[
    g("水库", 90, &[]),
    g("山塘", 0, &[(LINGNAN, 10), (JIANGNAN, 10)]),
    g("塘坝", 5, &[]),
];

const WATERWORKS: &[Generic] = &[
    g("渠", 25, &[]),
    g("干渠", 15, &[]),
    g("闸", 20, &[]),
    g("堰", 15, &[(SOUTHWEST, 25)]),
    g("泵站", 10, &[]),
    g("排灌站", 10, &[]),
    g("渡槽", 5, &[]),
    g("提灌站", 5, &[]),
];

const POWER: &[Generic] = &[
    g("水电站", 40, &[(SOUTHWEST, 60)]),
    g("变电站", 40, &[]),
    g("电站", 10, &[]),
    g(
        "风电场",
        0,
        &[(MONGOLIA, 20), (NORTHWEST, 20), (COASTAL, 8)],
    ),
    g("光伏电站", 5, &[]),
];

const PARK: &[Generic] = &[
    g("公园", 70, &[]),
    g("广场", 20, &[]),
    g("湿地公园", 10, &[]),
    g("森林公园", 10, &[]),
    g("游园", 6, &[]),
    g("植物园", 2, &[]),
    g("体育公园", 3, &[]),
];

const PROTECTED: &[Generic] = &[
    g("自然保护区", 30, &[]),
    g("风景区", 25, &[]),
    g("风景名胜区", 10, &[]),
    g("湿地", 10, &[]),
    g("地质公园", 5, &[]),
    g("水源保护区", 10, &[]),
];

const LANDMARK: &[Generic] = &[
    g("寺", 25, &[]),
    g("庙", 25, &[]),
    g("塔", 12, &[]),
    g("亭", 10, &[]),
    g("祠", 10, &[(LINGNAN, 20), (JIANGNAN, 20)]),
    g("牌坊", 4, &[]),
    g("观", 6, &[]),
    g("庵", 6, &[]),
    g("碑", 3, &[]),
    g("阁", 6, &[]),
    g("书院", 4, &[]),
    g("清真寺", 1, &[(MUSLIM, 25)]),
    g("烽火台", 0, &[(NORTHWEST, 6)]),
    g("鼓楼", 0, &[(&[45, 52], 8)]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::names::rng::Rng;

    #[test]
    fn regional_overrides() {
        let hutong = STREET
            .iter()
            .find(|e| e.text == "胡同")
            .map(|e| e.weight(11));
        assert_eq!(hutong, Some(35));
        let hutong = STREET
            .iter()
            .find(|e| e.text == "胡同")
            .map(|e| e.weight(44));
        assert_eq!(hutong, Some(0));
    }

    #[test]
    fn every_table_has_generics_everywhere() {
        for p in [11u8, 15, 23, 31, 44, 54, 65, 99] {
            let tables = province_tables(p);
            assert_eq!(tables.len(), GenericTable::ALL.len());
            for (t, d) in GenericTable::ALL.iter().zip(&tables) {
                assert!(!d.is_empty(), "{t:?} in {p}");
                assert_eq!(t.dist(p).len(), d.len());
            }
        }
    }

    #[test]
    fn shanghai_has_lanes() {
        let d = GenericTable::Street.dist(31);
        let mut rng = Rng::new(5);
        let lanes = (0..2000)
            .filter(|_| d.sample(&mut rng) == Some(&"弄"))
            .count();
        assert!(lanes > 100, "{lanes}");
    }

    #[test]
    fn index_matches_all() {
        for (i, t) in GenericTable::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
        }
    }
}
