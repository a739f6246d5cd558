# The two commands of the README, and a few conveniences.
.PHONY: serve test build

## Run the service on 127.0.0.1:3000 with SQLite (no credentials needed).
serve:
	cargo run --release -- serve

## Every check CI makes: fmt, clippy, all tests on SQLite and Postgres.
test:
	./scripts/check

build:
	cargo build --release
