#!/usr/bin/env bash
# Installs what the spam-score tests need: Debian's spamassassin (the `spamassassin` script and its
# rules). Called by the tests themselves (test/spam/install.ts) and by `npm run test:spam-setup`, the
# way test/e2e/setup.sh brings Chromium. Idempotent: returns at once when spamassassin is on PATH.
set -euo pipefail

if command -v spamassassin >/dev/null; then
  echo "[spam setup] ready: $(spamassassin --version 2>/dev/null | head -1)"
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "[spam setup] spamassassin is not installed and this is not root: run 'sudo apt-get install spamassassin'" >&2
  exit 1
fi
echo "[spam setup] apt-get install spamassassin"
export DEBIAN_FRONTEND=noninteractive
# Other installs (the e2e setup) may hold dpkg's lock: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends spamassassin >/dev/null
command -v spamassassin >/dev/null || { echo "[spam setup] FAILED: spamassassin still not on PATH" >&2; exit 1; }
echo "[spam setup] ready: $(spamassassin --version 2>/dev/null | head -1)"
