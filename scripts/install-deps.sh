#!/bin/sh
# Installs the Debian packages remous needs to build and test, only those
# missing. Safe to run again: it does nothing when everything is there.
# Usage: scripts/install-deps.sh [extra-package ...]
set -eu

packages="make gcc libc6-dev pkg-config liblua5.4-dev libcsv-dev libcmocka-dev libmicrohttpd-dev libgraphviz-dev $*"

missing=""
for p in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "remous: missing packages:$missing; run as root or install sudo" >&2
    exit 1
fi

echo "remous: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
