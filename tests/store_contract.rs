//! One contract, two stores: every test here runs against a real SQLite file and a real
//! PostgreSQL + PostGIS database (`DIMING_TEST_DATABASE_URL`, set by scripts/test.sh).

mod common;

use std::sync::Arc;

use chrono::NaiveDate;
use diming::domain::*;
use diming::progress::Silent;
use diming::store::{ImportBatch, Store};
use geo::{polygon, Geometry, MultiPolygon, Point};

fn code(s: &str, level: Level) -> DivisionCode {
    DivisionCode::parse_at(s, level).expect(s)
}

fn square(x: f64, y: f64, size: f64) -> MultiPolygon<f64> {
    MultiPolygon(vec![polygon![
        (x: x, y: y), (x: x + size, y: y), (x: x + size, y: y + size), (x: x, y: y + size), (x: x, y: y)
    ]])
}

fn division(
    id: i64,
    level: Level,
    c: &str,
    name: &str,
    parent: Option<i64>,
    geom: Option<MultiPolygon<f64>>,
) -> Division {
    let code = code(c, level);
    let mut codes = vec![CodeRecord {
        code: code.clone(),
        system: CodeSystem::NbsStat,
        vintage: "2023".into(),
        validity: Validity::current(),
    }];
    if level == Level::County {
        codes.push(CodeRecord {
            code: code.clone(),
            system: CodeSystem::Gb2260,
            vintage: "2021-01".into(),
            validity: Validity::new(
                None,
                Some(NaiveDate::from_ymd_opt(2030, 1, 1).expect("date")),
            ),
        });
    }
    Division {
        id: DivisionId(id),
        level,
        name: name.into(),
        kind: DivisionKind::classify(&code, name),
        code,
        codes,
        parent: parent.map(DivisionId),
        urban_rural: (level == Level::Village).then_some(UrbanRuralClass(111)),
        validity: Validity::new(NaiveDate::from_ymd_opt(2021, 6, 1), None),
        source: Source::Real,
        geometry_source: geom.as_ref().map(|_| Source::Synthetic),
        geometry: geom,
    }
}

fn batch() -> ImportBatch {
    let divisions = vec![
        division(
            1,
            Level::Province,
            "33",
            "浙江省",
            None,
            Some(square(118.0, 27.0, 5.0)),
        ),
        division(
            2,
            Level::Prefecture,
            "3301",
            "杭州市",
            Some(1),
            Some(square(119.0, 29.0, 1.5)),
        ),
        division(
            3,
            Level::County,
            "330106",
            "西湖区",
            Some(2),
            Some(square(120.0, 30.1, 0.2)),
        ),
        division(4, Level::Township, "330106002", "北山街道", Some(3), None),
        division(
            5,
            Level::Village,
            "330106002001",
            "保俶社区居委会",
            Some(4),
            None,
        ),
        Division {
            validity: Validity::new(None, NaiveDate::from_ymd_opt(2021, 4, 9)),
            ..division(
                6,
                Level::County,
                "330103",
                "下城区",
                Some(2),
                Some(square(120.15, 30.27, 0.05)),
            )
        },
    ];
    let change_events = vec![ChangeEvent {
        id: ChangeEventId(20),
        key: "test:1".into(),
        kind: ChangeKind::Merge,
        effective_on: NaiveDate::from_ymd_opt(2021, 4, 9).expect("date"),
        date_precision: DatePrecision::Day,
        approval_doc: Some("国函〔2021〕?号".into()),
        approver: Some("国务院".into()),
        predecessors: vec![DivisionId(6)],
        successors: vec![DivisionId(3)],
        note: Some("撤销下城区".into()),
    }];
    let place_names = vec![PlaceName {
        id: PlaceNameId(10),
        standard_name: "西湖".into(),
        specific: "西".into(),
        generic: Some("湖".into()),
        roman: "Xi Hu".into(),
        category_code: "12300".into(),
        regulated_kind: RegulatedKind::NaturalFeature,
        meaning: Some("因湖在杭州城西得名".into()),
        origin: None,
        history: Some("古称钱塘湖".into()),
        aliases: vec!["西子湖".into()],
        historical_names: vec![HistoricalName {
            name: "钱塘湖".into(),
            validity: Validity::new(None, NaiveDate::from_ymd_opt(1000, 1, 1)),
            note: None,
        }],
        geometry: Some(Geometry::Point(Point::new(120.1410, 30.2460))),
        division: Some(DivisionId(3)),
        validity: Validity::current(),
        status: NameStatus::InUse,
        source: Source::Real,
        external_id: "test:xihu".into(),
        named_on: NaiveDate::from_ymd_opt(1985, 5, 1),
    }];
    let boundary_lines = vec![BoundaryLine {
        id: BoundaryLineId(30),
        line_no: "3301".into(),
        level: Level::County,
        parties: vec![DivisionId(3), DivisionId(6)],
        length_m: 1234.5,
        geometry: geo::MultiLineString(vec![geo::LineString::from(vec![
            (120.15, 30.27),
            (120.2, 30.3),
        ])]),
        validity: Validity::current(),
        source: Source::Synthetic,
    }];
    let boundary_markers = vec![BoundaryMarker {
        id: BoundaryMarkerId(40),
        scope: "33".into(),
        number: MarkerNumber::parse("3301001Q").expect("number"),
        line: BoundaryLineId(30),
        agreed_position: Point::new(120.15, 30.27),
        material: Some("花岗岩".into()),
        year_set: Some(2003),
        maintainer: Some(DivisionId(3)),
        installed_on: NaiveDate::from_ymd_opt(2003, 10, 1),
        source: Source::Synthetic,
    }];
    let signs = vec![Sign {
        id: SignId(50),
        code: "330106-000001-X".into(),
        sign_type: SignType::NaturalFeature,
        place_name: PlaceNameId(10),
        text_zh: "西湖".into(),
        text_roman: "XI HU".into(),
        text_ethnic: None,
        position: Point::new(120.1411, 30.2461),
        installed_on: NaiveDate::from_ymd_opt(2019, 3, 1),
        condition: SignCondition::Good,
        source: Source::Synthetic,
    }];
    ImportBatch {
        divisions,
        place_names,
        change_events,
        boundary_lines,
        boundary_markers,
        signs,
    }
}

