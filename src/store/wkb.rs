//! Well-Known Binary (ISO/OGC WKB, little endian, 2D) encoding of geometries.
//!
//! SQLite keeps geometries as WKB blobs; PostGIS converts them with
//! `ST_GeomFromWKB(…, 4490)` / `ST_AsBinary`. Only 2D geometries are written; reading
//! accepts either byte order and EWKB with an SRID flag (the SRID is ignored).

use geo::{Coord, Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};

/// A WKB blob that cannot be decoded.
#[derive(Debug, thiserror::Error)]
#[error("invalid WKB geometry: {0}")]
pub struct WkbError(pub &'static str);

/// Encodes a geometry as little-endian 2D WKB.
pub fn encode(g: &Geometry<f64>) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    write_geom(&mut out, g);
    out
}

/// Decodes WKB or EWKB into a geometry.
pub fn decode(bytes: &[u8]) -> Result<Geometry<f64>, WkbError> {
    let mut r = Reader { bytes, pos: 0 };
    let g = r.geom()?;
    if r.pos != bytes.len() {
        return Err(WkbError("trailing bytes"));
    }
    Ok(g)
}

/// Decodes a blob that must hold a (multi)polygon; a polygon is promoted.
pub fn decode_multipolygon(bytes: &[u8]) -> Result<MultiPolygon<f64>, WkbError> {
    match decode(bytes)? {
        Geometry::MultiPolygon(mp) => Ok(mp),
        Geometry::Polygon(p) => Ok(MultiPolygon(vec![p])),
        _ => Err(WkbError("expected a polygon or multipolygon")),
    }
}

fn write_header(out: &mut Vec<u8>, kind: u32) {
    out.push(1);
    out.extend_from_slice(&kind.to_le_bytes());
}

fn write_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn write_coord(out: &mut Vec<u8>, c: Coord<f64>) {
    out.extend_from_slice(&c.x.to_le_bytes());
    out.extend_from_slice(&c.y.to_le_bytes());
}

fn write_ring(out: &mut Vec<u8>, ls: &LineString<f64>) {
    write_u32(out, ls.0.len());
    for &c in &ls.0 {
        write_coord(out, c);
    }
}

fn write_polygon_body(out: &mut Vec<u8>, p: &Polygon<f64>) {
    write_u32(out, 1 + p.interiors().len());
    write_ring(out, p.exterior());
    for r in p.interiors() {
        write_ring(out, r);
    }
}

