//! The `diming` command line: `serve` and `import`.

mod bars;
pub mod config;
mod import;
mod serve;
mod synth;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use config::{CommonArgs, Config, LogFormat};

/// diming (地名): China's standard place names and administrative boundaries.
#[derive(Debug, Parser)]
#[command(name = "diming", version, about)]
pub struct Cli {
    #[command(flatten)]
    common: CommonArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP service (imports the bundled dataset into an empty store first).
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080]
        #[arg(long, env = "DIMING_LISTEN")]
        listen: Option<String>,
        /// Do not import the bundled dataset when the store is empty.
        #[arg(long)]
        no_auto_import: bool,
    },
    /// Import a dataset directory (default: the bundled data) and print a data-quality report.
    Import {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Generate synthetic township/village polygons, boundary lines, markers, names and
    /// signs (labelled synthetic) inside the imported real data.
    Synth(synth::SynthArgs),
}

fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_env("DIMING_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let (listen, no_auto) = match &cli.command {
        Command::Serve {
            listen,
            no_auto_import,
        } => (listen.as_deref(), *no_auto_import),
        Command::Import { .. } | Command::Synth(_) => (None, false),
    };
    let (config, warnings) = match Config::resolve(&cli.common, listen, no_auto) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("diming: {e}");
            return ExitCode::from(2);
        }
    };
    init_logging(config.log_format);
    for w in warnings {
        tracing::warn!("{w}");
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("diming: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve { .. } => serve::run(config).await,
            Command::Import { json } => import::run(config, json).await,
            Command::Synth(args) => synth::run(config, args).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("diming: {e:#}");
            ExitCode::FAILURE
        }
    }
}
