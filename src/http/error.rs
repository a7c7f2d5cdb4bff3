//! API errors: one enum, a stable machine `code`, messages in Chinese and English.
//!
//! 5xx answers never carry internal detail (SQL, paths); it is logged instead.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::services::changes::ChangesError;
use crate::services::divisions::LookupError;

/// An error answer of the API.
#[derive(Debug)]
pub enum ApiError {
    /// 400: the request cannot be understood as sent.
    BadRequest {
        code: &'static str,
        message: String,
        message_zh: String,
    },
    /// 404: nothing by that name or code.
    NotFound {
        code: &'static str,
        message: String,
        message_zh: String,
    },
    /// 503: the service is not ready (e.g. still importing).
    Unavailable { message: String },
    /// 500: a bug or an infrastructure failure; detail is logged, not returned.
    Internal(anyhow::Error),
}

impl ApiError {
    /// A 400 with a stable code and both messages.
    pub fn bad_request(
        code: &'static str,
        message: impl Into<String>,
        zh: impl Into<String>,
    ) -> Self {
        ApiError::BadRequest {
            code,
            message: message.into(),
            message_zh: zh.into(),
        }
    }

    /// The HTTP status of the error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let (code, message, message_zh) = match self {
            ApiError::BadRequest {
                code,
                message,
                message_zh,
            }
            | ApiError::NotFound {
                code,
                message,
                message_zh,
            } => (code, message, message_zh),
            ApiError::Unavailable { message } => {
                ("unavailable", message, "服务暂不可用".to_string())
            }
            ApiError::Internal(e) => {
                tracing::error!(error = %format!("{e:#}"), "internal error");
                (
                    "internal",
                    "internal error; the details are in the server log".to_string(),
                    "服务器内部错误".to_string(),
                )
            }
        };
        let body =
            json!({ "error": { "code": code, "message": message, "message_zh": message_zh } });
        (status, Json(body)).into_response()
    }
}

impl From<LookupError> for ApiError {
    fn from(e: LookupError) -> Self {
        match &e {
            LookupError::BadCode(c) => ApiError::bad_request(
                "invalid_code",
                c.to_string(),
                "行政区划代码格式不正确：应为 2、4、6、9 或 12 位数字",
            ),
            LookupError::NotFound { code, date } => ApiError::NotFound {
                code: "division_not_found",
                message: e.to_string(),
                message_zh: format!("{date} 没有代码为 {code} 的行政区划"),
            },
            LookupError::NotYetValid {
                code,
                name,
                valid_from,
                predecessors,
                ..
            } => ApiError::NotFound {
                code: "division_not_yet_valid",
                message: e.to_string(),
                message_zh: format!("{code} {name} 自 {valid_from} 起有效；此前为 {predecessors}"),
            },
            LookupError::LevelNotBelow { .. } => ApiError::bad_request(
                "invalid_level",
                e.to_string(),
                "级别应低于上级行政区划的级别",
            ),
        }
    }
}

impl From<ChangesError> for ApiError {
    fn from(e: ChangesError) -> Self {
        match e {
            ChangesError::Lookup(l) => l.into(),
            ChangesError::UnknownKind(..) => ApiError::bad_request(
                "invalid_kind",
                e.to_string(),
                "变更类型不正确，可选：establish, abolish, county_to_district, county_to_city, merge, split, rename, resubordinate, recode",
            ),
            ChangesError::EmptyRange { .. } => ApiError::bad_request(
                "invalid_range",
                e.to_string(),
                "起始日期 since 不能晚于截止日期 until",
            ),
        }
    }
}
