#!/usr/bin/env bash
# Every test of Palier, as `make test` and CI run them:
#   formatting, clippy (server and browser builds), domain/backend/HTTP tests
#   on SQLite, the backend and HTTP tests again on PostgreSQL, then the
#   Playwright suite in headless Chromium with axe-core.
# Prerequisites come from scripts/ensure-tools.sh test.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-always}"

started=$SECONDS
step() { printf '\n\033[1m### %s (at %ss)\033[0m\n' "$*" "$((SECONDS - started))"; }

# A clean clone measured 14 GB of builds (9 GB without incremental caches,
# as CI runs) and 1 GB of PostgreSQL data: warn before running out of disk.
free_gb="$(df --output=avail -BG "$root" | tail -n1 | tr -dc 0-9)"
if [ "${free_gb:-0}" -lt 15 ]; then
    echo "warning: only ${free_gb} GB free on this disk; a clean build and the tests need up to 15 GB" >&2
fi

step "formatting"
cargo fmt --all --check

step "clippy, server build (ssr)"
cargo clippy --workspace --exclude palier-frontend --all-targets -- -D warnings

step "clippy, browser build (hydrate, wasm32)"
cargo clippy -p palier-frontend --target wasm32-unknown-unknown -- -D warnings

step "tests on SQLite"
cargo test --workspace --exclude palier-frontend

step "backend and HTTP tests on PostgreSQL"
pg_dir="$(mktemp -d)"
trap 'scripts/pg.sh stop "$pg_dir"' EXIT
TEST_DATABASE_URL="$(scripts/pg.sh start "$pg_dir")"
export TEST_DATABASE_URL
cargo test -p palier-backend -p palier-server
scripts/pg.sh stop "$pg_dir"
unset TEST_DATABASE_URL
trap - EXIT

step "browser tests (Playwright, Chromium, axe-core)"
e2e_dir="$(mktemp -d)"
smtp_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# A real SMTP server receives the emails the journeys need (verification, invitations).
"$root/.tools/venv/bin/python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$e2e_dir/mail" &
smtp_pid=$!
trap 'kill "$smtp_pid" 2>/dev/null; rm -rf "$e2e_dir"' EXIT
PALIER_DATA_DIR="$e2e_dir/data" PALIER_ADDR=127.0.0.1:3100 PALIER_PUBLIC_URL=http://127.0.0.1:3100 \
    PALIER_E2E_URL=http://127.0.0.1:3100 PALIER_SMTP_URL="smtp://127.0.0.1:$smtp_port" E2E_MAILDIR="$e2e_dir/mail" \
    PALIER_LOG="${PALIER_LOG:-warn}" cargo leptos end-to-end

step "all tests passed in $((SECONDS - started))s"
