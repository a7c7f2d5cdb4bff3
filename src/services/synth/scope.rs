//! Which part of the country a synthetic dataset covers.

use crate::domain::{DivisionCode, Level};

/// The provinces a run covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every province.
    National,
    /// Only these provinces (2-digit codes).
    Provinces(Vec<DivisionCode>),
}

/// A preset that is not `national`, `demo` or `province:CODE[,CODE…]`.
#[derive(Debug, thiserror::Error)]
#[error("unknown preset {0:?}: use national, demo (北京 + 浙江) or province:33[,11…]")]
pub struct PresetError(pub String);

impl Scope {
    /// Parses a preset name.
    pub fn preset(s: &str) -> Result<Self, PresetError> {
        match s {
            "national" => Ok(Scope::National),
            "demo" => Ok(Scope::Provinces(vec![code("11"), code("33")])),
            _ => {
                let list = s
                    .strip_prefix("province:")
                    .ok_or_else(|| PresetError(s.into()))?;
                let codes = list
                    .split(',')
                    .map(|c| DivisionCode::parse_at(c.trim(), Level::Province))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|_| PresetError(s.into()))?;
                Ok(Scope::Provinces(codes))
            }
        }
    }

    /// Whether a division code lies in the scope.
    pub fn contains(&self, c: &DivisionCode) -> bool {
        match self {
            Scope::National => true,
            Scope::Provinces(ps) => ps.iter().any(|p| c.is_within(p)),
        }
    }
}

fn code(s: &str) -> DivisionCode {
    DivisionCode::parse_at(s, Level::Province)
        .unwrap_or_else(|_| unreachable!("{s} is a valid province code"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets() {
        assert_eq!(Scope::preset("national").unwrap(), Scope::National);
        let s = Scope::preset("province:33,44").unwrap();
        assert!(s.contains(&DivisionCode::parse("330106").unwrap()));
        assert!(!s.contains(&DivisionCode::parse("110101").unwrap()));
        assert!(Scope::preset("demo")
            .unwrap()
            .contains(&DivisionCode::parse("110101001001").unwrap()));
        assert!(Scope::preset("mars").is_err());
        assert!(Scope::preset("province:3x").is_err());
    }
}
