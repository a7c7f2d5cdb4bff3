//! 地名 place name: a standard name (标准地名) with its parts, spelling and history.

use chrono::NaiveDate;
use geo::Geometry;
use serde::{Deserialize, Serialize};

use super::{DivisionId, Source, Validity};

/// Stable identity of a place-name record; never reused, even after cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlaceNameId(pub i64);

/// The eight kinds of names the 《地名管理条例》(2022) Art. 3 regulates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegulatedKind {
    /// 自然地理实体名称
    NaturalFeature,
    /// 行政区划名称
    AdministrativeDivision,
    /// 村民委员会、居民委员会所在地名称
    CommitteeSeat,
    /// 城市公园、自然保护地名称
    ParkOrProtectedArea,
    /// 街路巷名称
    Street,
    /// 具有重要地理方位意义的住宅区、楼宇名称
    EstateOrBuilding,
    /// 具有重要地理方位意义的交通运输、水利、电力、通信、气象等设施名称
    Facility,
    /// 具有重要地理方位意义的其他地理实体名称
    Other,
}

impl RegulatedKind {
    /// All kinds in the order of Art. 3.
    pub const ALL: [RegulatedKind; 8] = [
        RegulatedKind::NaturalFeature,
        RegulatedKind::AdministrativeDivision,
        RegulatedKind::CommitteeSeat,
        RegulatedKind::ParkOrProtectedArea,
        RegulatedKind::Street,
        RegulatedKind::EstateOrBuilding,
        RegulatedKind::Facility,
        RegulatedKind::Other,
    ];

    /// The storage and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RegulatedKind::NaturalFeature => "natural_feature",
            RegulatedKind::AdministrativeDivision => "administrative_division",
            RegulatedKind::CommitteeSeat => "committee_seat",
            RegulatedKind::ParkOrProtectedArea => "park_or_protected_area",
            RegulatedKind::Street => "street",
            RegulatedKind::EstateOrBuilding => "estate_or_building",
            RegulatedKind::Facility => "facility",
            RegulatedKind::Other => "other",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        RegulatedKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Life-cycle status of a name (domain brief §1.11; filings drive the transitions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameStatus {
    /// Proposed in a filing, not yet approved.
    Proposed,
    /// Approved, filed and announced: a 标准地名 in use.
    InUse,
    /// Replaced by a newer name (更名); kept as a 历史地名.
    Superseded,
    /// Cancelled (销名); terminal, kept as a 历史地名.
    Cancelled,
}

impl NameStatus {
    /// The storage and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            NameStatus::Proposed => "proposed",
            NameStatus::InUse => "in_use",
            NameStatus::Superseded => "superseded",
            NameStatus::Cancelled => "cancelled",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        [
            NameStatus::Proposed,
            NameStatus::InUse,
            NameStatus::Superseded,
            NameStatus::Cancelled,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// 历史地名 a former name, with the dates it was in use when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoricalName {
    pub name: String,
    #[serde(flatten)]
    pub validity: Validity,
    /// Approval document of the change, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// 标准地名 a standard place name and what the registry knows about it.
///
/// Geometry is CGCS2000 longitude/latitude (a point, line or polygon).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceName {
    pub id: PlaceNameId,
    /// 标准名称, the full standard form.
    pub standard_name: String,
    /// 专名, the specific element.
    pub specific: String,
    /// 通名, the generic element, when the name has one.
    pub generic: Option<String>,
    /// 罗马字母拼写, as announced or computed by the romanization rules.
    pub roman: String,
    /// 5-digit category code of the national database (e.g. 21800 街路巷).
    pub category_code: String,
    pub regulated_kind: RegulatedKind,
    /// 地名含义
    pub meaning: Option<String>,
    /// 地名来历
    pub origin: Option<String>,
    /// 历史沿革
    pub history: Option<String>,
    /// 别名 and 简称.
    pub aliases: Vec<String>,
    pub historical_names: Vec<HistoricalName>,
    pub geometry: Option<Geometry<f64>>,
    /// The division the named feature lies in, at the most detailed level known.
    pub division: Option<DivisionId>,
    pub validity: Validity,
    pub status: NameStatus,
    pub source: Source,
    /// Key in the source dataset (e.g. `geonames:1279428`), for idempotent imports.
    pub external_id: String,
    /// 命名时间, when known.
    pub named_on: Option<NaiveDate>,
}
