//! Bulk writes of the large tables through `COPY … FROM STDIN` into a temporary table,
//! then one `INSERT … SELECT … ON CONFLICT DO UPDATE`: the upsert semantics of the
//! row-by-row path at COPY speed. Geometries travel as hex EWKB with SRID 4490.

use std::fmt::Write;

use sqlx::{Postgres, Transaction};

use crate::store::rows::{PlaceNameRow, SignRow};
use crate::store::StoreError;

const SRID: u32 = 4490;

/// COPY text-format escaping of one field; `None` is `\N`.
fn field(out: &mut String, v: Option<&str>) {
    match v {
        None => out.push_str("\\N"),
        Some(s) => {
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
        }
    }
}

/// Hex EWKB of little-endian WKB with the SRID flag added.
fn ewkb_hex(wkb: &[u8]) -> Option<String> {
    if wkb.len() < 5 || wkb[0] != 1 {
        return None;
    }
    let kind = u32::from_le_bytes([wkb[1], wkb[2], wkb[3], wkb[4]]) | 0x2000_0000;
    let mut out = String::with_capacity(wkb.len() * 2 + 8);
    let mut push = |b: u8| {
        let _ = write!(out, "{b:02X}");
    };
    push(1);
    kind.to_le_bytes().into_iter().for_each(&mut push);
    SRID.to_le_bytes().into_iter().for_each(&mut push);
    wkb[5..].iter().copied().for_each(push);
    Some(out)
}

struct Row(String);

impl Row {
    fn new() -> Self {
        Row(String::with_capacity(256))
    }
    fn add(&mut self, v: Option<&str>) -> &mut Self {
        if !self.0.is_empty() {
            self.0.push('\t');
        }
        field(&mut self.0, v);
        self
    }
    fn int(&mut self, v: Option<i64>) -> &mut Self {
        self.add(v.map(|n| n.to_string()).as_deref())
    }
}

async fn copy_upsert(
    tx: &mut Transaction<'static, Postgres>,
    table: &str,
    cols: &str,
    lines: String,
) -> Result<(), StoreError> {
    let staging = format!("{table}_copy");
    sqlx::query(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP"
    ))
    .execute(&mut **tx)
    .await?;
    sqlx::query(&format!("TRUNCATE {staging}"))
        .execute(&mut **tx)
        .await?;
    let mut copy = tx
        .copy_in_raw(&format!("COPY {staging} ({cols}) FROM STDIN"))
        .await?;
    copy.send(lines.into_bytes()).await?;
    copy.finish().await?;
    let sets: Vec<String> = cols
        .split(',')
        .map(str::trim)
        .filter(|c| *c != "id")
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    sqlx::query(&format!(
        "INSERT INTO {table} ({cols}) SELECT {cols} FROM {staging} ON CONFLICT (id) DO UPDATE SET {}",
        sets.join(", ")
    ))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Upserts place names.
pub async fn place_names(
    tx: &mut Transaction<'static, Postgres>,
    rows: &[PlaceNameRow],
) -> Result<(), StoreError> {
    const COLS: &str = "id, external_id, standard_name, specific, generic, roman, category_code, \
        regulated_kind, meaning, origin, history, aliases, historical_names, division_id, \
        valid_from, valid_to, status, source, named_on, geom";
    let mut lines = String::with_capacity(rows.len() * 256);
    for r in rows {
        let mut row = Row::new();
        row.int(Some(r.id))
            .add(Some(&r.external_id))
            .add(Some(&r.standard_name))
            .add(Some(&r.specific))
            .add(r.generic.as_deref())
            .add(Some(&r.roman))
            .add(Some(&r.category_code))
            .add(Some(&r.regulated_kind))
            .add(r.meaning.as_deref())
            .add(r.origin.as_deref())
            .add(r.history.as_deref())
            .add(Some(&r.aliases))
            .add(Some(&r.historical_names))
            .int(r.division_id)
            .add(r.valid_from.as_deref())
            .add(r.valid_to.as_deref())
            .add(Some(&r.status))
            .add(Some(&r.source))
            .add(r.named_on.as_deref())
            .add(r.geom.as_deref().and_then(ewkb_hex).as_deref());
        lines.push_str(&row.0);
        lines.push('\n');
    }
    copy_upsert(tx, "place_names", COLS, lines).await
}

/// Upserts signs.
pub async fn signs(
    tx: &mut Transaction<'static, Postgres>,
    rows: &[SignRow],
) -> Result<(), StoreError> {
    const COLS: &str = "id, code, sign_type, place_name_id, text_zh, text_roman, text_ethnic, \
        installed_on, condition, source, geom";
    let mut lines = String::with_capacity(rows.len() * 128);
    for r in rows {
        let mut row = Row::new();
        row.int(Some(r.id))
            .add(Some(&r.code))
            .add(Some(&r.sign_type))
            .int(Some(r.place_name_id))
            .add(Some(&r.text_zh))
            .add(Some(&r.text_roman))
            .add(r.text_ethnic.as_deref())
            .add(r.installed_on.as_deref())
            .add(Some(&r.condition))
            .add(Some(&r.source))
            .add(ewkb_hex(&r.geom).as_deref());
        lines.push_str(&row.0);
        lines.push('\n');
    }
    copy_upsert(tx, "signs", COLS, lines).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_copy_text() {
        let mut s = String::new();
        field(&mut s, Some("a\tb\\c\nd"));
        assert_eq!(s, "a\\tb\\\\c\\nd");
        let mut n = String::new();
        field(&mut n, None);
        assert_eq!(n, "\\N");
    }

    #[test]
    fn ewkb_sets_srid() {
        let wkb = crate::store::wkb::encode(&geo::Geometry::Point(geo::Point::new(1.0, 2.0)));
        let hex = ewkb_hex(&wkb).unwrap();
        assert!(hex.starts_with("01010000208A110000"), "{hex}");
    }
}
