# syntax=docker/dockerfile:1
# Gatehouse container image: build with dev dependencies, run with production ones only.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Compilers only in the build stage, for native modules without a prebuilt binary (bcrypt).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The npm workspaces (the SDK packages) are part of the lock file: npm ci needs their manifests.
COPY packages/verify/package.json packages/verify/
COPY packages/client/package.json packages/client/
COPY packages/check/package.json packages/check/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/gatehouse
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/bin ./bin
# `gatehouse check` runs the built @gatehouse/check (node_modules links to it).
COPY --from=build /app/packages/check/package.json ./packages/check/package.json
COPY --from=build /app/packages/check/dist ./packages/check/dist
# `gatehouse migrate up` etc. on the PATH; DATA_DIR is the only place the process writes.
RUN ln -s /app/bin/gatehouse.js /usr/local/bin/gatehouse \
  && mkdir -p /var/lib/gatehouse \
  && chown node:node /var/lib/gatehouse
# The image's unprivileged user (uid 1000): the code and node_modules stay owned by root, read-only to it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
