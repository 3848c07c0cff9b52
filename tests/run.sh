#!/usr/bin/env bash
# The test command: sets up everything the tests need on a fresh Debian-family machine, then runs every
# test (lint, type-check, unit, integration with real SQLite / keychain / TCP / TLS / WireGuard, and
# end-to-end in Chromium). Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/setup/node.sh

apt_packages=(chromium xvfb dbus gnome-keyring libsecret-1-0 wireguard-go wireguard-tools nftables iproute2 zbar-tools iputils-ping ca-certificates poppler-utils librsvg2-bin unzip)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing apt packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi

wiredesk_ensure_node

echo "== npm ci (Node $(node --version), npm $(npm --version))"
# No install scripts are needed: better-sqlite3 and @github/keytar load their bundled N-API prebuilds,
# and Electron fetches its binary on first launch, which tests never do.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

echo "== lint and type-check"
npx eslint .
npm run --silent typecheck

echo "== build (main, preload, renderer)"
npx electron-vite build --logLevel warn

echo "== tests"
mkdir -p test-results
set +e
dbus-run-session -- tests/setup/with-keyring.sh \
  npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
status=$?
set -e
node tests/setup/summary.ts test-results/vitest.json || true
exit $status
