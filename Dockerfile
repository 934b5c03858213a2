# syntax=docker/dockerfile:1
# masthead: build with the dev toolchain, run with production dependencies only.
# No Docker engine runs on the dev machines; .ci/run checks these same steps
# (npm ci, build, prune, node dist/server.js, smoke test) in scripts/check-production.sh.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/masthead.db
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node migrations ./migrations
USER node
VOLUME ["/data"]
EXPOSE 3000
# Without API_TOKENS the server only accepts writes from loopback: set it (docker run -e API_TOKENS=…).
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --max-semi-space-size=8: a young generation of 16 MiB instead of up to 64 (resident memory, docs/PERFORMANCE.md)
CMD ["node", "--max-semi-space-size=8", "dist/server.js"]
