//! `diming synth`: generate the synthetic national (or regional) dataset into the store.

use anyhow::Context;

use crate::services::synth::{self, Scope, SynthOptions};
use crate::store;

use super::bars::Bars;
use super::config::Config;

/// Arguments of `diming synth`.
#[derive(Debug, Clone, clap::Args)]
pub struct SynthArgs {
    /// Seed: the same seed over the same store gives byte-identical data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// national, demo (北京 + 浙江) or province:33[,44…]
    #[arg(long, default_value = "national")]
    pub preset: String,
    /// Generated place names [default: 14,000,000 national, 100,000 otherwise]
    #[arg(long)]
    pub names: Option<u64>,
    /// Signs [default: 3,000,000 national, 20,000 otherwise]
    #[arg(long)]
    pub signs: Option<u64>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

impl SynthArgs {
    /// Resolves the options (defaults depend on the preset).
    pub fn options(&self, bundle: &std::path::Path) -> anyhow::Result<SynthOptions> {
        let scope = Scope::preset(&self.preset)?;
        let national = scope == Scope::National;
        Ok(SynthOptions {
            seed: self.seed,
            nbs_dir: bundle.join("nbs-2023"),
            names: self
                .names
                .unwrap_or(if national { 14_000_000 } else { 100_000 }),
            signs: self
                .signs
                .unwrap_or(if national { 3_000_000 } else { 20_000 }),
            scope,
        })
    }
}

/// Runs the generator against the configured store.
pub async fn run(config: Config, args: SynthArgs) -> anyhow::Result<()> {
    let opts = args.options(&config.bundle)?;
    let store = store::open(&config.database_url)
        .await
        .with_context(|| format!("opening store {}", store::redact(&config.database_url)))?;
    let (report, _) = synth::run(store.as_ref(), &opts, &Bars::default()).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{report}");
    }
    Ok(())
}
