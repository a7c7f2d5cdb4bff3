//! Configuration: defaults < `diming.toml` < `DIMING_*` environment < command-line flags.
//!
//! Raw values from the three sources are merged into [`Config`] once, validated, and
//! unknown keys in the file are warned about.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file's shape; every key optional.
#[derive(Debug, Default, Deserialize)]
pub struct FileConfig {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub bundle: Option<PathBuf>,
    pub log_format: Option<String>,
    pub auto_import: Option<bool>,
    pub first_start_synth: Option<String>,
}

const KNOWN_KEYS: [&str; 7] = [
    "first_start_synth",
    "listen",
    "data_dir",
    "database_url",
    "bundle",
    "log_format",
    "auto_import",
];

/// Values given on the command line or in the environment (clap merges those two).
#[derive(Debug, Default, Clone, clap::Args)]
pub struct CommonArgs {
    /// Configuration file [default: ./diming.toml when it exists]
    #[arg(long, env = "DIMING_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Store URL: sqlite://PATH or postgres://… [default: sqlite under the data directory]
    #[arg(long, env = "DIMING_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Directory for the embedded store and other state [default: ./var]
    #[arg(long, env = "DIMING_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Dataset directory to import [default: the bundled ./data]
    #[arg(long, env = "DIMING_BUNDLE", global = true)]
    pub bundle: Option<PathBuf>,
    /// Log format: text or json [default: text]
    #[arg(long, env = "DIMING_LOG_FORMAT", global = true)]
    pub log_format: Option<String>,
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// The resolved, validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub bundle: PathBuf,
    pub log_format: LogFormat,
    pub auto_import: bool,
    /// Synthetic preset generated after the first import (`demo` by default; `none` to
    /// skip), so a fresh `serve` answers at village level.
    pub first_start_synth: Option<String>,
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read configuration file {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("configuration file {0} is not valid TOML: {1}")]
    Parse(PathBuf, String),
    #[error("invalid value for {key}: {message}")]
    Invalid { key: &'static str, message: String },
}

fn load_file(explicit: Option<&Path>) -> Result<(FileConfig, Vec<String>), ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None if Path::new("diming.toml").exists() => PathBuf::from("diming.toml"),
        None => return Ok((FileConfig::default(), Vec::new())),
    };
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Read(path.clone(), e))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| ConfigError::Parse(path.clone(), e.to_string()))?;
    let unknown = table
        .keys()
        .filter(|k| !KNOWN_KEYS.contains(&k.as_str()))
        .map(|k| format!("{}: unknown key {k:?} ignored", path.display()))
        .collect();
    let file: FileConfig = table
        .try_into()
        .map_err(|e: toml::de::Error| ConfigError::Parse(path.clone(), e.to_string()))?;
    Ok((file, unknown))
}

/// The bundled dataset: `./data` when run from the repository, else the crate's own.
fn default_bundle() -> PathBuf {
    let local = PathBuf::from("data");
    if local.join("nbs-2023").exists() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
    }
}

impl Config {
    /// Resolves the configuration; returns it with warnings to log once logging is up.
    pub fn resolve(
        args: &CommonArgs,
        listen: Option<&str>,
        no_auto_import: bool,
    ) -> Result<(Config, Vec<String>), ConfigError> {
        let (file, warnings) = load_file(args.config.as_deref())?;
        let listen_s = listen
            .map(str::to_string)
            .or(file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen = listen_s.parse().map_err(|_| ConfigError::Invalid {
            key: "listen",
            message: format!("{listen_s:?} is not an address like 127.0.0.1:8080"),
        })?;
        let data_dir = args
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("var"));
        let database_url = args
            .database_url
            .clone()
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("diming.sqlite").display()));
        let log_format = match args
            .log_format
            .clone()
            .or(file.log_format)
            .as_deref()
            .unwrap_or("text")
        {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(ConfigError::Invalid {
                    key: "log_format",
                    message: format!("{other:?}; use text or json"),
                })
            }
        };
        Ok((
            Config {
                listen,
                data_dir,
                database_url,
                bundle: args
                    .bundle
                    .clone()
                    .or(file.bundle)
                    .unwrap_or_else(default_bundle),
                log_format,
                auto_import: !no_auto_import && file.auto_import.unwrap_or(true),
                first_start_synth: match file.first_start_synth.as_deref() {
                    Some("none") => None,
                    Some(p) => Some(p.to_string()),
                    None => Some("demo".to_string()),
                },
            },
            warnings,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_precedence() {
        let args = CommonArgs {
            config: None,
            database_url: Some("postgres://x/y".into()),
            ..Default::default()
        };
        let (c, _) = Config::resolve(&args, Some("0.0.0.0:9000"), false).unwrap();
        assert_eq!(c.listen.port(), 9000);
        assert_eq!(c.database_url, "postgres://x/y");
        assert!(c.auto_import);
        let bad = Config::resolve(&CommonArgs::default(), Some("nope"), false);
        assert!(matches!(
            bad,
            Err(ConfigError::Invalid { key: "listen", .. })
        ));
    }

    #[test]
    fn file_with_unknown_key_warns() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.toml");
        std::fs::write(&p, "listen = \"127.0.0.1:1234\"\ncolour = \"blue\"\n").unwrap();
        let args = CommonArgs {
            config: Some(p),
            ..Default::default()
        };
        let (c, warnings) = Config::resolve(&args, None, false).unwrap();
        assert_eq!(c.listen.port(), 1234);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("colour"));
    }
}
