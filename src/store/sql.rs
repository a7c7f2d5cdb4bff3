//! SQL text and multi-row INSERT builders shared by both backends.
//!
//! The backends differ only in how a date and a geometry are written
//! ([`Dialect`]); column lists, upsert clauses and bind order live here once.

use sqlx::{Database, Encode, QueryBuilder, Type};

use super::rows::{
    BoundaryLineRow, ChangeEventRow, CodeRow, DivisionRow, LinkRow, MarkerRow, PlaceNameRow,
    SignRow,
};

/// How one backend spells a bound date and a bound WKB geometry.
pub(crate) struct Dialect {
    /// Suffix after a bound integer-array literal (PostGIS: `::bigint[]`).
    pub array_cast: &'static str,
    /// Suffix after a bound date (PostGIS: `::date`).
    pub date_cast: &'static str,
    /// Text around a bound WKB blob (PostGIS: `ST_GeomFromWKB(` … `, 4490)`).
    pub geom_open: &'static str,
    pub geom_close: &'static str,
    /// Whether the table keeps bbox columns (SQLite, which has no spatial index).
    pub bbox_columns: bool,
}

fn push_opt_date<'a, DB: Database>(
    b: &mut sqlx::query_builder::Separated<'_, 'a, DB, &'static str>,
    d: &Dialect,
    v: Option<&'a str>,
) where
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
{
    b.push_bind(v);
    b.push_unseparated(d.date_cast);
}

fn push_geom<'a, DB: Database>(
    b: &mut sqlx::query_builder::Separated<'_, 'a, DB, &'static str>,
    d: &Dialect,
    v: Option<&'a [u8]>,
) where
    Option<&'a [u8]>: Encode<'a, DB> + Type<DB>,
{
    b.push(d.geom_open);
    b.push_bind_unseparated(v);
    b.push_unseparated(d.geom_close);
}

fn push_bbox<'a, DB: Database>(
    b: &mut sqlx::query_builder::Separated<'_, 'a, DB, &'static str>,
    d: &Dialect,
    bb: Option<[f64; 4]>,
) where
    Option<f64>: Encode<'a, DB> + Type<DB>,
{
    if d.bbox_columns {
        for i in 0..4 {
            b.push_bind(bb.map(|b| b[i]));
        }
    }
}

fn columns(base: &str, d: &Dialect) -> String {
    if d.bbox_columns {
        format!("{base}, min_x, min_y, max_x, max_y, geom")
    } else {
        format!("{base}, geom")
    }
}

fn upsert_tail(cols: &str) -> String {
    let sets: Vec<String> = cols
        .split(',')
        .map(str::trim)
        .filter(|c| *c != "id")
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(" ON CONFLICT (id) DO UPDATE SET {}", sets.join(", "))
}

const DIVISION_COLUMNS: &str = "id, key, level, name, code, parent_id, kind, urban_rural, \
     valid_from, valid_to, source, geometry_source";

/// `INSERT … ON CONFLICT (id) DO UPDATE` for a chunk of divisions.
pub(crate) fn insert_divisions<'a, DB>(d: &Dialect, rows: &'a [DivisionRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    i32: Encode<'a, DB> + Type<DB>,
    Option<i64>: Encode<'a, DB> + Type<DB>,
    Option<i32>: Encode<'a, DB> + Type<DB>,
    Option<f64>: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
    Option<&'a [u8]>: Encode<'a, DB> + Type<DB>,
{
    let cols = columns(DIVISION_COLUMNS, d);
    let mut qb = QueryBuilder::new(format!("INSERT INTO divisions ({cols}) "));
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.id)
            .push_bind(r.key.as_str())
            .push_bind(r.level)
            .push_bind(r.name.as_str())
            .push_bind(r.code.as_str())
            .push_bind(r.parent_id)
            .push_bind(r.kind.as_str())
            .push_bind(r.urban_rural);
        push_opt_date(&mut b, d, r.valid_from.as_deref());
        push_opt_date(&mut b, d, r.valid_to.as_deref());
        b.push_bind(r.source.as_str())
            .push_bind(r.geometry_source.as_deref());
        push_bbox(&mut b, d, r.bbox);
        push_geom(&mut b, d, r.geom.as_deref());
    });
    qb.push(upsert_tail(&cols));
    qb
}

/// `INSERT … ON CONFLICT DO UPDATE` for a chunk of division codes.
pub(crate) fn insert_codes<'a, DB>(d: &Dialect, rows: &'a [CodeRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
{
    let mut qb = QueryBuilder::new(
        "INSERT INTO division_codes (division_id, code, system, vintage, valid_from, valid_to) ",
    );
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.division_id)
            .push_bind(r.code.as_str())
            .push_bind(r.system.as_str())
            .push_bind(r.vintage.as_str());
        push_opt_date(&mut b, d, r.valid_from.as_deref());
        push_opt_date(&mut b, d, r.valid_to.as_deref());
    });
    qb.push(
        " ON CONFLICT (division_id, system, code, vintage) DO UPDATE \
         SET valid_from = excluded.valid_from, valid_to = excluded.valid_to",
    );
    qb
}

