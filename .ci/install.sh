#!/usr/bin/env bash
# Installs what the test suite needs on a Debian bookworm machine, skipping what is there:
#   - the PostgreSQL 15 server (postgresql-15), and tmux (a real terminal for one CLI test),
#   - pgvector for PostgreSQL 15, built from the Debian source package of trixie
#     (bookworm has no pgvector for 15), with the build tools it needs,
#   - OCR for scanned PDF pages: tesseract-ocr with its Indonesian data (tesseract-ocr-ind)
#     and poppler-utils (pdftoppm renders a page; the tests also use pdftotext),
#   - Debian's Chromium, for the web console's browser tests (driven by playwright-core
#     through its executable path; no browser is ever downloaded).
# Idempotent; runs `apt-get update` at most once, and only when something is missing.
# Needs root for the installs; as another user it only reports what is missing.
# Usable on its own: `bash .ci/install.sh`.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
SRC_LIST=/etc/apt/sources.list.d/pandu-trixie-src.sources
SRC_SUITE=trixie
APT_ETC=${APT_ETC:-/etc/apt}

log() { printf '[ci/install] %s\n' "$*" >&2; }
now() { date +%s; }
elapsed() { printf '%ss' "$(( $(now) - $1 ))"; }

installed() { # package name -> true when dpkg has it installed
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

pg_sharedir() {
  if [ -x "$PG_BIN/pg_config" ]; then "$PG_BIN/pg_config" --sharedir; else echo "/usr/share/postgresql/$PG_MAJOR"; fi
}

have_pgvector() { [ -f "$(pg_sharedir)/extension/vector.control" ]; }

# Prints "URI<TAB>SIGNED-BY" of the apt source whose suites include bookworm (deb822 files first,
# then one-line .list files). SIGNED-BY is empty when the entry names no keyring file.
bookworm_source() {
  local f
  for f in "$APT_ETC"/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ / bookworm / && uris != "" && !done) {
          split(uris, u, " "); print u[1] "\t" signed; done = 1
        }
        types = ""; suites = ""; uris = ""; signed = ""; key = ""
      }
      /^[[:space:]]*#/ { next }
      /^[[:space:]]*$/ { flush(); next }
      /^[^[:space:]][^:]*:/ {
        key = tolower(substr($0, 1, index($0, ":") - 1))
        val = substr($0, index($0, ":") + 1); gsub(/^[[:space:]]+|[[:space:]]+$/, "", val)
        if (key == "types") types = val
        else if (key == "suites") suites = val
        else if (key == "uris") uris = val
        else if (key == "signed-by" && val ~ /^\//) signed = val
        next
      }
      { if (key == "suites" || key == "uris" || key == "types") { v = $0; gsub(/^[[:space:]]+|[[:space:]]+$/, "", v); if (v != ".") { if (key == "suites") suites = suites " " v; else if (key == "uris") uris = uris " " v; else types = types " " v } } }
      END { flush() }
    ' "$f"
  done | head -n 1 | grep . && return 0
  # One-line format: deb [options] URI SUITE COMPONENTS...
  cat "$APT_ETC"/sources.list "$APT_ETC"/sources.list.d/*.list 2>/dev/null | awk '
    /^[[:space:]]*deb[[:space:]]/ {
      line = $0; signed = ""
      if (match(line, /\[[^]]*\]/)) {
        opts = substr(line, RSTART + 1, RLENGTH - 2); line = substr(line, 1, RSTART - 1) substr(line, RSTART + RLENGTH)
        n = split(opts, o, " "); for (i = 1; i <= n; i++) if (o[i] ~ /^signed-by=/) signed = substr(o[i], 11)
      }
      split(line, w, " "); if (w[3] == "bookworm") { print w[2] "\t" signed; exit }
    }' | grep .
}

# Writes the deb-src (sources only) entry for trixie; returns 0 if the file changed.
write_src_list() {
  local src uri signed content
  src=$(bookworm_source) || { log "no apt source for bookworm found in /etc/apt"; return 2; }
  uri=${src%%$'\t'*}
  signed=${src#*$'\t'}
  content="# Written by the pandu repository's .ci/install.sh: source packages of $SRC_SUITE only (deb-src),
# to build pgvector for PostgreSQL $PG_MAJOR. It adds no binary packages.
Types: deb-src
URIs: $uri
Suites: $SRC_SUITE
Components: main"
  [ -n "$signed" ] && content="$content
Signed-By: $signed"
  if [ -f "$SRC_LIST" ] && [ "$(cat "$SRC_LIST")" = "$content" ]; then return 1; fi
  printf '%s\n' "$content" > "$SRC_LIST"
  log "wrote $SRC_LIST (deb-src $SRC_SUITE from $uri)"
  return 0
}

build_pgvector() {
  local t0 dir srcdir
  t0=$(now)
  dir=$(mktemp -d /tmp/pandu-pgvector.XXXXXX)
  # shellcheck disable=SC2064
  trap "rm -rf '$dir'" RETURN
  log "fetching the pgvector source package from $SRC_SUITE"
  (cd "$dir" && apt-get source -q "pgvector/$SRC_SUITE" >"$dir/source.log" 2>&1) || {
    cat "$dir/source.log" >&2; log "apt-get source pgvector failed"; return 1; }
  srcdir=$(find "$dir" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  [ -n "$srcdir" ] || { log "no pgvector source directory after apt-get source"; return 1; }
  log "building $(basename "$srcdir") for PostgreSQL $PG_MAJOR"
  # OPTFLAGS= : no -march=native, so the build also runs on another CPU of the same architecture.
  if ! { make -C "$srcdir" -j"$(nproc)" PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS= >"$dir/build.log" 2>&1 &&
    make -C "$srcdir" install PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS= >>"$dir/build.log" 2>&1; }; then
    tail -n 40 "$dir/build.log" >&2; log "pgvector build failed"; return 1
  fi
  log "pgvector installed into $(pg_sharedir)/extension ($(elapsed "$t0"))"
}

main() {
  # tmux: the terminal test of the ingest progress bar (test/cli/progress.test.ts); OCR tools for scanned PDFs;
  # chromium: the web console's browser tests (test/console/browser.test.ts).
  local need=() pkgs=("postgresql-$PG_MAJOR" tmux tesseract-ocr tesseract-ocr-ind poppler-utils chromium) t0 p
  local want_pgvector=0
  have_pgvector || want_pgvector=1
  [ "${PANDU_FORCE_PGVECTOR:-0}" = 1 ] && want_pgvector=1  # rebuild even when present (testing)
  if [ "$want_pgvector" = 1 ]; then
    pkgs+=("postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev)
  fi
  for p in "${pkgs[@]}"; do installed "$p" || need+=("$p"); done
  # `apt-get source` needs the trixie Sources index: refresh when the entry is new or its index missing.
  local need_update=0
  if [ "${#need[@]}" -gt 0 ]; then need_update=1; fi
  if [ "$want_pgvector" = 1 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      log "pgvector missing and not root: cannot install it"; return 1
    fi
    if write_src_list; then need_update=1; fi
    if ! apt-cache showsrc "pgvector" 2>/dev/null | grep -q '^Package: pgvector'; then need_update=1; fi
  fi
  if [ "${#need[@]}" -eq 0 ] && [ "$want_pgvector" = 0 ]; then
    log "PostgreSQL $PG_MAJOR, pgvector, tmux, OCR tools and Chromium present: nothing to install"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "missing: ${need[*]} (run as root to install)"; return 1
  fi
  if [ "$need_update" = 1 ]; then
    t0=$(now)
    log "apt-get update"
    apt-get -q update -o DPkg::Lock::Timeout=300 >/tmp/pandu-apt-update.log 2>&1 || {
      cat /tmp/pandu-apt-update.log >&2; log "apt-get update failed"; return 1; }
    log "apt-get update done ($(elapsed "$t0"))"
  fi
  if [ "${#need[@]}" -gt 0 ]; then
    t0=$(now)
    log "apt-get install ${need[*]}"
    apt-get -q -y install --no-install-recommends -o DPkg::Lock::Timeout=300 \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      "${need[@]}" >/tmp/pandu-apt-install.log 2>&1 || {
      tail -n 60 /tmp/pandu-apt-install.log >&2; log "apt-get install failed"; return 1; }
    log "apt-get install done ($(elapsed "$t0"))"
  fi
  if [ "$want_pgvector" = 1 ]; then build_pgvector; fi
  have_pgvector || { log "vector.control still missing after the build"; return 1; }
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
