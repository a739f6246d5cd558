# The two commands of the README, and a few conveniences.
.PHONY: serve test build

## Run the service on 127.0.0.1:3000 with SQLite (no credentials needed).
serve:
	./scripts/build-frontend
	cargo run --release -- serve

## Every check CI makes: the web app's build and tests, template.yaml, the
## Lambda build, fmt, clippy, and all tests on SQLite and Postgres (including
## the browser tests in Chromium and the Lambda emulator tests).
test:
	./scripts/check

build:
	./scripts/build-frontend
	cargo build --release
