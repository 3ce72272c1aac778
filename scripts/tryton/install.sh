#!/usr/bin/env bash
# Installs the Tryton server and the modules the sync connector uses (Debian packages) the way
# users install them: with their recommended packages, as `apt-get install` does by default.
# Recommends change Tryton's behaviour (python3-phonenumbers makes the party module refuse
# phone numbers it cannot parse), so the tests must meet what users meet.
#
# A machine that has Tryton installed without its recommends (an older version of this script
# used --no-install-recommends) gets the missing ones installed. The first install is large
# (LibreOffice among others, a few hundred packages); later runs only check and return.
#
# Services the packages start on their own (tryton-server on port 8000, an MTA) are stopped
# and disabled: the sync tests run their own trytond, and PostgreSQL stays the one cluster
# already serving port 5432.
set -euo pipefail

PACKAGES=(tryton-server tryton-modules-party tryton-modules-sale-opportunity tryton-modules-marketing-email)
SERVICES=(tryton-server tryton-server-cron tryton-server-worker exim4 postfix)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Names provided by installed packages (real and virtual), one a line, to tell which
# recommends are already satisfied, e.g. mail-transport-agent by any installed MTA.
provided_names() {
  dpkg-query -W -f='${db:Status-Abbrev} ${Package}, ${Provides}\n' 2>/dev/null |
    awk '$1 == "ii" { $1 = ""; print }' | tr ',' '\n' | sed -e 's/(.*)//' -e 's/:.*//' -e 's/ //g' |
    grep -v '^$' | sort -u
}

# The package apt would install for a name: the name itself when the archive has it, else the
# first provider of that virtual name the archive has (default-mta: exim4-daemon-light);
# nothing when neither (apt skips such recommends, e.g. python3-weasyprint on Debian 12).
installable() {
  local candidate provider
  candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
    echo "$1"
    return
  fi
  for provider in $(apt-cache showpkg "$1" 2>/dev/null | sed -n '/^Reverse Provides:/,$p' | awk 'NR > 1 { print $1 }'); do
    candidate="$(apt-cache policy "$provider" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
    if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
      echo "$provider"
      return
    fi
  done
}

# Recommends of the installed Tryton packages and of the Python packages they depend on that
# are neither installed nor provided, as apt would have picked them: for each unsatisfied
# group, the first alternative the archive has. Recommends of base-system packages in the
# dependency closure (debconf, apt…) are left alone: installing Tryton never brought them.
missing_recommends() {
  local -A provided=()
  local name pkg recommends group alt chosen satisfied
  local -a closure
  while IFS= read -r name; do provided["$name"]=1; done < <(provided_names)
  mapfile -t closure < <(apt-cache depends --recurse --installed --no-recommends --no-suggests \
    --no-conflicts --no-breaks --no-replaces --no-enhances "${PACKAGES[@]}" 2>/dev/null |
    grep -E '^(tryton|python3-)' | sort -u)
  while IFS=$'\t' read -r pkg recommends; do
    [ -n "${provided[$pkg]:-}" ] || continue
    IFS=',' read -ra groups <<<"$recommends"
    for group in "${groups[@]}"; do
      IFS='|' read -ra alts <<<"$group"
      satisfied=
      for alt in "${alts[@]}"; do
        alt="${alt%%(*}"; alt="${alt%%:*}"; alt="${alt// /}"
        if [ -n "${provided[$alt]:-}" ]; then satisfied=1; break; fi
      done
      [ -z "$satisfied" ] || continue
      for alt in "${alts[@]}"; do
        alt="${alt%%(*}"; alt="${alt%%:*}"; alt="${alt// /}"
        chosen="$(installable "$alt")"
        if [ -n "$chosen" ]; then echo "$chosen"; break; fi
      done
    done
  done < <(dpkg-query -W -f='${Package}\t${Recommends}\n' "${closure[@]}" 2>/dev/null)
  return 0
}

stop_services() {
  command -v service >/dev/null 2>&1 || return 0
  local s
  for s in "${SERVICES[@]}"; do
    [ -e "/etc/init.d/$s" ] || [ -e "/lib/systemd/system/$s.service" ] || continue
    $SUDO service "$s" stop >/dev/null 2>&1 || true
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
      $SUDO systemctl disable "$s" >/dev/null 2>&1 || true
    elif command -v update-rc.d >/dev/null 2>&1; then
      $SUDO update-rc.d "$s" disable >/dev/null 2>&1 || true
    fi
  done
}

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "tryton: installing ${missing[*]} with their recommended packages (a few minutes the first time)"
  # The package lists may be missing or stale on a fresh machine.
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --install-recommends "${missing[@]}" >/dev/null
fi

mapfile -t recommends < <(missing_recommends | sort -u)
if [ "${#recommends[@]}" -gt 0 ]; then
  echo "tryton: installing recommended packages missing from this installation: ${recommends[*]}"
  [ "${#missing[@]}" -gt 0 ] || $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --install-recommends "${recommends[@]}" >/dev/null
fi

if [ "${#missing[@]}" -gt 0 ] || [ "${#recommends[@]}" -gt 0 ]; then
  stop_services
fi
