//! 有效期 validity interval of a record: `[valid_from, valid_to)` in calendar dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open interval of calendar dates; an open end is `None`.
///
/// `valid_from = None` means "since before our records begin", not "always".
///
/// ```
/// use chrono::NaiveDate;
/// use diming::domain::Validity;
/// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let v = Validity::new(Some(d("2021-01-01")), Some(d("2023-01-01")));
/// assert!(v.contains(d("2022-06-01")));
/// assert!(!v.contains(d("2023-01-01")));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    /// First day the record is valid, if known.
    pub valid_from: Option<NaiveDate>,
    /// First day the record is no longer valid; `None` while it is current.
    pub valid_to: Option<NaiveDate>,
}

impl Validity {
    /// Builds an interval.
    pub fn new(valid_from: Option<NaiveDate>, valid_to: Option<NaiveDate>) -> Self {
        Validity {
            valid_from,
            valid_to,
        }
    }

    /// Valid from an unknown start until further notice.
    pub fn current() -> Self {
        Validity::default()
    }

    /// Whether the record is valid on `date`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= date) && self.valid_to.is_none_or(|t| date < t)
    }

    /// Whether the record is still valid (no end date).
    pub fn is_current(&self) -> bool {
        self.valid_to.is_none()
    }
}
