# syntax=docker/dockerfile:1
# Production image of the btg-funds API.
#   docker build -t btg-funds-api:<tag> .
# scripts/assemble-production.sh performs the same assembly without Docker (CI smoke test),
# and the runtime layout is produced by that same script (`layout` mode) so the two cannot drift.

ARG NODE_IMAGE=node:24.21.0-slim

# ---- build: full workspace install, compile, then drop dev dependencies -------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
# The lockfile and package.json (allowScripts) are written for this npm.
RUN npm install --global npm@11.19.1
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npx turbo run build --output-logs=errors-only
RUN npm prune --omit=dev
RUN bash scripts/assemble-production.sh layout /out

# ---- runtime: compiled output + production node_modules, read-only, non-root --------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# CA bundle for TLS to Amazon DocumentDB (the connection URI names it in tlsCAFile).
ADD --chmod=0644 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /app/certs/global-bundle.pem
# Owned by root, run as `node` (uid 1000): the process cannot modify its own code.
COPY --from=build /out/ /app/
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# A 16 MB semi-space: the young generation V8 gives the 1 GB task, whatever memory the host shows (ADR 0712).
CMD ["node", "--max-semi-space-size=16", "apps/api/dist/main.js"]
