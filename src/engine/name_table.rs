//! 地名表 the engine's compact, columnar table of place names: what search, reverse
//! geocoding and tiles need, without the long texts (meaning, origin and history stay in
//! the store).
//!
//! At national scale (≈ 15 million names) a struct per name with two heap strings costs
//! well over 100 bytes each. Here every column is one vector: the texts share one string
//! buffer addressed by `u32` offsets, positions are fixed-point `i32` (1e-7 degree, about
//! 1 cm), and a name costs about 37 bytes plus its text.

use geo::Point;

use crate::domain::{DivisionId, PlaceNameId, Source};

/// Fixed-point scale of stored positions: 1e-7 degree.
const SCALE: f64 = 1e7;
/// Marks a name without a position.
const NO_POSITION: [i32; 2] = [i32::MIN, i32::MIN];
/// Marks a name without a division.
const NO_DIVISION: i64 = i64::MIN;

/// Index of a name inside a [`NameTable`].
pub type NameIdx = u32;

/// One place name as the engine sees it: borrowed from a [`NameTable`], or to be added
/// to a [`NameTableBuilder`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameRef<'a> {
    pub id: PlaceNameId,
    pub name: &'a str,
    pub roman: &'a str,
    /// 5-digit category code as a number (21800 街路巷…).
    pub category: u32,
    /// Representative point, CGCS2000 lon/lat, rounded to 1e-7 degree.
    pub position: Option<Point<f64>>,
    pub division: Option<DivisionId>,
    pub source: Source,
}

/// Place names in id order, column by column.
#[derive(Debug, Default, Clone)]
pub struct NameTable {
    ids: Vec<PlaceNameId>,
    /// All names and roman spellings, one after the other.
    text: String,
    /// Start of name `i` in `text`; its roman spelling starts at `roman_at[i]` and ends
    /// where name `i + 1` starts (or at the end of `text`).
    name_at: Vec<u32>,
    roman_at: Vec<u32>,
    category: Vec<u32>,
    position: Vec<[i32; 2]>,
    division: Vec<i64>,
    source: Vec<Source>,
}

/// Error of [`NameTableBuilder::push`].
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum NameTableError {
    #[error("place name {0} comes after place name {1}: names must arrive in increasing id order")]
    OutOfOrder(i64, i64),
    #[error("the texts of all place names exceed 4 GiB")]
    TextTooLarge,
}

/// Builds a [`NameTable`] from names arriving in increasing id order (as the store
/// streams them).
#[derive(Debug, Default)]
pub struct NameTableBuilder {
    table: NameTable,
}

impl NameTableBuilder {
    /// A builder with room for `n` names.
    pub fn with_capacity(n: usize) -> Self {
        let mut t = NameTable::default();
        t.ids.reserve(n);
        t.name_at.reserve(n);
        t.roman_at.reserve(n);
        t.category.reserve(n);
        t.position.reserve(n);
        t.division.reserve(n);
        t.source.reserve(n);
        NameTableBuilder { table: t }
    }

    /// Appends one name.
    pub fn push(&mut self, n: NameRef<'_>) -> Result<NameIdx, NameTableError> {
        let t = &mut self.table;
        if let Some(last) = t.ids.last() {
            if n.id <= *last {
                return Err(NameTableError::OutOfOrder(n.id.0, last.0));
            }
        }
        let offset = |len: usize| u32::try_from(len).map_err(|_| NameTableError::TextTooLarge);
        let name_at = offset(t.text.len())?;
        let roman_at = offset(t.text.len() + n.name.len())?;
        offset(t.text.len() + n.name.len() + n.roman.len())?;
        let idx = t.ids.len() as NameIdx;
        t.text.push_str(n.name);
        t.text.push_str(n.roman);
        t.ids.push(n.id);
        t.name_at.push(name_at);
        t.roman_at.push(roman_at);
        t.category.push(n.category);
        t.position.push(n.position.map_or(NO_POSITION, encode));
        t.division.push(n.division.map_or(NO_DIVISION, |d| d.0));
        t.source.push(n.source);
        Ok(idx)
    }

    /// The finished table, with spare capacity released.
    pub fn finish(mut self) -> NameTable {
        let t = &mut self.table;
        t.ids.shrink_to_fit();
        t.text.shrink_to_fit();
        t.name_at.shrink_to_fit();
        t.roman_at.shrink_to_fit();
        t.category.shrink_to_fit();
        t.position.shrink_to_fit();
        t.division.shrink_to_fit();
        t.source.shrink_to_fit();
        self.table
    }
}

