#!/usr/bin/env bash
# Runs the browser tests against the current debug build, without
# rebuilding, for a quick loop while working:
#   cargo leptos build && scripts/e2e.sh [playwright args, e.g. -g "ballot"]
# `make test` runs them all through `cargo leptos end-to-end` instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
smtp_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$root/.tools/venv/bin/python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$dir/mail" &
smtp_pid=$!
export PALIER_DATA_DIR="$dir/data" PALIER_ADDR="127.0.0.1:$port" PALIER_PUBLIC_URL="http://127.0.0.1:$port" \
    PALIER_E2E_URL="http://127.0.0.1:$port" PALIER_SMTP_URL="smtp://127.0.0.1:$smtp_port" E2E_MAILDIR="$dir/mail" \
    LEPTOS_SITE_ROOT="$root/target/site" PALIER_LOG="${PALIER_LOG:-warn}"
target/debug/palier serve &
server_pid=$!
trap 'kill "$server_pid" "$smtp_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
cd end2end && npx playwright test "$@"
