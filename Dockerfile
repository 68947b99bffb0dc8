# syntax=docker/dockerfile:1
#
# Marsad: ONE image for the four services (admin, enricher, indexer, alerter) and the bootstrap
# job. The service is chosen at run time, not at build time:
#
#   docker run -e MARSAD_SERVICE=enricher marsad:0.1.0     # env var (compose, k8s)
#   docker run marsad:0.1.0 indexer                         # or the first argument
#   docker run marsad:0.1.0 bootstrap                       # topics + ES template + Kibana objects
#
# -> `node dist/apps/$MARSAD_SERVICE/src/main.js` (see deploy/docker/entrypoint.sh). One image means
# one build, one scan, one tag to promote, and the four services always run the same libs (the
# enrichment version, the contracts). docs/decisions/0007-packaging.md explains the choice.
#
# Build:  docker build -t marsad:0.1.0 .
# Base image: pin it by digest in your registry mirror for reproducible builds, e.g.
#   docker build --build-arg NODE_IMAGE=node:20-bookworm-slim@sha256:<digest> .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- 1. all dependencies (dev included) for the TypeScript build ------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
# --ignore-scripts: no dependency needs an install script at run time (msgpackr-extract ships
# prebuilt binaries and falls back to pure JS); this also keeps analytics post-install hooks out.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts

# ---- 2. build: tsc + tsc-alias -> dist/apps/<app>/src/main.js, dist/tools/cli/*.js ------------
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
COPY tools ./tools
RUN npm run build \
 && for app in admin enricher indexer alerter; do test -f "dist/apps/$app/src/main.js" || { echo "missing dist/apps/$app/src/main.js" >&2; exit 1; }; done \
 && test -f dist/tools/cli/topics.js

# ---- 3. production dependencies only ----------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts

# ---- 4. runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="marsad" \
      org.opencontainers.image.description="Marsad media monitoring: admin, enricher, indexer, alerter (MARSAD_SERVICE selects one)" \
      org.opencontainers.image.source="https://example.invalid/marsad"
WORKDIR /app
# HOST=0.0.0.0: the services default to 127.0.0.1 (right for a laptop, wrong in a container).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    MARSAD_SERVICE=admin \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# Files are owned by root and read-only for the app user: the container runs with a read-only root
# filesystem in k8s (only /tmp is writable, an emptyDir / tmpfs).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The actor knowledge base is read at start from libs/kb/data (found by walking up from dist/).
COPY libs/kb/data ./libs/kb/data
# Saved objects + importer for the bootstrap job, and the entrypoint.
COPY deploy/kibana/marsad.ndjson deploy/kibana/import-saved-objects.mjs ./deploy/kibana/
COPY deploy/docker/entrypoint.sh /usr/local/bin/marsad-entrypoint
RUN chmod 0755 /usr/local/bin/marsad-entrypoint
# Numeric UID/GID (the image's `node` user) so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 8080 8081 8082 8083
# Liveness of whichever service runs: slim images have no curl, so Node's fetch does it. The port
# is $PORT, else the service's default (admin 8080, enricher 8081, indexer 8082, alerter 8083).
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "const d={admin:8080,enricher:8081,indexer:8082,alerter:8083};const p=process.env.PORT||d[process.env.MARSAD_SERVICE]||8080;fetch('http://127.0.0.1:'+p+'/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/marsad-entrypoint"]
CMD []
