# Rapport's production image. Build: `podman build -t rapport .` (or `docker build -t rapport .`).
# Dockerfile is an identical copy of this file (tests/deploy/containerfile.test.ts keeps it so).
#
# BASE must have glibc 2.38 or newer so the embedded database runs without fetching a newer
# glibc at run time: the official Node images on Debian 13 ("trixie", glibc 2.41) do; the
# bookworm ones (glibc 2.36) do not.
ARG BASE=node:22-trixie-slim

# 1. Build: every dependency, the TypeScript compiled, the widget bundled.
FROM ${BASE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts
COPY tsconfig.json rollup.config.mjs ./
COPY bench/size.mjs bench/size.mjs
COPY contract contract
COPY api api
COPY widget widget
RUN npm run build

# 2. The production dependencies alone (no install scripts: none of them has one, and the
# project's own `prepare` would build again).
FROM ${BASE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

# 3. What runs: the compiled server and widget with production dependencies, as a user of its own.
FROM ${BASE}
ARG BASE
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="Rapport" \
      org.opencontainers.image.description="Self-hosted blog comments built around answering readers" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="${BASE}"
RUN useradd --system --user-group --home-dir /home/rapport --create-home --shell /usr/sbin/nologin rapport \
 && mkdir -p /data && chown rapport:rapport /data
WORKDIR /app
COPY --from=dependencies /app/node_modules node_modules
COPY --from=build /src/dist dist
COPY package.json ./
RUN ln -s /app/dist/api/cli/rapport.js /usr/local/bin/rapport
ENV HOST=0.0.0.0 PORT=8080 DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER rapport
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Exec form: node is PID 1 and gets SIGTERM itself; the server drains and exits 0 within 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "dist/api/main.js"]
