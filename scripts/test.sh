#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (PostGIS, GDAL's
# ogrinfo) when missing, makes sure PostgreSQL runs, creates a test database with the
# postgis extension, exports DIMING_TEST_DATABASE_URL, then runs fmt, clippy and tests.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
PG_VERSION="${PG_VERSION:-15}"
DB="${DIMING_TEST_DB:-diming_test}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

need_apt=()
if [ ! -f "/usr/share/postgresql/${PG_VERSION}/extension/postgis.control" ]; then
  need_apt+=("postgresql-${PG_VERSION}-postgis-3")
fi
command -v ogrinfo >/dev/null || need_apt+=(gdal-bin)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

log "PostgreSQL"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '${DB}'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE ${DB}"
fi
psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt -c "CREATE EXTENSION IF NOT EXISTS postgis" 
echo "PostGIS $(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c 'SELECT postgis_lib_version()') in database ${DB}"
export DIMING_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy"
cargo clippy --all-targets -- -D warnings

log "cargo test"
cargo test --all-targets -- --nocapture 2>&1 | tee target/test-output.log
cargo test --doc
