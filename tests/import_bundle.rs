//! Importing real data twice changes nothing (ids are stable through natural keys),
//! on both stores.

mod common;

use diming::ingest::bundle::Bundle;
use diming::progress::Silent;
use diming::store::Store;

async fn twice(store: &dyn Store) {
    let dir = common::fixture_bundle(&["33", "35"]);
    let bundle = Bundle::open(dir.path()).expect("bundle");
    let first = diming::services::import::import(store, &bundle, &Silent)
        .await
        .expect("first import");
    assert!(
        first.change_events > 5,
        "Zhejiang and Fujian have real 2021-2023 changes"
    );
    let keys = store.division_keys().await.expect("keys");
    let counts = store.counts().await.expect("counts");
    let events = store.load_change_events().await.expect("events");
    diming::services::import::import(store, &bundle, &Silent)
        .await
        .expect("second import");
    assert_eq!(store.division_keys().await.expect("keys"), keys);
    assert_eq!(store.counts().await.expect("counts"), counts);
    assert_eq!(store.load_change_events().await.expect("events"), events);
    assert!(
        keys.contains_key("GB2260:350427"),
        "沙县 kept under its GB/T 2260 key"
    );
    assert!(keys.contains_key("NBS_STAT:350405"));
}

#[tokio::test]
async fn reimport_is_idempotent_on_sqlite() {
    let (store, _dir) = common::sqlite().await;
    twice(store.as_ref()).await;
}

#[tokio::test]
async fn reimport_is_idempotent_on_postgis() {
    let Some(store) = common::postgis("reimport").await else {
        return;
    };
    twice(store.as_ref()).await;
}
