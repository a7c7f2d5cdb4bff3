//! Regions of China as sets of 2-digit province codes, for regional weights.

/// Province codes of a region.
pub type Region = &'static [u8];

/// 北京.
pub const BEIJING: Region = &[11];
/// 天津.
pub const TIANJIN: Region = &[12];
/// 上海.
pub const SHANGHAI: Region = &[31];
/// 江苏, 浙江.
pub const JIANGZHE: Region = &[32, 33];
/// 东北: 辽宁, 吉林, 黑龙江.
pub const NORTHEAST: Region = &[21, 22, 23];
/// 华北平原 and 山东, 河南.
pub const NORTH: Region = &[11, 12, 13, 14, 37, 41];
/// 黄土高原: 山西, 陕西, 甘肃, 宁夏.
pub const LOESS: Region = &[14, 61, 62, 64];
/// 内蒙古.
pub const MONGOLIA: Region = &[15];
/// 新疆.
pub const XINJIANG: Region = &[65];
/// 西藏, 青海.
pub const TIBETAN: Region = &[54, 63];
/// 西南: 重庆, 四川, 贵州, 云南.
pub const SOUTHWEST: Region = &[50, 51, 52, 53];
/// 岭南: 广东, 广西, 海南, and 福建.
pub const LINGNAN: Region = &[35, 44, 45, 46];
/// 江南: 上海, 江苏, 浙江, 安徽, 江西.
pub const JIANGNAN: Region = &[31, 32, 33, 34, 36];
/// 两湖 and 江西.
pub const HUGUANG: Region = &[36, 42, 43];
/// 西北: 陕西, 甘肃, 青海, 宁夏, 新疆.
pub const NORTHWEST: Region = &[61, 62, 63, 64, 65];
/// Provinces with a sea coast.
pub const COASTAL: Region = &[12, 13, 21, 31, 32, 33, 35, 37, 44, 45, 46];
/// Provinces with a large Hui or Uyghur population.
pub const MUSLIM: Region = &[62, 63, 64, 65];

/// `true` when `province` is in `region`.
pub fn in_region(province: u8, region: Region) -> bool {
    region.contains(&province)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership() {
        assert!(in_region(11, BEIJING));
        assert!(in_region(44, LINGNAN));
        assert!(!in_region(44, NORTHEAST));
        assert!(COASTAL.iter().all(|p| *p > 10 && *p < 50));
    }
}
