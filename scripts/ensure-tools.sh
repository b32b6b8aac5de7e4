#!/usr/bin/env bash
# Installs, idempotently, what `make run`, `make test` and `make bench` need on a
# Debian machine that has only the Rust toolchain. Each step is skipped when its
# tool is already there at the right version. See ../shared/TOOLCHAIN.md for why
# each workaround exists.
#
# Usage: scripts/ensure-tools.sh [run|test|bench]   (default: run)
set -euo pipefail

purpose="${1:-run}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools"

CARGO_LEPTOS_VERSION="0.3.11"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$root/Cargo.lock")"
BINARYEN_VERSION="132.0.0"
LIGHTHOUSE_VERSION="13.5.0"
AIOSMTPD_VERSION="1.4.6"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
apt_install() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${missing[*]}"
    if [ -z "$apt_updated" ]; then
        as_root apt-get update -qq
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Extracts a crate's source from the registry (downloading it if needed) and prints its path.
crate_source() {
    local name="$1" version="$2" dir
    dir="$(ls -d "$HOME"/.cargo/registry/src/*/"$name-$version" 2>/dev/null | head -n1 || true)"
    if [ -z "$dir" ]; then
        local scratch
        scratch="$(mktemp -d)"
        mkdir -p "$scratch/src"
        printf '[workspace]\n[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = "=%s"\n' \
            "$name" "$version" >"$scratch/Cargo.toml"
        touch "$scratch/src/lib.rs"
        (cd "$scratch" && cargo fetch -q)
        rm -rf "$scratch"
        dir="$(ls -d "$HOME"/.cargo/registry/src/*/"$name-$version" | head -n1)"
    fi
    printf '%s\n' "$dir"
}

ensure_wasm_target() {
    rustup target list --installed | grep -qx wasm32-unknown-unknown && return 0
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
}

ensure_cargo_leptos() {
    if cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then return 0; fi
    say "building cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes on 2 cores)"
    local src build
    src="$(crate_source cargo-leptos "$CARGO_LEPTOS_VERSION")"
    build="$(mktemp -d)/cargo-leptos" && cp -r "$src" "$build"
    # Its lockfile pins cargo-util-schemas 0.14.2, which needs a newer rustc than 1.95.
    (cd "$build" && cargo update -q -p cargo-util-schemas --precise 0.14.1 && cargo install -q --path . --locked)
    rm -rf "$build"
}

ensure_wasm_bindgen() {
    if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then return 0; fi
    say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    local src build
    src="$(crate_source wasm-bindgen-cli "$WASM_BINDGEN_VERSION")"
    build="$(mktemp -d)/wasm-bindgen-cli" && cp -r "$src" "$build"
    # 0.2.130's lockfile pins a webpki-roots that no longer builds here.
    (cd "$build" && { cargo update -q -p webpki-roots --precise 1.0.10 2>/dev/null || true; } && cargo install -q --path . --locked)
    rm -rf "$build"
}

ensure_wasm_opt() {
    # cargo-leptos would download wasm-opt from GitHub for release builds; give it npm's binaryen.
    if [ -x "$tools/node_modules/.bin/wasm-opt" ]; then return 0; fi
    say "installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
    (cd "$tools" && npm install --silent --no-audit --no-fund --prefix "$tools" "binaryen@$BINARYEN_VERSION" >/dev/null)
}

ensure_lighthouse() {
    if [ -x "$tools/node_modules/.bin/lighthouse" ]; then return 0; fi
    say "installing Lighthouse $LIGHTHOUSE_VERSION (npm)"
    (cd "$tools" && npm install --silent --no-audit --no-fund --prefix "$tools" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null)
}

ensure_node_packages() {
    if [ -d "$root/end2end/node_modules/@playwright/test" ] && [ -d "$root/end2end/node_modules/@axe-core/playwright" ] \
        && [ "$root/end2end/node_modules/.package-lock.json" -nt "$root/end2end/package-lock.json" ]; then
        return 0
    fi
    say "installing the end-to-end test packages (npm ci)"
    (cd "$root/end2end" && npm ci --silent --no-audit --no-fund >/dev/null)
}

ensure_smtp_sink() {
    if "$tools/venv/bin/python" -c "import aiosmtpd" 2>/dev/null; then return 0; fi
    say "installing aiosmtpd $AIOSMTPD_VERSION (the SMTP server the tests talk to)"
    python3 -m venv "$tools/venv"
    "$tools/venv/bin/pip" install -q "aiosmtpd==$AIOSMTPD_VERSION"
}

case "$purpose" in
    run)
        ensure_wasm_target
        ensure_cargo_leptos
        ensure_wasm_bindgen
        ensure_wasm_opt
        ;;
    test)
        ensure_wasm_target
        ensure_cargo_leptos
        ensure_wasm_bindgen
        apt_install chromium postgresql
        ensure_node_packages
        ensure_smtp_sink
        ;;
    bench)
        ensure_wasm_target
        ensure_cargo_leptos
        ensure_wasm_bindgen
        ensure_wasm_opt
        apt_install wrk
        ;;
    lighthouse)
        ensure_wasm_target
        ensure_cargo_leptos
        ensure_wasm_bindgen
        ensure_wasm_opt
        apt_install chromium
        ensure_lighthouse
        ;;
    *)
        echo "usage: $0 [run|test|bench|lighthouse]" >&2
        exit 2
        ;;
esac
