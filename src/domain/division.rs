//! 行政区划 administrative division: a unit of the five-level hierarchy.

use geo::MultiPolygon;
use serde::{Deserialize, Serialize};

use super::{code::CodeClass, DivisionCode, Level, Source, Validity};

/// Stable surrogate identity of a division; survives code changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DivisionId(pub i64);

/// The code system a code belongs to (domain brief §4.1–4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CodeSystem {
    /// GB/T 2260 行政区划代码, published by the civil-affairs ministry (levels 1–3).
    #[serde(rename = "GB2260")]
    Gb2260,
    /// 统计用区划代码, published yearly by the National Bureau of Statistics (levels 1–5).
    #[serde(rename = "NBS_STAT")]
    NbsStat,
}

impl CodeSystem {
    /// The spelling used in storage and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeSystem::Gb2260 => "GB2260",
            CodeSystem::NbsStat => "NBS_STAT",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "GB2260" => Some(CodeSystem::Gb2260),
            "NBS_STAT" => Some(CodeSystem::NbsStat),
            _ => None,
        }
    }
}

/// One code a division carries in one code system, with its vintage and validity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeRecord {
    pub code: DivisionCode,
    pub system: CodeSystem,
    /// Edition of the published list, e.g. "2023" (NBS) or "2021-01" (GB/T 2260).
    pub vintage: String,
    #[serde(flatten)]
    pub validity: Validity,
}

/// 城乡分类代码 urban-rural classification (国函〔2008〕60号), when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UrbanRuralClass(pub u16);

impl UrbanRuralClass {
    /// Chinese meaning of the class code, for the codes the rules define.
    pub fn name_zh(self) -> Option<&'static str> {
        Some(match self.0 {
            111 => "主城区",
            112 => "城乡结合区",
            121 => "镇中心区",
            122 => "镇乡结合区",
            123 => "特殊区域",
            210 => "乡中心区",
            220 => "村庄",
            _ => return None,
        })
    }
}

/// What kind of unit a division is, beyond its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivisionKind {
    /// A division established by law.
    Regular,
    /// An NBS grouping with no government of its own: 市辖区 of a municipality
    /// (1101, 1201, 3101, 5001) or 省直辖县级行政区划 (xx90).
    PseudoPrefecture,
    /// A statistical-only unit (开发区, 农场…; county digits 71–79 and similar).
    StatisticalZone,
}

impl DivisionKind {
    /// Classifies a unit from its code and published name.
    pub fn classify(code: &DivisionCode, name: &str) -> Self {
        match code.class() {
            CodeClass::StatisticalZone => DivisionKind::StatisticalZone,
            CodeClass::ProvinceAdministeredCounties => DivisionKind::PseudoPrefecture,
            CodeClass::Regular
                if code.level() == Level::Prefecture
                    && (name == "市辖区" || name.ends_with("直辖县级行政区划")) =>
            {
                DivisionKind::PseudoPrefecture
            }
            CodeClass::Regular => DivisionKind::Regular,
        }
    }

    /// The spelling used in storage and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DivisionKind::Regular => "regular",
            DivisionKind::PseudoPrefecture => "pseudo_prefecture",
            DivisionKind::StatisticalZone => "statistical_zone",
        }
    }

    /// Parses the storage spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "regular" => Some(DivisionKind::Regular),
            "pseudo_prefecture" => Some(DivisionKind::PseudoPrefecture),
            "statistical_zone" => Some(DivisionKind::StatisticalZone),
            _ => None,
        }
    }
}

/// 行政区划 an administrative division, one version of it in time.
///
/// Geometry is a MultiPolygon in CGCS2000 (EPSG:4490) longitude/latitude degrees.
/// `geometry_source` tells where the polygon came from, which can differ from where the
/// code and name came from (real codes may carry synthetic polygons).
#[derive(Debug, Clone, PartialEq)]
pub struct Division {
    pub id: DivisionId,
    pub level: Level,
    pub name: String,
    /// The code in force in this version (canonical short form).
    pub code: DivisionCode,
    /// Every code this division has carried, in any system.
    pub codes: Vec<CodeRecord>,
    pub parent: Option<DivisionId>,
    pub kind: DivisionKind,
    pub urban_rural: Option<UrbanRuralClass>,
    pub validity: Validity,
    /// Provenance of the code and name.
    pub source: Source,
    pub geometry: Option<MultiPolygon<f64>>,
    /// Provenance of the geometry, when there is one.
    pub geometry_source: Option<Source>,
}

impl Division {
    /// Stable natural key for idempotent imports: `NBS_STAT:code` for units of the
    /// statistical list, `GB2260:code` for divisions known only from GB/T 2260 (such as
    /// those retired before the NBS vintage).
    pub fn key(&self) -> String {
        let system = if self.codes.iter().any(|c| c.system == CodeSystem::NbsStat)
            || self.codes.is_empty()
        {
            CodeSystem::NbsStat
        } else {
            CodeSystem::Gb2260
        };
        division_key(system, &self.code)
    }
}

/// The natural key `SYSTEM:code` under which a division is imported.
pub fn division_key(system: CodeSystem, code: &DivisionCode) -> String {
    format!("{}:{}", system.as_str(), code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_pseudo_prefectures_and_zones() {
        let c = |s: &str| DivisionCode::parse(s).unwrap();
        assert_eq!(
            DivisionKind::classify(&c("1101"), "市辖区"),
            DivisionKind::PseudoPrefecture
        );
        assert_eq!(
            DivisionKind::classify(&c("4290"), "省直辖县级行政区划"),
            DivisionKind::PseudoPrefecture
        );
        assert_eq!(
            DivisionKind::classify(&c("3301"), "杭州市"),
            DivisionKind::Regular
        );
        assert_eq!(
            DivisionKind::classify(&c("130171"), "石家庄高新技术产业开发区"),
            DivisionKind::StatisticalZone
        );
    }
}