const PLACE_NAME_COLUMNS: &str = "id, external_id, standard_name, specific, generic, roman, \
     category_code, regulated_kind, meaning, origin, history, aliases, historical_names, \
     division_id, valid_from, valid_to, status, source, named_on";

/// `INSERT … ON CONFLICT (id) DO UPDATE` for a chunk of place names.
pub(crate) fn insert_place_names<'a, DB>(
    d: &Dialect,
    rows: &'a [PlaceNameRow],
) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    Option<i64>: Encode<'a, DB> + Type<DB>,
    Option<f64>: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
    Option<&'a [u8]>: Encode<'a, DB> + Type<DB>,
{
    let cols = columns(PLACE_NAME_COLUMNS, d);
    let mut qb = QueryBuilder::new(format!("INSERT INTO place_names ({cols}) "));
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.id)
            .push_bind(r.external_id.as_str())
            .push_bind(r.standard_name.as_str())
            .push_bind(r.specific.as_str())
            .push_bind(r.generic.as_deref())
            .push_bind(r.roman.as_str())
            .push_bind(r.category_code.as_str())
            .push_bind(r.regulated_kind.as_str())
            .push_bind(r.meaning.as_deref())
            .push_bind(r.origin.as_deref())
            .push_bind(r.history.as_deref())
            .push_bind(r.aliases.as_str())
            .push_bind(r.historical_names.as_str())
            .push_bind(r.division_id);
        push_opt_date(&mut b, d, r.valid_from.as_deref());
        push_opt_date(&mut b, d, r.valid_to.as_deref());
        b.push_bind(r.status.as_str()).push_bind(r.source.as_str());
        push_opt_date(&mut b, d, r.named_on.as_deref());
        push_bbox(&mut b, d, r.bbox);
        push_geom(&mut b, d, r.geom.as_deref());
    });
    qb.push(upsert_tail(&cols));
    qb
}

/// SELECT list of `divisions` for [`DivisionRow`]; `date` and `geom` wrap columns.
pub(crate) fn select_divisions(date: fn(&str) -> String, geom: &str) -> String {
    format!(
        "SELECT id, key, level, name, code, parent_id, kind, urban_rural, {}, {}, source, \
         geometry_source, {geom} AS geom FROM divisions ORDER BY level, id",
        date("valid_from"),
        date("valid_to"),
    )
}

/// SELECT list of `division_codes` for [`CodeRow`].
pub(crate) fn select_codes(date: fn(&str) -> String) -> String {
    format!(
        "SELECT division_id, code, system, vintage, {}, {} FROM division_codes \
         ORDER BY division_id, system, vintage",
        date("valid_from"),
        date("valid_to"),
    )
}

/// SELECT list of `place_names` for [`PlaceNameRow`].
pub(crate) fn select_place_names(date: fn(&str) -> String, geom: &str) -> String {
    format!(
        "SELECT id, external_id, standard_name, specific, generic, roman, category_code, \
         regulated_kind, meaning, origin, history, aliases, historical_names, division_id, \
         {}, {}, status, source, {}, {geom} AS geom FROM place_names ORDER BY id",
        date("valid_from"),
        date("valid_to"),
        date("named_on"),
    )
}

/// Counts per level, with geometry, and of names.
pub(crate) const COUNT_DIVISIONS: &str =
    "SELECT level, COUNT(*), COUNT(geom) FROM divisions GROUP BY level";

/// `INSERT … ON CONFLICT (id) DO UPDATE` for a chunk of change events.
pub(crate) fn insert_events<'a, DB>(d: &Dialect, rows: &'a [ChangeEventRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
{
    let cols = "id, key, kind, effective_on, date_precision, approval_doc, approver, note";
    let mut qb = QueryBuilder::new(format!("INSERT INTO change_events ({cols}) "));
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.id)
            .push_bind(r.key.as_str())
            .push_bind(r.kind.as_str());
        push_opt_date(&mut b, d, Some(r.effective_on.as_str()));
        b.push_bind(r.date_precision.as_str())
            .push_bind(r.approval_doc.as_deref())
            .push_bind(r.approver.as_deref())
            .push_bind(r.note.as_deref());
    });
    qb.push(upsert_tail(cols));
    qb
}

/// `DELETE` of the links of the given events (they are rewritten whole).
pub(crate) fn delete_links<'a, DB>(rows: &'a [ChangeEventRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    let mut qb = QueryBuilder::new("DELETE FROM change_event_links WHERE event_id IN (");
    let mut sep = qb.separated(", ");
    for r in rows {
        sep.push_bind(r.id);
    }
    qb.push(")");
    qb
}

/// `INSERT` of event links.
pub(crate) fn insert_links<'a, DB>(rows: &'a [LinkRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
{
    let mut qb = QueryBuilder::new("INSERT INTO change_event_links (event_id, division_id, role) ");
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.event_id)
            .push_bind(r.division_id)
            .push_bind(r.role.as_str());
    });
    qb
}

