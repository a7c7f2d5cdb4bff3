//! `/v1/changes`: division-change events.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::services::changes::{self, ChangeFilter};
use crate::services::divisions::Paging;

use super::error::ApiError;
use super::extract::{date_param, ApiQuery};
use super::AppState;

/// Query of `/v1/changes`.
#[derive(Debug, Deserialize)]
pub struct ChangesQuery {
    since: Option<String>,
    until: Option<String>,
    kind: Option<String>,
    within: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

/// `GET /v1/changes?since=2021-01-01&kind=county_to_district&within=35`
pub async fn list(
    State(app): State<AppState>,
    ApiQuery(q): ApiQuery<ChangesQuery>,
) -> Result<Json<Value>, ApiError> {
    let filter = ChangeFilter {
        since: date_param("since", q.since.as_deref())?,
        until: date_param("until", q.until.as_deref())?,
        kind: q.kind.as_deref().filter(|k| !k.is_empty()),
        within: q.within.as_deref().filter(|w| !w.is_empty()),
    };
    let page = changes::list(
        &app.snapshot.load(),
        &filter,
        Paging::new(q.offset, q.limit),
    )?;
    Ok(Json(json!({
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "items": page.items,
    })))
}
