//! 地名标志 place-name sign installed on the ground, optionally with a QR code.

use chrono::NaiveDate;
use geo::Point;
use serde::{Deserialize, Serialize};

use super::{PlaceNameId, Source};

/// Stable identity of a sign record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SignId(pub i64);

/// Sign types of GB 17733 as used by local rules (domain brief §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignType {
    /// 街牌
    Street,
    /// 巷牌
    Lane,
    /// 门牌
    Door,
    /// 楼牌
    Building,
    /// 村牌
    Village,
    /// 区片牌
    Area,
    /// 自然实体标志
    NaturalFeature,
}

impl SignType {
    /// All sign types.
    pub const ALL: [SignType; 7] = [
        SignType::Street,
        SignType::Lane,
        SignType::Door,
        SignType::Building,
        SignType::Village,
        SignType::Area,
        SignType::NaturalFeature,
    ];

    /// The storage and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SignType::Street => "street",
            SignType::Lane => "lane",
            SignType::Door => "door",
            SignType::Building => "building",
            SignType::Village => "village",
            SignType::Area => "area",
            SignType::NaturalFeature => "natural_feature",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Chinese name of the sign type.
    pub fn name_zh(self) -> &'static str {
        match self {
            SignType::Street => "街牌",
            SignType::Lane => "巷牌",
            SignType::Door => "门牌",
            SignType::Building => "楼牌",
            SignType::Village => "村牌",
            SignType::Area => "区片牌",
            SignType::NaturalFeature => "自然实体标志",
        }
    }
}

/// Physical condition of a sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignCondition {
    /// 完好
    Good,
    /// 破损
    Damaged,
    /// 缺失
    Missing,
}

impl SignCondition {
    /// The storage and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SignCondition::Good => "good",
            SignCondition::Damaged => "damaged",
            SignCondition::Missing => "missing",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        [
            SignCondition::Good,
            SignCondition::Damaged,
            SignCondition::Missing,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// 地名标志 a sign showing a standard name. The sign code is independent of the
/// place-name id: one place can have many signs, and a rename does not change the code.
#[derive(Debug, Clone, PartialEq)]
pub struct Sign {
    pub id: SignId,
    /// Code printed on the plate (division code + serial + check character).
    pub code: String,
    pub sign_type: SignType,
    pub place_name: PlaceNameId,
    /// The text as printed on the plate, which may predate a rename.
    pub text_zh: String,
    pub text_roman: String,
    pub text_ethnic: Option<String>,
    /// CGCS2000 longitude/latitude.
    pub position: Point<f64>,
    pub installed_on: Option<NaiveDate>,
    pub condition: SignCondition,
    pub source: Source,
}