/// SELECT list of `change_events` for [`ChangeEventRow`].
pub(crate) fn select_events(date: fn(&str) -> String) -> String {
    format!(
        "SELECT id, key, kind, {}, date_precision, approval_doc, approver, note \
         FROM change_events ORDER BY effective_on, id",
        date("effective_on")
    )
}

/// SELECT of all links.
pub(crate) const SELECT_LINKS: &str =
    "SELECT event_id, division_id, role FROM change_event_links ORDER BY event_id, role, division_id";

/// `INSERT … ON CONFLICT (id) DO UPDATE` for boundary lines.
pub(crate) fn insert_lines<'a, DB>(d: &Dialect, rows: &'a [BoundaryLineRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    i32: Encode<'a, DB> + Type<DB>,
    f64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
    Option<&'a [u8]>: Encode<'a, DB> + Type<DB>,
{
    let cols = "id, line_no, level, parties, length_m, valid_from, valid_to, source, geom";
    let mut qb = QueryBuilder::new(format!("INSERT INTO boundary_lines ({cols}) "));
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.id)
            .push_bind(r.line_no.as_str())
            .push_bind(r.level)
            .push_bind(r.parties.as_str());
        b.push_unseparated(d.array_cast);
        b.push_bind(r.length_m);
        push_opt_date(&mut b, d, r.valid_from.as_deref());
        push_opt_date(&mut b, d, r.valid_to.as_deref());
        b.push_bind(r.source.as_str());
        push_geom(&mut b, d, Some(r.geom.as_slice()));
    });
    qb.push(upsert_tail(cols));
    qb
}

/// `INSERT … ON CONFLICT (id) DO UPDATE` for boundary markers.
pub(crate) fn insert_markers<'a, DB>(d: &Dialect, rows: &'a [MarkerRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    Option<i64>: Encode<'a, DB> + Type<DB>,
    Option<i32>: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
    Option<&'a [u8]>: Encode<'a, DB> + Type<DB>,
{
    let cols =
        "id, scope, number, line_id, material, year_set, maintainer_id, installed_on, source, geom";
    let mut qb = QueryBuilder::new(format!("INSERT INTO boundary_markers ({cols}) "));
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.id)
            .push_bind(r.scope.as_str())
            .push_bind(r.number.as_str())
            .push_bind(r.line_id)
            .push_bind(r.material.as_deref())
            .push_bind(r.year_set)
            .push_bind(r.maintainer_id);
        push_opt_date(&mut b, d, r.installed_on.as_deref());
        b.push_bind(r.source.as_str());
        push_geom(&mut b, d, Some(r.geom.as_slice()));
    });
    qb.push(upsert_tail(cols));
    qb
}

/// `INSERT … ON CONFLICT (id) DO UPDATE` for signs.
pub(crate) fn insert_signs<'a, DB>(d: &Dialect, rows: &'a [SignRow]) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    Option<&'a str>: Encode<'a, DB> + Type<DB>,
    Option<&'a [u8]>: Encode<'a, DB> + Type<DB>,
{
    let cols =
        "id, code, sign_type, place_name_id, text_zh, text_roman, text_ethnic, installed_on, \
                condition, source, geom";
    let mut qb = QueryBuilder::new(format!("INSERT INTO signs ({cols}) "));
    qb.push_values(rows, |mut b, r| {
        b.push_bind(r.id)
            .push_bind(r.code.as_str())
            .push_bind(r.sign_type.as_str())
            .push_bind(r.place_name_id)
            .push_bind(r.text_zh.as_str())
            .push_bind(r.text_roman.as_str())
            .push_bind(r.text_ethnic.as_deref());
        push_opt_date(&mut b, d, r.installed_on.as_deref());
        b.push_bind(r.condition.as_str())
            .push_bind(r.source.as_str());
        push_geom(&mut b, d, Some(r.geom.as_slice()));
    });
    qb.push(upsert_tail(cols));
    qb
}

/// SELECT of `boundary_lines` for [`BoundaryLineRow`].
pub(crate) fn select_lines(date: fn(&str) -> String, geom: &str, parties: &str) -> String {
    format!(
        "SELECT id, line_no, level, {parties}, length_m, {}, {}, source, {geom} AS geom \
         FROM boundary_lines ORDER BY id",
        date("valid_from"),
        date("valid_to"),
    )
}

/// SELECT of `boundary_markers` for [`MarkerRow`].
pub(crate) fn select_markers(date: fn(&str) -> String, geom: &str) -> String {
    format!(
        "SELECT id, scope, number, line_id, material, year_set, maintainer_id, {}, source, {geom} AS geom \
         FROM boundary_markers ORDER BY id",
        date("installed_on"),
    )
}

/// SELECT of `signs` for [`SignRow`].
pub(crate) fn select_signs(date: fn(&str) -> String, geom: &str) -> String {
    format!(
        "SELECT id, code, sign_type, place_name_id, text_zh, text_roman, text_ethnic, {}, \
         condition, source, {geom} AS geom FROM signs ORDER BY id",
        date("installed_on"),
    )
}
