# syntax=docker/dockerfile:1
# Pandu: `docker build -t pandu .` then `docker run -p 3000:3000 -v pandu-data:/data --env-file .env pandu`
# (or `docker compose up`, which adds PostgreSQL with pgvector). See docs/docker.md.
#
# The build stage compiles src/ to dist/ (TypeScript is a development dependency) and then drops
# the development dependencies; the image runs the compiled JavaScript.

# --- build stage: all dependencies from the lockfile, compile, keep production ones -------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund
COPY scripts ./scripts
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev \
 && npm cache clean --force

# --- runtime stage --------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
LABEL org.opencontainers.image.title="pandu" \
      org.opencontainers.image.description="Assistant for the Gerakan Menuju 100 Smart City programme (Telegram, Slack, console)" \
      org.opencontainers.image.licenses="MIT"

ENV NODE_ENV=production \
    DATABASE_URL=/data/db \
    HOST=0.0.0.0 \
    PORT=3000

# OCR of scanned PDF pages: Tesseract with its Indonesian data, and pdftoppm to render a page.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-ind poppler-utils \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Code and dependencies stay owned by root (read-only for the app); only /data is writable.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY bin ./bin
COPY scripts/build.mjs ./scripts/build.mjs
COPY corpus ./corpus

RUN mkdir -p /data \
 && chown node:node /data
VOLUME ["/data"]

USER node
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Exec form: node is PID 1 and gets SIGTERM from `docker stop`; `pandu start` shuts down cleanly on it.
CMD ["node", "dist/cli/main.js", "start"]
