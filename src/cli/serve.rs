//! `diming serve`: open the store, import the bundled data on first start, serve.

use std::sync::Arc;

use anyhow::Context;

use crate::engine::SnapshotHandle;
use crate::http::{router, AppState};
use crate::ingest::bundle::Bundle;
use crate::services;
use crate::store;

use super::bars::Bars;
use super::config::Config;

/// Runs the server until Ctrl-C or SIGTERM, then drains in-flight requests.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let store = store::open(&config.database_url)
        .await
        .with_context(|| format!("opening store {}", store::redact(&config.database_url)))?;
    let counts = store.counts().await?;
    tracing::info!(
        backend = store.backend().as_str(),
        divisions = counts.divisions(),
        place_names = counts.place_names,
        "store opened"
    );
    if counts.divisions() == 0 {
        if config.auto_import {
            tracing::info!(bundle = %config.bundle.display(), "empty store: importing the bundled dataset");
            let bundle = Bundle::open(&config.bundle)?;
            let report =
                services::import::import(store.as_ref(), &bundle, &Bars::default()).await?;
            eprintln!("{report}");
            if let Some(preset) = &config.first_start_synth {
                tracing::info!(
                    preset,
                    "generating the synthetic demo dataset (labelled synthetic)"
                );
                let opts = services::synth::SynthOptions {
                    seed: 1,
                    nbs_dir: config.bundle.join("nbs-2023"),
                    scope: services::synth::Scope::preset(preset)?,
                    names: 100_000,
                    signs: 20_000,
                };
                let (report, _) =
                    services::synth::run(store.as_ref(), &opts, &Bars::default()).await?;
                eprintln!("{report}");
            }
        } else {
            tracing::warn!("the store is empty and auto_import is off: serving no data");
        }
    }
    let snapshot = services::snapshot::load(store.as_ref(), 1, &Bars::default()).await?;
    let state = AppState::new(Arc::new(SnapshotHandle::new(snapshot)), store);
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("binding {}", config.listen))?;
    tracing::info!(address = %config.listen, "listening");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("shut down");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutdown requested; finishing in-flight requests");
}
