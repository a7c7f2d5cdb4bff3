#!/usr/bin/env bash
# Builds a dataset once (import + synth, per preset) and reuses it; measures generation
# time and peak memory, store sizes on disk (SQLite and PostGIS) and `serve` start-up
# time and resident memory. Prints a block to paste into BENCHMARKS.md.
#
#   scripts/bench.sh [demo|national|province:33] [--postgis] [--rebuild]
set -euo pipefail
cd "$(dirname "$0")/.."
PRESET="${1:-demo}"; shift || true
POSTGIS=0; REBUILD=0
for a in "$@"; do case "$a" in --postgis) POSTGIS=1;; --rebuild) REBUILD=1;; esac; done

command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
cargo build --release -q
DIR="var/bench-${PRESET//[:,]/_}"
URL="sqlite://$DIR/diming.sqlite"
mkdir -p "$DIR"
# A private copy, so that rebuilding while the benchmark runs does not change its binary.
BIN="$DIR/diming"
cp target/release/diming "$BIN"
measure() { # label, command…  → "label: seconds s, peak RSS MiB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" > "$DIR/$label.log" 2>&1
  read -r secs kb < "$DIR/time.txt"
  printf '%-28s %8.1f s   peak RSS %6d MiB\n' "$label" "$secs" $((kb / 1024))
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
echo "preset: $PRESET   commit: $(git rev-parse --short HEAD)"
if [ "$REBUILD" = 1 ] || [ ! -f "$DIR/diming.sqlite" ]; then
  rm -f "$DIR"/diming.sqlite*
  measure "import (sqlite)" $BIN --database-url "$URL" import
  measure "synth (sqlite)" $BIN --database-url "$URL" synth --preset "$PRESET" --seed 1
fi
printf '%-28s %8s\n' "sqlite file" "$(du -h "$DIR/diming.sqlite" | cut -f1)"
grep -E "digest|boundary|polygons|names" "$DIR/synth (sqlite).log" 2>/dev/null | sed 's/^/    /' || true

if [ "$POSTGIS" = 1 ]; then
  DB="diming_bench_${PRESET//[:,]/_}"
  psql -h 127.0.0.1 -U postgres -qAtc "DROP DATABASE IF EXISTS $DB" postgres
  psql -h 127.0.0.1 -U postgres -qAtc "CREATE DATABASE $DB" postgres
  psql -h 127.0.0.1 -U postgres -qAtc "CREATE EXTENSION postgis" "$DB"
  PG="postgres://postgres@127.0.0.1:5432/$DB"
  measure "import (postgis)" $BIN --database-url "$PG" import
  measure "synth (postgis)" $BIN --database-url "$PG" synth --preset "$PRESET" --seed 1
  printf '%-28s %8s\n' "postgis database" "$(psql -h 127.0.0.1 -U postgres -qAtc "SELECT pg_size_pretty(pg_database_size('$DB'))" postgres)"
fi

# serve start-up: time until /healthz answers 200, and RSS then.
PORT=18080
start=$(date +%s.%N)
$BIN --database-url "$URL" serve --listen 127.0.0.1:$PORT --no-auto-import > "$DIR/serve.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "127.0.0.1:$PORT/healthz"; do sleep 0.2; kill -0 $PID 2>/dev/null || { echo "serve died"; cat "$DIR/serve.log"; exit 1; }; done
end=$(date +%s.%N)
rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$PID/status)
printf '%-28s %8.1f s   RSS %6d MiB\n' "serve start-up" "$(awk -v a="$start" -v b="$end" "BEGIN{print b-a}")" "$rss"
kill $PID; wait $PID 2>/dev/null || true
