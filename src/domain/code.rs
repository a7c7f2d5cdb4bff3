//! 行政区划代码 administrative-division codes: GB/T 2260 and the NBS 统计用区划代码.
//!
//! A code is written with 2 (province), 4 (prefecture), 6 (county), 9 (township) or
//! 12 (village) digits. The NBS publishes prefecture codes as 4 digits and province
//! codes as 2, so those are the canonical short forms here; [`DivisionCode::parse`]
//! also accepts the zero-padded 6- and 12-digit spellings (`330000`, `330106000000`)
//! and reduces them to the shortest form that keeps every significant digit.
//!
//! Structure rules follow GB/T 2260 and GB/T 10114 as summarised in the domain brief
//! §4.1–4.2. Digit-range semantics changed over the years (GB/T 2260-2007 Amendment 1),
//! so they are used to *classify* (e.g. statistical-only development zones, county
//! digits 71–79) and never to reject a code.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::level::Level;

/// A syntactically valid division code in its canonical short form.
///
/// ```
/// use diming::domain::{DivisionCode, Level};
/// let c = DivisionCode::parse("330106").unwrap();
/// assert_eq!(c.level(), Level::County);
/// assert_eq!(c.parent().unwrap().as_str(), "3301");
/// assert_eq!(DivisionCode::parse("330100000000").unwrap().as_str(), "3301");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DivisionCode(String);

/// Why a string is not a division code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("division code is empty")]
    Empty,
    #[error("division code {0:?} contains a character that is not a digit 0-9")]
    NotDigits(String),
    #[error("division code {code:?} has {len} digits; expected 2, 4, 6, 9 or 12")]
    BadLength { code: String, len: usize },
    #[error("division code {0:?} has province digits 00, which no province uses")]
    ZeroProvince(String),
    #[error("division code {code:?} is not well-formed: {reason}")]
    Malformed { code: String, reason: &'static str },
}

