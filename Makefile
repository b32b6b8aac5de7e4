# Palier — the two commands of the quick start, and a few more.
#   make run    installs what is missing, builds, migrates, serves http://127.0.0.1:3000
#   make test   installs what is missing, runs every test (as CI does)
#   make bench  measures pages under load against a bare axum baseline, votes, memory
#   make lighthouse  audits every kind of page with Lighthouse (mobile)
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test bench lighthouse build check fmt clippy

run:
	scripts/ensure-tools.sh run
	cargo leptos build --release --precompress
	LEPTOS_SITE_ROOT=target/site target/release/palier serve

test:
	scripts/ensure-tools.sh test
	scripts/test.sh

bench:
	scripts/ensure-tools.sh bench
	scripts/bench.sh

lighthouse:
	scripts/ensure-tools.sh lighthouse
	scripts/lighthouse.sh

build:
	cargo leptos build

check:
	cargo check --workspace --exclude palier-frontend --all-targets
	cargo check -p palier-frontend --target wasm32-unknown-unknown

fmt:
	cargo fmt --all

clippy:
	cargo clippy --workspace --exclude palier-frontend --all-targets -- -D warnings
	cargo clippy -p palier-frontend --target wasm32-unknown-unknown -- -D warnings
