//! 界桩 boundary marker set on a boundary line, numbered per GB/T 17796-2009.

use chrono::NaiveDate;
use geo::Point;
use serde::{Deserialize, Serialize};

use super::{BoundaryLineId, DivisionId, Source};

/// 界桩类型 marker type code: single (Q), same-number pair (A/B), same-number triple (C/D/E).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MarkerType {
    /// 单立
    Q,
    /// 同号双立, side of the smaller province code
    A,
    /// 同号双立, side of the larger province code
    B,
    /// 同号三立
    C,
    /// 同号三立
    D,
    /// 同号三立
    E,
}

impl MarkerType {
    /// Parses the one-letter type code.
    pub fn from_char(c: char) -> Option<Self> {
        Some(match c {
            'Q' => MarkerType::Q,
            'A' => MarkerType::A,
            'B' => MarkerType::B,
            'C' => MarkerType::C,
            'D' => MarkerType::D,
            'E' => MarkerType::E,
            _ => return None,
        })
    }

    /// The one-letter type code.
    pub fn as_char(self) -> char {
        match self {
            MarkerType::Q => 'Q',
            MarkerType::A => 'A',
            MarkerType::B => 'B',
            MarkerType::C => 'C',
            MarkerType::D => 'D',
            MarkerType::E => 'E',
        }
    }
}

/// A well-formed 8-character marker number: 4-character line number, 3-digit sequence
/// from 001, type code. E.g. `1314001Q`.
///
/// ```
/// use diming::domain::{MarkerNumber, MarkerType};
/// let n = MarkerNumber::parse("1314001Q").unwrap();
/// assert_eq!(n.line_no(), "1314");
/// assert_eq!(n.sequence(), 1);
/// assert_eq!(n.marker_type(), MarkerType::Q);
/// assert!(MarkerNumber::parse("1314000Q").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MarkerNumber(String);

/// Why a string is not a marker number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("marker number {input:?} is not valid: {reason} (expected 4-digit line number, 3-digit sequence from 001, type Q/A/B/C/D/E, e.g. 1314001Q)")]
pub struct MarkerNumberError {
    pub input: String,
    pub reason: &'static str,
}

impl MarkerNumber {
    /// Parses and validates a marker number.
    pub fn parse(s: &str) -> Result<Self, MarkerNumberError> {
        let err = |reason| MarkerNumberError {
            input: s.to_string(),
            reason,
        };
        if s.len() != 8 || !s.is_ascii() {
            return Err(err("it must have exactly 8 ASCII characters"));
        }
        if !s[..7].bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the first 7 characters must be digits"));
        }
        if &s[4..7] == "000" {
            return Err(err("the sequence starts at 001"));
        }
        let t = s[7..].chars().next().and_then(MarkerType::from_char);
        if t.is_none() {
            return Err(err("the type code must be Q, A, B, C, D or E"));
        }
        Ok(MarkerNumber(s.to_string()))
    }

    /// Builds a number from its parts.
    pub fn new(line_no: &str, sequence: u16, t: MarkerType) -> Result<Self, MarkerNumberError> {
        Self::parse(&format!("{line_no}{sequence:03}{}", t.as_char()))
    }

    /// The boundary-line part.
    pub fn line_no(&self) -> &str {
        &self.0[..4]
    }

    /// The sequence number within the line.
    pub fn sequence(&self) -> u16 {
        self.0[4..7].parse().unwrap_or(0)
    }

    /// The type code.
    pub fn marker_type(&self) -> MarkerType {
        self.0[7..]
            .chars()
            .next()
            .and_then(MarkerType::from_char)
            .unwrap_or(MarkerType::Q)
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for MarkerNumber {
    type Error = MarkerNumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        MarkerNumber::parse(&s)
    }
}

impl From<MarkerNumber> for String {
    fn from(n: MarkerNumber) -> String {
        n.0
    }
}

/// Stable identity of a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BoundaryMarkerId(pub i64);

/// 界桩 a boundary marker. `agreed_position` is the coordinate in the boundary agreement
/// and is never overwritten by an inspection (条例 Art. 6: an illegal move has no effect).
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryMarker {
    pub id: BoundaryMarkerId,
    /// Where `number` is unique: `national` for provincial lines, the province code for
    /// county lines (a 4-digit line number cannot number every county line nationally).
    pub scope: String,
    pub number: MarkerNumber,
    pub line: BoundaryLineId,
    /// CGCS2000 longitude/latitude.
    pub agreed_position: Point<f64>,
    pub material: Option<String>,
    pub year_set: Option<i32>,
    pub maintainer: Option<DivisionId>,
    pub installed_on: Option<NaiveDate>,
    pub source: Source,
}
