#!/usr/bin/env bash
# `make bench`: loads a release build of Palier on SQLite with wrk (a second
# process).
#
# 1. Three pages — the home page (visitor), a signed-in tenant's consultation
#    list and a results page — each next to a bare axum server that serves
#    the same bytes as a static string, in the same run, so the ratio holds
#    on a noisy machine; then each at a steady 500 requests a second (p99),
#    and the resident memory with 1 000 keep-alive connections.
# 3. Projects: the list with 10 000 projects, 200 000 supports and 50 000
#    comments in one organisation (a tenant's residence, staff's whole
#    organisation) and a project's page, next to the same bytes served
#    statically; each at 500 requests a second (p99); the similar-project
#    search over those projects (p99).
# 2. Votes: signed-in tenants cast ballots (five questions, receipt email
#    included) through the real server function, each as a different home;
#    the raw one-row insert-transaction rate of the same database file is
#    measured in the same run for comparison. Then the results page of a
#    consultation with 100 000 ballots.
#
#   BENCH_SECONDS=10 BENCH_CONNECTIONS=32 BENCH_VOTERS=60000 scripts/bench.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
seconds="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"
voters="${BENCH_VOTERS:-60000}"
palier_port=3200
baseline_port=3201
votes_port=3202
projects_port=3203
projects_baseline_port=3204

echo "building the release (cargo leptos build --release --precompress) and the baseline…" >&2
cargo leptos build --release --precompress >/dev/null 2>&1 || cargo leptos build --release --precompress
cargo build --release -q -p palier-server --example static_baseline --example bench_consultation --example paced_load \
    --example bench_projects

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

# A signed-in tenant of the demo, and the pages measured.
tenant_login="$(python3 -c 'import json, sys; a = next(a for a in json.load(open(sys.argv[1]))["accounts"] if a["role"] == "tenant"); print(a["email"] + "\t" + a["password"])' "$work/demo.json")"
published="$(python3 -c 'import json, sys; print(next(c["id"] for c in json.load(open(sys.argv[1]))["consultations"] if c["status"] == "published"))' "$work/demo.json")"
curl -fs -o /dev/null -c "$work/jar" "http://127.0.0.1:$palier_port/api/accounts/login" \
    --data-urlencode "email=${tenant_login%%$'\t'*}" --data-urlencode "password=${tenant_login#*$'\t'}"
session="$(awk '$6 ~ /palier_session/ { print $6 "=" $7 }' "$work/jar")"
[ -n "$session" ] || { echo "could not sign the demo tenant in" >&2; exit 1; }
pages=("/" "/consultations" "/consultations/$published/resultats")
names=("home page, visitor" "consultation list, tenant" "results page, tenant")
cookies=("" "$session" "$session")
files=()
for i in "${!pages[@]}"; do
    curl -fs ${cookies[$i]:+-H "Cookie: ${cookies[$i]}"} "http://127.0.0.1:$palier_port${pages[$i]}" -o "$work/page$i.html"
    files+=("$work/page$i.html")
done
target/release/examples/static_baseline "127.0.0.1:$baseline_port" "${files[@]}" &
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
    local name="$1" url="$2" cookie="$3" out
    out="$(wrk -t1 -c"$connections" -d"${seconds}s" --latency ${cookie:+-H "Cookie: $cookie"} "$url")"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    errors="$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out" | tr '\n' ' ')"
    # The table row goes to the terminal, the rate to the caller.
    printf '%-40s %10s %10s %10s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors" >&2
    echo "$rps"
}

echo
echo "wrk, 1 thread, $connections connections, ${seconds}s each"
printf '%-40s %10s %10s %10s\n' "target" "req/s" "p50 ms" "p99 ms"
ratios=()
for i in "${!pages[@]}"; do
    bytes="$(wc -c <"${files[$i]}")"
    palier_rps="$(measure "palier: ${names[$i]}" "http://127.0.0.1:$palier_port${pages[$i]}" "${cookies[$i]}")"
    baseline_rps="$(measure "  static, same $bytes bytes" "http://127.0.0.1:$baseline_port/$i" "")"
    ratios+=("$(awk -v a="$palier_rps" -v b="$baseline_rps" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')")
done
echo
for i in "${!pages[@]}"; do
    target=$([ "$i" -eq 0 ] && echo 25 || echo 15)
    awk -v n="${names[$i]}" -v r="${ratios[$i]}" -v t="$target" \
        'BEGIN { printf "%-28s %5.1f %% of the static rate (target >= %d %%: %s)\n", n, r, t, (r >= t ? "met" : "MISSED") }'
done

