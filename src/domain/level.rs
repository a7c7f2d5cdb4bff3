//! 行政级别 administrative level of a division, 1 (province) to 5 (village).

use serde::{Deserialize, Serialize};

/// The five levels of the division hierarchy used by the statistical code set.
///
/// ```
/// use diming::domain::Level;
/// assert_eq!(Level::try_from(3u8).unwrap(), Level::County);
/// assert_eq!(Level::County.name_zh(), "县级");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum Level {
    /// 省级: province, autonomous region, municipality.
    Province = 1,
    /// 地级: prefecture-level city, 地区, 自治州, 盟 (and NBS pseudo-prefectures).
    Prefecture = 2,
    /// 县级: district, county-level city, county, banner.
    County = 3,
    /// 乡级: 街道, 镇, 乡 and similar.
    Township = 4,
    /// 村级: 村民委员会, 居民委员会 and similar.
    Village = 5,
}

impl Level {
    /// All levels, top down.
    pub const ALL: [Level; 5] = [
        Level::Province,
        Level::Prefecture,
        Level::County,
        Level::Township,
        Level::Village,
    ];

    /// The number used in codes and APIs (1–5).
    pub fn number(self) -> u8 {
        self as u8
    }

    /// Chinese name of the level.
    pub fn name_zh(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::Prefecture => "地级",
            Level::County => "县级",
            Level::Township => "乡级",
            Level::Village => "村级",
        }
    }

    /// English name of the level, as used in JSON.
    pub fn name_en(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
            Level::Township => "township",
            Level::Village => "village",
        }
    }

    /// Number of digits in the canonical code of this level.
    pub fn code_len(self) -> usize {
        match self {
            Level::Province => 2,
            Level::Prefecture => 4,
            Level::County => 6,
            Level::Township => 9,
            Level::Village => 12,
        }
    }
}

/// A level number outside 1–5.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("level {0} is not a division level; use 1 (province) to 5 (village)")]
pub struct LevelError(pub i64);

impl TryFrom<u8> for Level {
    type Error = LevelError;
    fn try_from(n: u8) -> Result<Self, LevelError> {
        Level::try_from(i64::from(n))
    }
}

impl TryFrom<i64> for Level {
    type Error = LevelError;
    fn try_from(n: i64) -> Result<Self, LevelError> {
        match n {
            1 => Ok(Level::Province),
            2 => Ok(Level::Prefecture),
            3 => Ok(Level::County),
            4 => Ok(Level::Township),
            5 => Ok(Level::Village),
            other => Err(LevelError(other)),
        }
    }
}

impl From<Level> for u8 {
    fn from(l: Level) -> u8 {
        l as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::try_from(l.number()).unwrap(), l);
        }
        assert_eq!(Level::try_from(6u8), Err(LevelError(6)));
    }
}