impl DivisionCode {
    /// Parses a code, accepting 2/4/6/9/12 digits and zero padding to 6 or 12 digits.
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(CodeError::Empty);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotDigits(s.to_string()));
        }
        let canonical = match s.len() {
            2 | 4 | 9 => s.to_string(),
            6 => shorten(s, &[6, 4, 2]),
            12 => shorten(s, &[12, 9, 6, 4, 2]),
            len => {
                return Err(CodeError::BadLength {
                    code: s.to_string(),
                    len,
                })
            }
        };
        if canonical.starts_with("00") {
            return Err(CodeError::ZeroProvince(s.to_string()));
        }
        check_segments(&canonical).map_err(|reason| CodeError::Malformed {
            code: s.to_string(),
            reason,
        })?;
        Ok(DivisionCode(canonical))
    }

    /// Parses a code known to be of `level`, keeping trailing zeros that belong to it.
    ///
    /// Four prefecture-level cities have no counties (东莞 4419, 中山 4420, 儋州 4604,
    /// 嘉峪关 6202); the NBS lists a county-level unit under each whose code is the
    /// padded prefecture code (`441900`). [`DivisionCode::parse`] reads `441900` as the
    /// prefecture; importers that know the level use this instead.
    ///
    /// ```
    /// use diming::domain::{DivisionCode, Level};
    /// let c = DivisionCode::parse_at("441900", Level::County).unwrap();
    /// assert_eq!(c.as_str(), "441900");
    /// assert_eq!(c.parent().unwrap().as_str(), "4419");
    /// ```
    pub fn parse_at(input: &str, level: Level) -> Result<Self, CodeError> {
        let s = input.trim();
        let want = level.code_len();
        let padded = s.len() == 12 || (s.len() == 6 && want <= 6);
        if padded && s.len() > want && s.bytes().all(|b| b.is_ascii_digit()) {
            if !s[want..].bytes().all(|b| b == b'0') {
                return Err(CodeError::Malformed {
                    code: s.to_string(),
                    reason: "digits after the level's part must be zero",
                });
            }
            return Self::parse_at(&s[..want], level);
        }
        if s.len() != want {
            Self::parse(s)?;
            return Err(CodeError::Malformed {
                code: s.to_string(),
                reason: "the code has the wrong length for its level",
            });
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotDigits(s.to_string()));
        }
        if s.starts_with("00") {
            return Err(CodeError::ZeroProvince(s.to_string()));
        }
        // The level is known, so trailing zeros belong to the code: the NBS lists
        // placeholder units such as 金门县 350527000 / 350527000000 this way.
        Ok(DivisionCode(s.to_string()))
    }

    /// Reads a code already in canonical form (as stored), keeping it exactly: 2, 4, 6,
    /// 9 or 12 digits, no shortening. Use [`DivisionCode::parse`] for user input.
    pub fn from_canonical(input: &str) -> Result<Self, CodeError> {
        let level = match input.len() {
            2 => Level::Province,
            4 => Level::Prefecture,
            6 => Level::County,
            9 => Level::Township,
            12 => Level::Village,
            len => {
                return Err(CodeError::BadLength {
                    code: input.to_string(),
                    len,
                })
            }
        };
        Self::parse_at(input, level)
    }

    /// The canonical short form (2, 4, 6, 9 or 12 digits).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The administrative level the code's length denotes.
    pub fn level(&self) -> Level {
        match self.0.len() {
            2 => Level::Province,
            4 => Level::Prefecture,
            6 => Level::County,
            9 => Level::Township,
            _ => Level::Village,
        }
    }

    /// The code of the enclosing division one level up, if any.
    pub fn parent(&self) -> Option<DivisionCode> {
        let len = match self.0.len() {
            4 => 2,
            6 => 4,
            9 => 6,
            12 => 9,
            _ => return None,
        };
        Some(DivisionCode(self.0[..len].to_string()))
    }

    /// The codes of all ancestors, province first.
    pub fn ancestors(&self) -> Vec<DivisionCode> {
        let mut out = Vec::new();
        let mut cur = self.parent();
        while let Some(c) = cur {
            cur = c.parent();
            out.push(c);
        }
        out.reverse();
        out
    }

    /// Whether `self` is `other` or lies inside it in the code hierarchy.
    pub fn is_within(&self, other: &DivisionCode) -> bool {
        self.0.starts_with(&other.0)
    }

    /// The 12-digit zero-padded statistical spelling (`330106000000`).
    pub fn padded12(&self) -> String {
        format!("{:0<12}", self.0)
    }

    /// The 6-digit GB/T 2260 spelling for province, prefecture and county codes.
    pub fn padded6(&self) -> Option<String> {
        (self.0.len() <= 6).then(|| format!("{:0<6}", self.0))
    }

    /// What the digits say about the unit, per GB/T 2260 / GB/T 10114 conventions.
    pub fn class(&self) -> CodeClass {
        let d = |range: std::ops::Range<usize>| self.0[range].parse::<u32>().unwrap_or(0);
        match self.level() {
            Level::Prefecture if d(2..4) == 90 => CodeClass::ProvinceAdministeredCounties,
            Level::County if (71..=79).contains(&d(4..6)) => CodeClass::StatisticalZone,
            Level::Township if (400..=599).contains(&d(6..9)) => CodeClass::StatisticalZone,
            Level::Village if (400..=599).contains(&d(9..12)) => CodeClass::StatisticalZone,
            _ => CodeClass::Regular,
        }
    }
}

/// Classification of a code by its digit ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeClass {
    /// An ordinary division.
    Regular,
    /// `xx90`: the summary code for province-administered county-level units (省直辖县级行政区划).
    ProvinceAdministeredCounties,
    /// County digits 71–79, township digits 400–599 or village digits 400–599: units that
    /// exist in the statistical code set only (开发区, 农场, 林场…), not GB/T 2260 divisions.
    StatisticalZone,
}

/// Removes trailing all-zero segments while the remaining length is in `lens`.
fn shorten(s: &str, lens: &[usize]) -> String {
    let mut out = s;
    for w in lens.windows(2) {
        let (long, short) = (w[0], w[1]);
        if out.len() == long && out[short..].bytes().all(|b| b == b'0') {
            out = &out[..short];
        } else {
            break;
        }
    }
    out.to_string()
}

fn check_segments(code: &str) -> Result<(), &'static str> {
    let segs: &[(usize, usize, &str)] = &[
        (2, 4, "prefecture digits 00 inside a longer code"),
        (6, 9, "township digits 000 inside a village code"),
    ];
    for &(from, to, why) in segs {
        if code.len() > to && code[from..to].bytes().all(|b| b == b'0') {
            return Err(why);
        }
    }
    if code.len() == 12 && code[9..].bytes().all(|b| b == b'0') {
        return Err("village digits 000");
    }
    Ok(())
}

impl fmt::Display for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DivisionCode({})", self.0)
    }
}