fn write_geom(out: &mut Vec<u8>, g: &Geometry<f64>) {
    match g {
        Geometry::Point(p) => {
            write_header(out, 1);
            write_coord(out, p.0);
        }
        Geometry::LineString(ls) => {
            write_header(out, 2);
            write_ring(out, ls);
        }
        Geometry::Polygon(p) => {
            write_header(out, 3);
            write_polygon_body(out, p);
        }
        Geometry::MultiPoint(mp) => {
            write_header(out, 4);
            write_u32(out, mp.0.len());
            for p in &mp.0 {
                write_geom(out, &Geometry::Point(*p));
            }
        }
        Geometry::MultiLineString(ml) => {
            write_header(out, 5);
            write_u32(out, ml.0.len());
            for ls in &ml.0 {
                write_header(out, 2);
                write_ring(out, ls);
            }
        }
        Geometry::MultiPolygon(mp) => {
            write_header(out, 6);
            write_u32(out, mp.0.len());
            for p in &mp.0 {
                write_header(out, 3);
                write_polygon_body(out, p);
            }
        }
        Geometry::GeometryCollection(gc) => {
            write_header(out, 7);
            write_u32(out, gc.0.len());
            for g in &gc.0 {
                write_geom(out, g);
            }
        }
        Geometry::Line(l) => write_geom(out, &Geometry::LineString(LineString::from(*l))),
        Geometry::Rect(r) => write_geom(out, &Geometry::Polygon(r.to_polygon())),
        Geometry::Triangle(t) => write_geom(out, &Geometry::Polygon(t.to_polygon())),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

const EWKB_SRID: u32 = 0x2000_0000;
const MAX_COUNT: u32 = 1 << 28;

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], WkbError> {
        let end = self.pos + N;
        let s = self.bytes.get(self.pos..end).ok_or(WkbError("truncated"))?;
        self.pos = end;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    fn u32(&mut self, le: bool) -> Result<u32, WkbError> {
        let b = self.take::<4>()?;
        Ok(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    fn count(&mut self, le: bool) -> Result<usize, WkbError> {
        let n = self.u32(le)?;
        if n > MAX_COUNT {
            return Err(WkbError("implausible element count"));
        }
        Ok(n as usize)
    }

    fn f64(&mut self, le: bool) -> Result<f64, WkbError> {
        let b = self.take::<8>()?;
        Ok(if le {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        })
    }

    fn coord(&mut self, le: bool) -> Result<Coord<f64>, WkbError> {
        Ok(Coord {
            x: self.f64(le)?,
            y: self.f64(le)?,
        })
    }

    fn line(&mut self, le: bool) -> Result<LineString<f64>, WkbError> {
        let n = self.count(le)?;
        (0..n).map(|_| self.coord(le)).collect::<Result<_, _>>()
    }

    fn polygon(&mut self, le: bool) -> Result<Polygon<f64>, WkbError> {
        let n = self.count(le)?;
        let mut rings = (0..n)
            .map(|_| self.line(le))
            .collect::<Result<Vec<_>, _>>()?;
        if rings.is_empty() {
            return Ok(Polygon::new(LineString(vec![]), vec![]));
        }
        let exterior = rings.remove(0);
        Ok(Polygon::new(exterior, rings))
    }

    fn geom(&mut self) -> Result<Geometry<f64>, WkbError> {
        let le = match self.take::<1>()?[0] {
            0 => false,
            1 => true,
            _ => return Err(WkbError("bad byte-order mark")),
        };
        let raw = self.u32(le)?;
        if raw & EWKB_SRID != 0 {
            self.u32(le)?;
        }
        let kind = raw & 0xFFFF;
        if kind > 7 || raw & 0xC000_0000 != 0 {
            return Err(WkbError("only 2D geometries are supported"));
        }
        Ok(match kind {
            1 => Geometry::Point(Point(self.coord(le)?)),
            2 => Geometry::LineString(self.line(le)?),
            3 => Geometry::Polygon(self.polygon(le)?),
            4 => Geometry::MultiPoint(MultiPoint(self.members(|g| match g {
                Geometry::Point(p) => Some(p),
                _ => None,
            })?)),
            5 => Geometry::MultiLineString(MultiLineString(self.members(|g| match g {
                Geometry::LineString(l) => Some(l),
                _ => None,
            })?)),
            6 => Geometry::MultiPolygon(MultiPolygon(self.members(|g| match g {
                Geometry::Polygon(p) => Some(p),
                _ => None,
            })?)),
            7 => Geometry::GeometryCollection(geo::GeometryCollection(self.members(Some)?)),
            _ => return Err(WkbError("unknown geometry type")),
        })
    }

    fn members<T>(
        &mut self,
        pick: impl Fn(Geometry<f64>) -> Option<T>,
    ) -> Result<Vec<T>, WkbError> {
        let le = self.bytes.first() == Some(&1);
        let n = self.count(le)?;
        (0..n)
            .map(|_| pick(self.geom()?).ok_or(WkbError("member of the wrong type")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{point, polygon};

    #[test]
    fn round_trips() {
        let p = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 0.0)];
        let gs = vec![
            Geometry::Point(point!(x: 120.15, y: 30.27)),
            Geometry::MultiPolygon(MultiPolygon(vec![p.clone(), p.clone()])),
            Geometry::Polygon(p),
        ];
        for g in gs {
            assert_eq!(decode(&encode(&g)).unwrap(), g);
        }
    }

    #[test]
    fn rejects_garbage() {
        assert!(decode(&[]).is_err());
        assert!(decode(&[1, 6, 0, 0, 0, 255, 255, 255, 255]).is_err());
        assert!(decode(&[7]).is_err());
    }
}
