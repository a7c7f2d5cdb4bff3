//! 区划变更 listing division-change events: 撤县设区, 合并, 更名, 隶属变更 … with their
//! predecessors and successors.

use chrono::NaiveDate;

use crate::domain::{ChangeEvent, ChangeKind, DivisionCode};
use crate::engine::Snapshot;

use super::divisions::{change_view, user_code, ChangeView, LookupError, Page, Paging};

/// Why a change-list request is rejected.
#[derive(Debug, thiserror::Error)]
pub enum ChangesError {
    #[error("unknown change kind {0:?}; use one of: {1}")]
    UnknownKind(String, String),
    #[error("since {since} is after until {until}")]
    EmptyRange { since: NaiveDate, until: NaiveDate },
    #[error(transparent)]
    Lookup(#[from] LookupError),
}

/// Filters of `/v1/changes`.
#[derive(Debug, Clone, Default)]
pub struct ChangeFilter<'a> {
    /// Events effective on or after this date.
    pub since: Option<NaiveDate>,
    /// Events effective on or before this date.
    pub until: Option<NaiveDate>,
    /// Storage spelling of a [`ChangeKind`] (`county_to_district`…).
    pub kind: Option<&'a str>,
    /// Only events touching a division whose code starts with this one (`3301`: every
    /// change in 杭州市, any level below).
    pub within: Option<&'a str>,
}

/// Change events matching `filter`, oldest first.
pub fn list(
    s: &Snapshot,
    filter: &ChangeFilter<'_>,
    paging: Paging,
) -> Result<Page<ChangeView>, ChangesError> {
    if let (Some(since), Some(until)) = (filter.since, filter.until) {
        if since > until {
            return Err(ChangesError::EmptyRange { since, until });
        }
    }
    let kind = filter
        .kind
        .map(|k| {
            ChangeKind::parse(k).ok_or_else(|| {
                let all: Vec<&str> = ChangeKind::all().iter().map(|k| k.as_str()).collect();
                ChangesError::UnknownKind(k.to_string(), all.join(", "))
            })
        })
        .transpose()?;
    let within: Option<DivisionCode> = filter.within.map(|c| user_code(s, c)).transpose()?;
    let touches = |e: &ChangeEvent, prefix: &DivisionCode| {
        e.predecessors
            .iter()
            .chain(&e.successors)
            .filter_map(|id| s.index_of(*id))
            .any(|i| s.division(i).code.is_within(prefix))
    };
    let matching: Vec<&ChangeEvent> = s
        .events()
        .iter()
        .filter(|e| filter.since.is_none_or(|d| e.effective_on >= d))
        .filter(|e| filter.until.is_none_or(|d| e.effective_on <= d))
        .filter(|e| kind.is_none_or(|k| e.kind == k))
        .filter(|e| within.as_ref().is_none_or(|w| touches(e, w)))
        .collect();
    Ok(Page {
        total: matching.len(),
        offset: paging.offset,
        limit: paging.limit,
        items: matching
            .into_iter()
            .skip(paging.offset)
            .take(paging.limit)
            .map(|e| change_view(s, e))
            .collect(),
    })
}
