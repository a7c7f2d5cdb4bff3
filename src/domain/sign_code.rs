//! 标志编码 the code printed on a place-name sign: county code, serial, check character.
//!
//! `330106-000123-7`: the 6-digit county code where the sign stands, a 6-digit serial
//! within the county, and an ISO 7064 MOD 11-2 check character (0-9 or X, as on the
//! resident identity card) over the 12 digits. It is independent of the place-name id,
//! so a rename never changes a plate.

use std::fmt;

use super::{DivisionCode, Level};

/// A validated sign code.
///
/// ```
/// use diming::domain::{DivisionCode, Level, SignCode};
/// let county = DivisionCode::parse_at("330106", Level::County).unwrap();
/// let c = SignCode::new(&county, 123).unwrap();
/// assert_eq!(SignCode::parse(c.as_str()).unwrap(), c);
/// assert_eq!(&c.as_str()[..14], "330106-000123-");
/// // Changing one digit breaks the check character.
/// assert!(SignCode::parse(&c.as_str().replace("000123", "000124")).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SignCode(String);

/// Why a string is not a sign code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignCodeError {
    #[error("sign code {0:?} must look like 330106-000123-7 (county, serial, check character)")]
    Shape(String),
    #[error("sign code {0:?} has a wrong check character: it was mistyped or is not genuine")]
    Check(String),
    #[error("serial {0} does not fit in 6 digits")]
    Serial(u32),
    #[error("sign codes need a county-level code, not {0}")]
    NotCounty(String),
}

/// ISO 7064 MOD 11-2 check character of a digit string.
pub fn mod11_2(digits: &str) -> char {
    let sum = digits
        .bytes()
        .fold(0u32, |acc, b| (acc + u32::from(b - b'0')) * 2 % 11);
    match (12 - sum % 11) % 11 {
        10 => 'X',
        n => char::from(b'0' + n as u8),
    }
}

impl SignCode {
    /// The code of serial `serial` in `county`.
    pub fn new(county: &DivisionCode, serial: u32) -> Result<Self, SignCodeError> {
        if county.level() != Level::County {
            return Err(SignCodeError::NotCounty(county.to_string()));
        }
        if serial > 999_999 {
            return Err(SignCodeError::Serial(serial));
        }
        let digits = format!("{}{serial:06}", county);
        Ok(SignCode(format!(
            "{}-{serial:06}-{}",
            county,
            mod11_2(&digits)
        )))
    }

    /// Parses and checks a code (case-insensitive `x`).
    pub fn parse(s: &str) -> Result<Self, SignCodeError> {
        let up = s.trim().to_ascii_uppercase();
        let parts: Vec<&str> = up.split('-').collect();
        let ok_shape = parts.len() == 3
            && parts[0].len() == 6
            && parts[1].len() == 6
            && parts[2].len() == 1
            && parts[0]
                .bytes()
                .chain(parts[1].bytes())
                .all(|b| b.is_ascii_digit());
        if !ok_shape {
            return Err(SignCodeError::Shape(s.to_string()));
        }
        let check = parts[2].chars().next().unwrap_or(' ');
        if mod11_2(&format!("{}{}", parts[0], parts[1])) != check {
            return Err(SignCodeError::Check(s.to_string()));
        }
        Ok(SignCode(up))
    }

    /// The code as printed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The county part.
    pub fn county(&self) -> &str {
        &self.0[..6]
    }
}

impl fmt::Display for SignCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_character_matches_id_card_scheme() {
        // A well-known valid 18-digit identity-card number pattern: 11010519491231002X.
        assert_eq!(mod11_2("11010519491231002"), 'X');
    }

    #[test]
    fn round_trip_and_rejections() {
        let county = DivisionCode::parse_at("441900", Level::County).unwrap();
        let c = SignCode::new(&county, 42).unwrap();
        assert_eq!(c.county(), "441900");
        assert_eq!(SignCode::parse(&c.as_str().to_lowercase()).unwrap(), c);
        let mut forged = c.as_str().to_string();
        forged.replace_range(7..13, "000043");
        assert!(matches!(
            SignCode::parse(&forged),
            Err(SignCodeError::Check(_))
        ));
        assert!(matches!(
            SignCode::parse("330106-12-3"),
            Err(SignCodeError::Shape(_))
        ));
        assert!(SignCode::new(&DivisionCode::parse("33").unwrap(), 1).is_err());
        assert!(SignCode::new(&county, 1_000_000).is_err());
    }
}
