//! `diming import`: load a dataset directory and print the data-quality report.

use anyhow::Context;

use crate::ingest::bundle::Bundle;
use crate::services;
use crate::store;

use super::bars::Bars;
use super::config::Config;

/// Imports `config.bundle` into the configured store.
pub async fn run(config: Config, json: bool) -> anyhow::Result<()> {
    let bundle = Bundle::open(&config.bundle)?;
    let store = store::open(&config.database_url)
        .await
        .with_context(|| format!("opening store {}", store::redact(&config.database_url)))?;
    let report = services::import::import(store.as_ref(), &bundle, &Bars::default()).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{report}");
    }
    Ok(())
}