echo
echo "A steady 500 requests a second, ${seconds}s each, latency from the instant each request was due"
printf '%-40s %10s %10s %10s %8s\n' "page" "p50 ms" "p99 ms" "max ms" "errors"
for i in "${!pages[@]}"; do
    read -r p50 p99 max errors sent < <(target/release/examples/paced_load \
        "http://127.0.0.1:$palier_port${pages[$i]}" 500 "$seconds" "${cookies[$i]}")
    verdict=$(awk -v p="$p99" 'BEGIN { print (p <= 20 ? "met" : "MISSED") }')
    printf '%-40s %10s %10s %10s %8s  (p99 <= 20 ms: %s)\n' "${names[$i]}" "$p50" "$p99" "$max" "$errors/$sent" "$verdict"
done

echo
server_pid="${pids[0]}"
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status"; }
rss_before="$(rss_kb)"
wrk -t1 -c1000 -d"${seconds}s" "http://127.0.0.1:$palier_port/" >"$work/wrk1000" 2>&1 &
wrk_pid=$!
rss_peak=0
while kill -0 "$wrk_pid" 2>/dev/null; do
    now="$(rss_kb)"
    [ "$now" -gt "$rss_peak" ] && rss_peak="$now"
    sleep 0.2
done
awk -v b="$rss_before" -v p="$rss_peak" -v out="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$work/wrk1000")" 'BEGIN {
    printf "Resident memory with 1 000 keep-alive connections on the home page: %.1f MB at most (%.1f MB before; %s req/s) (target <= 80 MB: %s)\n",
        p / 1024, b / 1024, out, (p / 1024 <= 80 ? "met" : "MISSED") }'

# --- Votes -------------------------------------------------------------------
vote_dir="$work/votes"
mkdir -p "$vote_dir"
vote_db="sqlite://$vote_dir/palier.db?mode=rwc"
echo >&2
echo "preparing the vote benchmark: 100 000 homes, $voters signed-in voters, 100 000 ballots cast…" >&2
fixture="$(PALIER_KEY_FILE="$vote_dir/palier.key" target/release/examples/bench_consultation setup "$vote_db" 100000 "$voters" "$vote_dir/tokens")"
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$fixture" "$1"; }
results_id="$(field results_consultation)"
ballot_id="$(field ballot_consultation)"
ballot_body="$(field ballot_body)"
viewer="$(field viewer_token)"
printf '(the 100 000 ballots took %.0f s through the voting code, four writers at a time)\n' "$(field results_cast_seconds)" >&2

PALIER_DATA_DIR="$vote_dir" PALIER_ADDR="127.0.0.1:$votes_port" PALIER_PUBLIC_URL="http://127.0.0.1:$votes_port" \
    target/release/palier serve &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$votes_port/healthz" >/dev/null && break; sleep 0.1; done

raw_rate="$(target/release/examples/bench_consultation raw-inserts "$vote_db" 5)"
before="$(target/release/examples/bench_consultation count "$vote_db" "$ballot_id")"
out="$(wrk -t1 -c"$connections" -d"${seconds}s" --latency -s scripts/bench/cast_ballots.lua \
    "http://127.0.0.1:$votes_port" -- "$vote_dir/tokens" "$ballot_body" "http://127.0.0.1:$votes_port")"
after="$(target/release/examples/bench_consultation count "$vote_db" "$ballot_id")"
cast_p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
cast_p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
refused="$(awk '/Non-2xx/ { print $5 }' <<<"$out")"
accepted=$((after - before))
if [ "$requests" -gt "$voters" ]; then
    echo "warning: $requests requests for $voters voters; raise BENCH_VOTERS" >&2
fi

results_out="$(wrk -t1 -c1 -d"${seconds}s" --latency -H "Cookie: palier_session=$viewer" \
    "http://127.0.0.1:$votes_port/consultations/$results_id/resultats")"
results_rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$results_out")"
results_p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$results_out")")"
results_p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$results_out")")"
results_errors="$(awk '/Non-2xx|Socket errors/ { print }' <<<"$results_out" | tr '\n' ' ')"

echo
echo "Votes on SQLite, wrk 1 thread, $connections connections, ${seconds}s; each request is another home"
printf '%-46s %10s\n' "raw one-row insert transactions/s (same file)" "$raw_rate"
awk -v n="$accepted" -v s="$seconds" 'BEGIN { printf "%-46s %10.0f\n", "accepted ballots/s (counted in the database)", n / s }'
awk -v n="$accepted" -v s="$seconds" -v raw="$raw_rate" 'BEGIN {
    r = (raw > 0 ? 100 * n / s / raw : 0)
    printf "%-46s %9.1f%%  (target >= 50 %%: %s)\n", "ballots/s as a share of raw inserts/s", r, (r >= 50 ? "met" : "MISSED") }'
