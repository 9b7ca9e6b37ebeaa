#!/usr/bin/env bash
# Idempotent setup: Debian packages from scripts/system-packages.txt, .venv with optviz installed editable, and
# the pinned npm assets (package-lock.json) that optviz bundles into its HTML outputs.
# Re-running it when everything is in place costs well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t entries < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/system-packages.txt)
missing=()
for entry in "${entries[@]}"; do
  read -r pkg command <<<"$entry"
  # "PACKAGE COMMAND": also satisfied when COMMAND exists (e.g. npm shipped inside another nodejs build).
  if [[ -n ${command:-} ]] && command -v "$command" >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  apt_cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
  if [[ $EUID -eq 0 ]]; then sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo)
  else
    echo "bootstrap: missing system packages; run as root: apt-get update && ${apt_cmd[*]}" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" "${apt_cmd[@]}"
fi

[[ -x .venv/bin/python ]] || python3 -m venv .venv
# Reinstall only when the project's metadata or pinned versions changed since the last successful install.
stamp=.venv/.optviz-installed
want=$(cat pyproject.toml scripts/constraints.txt | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -c scripts/constraints.txt -e '.[dev]'
  echo "$want" > "$stamp"
fi

# npm assets: reinstall only when the lock file changed since the last successful install.
npm_stamp=node_modules/.optviz-installed
npm_want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $npm_stamp || $(cat "$npm_stamp") != "$npm_want" ]]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$npm_want" > "$npm_stamp"
fi
