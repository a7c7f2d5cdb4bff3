-- diming production store (PostgreSQL + PostGIS). Geometries are real PostGIS columns
-- in CGCS2000 (EPSG:4490) with GiST indexes, so QGIS, GDAL/ogrinfo and other GIS tools
-- can read the tables directly.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE divisions (
    id              BIGINT  PRIMARY KEY,
    key             TEXT    NOT NULL UNIQUE,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    name            TEXT    NOT NULL CHECK (length(name) > 0),
    code            TEXT    NOT NULL,
    parent_id       BIGINT  REFERENCES divisions (id) DEFERRABLE INITIALLY DEFERRED,
    kind            TEXT    NOT NULL CHECK (kind IN ('regular', 'pseudo_prefecture', 'statistical_zone')),
    urban_rural     INTEGER,
    valid_from      DATE,
    valid_to        DATE,
    source          TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    geometry_source TEXT    CHECK (geometry_source IN ('real', 'synthetic')),
    geom            geometry(MultiPolygon, 4490)
);
CREATE INDEX divisions_parent ON divisions (parent_id);
CREATE INDEX divisions_code ON divisions (code);
CREATE INDEX divisions_geom ON divisions USING gist (geom);

CREATE TABLE division_codes (
    division_id BIGINT NOT NULL REFERENCES divisions (id) ON DELETE CASCADE,
    code        TEXT   NOT NULL,
    system      TEXT   NOT NULL CHECK (system IN ('GB2260', 'NBS_STAT')),
    vintage     TEXT   NOT NULL,
    valid_from  DATE,
    valid_to    DATE,
    PRIMARY KEY (division_id, system, code, vintage)
);
CREATE INDEX division_codes_code ON division_codes (code);

CREATE TABLE place_names (
    id               BIGINT PRIMARY KEY,
    external_id      TEXT   NOT NULL UNIQUE,
    standard_name    TEXT   NOT NULL CHECK (length(standard_name) > 0),
    specific         TEXT   NOT NULL,
    generic          TEXT,
    roman            TEXT   NOT NULL,
    category_code    TEXT   NOT NULL,
    regulated_kind   TEXT   NOT NULL,
    meaning          TEXT,
    origin           TEXT,
    history          TEXT,
    aliases          TEXT   NOT NULL DEFAULT '[]',
    historical_names TEXT   NOT NULL DEFAULT '[]',
    division_id      BIGINT REFERENCES divisions (id) DEFERRABLE INITIALLY DEFERRED,
    valid_from       DATE,
    valid_to         DATE,
    status           TEXT   NOT NULL,
    source           TEXT   NOT NULL CHECK (source IN ('real', 'synthetic')),
    named_on         DATE,
    geom             geometry(Geometry, 4490)
);
CREATE INDEX place_names_division ON place_names (division_id);
CREATE INDEX place_names_name ON place_names (standard_name);
CREATE INDEX place_names_geom ON place_names USING gist (geom);

CREATE TABLE boundary_lines (
    id         BIGINT  PRIMARY KEY,
    line_no    TEXT    NOT NULL,
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    parties    BIGINT[] NOT NULL,
    length_m   DOUBLE PRECISION NOT NULL,
    valid_from DATE,
    valid_to   DATE,
    source     TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    geom       geometry(MultiLineString, 4490) NOT NULL
);
CREATE INDEX boundary_lines_geom ON boundary_lines USING gist (geom);

CREATE TABLE boundary_markers (
    id            BIGINT  PRIMARY KEY,
    -- Numbers are unique within a scope: 'national' for provincial lines, the province
    -- code for county lines (4-digit line numbers cannot number all county lines).
    scope         TEXT    NOT NULL,
    number        TEXT    NOT NULL,
    line_id       BIGINT  NOT NULL REFERENCES boundary_lines (id),
    material      TEXT,
    year_set      INTEGER,
    maintainer_id BIGINT  REFERENCES divisions (id),
    installed_on  DATE,
    source        TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    geom          geometry(Point, 4490) NOT NULL,
    UNIQUE (scope, number)
);
CREATE INDEX boundary_markers_geom ON boundary_markers USING gist (geom);

CREATE TABLE signs (
    id            BIGINT PRIMARY KEY,
    code          TEXT   NOT NULL UNIQUE,
    sign_type     TEXT   NOT NULL,
    place_name_id BIGINT NOT NULL REFERENCES place_names (id),
    text_zh       TEXT   NOT NULL,
    text_roman    TEXT   NOT NULL,
    text_ethnic   TEXT,
    installed_on  DATE,
    condition     TEXT   NOT NULL,
    source        TEXT   NOT NULL CHECK (source IN ('real', 'synthetic')),
    geom          geometry(Point, 4490) NOT NULL
);
CREATE INDEX signs_geom ON signs USING gist (geom);

CREATE TABLE change_events (
    id             BIGINT PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    effective_on   DATE   NOT NULL,
    date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'approx')),
    approval_doc   TEXT,
    approver       TEXT,
    note           TEXT
);

CREATE TABLE change_event_links (
    event_id    BIGINT NOT NULL REFERENCES change_events (id) ON DELETE CASCADE,
    division_id BIGINT NOT NULL REFERENCES divisions (id),
    role        TEXT   NOT NULL CHECK (role IN ('predecessor', 'successor')),
    PRIMARY KEY (event_id, division_id, role)
);
