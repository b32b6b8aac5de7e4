#!/usr/bin/env bash
# `make bench`: loads a release build of Palier on a seeded SQLite database with
# wrk (a second process), next to a bare axum server that serves the same bytes
# as a static string, in the same run, so the ratio holds on a noisy machine.
#
#   BENCH_SECONDS=10 BENCH_CONNECTIONS=32 scripts/bench.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
seconds="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"
palier_port=3200
baseline_port=3201

echo "building the release (cargo leptos build --release --precompress) and the baseline…" >&2
cargo leptos build --release --precompress >/dev/null 2>&1 || cargo leptos build --release --precompress
cargo build --release -q -p palier-server --example static_baseline

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

export PALIER_DATA_DIR="$work/data" PALIER_LOG=warn LEPTOS_SITE_ROOT=target/site
target/release/palier seed-demo --json >"$work/demo.json"
PALIER_ADDR="127.0.0.1:$palier_port" target/release/palier serve &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$palier_port/healthz" >/dev/null && break; sleep 0.1; done

curl -fs "http://127.0.0.1:$palier_port/" -o "$work/home.html"
target/release/examples/static_baseline "127.0.0.1:$baseline_port" "$work/home.html" &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$baseline_port/" >/dev/null && break; sleep 0.1; done

# wrk prints latency percentiles with --latency; convert them to milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
        else { printf "%s", v } }'
}
measure() {
    local name="$1" url="$2" out
    out="$(wrk -t1 -c"$connections" -d"${seconds}s" --latency "$url")"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    errors="$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out" | tr '\n' ' ')"
    # The table row goes to the terminal, the rate to the caller.
    printf '%-34s %10s %10s %10s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors" >&2
    echo "$rps"
}

echo
echo "wrk, 1 thread, $connections connections, ${seconds}s each; page of $(wc -c <"$work/home.html") bytes"
printf '%-34s %10s %10s %10s\n' "target" "req/s" "p50 ms" "p99 ms"
palier_rps="$(measure "palier: GET / (home page)" "http://127.0.0.1:$palier_port/")"
baseline_rps="$(measure "bare axum: same bytes, static" "http://127.0.0.1:$baseline_port/")"
awk -v a="$palier_rps" -v b="$baseline_rps" 'BEGIN { if (b > 0) printf "\nPalier serves the home page at %.1f%% of the static baseline'"'"'s rate.\n", 100 * a / b }'