fn encode(p: Point<f64>) -> [i32; 2] {
    // lon/lat are within ±180, so ×1e7 fits i32 (±1.8e9 < 2.1e9).
    let q = |v: f64| {
        (v * SCALE)
            .round()
            .clamp(i32::MIN as f64 + 1.0, i32::MAX as f64) as i32
    };
    [q(p.x()), q(p.y())]
}

impl NameTable {
    /// Number of names.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the table holds no names.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The name at an index.
    ///
    /// # Panics
    /// When `i >= len()`.
    pub fn get(&self, i: NameIdx) -> NameRef<'_> {
        let i = i as usize;
        let start = self.name_at[i] as usize;
        let roman = self.roman_at[i] as usize;
        let end = self
            .name_at
            .get(i + 1)
            .map_or(self.text.len(), |e| *e as usize);
        NameRef {
            id: self.ids[i],
            name: &self.text[start..roman],
            roman: &self.text[roman..end],
            category: self.category[i],
            position: self.position_of(i as NameIdx),
            division: (self.division[i] != NO_DIVISION).then_some(DivisionId(self.division[i])),
            source: self.source[i],
        }
    }

    /// Position of the name at an index.
    pub fn position_of(&self, i: NameIdx) -> Option<Point<f64>> {
        let p = self.position[i as usize];
        (p != NO_POSITION).then(|| Point::new(p[0] as f64 / SCALE, p[1] as f64 / SCALE))
    }

    /// Index of a name by id.
    pub fn index_of(&self, id: PlaceNameId) -> Option<NameIdx> {
        self.ids.binary_search(&id).ok().map(|i| i as NameIdx)
    }

    /// All names in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = NameRef<'_>> + '_ {
        (0..self.len() as NameIdx).map(|i| self.get(i))
    }

    /// Heap memory held by the table, in bytes.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.ids.capacity() * size_of::<PlaceNameId>()
            + self.text.capacity()
            + (self.name_at.capacity() + self.roman_at.capacity() + self.category.capacity()) * 4
            + self.position.capacity() * 8
            + self.division.capacity() * 8
            + self.source.capacity() * size_of::<Source>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name<'a>(id: i64, name: &'a str, roman: &'a str) -> NameRef<'a> {
        NameRef {
            id: PlaceNameId(id),
            name,
            roman,
            category: 21800,
            position: Some(Point::new(120.1551234, 30.2741)),
            division: Some(DivisionId(7)),
            source: Source::Synthetic,
        }
    }

    #[test]
    fn round_trips_every_column() {
        let mut b = NameTableBuilder::with_capacity(2);
        b.push(name(3, "西湖", "Xi Hu")).unwrap();
        b.push(NameRef {
            position: None,
            division: None,
            source: Source::Real,
            ..name(10, "", "")
        })
        .unwrap();
        b.push(name(11, "延安路", "Yan'an Lu")).unwrap();
        let t = b.finish();
        assert_eq!(t.len(), 3);
        let a = t.get(0);
        assert_eq!((a.name, a.roman, a.category), ("西湖", "Xi Hu", 21800));
        let p = a.position.unwrap();
        assert!((p.x() - 120.1551234).abs() < 1e-9 && (p.y() - 30.2741).abs() < 1e-9);
        assert_eq!(a.division, Some(DivisionId(7)));
        let empty = t.get(1);
        assert_eq!((empty.name, empty.roman, empty.position), ("", "", None));
        assert_eq!((empty.division, empty.source), (None, Source::Real));
        assert_eq!(t.get(2).roman, "Yan'an Lu");
        assert_eq!(t.index_of(PlaceNameId(11)), Some(2));
        assert_eq!(t.index_of(PlaceNameId(4)), None);
        assert_eq!(t.iter().map(|n| n.id.0).collect::<Vec<_>>(), [3, 10, 11]);
    }

    #[test]
    fn rejects_names_out_of_id_order() {
        let mut b = NameTableBuilder::default();
        b.push(name(5, "甲", "Jia")).unwrap();
        assert_eq!(
            b.push(name(5, "乙", "Yi")),
            Err(NameTableError::OutOfOrder(5, 5))
        );
        assert_eq!(b.finish().len(), 1);
    }

    #[test]
    fn extreme_coordinates_stay_in_range() {
        let mut b = NameTableBuilder::default();
        let far = NameRef {
            position: Some(Point::new(-180.0, 90.0)),
            ..name(1, "甲", "Jia")
        };
        b.push(far).unwrap();
        let p = b.finish().get(0).position.unwrap();
        assert_eq!((p.x(), p.y()), (-180.0, 90.0));
    }
}
