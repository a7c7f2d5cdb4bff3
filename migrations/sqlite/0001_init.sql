-- diming embedded store (SQLite). Geometries are WKB blobs in CGCS2000 lon/lat
-- (EPSG:4490) with their bounding boxes alongside.

CREATE TABLE divisions (
    id              INTEGER PRIMARY KEY,
    key             TEXT    NOT NULL UNIQUE,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    name            TEXT    NOT NULL CHECK (length(name) > 0),
    code            TEXT    NOT NULL,
    parent_id       INTEGER REFERENCES divisions (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('regular', 'pseudo_prefecture', 'statistical_zone')),
    urban_rural     INTEGER,
    valid_from      TEXT,
    valid_to        TEXT,
    source          TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    geometry_source TEXT    CHECK (geometry_source IN ('real', 'synthetic')),
    min_x REAL, min_y REAL, max_x REAL, max_y REAL,
    geom            BLOB
);
CREATE INDEX divisions_geometry_source ON divisions (geometry_source);
CREATE INDEX divisions_parent ON divisions (parent_id);
CREATE INDEX divisions_code ON divisions (code);

CREATE TABLE division_codes (
    division_id INTEGER NOT NULL REFERENCES divisions (id) ON DELETE CASCADE,
    code        TEXT    NOT NULL,
    system      TEXT    NOT NULL CHECK (system IN ('GB2260', 'NBS_STAT')),
    vintage     TEXT    NOT NULL,
    valid_from  TEXT,
    valid_to    TEXT,
    PRIMARY KEY (division_id, system, code, vintage)
);
CREATE INDEX division_codes_code ON division_codes (code);

CREATE TABLE place_names (
    id               INTEGER PRIMARY KEY,
    external_id      TEXT    NOT NULL UNIQUE,
    standard_name    TEXT    NOT NULL CHECK (length(standard_name) > 0),
    specific         TEXT    NOT NULL,
    generic          TEXT,
    roman            TEXT    NOT NULL,
    category_code    TEXT    NOT NULL,
    regulated_kind   TEXT    NOT NULL,
    meaning          TEXT,
    origin           TEXT,
    history          TEXT,
    aliases          TEXT    NOT NULL DEFAULT '[]',
    historical_names TEXT    NOT NULL DEFAULT '[]',
    division_id      INTEGER REFERENCES divisions (id),
    valid_from       TEXT,
    valid_to         TEXT,
    status           TEXT    NOT NULL,
    source           TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    named_on         TEXT,
    min_x REAL, min_y REAL, max_x REAL, max_y REAL,
    geom             BLOB
);
CREATE INDEX place_names_division ON place_names (division_id);
CREATE INDEX place_names_source ON place_names (source);
CREATE INDEX place_names_name ON place_names (standard_name);

CREATE TABLE boundary_lines (
    id         INTEGER PRIMARY KEY,
    line_no    TEXT    NOT NULL,
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    parties    TEXT    NOT NULL,
    length_m   REAL    NOT NULL,
    valid_from TEXT,
    valid_to   TEXT,
    source     TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    geom       BLOB    NOT NULL
);

CREATE TABLE boundary_markers (
    id            INTEGER PRIMARY KEY,
    -- Numbers are unique within a scope: 'national' for provincial lines, the province
    -- code for county lines (4-digit line numbers cannot number all county lines).
    scope         TEXT    NOT NULL,
    number        TEXT    NOT NULL,
    line_id       INTEGER NOT NULL REFERENCES boundary_lines (id),
    material      TEXT,
    year_set      INTEGER,
    maintainer_id INTEGER REFERENCES divisions (id),
    installed_on  TEXT,
    source        TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    geom          BLOB    NOT NULL,
    UNIQUE (scope, number)
);

CREATE TABLE signs (
    id            INTEGER PRIMARY KEY,
    code          TEXT    NOT NULL UNIQUE,
    sign_type     TEXT    NOT NULL,
    place_name_id INTEGER NOT NULL REFERENCES place_names (id),
    text_zh       TEXT    NOT NULL,
    text_roman    TEXT    NOT NULL,
    text_ethnic   TEXT,
    installed_on  TEXT,
    condition     TEXT    NOT NULL,
    source        TEXT    NOT NULL CHECK (source IN ('real', 'synthetic')),
    geom          BLOB    NOT NULL
);

CREATE TABLE change_events (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    effective_on   TEXT NOT NULL,
    date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'approx')),
    approval_doc   TEXT,
    approver       TEXT,
    note           TEXT
);

CREATE TABLE change_event_links (
    event_id    INTEGER NOT NULL REFERENCES change_events (id) ON DELETE CASCADE,
    division_id INTEGER NOT NULL REFERENCES divisions (id),
    role        TEXT    NOT NULL CHECK (role IN ('predecessor', 'successor')),
    PRIMARY KEY (event_id, division_id, role)
);
