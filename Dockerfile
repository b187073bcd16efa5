# syntax=docker/dockerfile:1
# Twilight: build with `docker build -t twilight .` or, with no Docker at hand,
# `az acr build --registry <registry> --image twilight:<tag> .` (docs/deploy.md).

# ---- build: compile TypeScript to dist/ --------------------------------------------------
FROM node:22-bookworm AS build
WORKDIR /app
# .npmrc says yes=true: botbuilder-dialogs' postinstall runs npx, which must not stop to ask.
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- prod-deps: production dependencies only -----------------------------------------------
# better-sqlite3 builds from source (no prebuilt binary can be downloaded), so this stage has
# python3, make and g++. Same Debian release and Node major as the runtime stage, so the
# compiled addon matches the runtime's glibc and Node ABI.
FROM node:22-bookworm AS prod-deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

# ---- runtime: slim image, non-root -------------------------------------------------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --chown=node:node --from=prod-deps /app/node_modules ./node_modules
COPY --chown=node:node --from=build /app/dist ./dist
# The embedded store's directory (STORE=embedded); in Azure the app uses Cosmos DB instead.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# No curl in the slim image: Node's own fetch does the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself; src/main.ts stops the server and store cleanly.
CMD ["node", "dist/main.js"]
