# syntax=docker/dockerfile:1
# HugMood realtime: one image for the server nodes (`node dist/server/main.js`) and the write-behind
# workers (`node dist/server/worker.js`): the server compiled to JavaScript, no TypeScript at run time.
#
# Node 24 LTS on Debian 13 (trixie, glibc 2.41). uWebSockets.js for Node 24's ABI (137) comes from
# @btc-vision/uwebsockets.js, built against glibc 2.38, so it loads here; the server picks the binary
# for the running ABI and falls back to Node http + ws, with a log line, where none loads.
# `npm run check:runtime` proves this pair (and a hug through it) in a Debian 13 root made with
# debootstrap, on machines that have no Docker engine.
ARG NODE_IMAGE=node:24-trixie-slim

# --- build: every dependency, the compiler, then `npm run build` into dist/ ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY client-sdk/package.json client-sdk/package.json
COPY client-react/package.json client-react/package.json
COPY examples/web/package.json examples/web/package.json
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY scripts ./scripts
COPY protocol ./protocol
COPY domain ./domain
COPY rooms ./rooms
COPY persistence ./persistence
COPY server ./server
RUN npm run build

# --- production dependencies only (native addons compiled here: better-sqlite3) ---
FROM build AS deps
RUN rm -rf node_modules \
 && npm ci --omit=dev --no-audit --no-fund --workspaces=false \
 && npm cache clean --force \
 # Only the uWebSockets.js binary for this platform and Node ABI (the packages carry every one: ~150 MB).
 && keep="uws_linux_$(node -p 'process.arch')_$(node -p 'process.versions.modules').node" \
 && find node_modules -name 'uws_*.node' ! -name "$keep" -delete

# --- runtime: no compiler, no dev dependencies, no TypeScript, an unprivileged user ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node runs directly (not under `npm start`), so SIGTERM reaches it and it drains before exiting.
CMD ["node", "dist/server/main.js"]