impl TryFrom<String> for DivisionCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        DivisionCode::parse(&s)
    }
}

impl From<DivisionCode> for String {
    fn from(c: DivisionCode) -> String {
        c.0
    }
}

impl std::str::FromStr for DivisionCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DivisionCode::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> DivisionCode {
        DivisionCode::parse(s).expect(s)
    }

    #[test]
    fn levels_from_length() {
        assert_eq!(code("33").level(), Level::Province);
        assert_eq!(code("3301").level(), Level::Prefecture);
        assert_eq!(code("330106").level(), Level::County);
        assert_eq!(code("330106001").level(), Level::Township);
        assert_eq!(code("110101001001").level(), Level::Village);
    }

    #[test]
    fn padded_forms_reduce() {
        assert_eq!(code("330000").as_str(), "33");
        assert_eq!(code("330100").as_str(), "3301");
        assert_eq!(code("330106000000").as_str(), "330106");
        assert_eq!(code("330106001000").as_str(), "330106001");
        assert_eq!(code("330000000000").as_str(), "33");
        assert_eq!(code("110101001001").padded12(), "110101001001");
        assert_eq!(code("33").padded6().as_deref(), Some("330000"));
    }

    #[test]
    fn rejects_with_reasons() {
        assert_eq!(DivisionCode::parse(""), Err(CodeError::Empty));
        assert!(matches!(
            DivisionCode::parse("12ab"),
            Err(CodeError::NotDigits(_))
        ));
        assert!(matches!(
            DivisionCode::parse("12345"),
            Err(CodeError::BadLength { len: 5, .. })
        ));
        assert!(matches!(
            DivisionCode::parse("00"),
            Err(CodeError::ZeroProvince(_))
        ));
        assert!(matches!(
            DivisionCode::parse("330006"),
            Err(CodeError::Malformed { .. })
        ));
        assert!(matches!(
            DivisionCode::parse_at("330106", Level::Prefecture),
            Err(CodeError::Malformed { .. })
        ));
        assert!(matches!(
            DivisionCode::parse("330106000123"),
            Err(CodeError::Malformed { .. })
        ));
    }

    #[test]
    fn county_units_of_cities_without_counties() {
        let c = DivisionCode::parse_at("441900", Level::County).unwrap();
        assert_eq!(c.level(), Level::County);
        let v = code("441900003001");
        assert_eq!(v.parent().unwrap(), code("441900003"));
        assert_eq!(code("441900003").parent().unwrap(), c);
        assert_eq!(
            DivisionCode::parse_at("330106", Level::County).unwrap(),
            code("330106")
        );
        assert_eq!(
            DivisionCode::parse_at("330000", Level::Province).unwrap(),
            code("33")
        );
        assert_eq!(
            DivisionCode::parse_at("330106000000", Level::County).unwrap(),
            code("330106")
        );
        let kinmen = DivisionCode::parse_at("350527000000", Level::Village).unwrap();
        assert_eq!(kinmen.as_str(), "350527000000");
        assert_eq!(kinmen.parent().unwrap().as_str(), "350527000");
    }

    #[test]
    fn canonical_forms_are_kept() {
        for s in ["441900", "350527000000", "350527000", "33", "3301"] {
            assert_eq!(DivisionCode::from_canonical(s).unwrap().as_str(), s);
        }
        assert!(DivisionCode::from_canonical("12345").is_err());
    }

    #[test]
    fn hierarchy() {
        let v = code("110101001001");
        let a: Vec<_> = v.ancestors().iter().map(|c| c.to_string()).collect();
        assert_eq!(a, ["11", "1101", "110101", "110101001"]);
        assert!(v.is_within(&code("1101")));
        assert!(!v.is_within(&code("12")));
        assert_eq!(code("33").parent(), None);
    }

    #[test]
    fn classes() {
        assert_eq!(
            code("4190").class(),
            CodeClass::ProvinceAdministeredCounties
        );
        assert_eq!(code("130171").class(), CodeClass::StatisticalZone);
        assert_eq!(code("330106").class(), CodeClass::Regular);
        assert_eq!(code("330106400").class(), CodeClass::StatisticalZone);
    }

    #[test]
    fn serde_round_trip_validates() {
        let c: DivisionCode = serde_json::from_str("\"330106\"").unwrap();
        assert_eq!(c.as_str(), "330106");
        assert!(serde_json::from_str::<DivisionCode>("\"3x\"").is_err());
    }
}