async fn loaded(store: &dyn Store) -> (Vec<Division>, Vec<PlaceName>) {
    let mut d = store.load_divisions(&Silent).await.expect("load divisions");
    d.sort_by_key(|d| d.id);
    for x in &mut d {
        x.codes
            .sort_by(|a, b| (a.system.as_str(), &a.vintage).cmp(&(b.system.as_str(), &b.vintage)));
    }
    (d, store.load_place_names().await.expect("load names"))
}

fn normalised(mut b: ImportBatch) -> (Vec<Division>, Vec<PlaceName>) {
    for x in &mut b.divisions {
        x.codes
            .sort_by(|a, b| (a.system.as_str(), &a.vintage).cmp(&(b.system.as_str(), &b.vintage)));
    }
    (b.divisions, b.place_names)
}

async fn starts_empty(store: Arc<dyn Store>) {
    store.ping().await.expect("ping");
    let c = store.counts().await.expect("counts");
    assert_eq!(c.divisions(), 0);
    assert_eq!(c.place_names, 0);
    assert!(store.division_keys().await.expect("keys").is_empty());
}

async fn round_trips_everything(store: Arc<dyn Store>) {
    let w = store.import(&batch(), &Silent).await.expect("import");
    assert_eq!(
        (w.divisions, w.codes, w.place_names, w.change_events),
        (6, 8, 1, 1)
    );
    assert_eq!(loaded(store.as_ref()).await, normalised(batch()));
    assert_eq!(
        store.load_change_events().await.expect("events"),
        batch().change_events
    );
    let c = store.counts().await.expect("counts");
    assert_eq!(c.divisions_by_level, [1, 1, 2, 1, 1]);
    assert_eq!(c.divisions_with_geometry, 4);
    assert_eq!((c.boundary_lines, c.boundary_markers, c.signs), (1, 1, 1));
    assert_eq!(c.place_names, 1);
    let keys = store.division_keys().await.expect("keys");
    assert_eq!(keys.get("NBS_STAT:330106"), Some(&DivisionId(3)));
    let names = store.place_name_keys().await.expect("name keys");
    assert_eq!(names.get("test:xihu"), Some(&PlaceNameId(10)));
}

