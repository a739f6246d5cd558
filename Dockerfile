# syntax=docker/dockerfile:1
# StreamMaxing in a container: `streammaxing serve` with the web app
# embedded, as a non-root user on a distroless base (glibc and CA
# certificates, no shell). SQLite lives in the /data volume unless
# DATABASE_URL points at Postgres (compose.yaml does). README: "Run it in a
# container".

# The web app: the same script `make build` runs.
FROM node:20.20.2-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
WORKDIR /src
COPY scripts/build-frontend scripts/build-frontend
COPY frontend frontend
RUN ./scripts/build-frontend

# The binary: release builds embed frontend/dist (src/web/assets.rs).
# Debian 12's glibc here and in the runtime image.
FROM rust:1.95.0-bookworm AS build
WORKDIR /src
COPY . .
COPY --from=web /src/frontend/dist frontend/dist
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin streammaxing \
    && install -D -m 755 target/release/streammaxing /out/streammaxing \
    && mkdir -p /out/data

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/streammaxing /usr/local/bin/streammaxing
# A new named volume starts as a copy of this directory: owned by nonroot.
COPY --from=build --chown=65532:65532 /out/data /data
ENV DATABASE_URL=sqlite:///data/streammaxing.db \
    BIND_ADDR=0.0.0.0:3000
WORKDIR /data
VOLUME /data
EXPOSE 3000
USER 65532:65532
# `streammaxing health` asks serve's /api/health/live on loopback (there is
# no curl here); a hung serve fails it within 3 s.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["streammaxing", "health"]
# serve migrates on start and stops gracefully on SIGTERM (docker stop).
STOPSIGNAL SIGTERM
ENTRYPOINT ["streammaxing"]
CMD ["serve"]
