#!/usr/bin/env bash
# Installs the Debian packages imctl needs to build, test and run its demo. Idempotent; needs root (or sudo).
set -euo pipefail
# libgd-dev: headers of the thumbnail library (loaded with dlopen by the server).
# apertium + apertium-en-es: the translation provider the tests use for a real English→Spanish translation;
# curl: also the server's HTTP client for a LibreTranslate endpoint.
packages=(libsqlite3-dev libcurl4-openssl-dev libgd-dev pkg-config curl jq binutils apertium apertium-en-es)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
