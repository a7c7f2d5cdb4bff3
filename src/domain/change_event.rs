//! 行政区划变更 division-change event: predecessors become successors on a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DivisionId;

/// Stable identity of a change event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChangeEventId(pub i64);

/// Kinds of division change (行政区划管理条例 Arts. 6–10; domain brief §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// 设立
    Establish,
    /// 撤销
    Abolish,
    /// 撤县设区 county to district
    CountyToDistrict,
    /// 撤县设市 county to county-level city
    CountyToCity,
    /// 合并 merger
    Merge,
    /// 拆分 split
    Split,
    /// 更名 rename
    Rename,
    /// 隶属变更 change of subordination
    Resubordinate,
    /// 代码变更 code change without any other change
    Recode,
}

impl ChangeKind {
    const ALL: [ChangeKind; 9] = [
        ChangeKind::Establish,
        ChangeKind::Abolish,
        ChangeKind::CountyToDistrict,
        ChangeKind::CountyToCity,
        ChangeKind::Merge,
        ChangeKind::Split,
        ChangeKind::Rename,
        ChangeKind::Resubordinate,
        ChangeKind::Recode,
    ];

    /// Every kind, in declaration order.
    pub fn all() -> &'static [ChangeKind] {
        &Self::ALL
    }

    /// The storage and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Establish => "establish",
            ChangeKind::Abolish => "abolish",
            ChangeKind::CountyToDistrict => "county_to_district",
            ChangeKind::CountyToCity => "county_to_city",
            ChangeKind::Merge => "merge",
            ChangeKind::Split => "split",
            ChangeKind::Rename => "rename",
            ChangeKind::Resubordinate => "resubordinate",
            ChangeKind::Recode => "recode",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Chinese name of the change kind.
    pub fn name_zh(self) -> &'static str {
        match self {
            ChangeKind::Establish => "设立",
            ChangeKind::Abolish => "撤销",
            ChangeKind::CountyToDistrict => "撤县设区",
            ChangeKind::CountyToCity => "撤县设市",
            ChangeKind::Merge => "合并",
            ChangeKind::Split => "拆分",
            ChangeKind::Rename => "更名",
            ChangeKind::Resubordinate => "隶属变更",
            ChangeKind::Recode => "代码变更",
        }
    }
}

/// How exactly `effective_on` is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// The day is documented.
    Day,
    /// Approximate (e.g. the month recalled from public reports).
    Approx,
}

impl DatePrecision {
    /// The storage and JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Approx => "approx",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "day" => Some(DatePrecision::Day),
            "approx" => Some(DatePrecision::Approx),
            _ => None,
        }
    }
}

/// A change with many-to-many predecessors and successors, never an overwrite of history.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEvent {
    pub id: ChangeEventId,
    /// Natural key for idempotent imports (source file and row).
    pub key: String,
    pub kind: ChangeKind,
    pub effective_on: NaiveDate,
    pub date_precision: DatePrecision,
    pub approval_doc: Option<String>,
    pub approver: Option<String>,
    pub predecessors: Vec<DivisionId>,
    pub successors: Vec<DivisionId>,
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in ChangeKind::ALL {
            assert_eq!(ChangeKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ChangeKind::parse("nope"), None);
    }
}
