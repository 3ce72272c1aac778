#!/usr/bin/env bash
# Installs the Tryton server and the modules the sync connector uses (Debian packages), when
# they are not installed yet. Without recommends the install takes well under a minute.
set -euo pipefail

PACKAGES=(tryton-server tryton-modules-party tryton-modules-sale-opportunity tryton-modules-marketing-email)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "tryton: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or stale on a fresh machine.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The Debian package starts a system service on its own database; the sync tests run their
# own server, so the packaged one is stopped when it was started.
if command -v service >/dev/null 2>&1; then
  $SUDO service tryton-server stop >/dev/null 2>&1 || true
fi
