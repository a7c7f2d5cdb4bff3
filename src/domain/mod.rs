//! Domain types and rules: pure, no I/O, no async.
//!
//! - [`DivisionCode`], [`Level`]: 行政区划代码 parsing and the five levels.
//! - [`Division`]: 行政区划 with codes, validity, provenance and geometry.
//! - [`PlaceName`]: 标准地名 with 专名/通名, spelling, texts and history.
//! - [`BoundaryLine`], [`BoundaryMarker`]: 界线 and 界桩 (GB/T 17796 numbering).
//! - [`Sign`]: 地名标志; [`ChangeEvent`]: 行政区划变更.
//! - [`romanization`]: 地名罗马字母拼写 per the 1984 rules / GB/T 16159.

pub mod boundary_line;
pub mod boundary_marker;
pub mod change_event;
pub mod code;
pub mod division;
pub mod gcj02;
pub mod geometry;
pub mod level;
pub mod place_name;
pub mod romanization;
pub mod sign;
pub mod sign_code;
pub mod source;
pub mod validity;

pub use boundary_line::{BoundaryLine, BoundaryLineId};
pub use boundary_marker::{
    BoundaryMarker, BoundaryMarkerId, MarkerNumber, MarkerNumberError, MarkerType,
};
pub use change_event::{ChangeEvent, ChangeEventId, ChangeKind, DatePrecision};
pub use code::{CodeClass, CodeError, DivisionCode};
pub use division::{
    division_key, CodeRecord, CodeSystem, Division, DivisionId, DivisionKind, UrbanRuralClass,
};
pub use level::{Level, LevelError};
pub use place_name::{HistoricalName, NameStatus, PlaceName, PlaceNameId, RegulatedKind};
pub use sign::{Sign, SignCondition, SignId, SignType};
pub use sign_code::{SignCode, SignCodeError};
pub use source::Source;
pub use validity::Validity;