async fn import_is_idempotent_and_updates(store: Arc<dyn Store>) {
    store.import(&batch(), &Silent).await.expect("first");
    store.import(&batch(), &Silent).await.expect("second");
    assert_eq!(store.counts().await.expect("counts").divisions(), 6);
    assert_eq!(store.load_change_events().await.expect("events").len(), 1);
    let mut b = batch();
    b.divisions[2].name = "西湖区（改）".into();
    b.divisions[2].geometry = Some(square(120.0, 30.1, 0.3));
    store.import(&b, &Silent).await.expect("update");
    b.change_events[0].successors = vec![DivisionId(2), DivisionId(3)];
    store.import(&b, &Silent).await.expect("update");
    assert_eq!(
        store.load_change_events().await.expect("events"),
        b.change_events.clone()
    );
    assert_eq!(loaded(store.as_ref()).await, normalised(b));
    assert_eq!(store.counts().await.expect("counts").divisions(), 6);
}

async fn failed_import_changes_nothing(store: Arc<dyn Store>) {
    store.import(&batch(), &Silent).await.expect("base");
    let before = loaded(store.as_ref()).await;
    let mut bad = batch();
    bad.divisions[0].name = "改了也不算".into();
    // A village whose parent does not exist violates the foreign key at the very end.
    bad.divisions.push(division(
        99,
        Level::Village,
        "330106002099",
        "无主村",
        Some(12345),
        None,
    ));
    bad.signs[0].text_zh = "改了也不算".into();
    let err = store.import(&bad, &Silent).await;
    assert!(err.is_err(), "import with a dangling parent must fail");
    assert_eq!(
        loaded(store.as_ref()).await,
        before,
        "a failed import must leave the store as it was"
    );
}

async fn dropped_writer_rolls_back(store: Arc<dyn Store>) {
    let b = batch();
    let mut w = store.begin().await.expect("begin");
    w.divisions(&b.divisions).await.expect("write");
    drop(w);
    assert_eq!(store.counts().await.expect("counts").divisions(), 0);
    let mut w = store.begin().await.expect("begin");
    w.divisions(&b.divisions[..3]).await.expect("write");
    w.divisions(&b.divisions[3..])
        .await
        .expect("write in chunks");
    let stats = w.commit().await.expect("commit");
    assert_eq!(stats.divisions, 6);
    assert_eq!(store.counts().await.expect("counts").divisions(), 6);
}

macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let (store, _dir) = crate::common::sqlite().await;
                    super::$name(store).await;
                }
            )*
        }
        mod postgis {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(store) = crate::common::postgis(stringify!($name)).await else { return };
                    super::$name(store).await;
                }
            )*
        }
    };
}

contract!(
    starts_empty,
    round_trips_everything,
    import_is_idempotent_and_updates,
    failed_import_changes_nothing,
    dropped_writer_rolls_back,
);

#[tokio::test]
async fn sqlite_file_survives_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("x.sqlite").display());
    let s = diming::store::open(&url).await.expect("open");
    s.import(&batch(), &Silent).await.expect("import");
    drop(s);
    let s = diming::store::open(&url).await.expect("reopen");
    assert_eq!(s.counts().await.expect("counts").divisions(), 6);
}

#[tokio::test]
async fn postgis_columns_are_real_geometry_in_cgcs2000() {
    let Some(url) = common::postgis_url() else {
        return;
    };
    let Some(store) = common::postgis("geomcols").await else {
        return;
    };
    store.import(&batch(), &Silent).await.expect("import");
    let pool = sqlx::PgPool::connect(&url).await.expect("connect");
    let schema = format!("t_geomcols_{}", std::process::id());
    let rows: Vec<(String, String, i32, String)> = sqlx::query_as(
        "SELECT f_table_name::text, f_geometry_column::text, srid, type::text FROM geometry_columns \
         WHERE f_table_schema = $1 ORDER BY 1",
    )
    .bind(&schema)
    .fetch_all(&pool)
    .await
    .expect("geometry_columns");
    assert!(
        rows.contains(&(
            "divisions".into(),
            "geom".into(),
            4490,
            "MULTIPOLYGON".into()
        )),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| r.2 == 4490), "{rows:?}");
    let (valid, n): (i64, i64) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FILTER (WHERE ST_IsValid(geom)), COUNT(geom) FROM {schema}.divisions"
    ))
    .fetch_one(&pool)
    .await
    .expect("validity");
    assert_eq!((valid, n), (4, 4));
    let (contains,): (bool,) = sqlx::query_as(&format!(
        "SELECT ST_Contains(geom, ST_SetSRID(ST_MakePoint(120.1, 30.2), 4490)) FROM {schema}.divisions WHERE code = '330106'"
    ))
    .fetch_one(&pool)
    .await
    .expect("contains");
    assert!(contains);
}
