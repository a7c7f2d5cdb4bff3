//! 行政区域界线 boundary line between adjacent divisions of one level.

use geo::MultiLineString;
use serde::{Deserialize, Serialize};

use super::{DivisionId, Level, Source, Validity};

/// Stable identity of a boundary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BoundaryLineId(pub i64);

/// A boundary line approved by the State Council or a province (条例 Art. 2).
///
/// Geometry is CGCS2000 longitude/latitude; `length_m` is geodesic, in metres.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryLine {
    pub id: BoundaryLineId,
    /// 界线编号: for provincial lines the two province codes, smaller first ("1314").
    pub line_no: String,
    /// Level of the divisions the line separates.
    pub level: Level,
    /// The two (at tri-points three) divisions that share the line.
    pub parties: Vec<DivisionId>,
    pub length_m: f64,
    pub geometry: MultiLineString<f64>,
    pub validity: Validity,
    pub source: Source,
}
