//! Synthetic Chinese place names (合成地名) at national scale, deterministic
//! and labelled synthetic.
//!
//! The real data only has division names (村/社区 committees, townships,
//! counties). [`NameModel::learn`] reads them once and learns, per province,
//! the character statistics of real 专名 (specifics): committee suffixes are
//! stripped, rural names are split into a prefix and a settlement 通名
//! (generic; 王庄 → 王 + 庄), communities named after streets give real street
//! names (人民路社区 → 人民路). [`generate`] then streams names for one
//! county: 街路巷, 自然村, settlements, natural features (山, 河, 湖…),
//! estates, buildings and facilities, each with a category code, regulated
//! kind, roman spelling (by [`crate::domain::romanization`]), 地名含义 and
//! 地名来历 texts and, for about 2 %, a former name with its date.
//!
//! * Specifics come from a character bigram chain with positional back-off
//!   over the real specifics of the province (see `stem.rs`), mixed with
//!   real specifics themselves; so 村 names differ between 广东 and 山东.
//! * Generics follow per-category tables with regional weights
//!   (`generics.rs`); village generics are learned from the data.
//! * The category mix follows the county's share of 社区 among its
//!   committees (city districts get streets and estates, rural counties
//!   villages and features); see `categories.rs` for the codes.
//! * Duplicates occur as in reality: famous street names repeat across the
//!   country, villages repeat occasionally within a county; streets, estates
//!   and facilities are unique within a county. Homophones arise from the
//!   character statistics and from deliberate homophone variants.
//! * Deterministic: the same model, seed and county give the same sequence;
//!   every county has its own random stream.

mod categories;
mod compose;
mod ctx;
mod dist;
mod generate;
mod generics;
mod glosses;
mod history;
mod model;
mod nbs;
mod regions;
mod rng;
mod semantics;
mod stem;
mod streets;
mod texts;

pub use categories::{Category, CategoryInfo};
pub use generate::{generate, Names};
pub use model::NameModel;
pub use nbs::LearnError;

/// Value of [`SyntheticName::source`]: every generated name is labelled.
pub const SYNTHETIC_SOURCE: &str = "synthetic";

/// How many names to generate in one county.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpec {
    /// 6-digit county code (longer NBS codes are cut to 6).
    pub county_code: String,
    /// 2-digit province code, used when the county is unknown to the model.
    pub province_code: String,
    /// Number of names.
    pub count: usize,
}

/// One generated place name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticName {
    /// 标准名称, the full name (人民东路).
    pub standard_name: String,
    /// 专名 (人民).
    pub specific: String,
    /// 通名 (东路), `None` when the name has none.
    pub generic: Option<String>,
    /// 罗马字母拼写 ("Renmin Donglu"; natural villages as one word).
    pub roman: String,
    /// 5-digit category code (21800 街路巷…).
    pub category_code: &'static str,
    /// Chinese label of the category (街路巷).
    pub category_label: &'static str,
    /// Regulated kind, storage spelling (`street`, `committee_seat`…).
    pub regulated_kind: &'static str,
    /// 地名含义.
    pub meaning: String,
    /// 地名来历 (ends with the renaming sentence when renamed).
    pub origin: String,
    /// 历史地名: (former name, renamed on "YYYY-MM-DD").
    pub historical: Option<(String, String)>,
    /// Sequence number within the county, from 0.
    pub seq: u64,
    /// Always [`SYNTHETIC_SOURCE`].
    pub source: &'static str,
}