printf '%-46s %10s\n' "ballots accepted / requests sent" "$accepted / $requests"
printf '%-46s %10s\n' "refusals (should be 0)" "${refused:-0}"
printf '%-46s %10s %10s\n' "cast latency, ms" "p50 $cast_p50" "p99 $cast_p99"
echo
echo "Results page of a closed consultation with 100 000 ballots, 1 connection, ${seconds}s"
printf '%-46s %10s\n' "pages/s" "$results_rps"
printf '%-46s %10s %10s  %s\n' "latency, ms" "p50 $results_p50" "p99 $results_p99" "$results_errors"
awk -v n="$accepted" -v s="$seconds" -v p="$cast_p99" -v r="$results_p99" 'BEGIN {
    printf "\ntargets: ballots/s >= 2000: %s; cast p99 <= 100 ms: %s; results page <= 50 ms (p99): %s\n",
        (n / s >= 2000 ? "met" : "MISSED"), (p <= 100 ? "met" : "MISSED"), (r <= 50 ? "met" : "MISSED") }'

# --- Projects ----------------------------------------------------------------
projects_dir="$work/projects"
mkdir -p "$projects_dir"
projects_db="sqlite://$projects_dir/palier.db?mode=rwc"
echo >&2
echo "preparing the projects benchmark: 10 000 projects, 200 000 supports, 50 000 comments…" >&2
projects="$(target/release/examples/bench_projects setup "$projects_db")"
pfield() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$projects" "$1"; }
printf '(prepared in %.0f s)\n' "$(pfield setup_seconds)" >&2
PALIER_DATA_DIR="$projects_dir" PALIER_ADDR="127.0.0.1:$projects_port" PALIER_PUBLIC_URL="http://127.0.0.1:$projects_port" \
    target/release/palier serve &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$projects_port/healthz" >/dev/null && break; sleep 0.1; done
tenant_cookie="palier_session=$(pfield tenant_token)"
staff_cookie="palier_session=$(pfield staff_token)"
ppages=("/projets" "/projets?sort=most_supported&page=20" "/projets/$(pfield project)")
pnames=("projects list, tenant (1 000 projects)" "projects list, staff (10 000), page 20" "project page, tenant")
pcookies=("$tenant_cookie" "$staff_cookie" "$tenant_cookie")
pfiles=()
for i in "${!ppages[@]}"; do
    curl -fs -H "Cookie: ${pcookies[$i]}" "http://127.0.0.1:$projects_port${ppages[$i]}" -o "$work/project$i.html"
    pfiles+=("$work/project$i.html")
done
target/release/examples/static_baseline "127.0.0.1:$projects_baseline_port" "${pfiles[@]}" &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$projects_baseline_port/" >/dev/null && break; sleep 0.1; done
echo
echo "Projects, wrk 1 thread, $connections connections, ${seconds}s each"
printf '%-40s %10s %10s %10s\n' "target" "req/s" "p50 ms" "p99 ms"
for i in "${!ppages[@]}"; do
    bytes="$(wc -c <"${pfiles[$i]}")"
    palier_rps="$(measure "palier: ${pnames[$i]}" "http://127.0.0.1:$projects_port${ppages[$i]}" "${pcookies[$i]}")"
    baseline_rps="$(measure "  static, same $bytes bytes" "http://127.0.0.1:$projects_baseline_port/$i" "")"
    awk -v n="${pnames[$i]}" -v a="$palier_rps" -v b="$baseline_rps" \
        'BEGIN { printf "%-40s %5.1f %% of the static rate\n", n, (b > 0 ? 100 * a / b : 0) }' >&2
done
echo
echo "Projects at a steady 500 requests a second, ${seconds}s each"
printf '%-40s %10s %10s %10s %8s\n' "page" "p50 ms" "p99 ms" "max ms" "errors"
for i in "${!ppages[@]}"; do
    read -r p50 p99 max errors sent < <(target/release/examples/paced_load \
        "http://127.0.0.1:$projects_port${ppages[$i]}" 500 "$seconds" "${pcookies[$i]}")
    verdict=$(awk -v p="$p99" 'BEGIN { print (p <= 20 ? "met" : "MISSED") }')
    printf '%-40s %10s %10s %10s %8s  (p99 <= 20 ms: %s)\n' "${pnames[$i]}" "$p50" "$p99" "$max" "$errors/$sent" "$verdict"
done
read -r search_p50 search_p99 < <(target/release/examples/bench_projects similar "$projects_db" 2000)
echo
awk -v a="$search_p50" -v b="$search_p99" 'BEGIN {
    printf "Similar-project search over 10 000 projects (2 000 searches, one at a time): p50 %s ms, p99 %s ms (p99 <= 10 ms: %s)\n",
        a, b, (b <= 10 ? "met" : "MISSED") }'
