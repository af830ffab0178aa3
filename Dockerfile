# syntax=docker/dockerfile:1
# HugMood realtime: one image for the server nodes (`node --import tsx server/main.ts`) and the
# write-behind workers (`node --import tsx server/worker.ts`).
#
# Node 20 matches the uWebSockets.js native binary (ABI 115); on another Node the server falls back
# to the http + ws transport by itself and logs it.

# --- build: production dependencies, native addons compiled here (better-sqlite3) ---
FROM node:20.19-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY client-sdk/package.json client-sdk/package.json
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# --- runtime: no compiler, no dev dependencies, an unprivileged user ---
FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json tsconfig.base.json ./
COPY protocol ./protocol
COPY domain ./domain
COPY rooms ./rooms
COPY persistence ./persistence
COPY server ./server
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node runs directly (not under `npm start`), so SIGTERM reaches it and it drains before exiting.
CMD ["node", "--import", "tsx", "server/main.ts"]
