//! End to end: the built `diming` binary, a fresh data directory, the full bundled
//! dataset, real sockets. This is the README's first command as a user runs it.

mod common;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

fn start(data_dir: &std::path::Path, database_url: Option<&str>) -> Server {
    let port = free_port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_diming"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "--data-dir",
            &data_dir.display().to_string(),
            "serve",
            "--listen",
        ])
        .arg(format!("127.0.0.1:{port}"))
        .env_remove("DIMING_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    if let Some(url) = database_url {
        cmd.args(["--database-url", url]);
    }
    let child = cmd.spawn().expect("spawn diming serve");
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(600);
    while Instant::now() < deadline {
        if let Ok((200, _)) = http_get(&format!("{}/healthz", server.base)) {
            return server;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!("diming serve did not become healthy within 10 minutes");
}

/// A minimal HTTP/1.1 GET over a raw socket, so the test needs no HTTP client crate.
fn http_get(url: &str) -> std::io::Result<(u16, Value)> {
    use std::io::{Read, Write};
    let rest = url.trim_start_matches("http://");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut s = std::net::TcpStream::connect(host)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let text = String::from_utf8_lossy(&buf);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split("\r\n\r\n").nth(1).unwrap_or("");
    let body = if text
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    Ok((status, serde_json::from_str(&body).unwrap_or(Value::Null)))
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some(i) = s.find("\r\n") {
        let n = usize::from_str_radix(s[..i].trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&s[i + 2..i + 2 + n]);
        s = &s[i + 2 + n + 2..];
    }
    out
}

fn check_acceptance(base: &str) {
    let (s, d) = http_get(&format!("{base}/v1/divisions/330106")).expect("get 330106");
    assert_eq!(s, 200);
    assert_eq!(d["name"], "西湖区");
    assert_eq!(d["chain"][0]["name"], "浙江省");
    assert_eq!(d["chain"][1]["name"], "杭州市");
    assert_eq!(d["geometry"]["type"], "MultiPolygon");

    let (s, d) = http_get(&format!("{base}/v1/divisions/110101001001")).expect("get village");
    assert_eq!(s, 200);
    assert_eq!(d["name"], "多福巷社区居委会");
    let chain: Vec<&str> = d["chain"]
        .as_array()
        .expect("chain")
        .iter()
        .map(|c| c["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(chain, ["北京市", "市辖区", "东城区", "东华门街道"]);
    // The first start also generates the demo dataset (北京 + 浙江), labelled synthetic,
    // so villages have polygons out of the box.
    assert_eq!(d["geometry"]["type"], "MultiPolygon");
    assert_eq!(d["geometry_source"], "synthetic");
    assert_eq!(d["source"], "real");

    let (s, e) = http_get(&format!("{base}/v1/divisions/12ab")).expect("get bad");
    assert_eq!(s, 400);
    assert_eq!(e["error"]["code"], "invalid_code");

    // 沙县 350427 became 沙县区 350405: both directions of as_of.
    let (s, d) = http_get(&format!("{base}/v1/divisions/350427?as_of=2020-01-01")).expect("old");
    assert_eq!((s, d["name"].as_str()), (200, Some("沙县")));
    let (s, d) = http_get(&format!("{base}/v1/divisions/350405?as_of=2024-01-01")).expect("new");
    assert_eq!((s, d["name"].as_str()), (200, Some("沙县区")));
    let (s, e) =
        http_get(&format!("{base}/v1/divisions/350405?as_of=2020-01-01")).expect("not yet");
    assert_eq!(
        (s, e["error"]["code"].as_str()),
        (404, Some("division_not_yet_valid"))
    );

    let (s, h) = http_get(&format!("{base}/healthz")).expect("health");
    assert_eq!(s, 200);
    // 665,276 NBS 2023 units + 20 retired GB/T 2260 (2021) counties kept as history.
    assert_eq!(h["snapshot"]["divisions"], 665_296);
}

#[test]
fn serve_imports_the_bundle_into_sqlite_on_first_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = start(dir.path(), None);
    check_acceptance(&server.base);
    drop(server);
    // Second start: the store is not empty, nothing is imported again.
    let server = start(dir.path(), None);
    check_acceptance(&server.base);
}

#[test]
fn serve_imports_into_postgis_and_gdal_reads_the_tables() {
    let Some(url) = common::postgis_url() else {
        return;
    };
    let db = format!("diming_e2e_{}", std::process::id());
    let psql = |sql: &str, dbname: &str| {
        let out = Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                dbname,
                "-v",
                "ON_ERROR_STOP=1",
                "-qAtc",
                sql,
            ])
            .output()
            .expect("psql");
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    psql(&format!("DROP DATABASE IF EXISTS {db}"), "postgres");
    psql(&format!("CREATE DATABASE {db}"), "postgres");
    psql("CREATE EXTENSION postgis", &db);
    let e2e_url = match url.rfind('/') {
        Some(i) => format!("{}/{db}", &url[..i]),
        None => panic!("unexpected DIMING_TEST_DATABASE_URL {url}"),
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let server = start(dir.path(), Some(&e2e_url));
    check_acceptance(&server.base);
    drop(server);

    let out = Command::new("ogrinfo")
        .args([
            "-ro",
            "-so",
            &format!("PG:host=127.0.0.1 user=postgres dbname={db}"),
            "divisions",
        ])
        .output()
        .unwrap_or_else(|e| {
            panic!("ogrinfo (gdal-bin) must be installed; scripts/test.sh installs it: {e}")
        });
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Feature Count: 665296"), "{text}");
    assert!(text.contains("Multi Polygon"), "{text}");
    assert!(
        text.contains("4490") || text.contains("China Geodetic Coordinate System 2000"),
        "{text}"
    );
    psql(
        &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        "postgres",
    );
}
