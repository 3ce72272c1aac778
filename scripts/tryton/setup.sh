#!/usr/bin/env bash
# Prepares a Tryton server for the sync tests and for trying the Tryton connector by hand:
# installs the packages when absent (install.sh), writes a configuration using SQLite
# databases in one directory, and initialises the template database with the modules the
# connector uses (party, sale_opportunity, marketing_email) and what a real installation sets
# up before selling: a currency and a company the admin user works for (company.py).
# Tests copy the template to a fresh database file each, which takes no time, and serve them
# all with one trytond. The database the `marquee sync init` template names (`tryton`, or
# $MARQUEE_TRYTON_DATABASE) is made the same way when it does not exist yet; an existing one
# is never touched (it holds what was synced).
#
#   scripts/tryton/setup.sh            # directory $MARQUEE_TRYTON_DIR, /dev/shm/marquee-tryton or /tmp/marquee-tryton
#   scripts/tryton/serve.sh            # then serve it (JSON-RPC at http://127.0.0.1:8000/<db>/)
#
# The admin user's password is $MARQUEE_TRYTON_PASSWORD (default "admin").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# Memory-backed when the machine has /dev/shm: Tryton commits every call, and fsync on disk
# makes that slow for nothing in tests.
default_dir=/tmp/marquee-tryton
[ -d /dev/shm ] && [ -w /dev/shm ] && default_dir=/dev/shm/marquee-tryton
dir="${MARQUEE_TRYTON_DIR:-$default_dir}"
port="${MARQUEE_TRYTON_PORT:-8000}"
password="${MARQUEE_TRYTON_PASSWORD:-admin}"
template="template"
database="${MARQUEE_TRYTON_DATABASE:-tryton}"
# Bumped whenever the template's contents change, so an older one is rebuilt.
template_version="3"

bash "$here/install.sh"
mkdir -p "$dir"
# Test processes may run this concurrently: one prepares, the others wait for it.
exec 9>"$dir/setup.lock"
flock 9

# A cheap password hash: every sync run logs in once, and bcrypt's default cost makes that
# take seconds on a small machine. This is a test and development server only.
cat > "$dir/passlib.ini" <<INI
[passlib]
schemes = bcrypt
bcrypt__default_rounds = 4
INI

cat > "$dir/trytond.conf" <<CONF
[database]
uri = sqlite://
path = $dir

[password]
passlib = $dir/passlib.ini

[web]
listen = 127.0.0.1:$port
CONF

# The database a user syncs into, copied from the template once.
make_database() {
  if [ "$database" != "$template" ] && [ ! -s "$dir/$database.sqlite" ]; then
    cp "$dir/$template.sqlite" "$dir/$database.sqlite.tmp"
    mv "$dir/$database.sqlite.tmp" "$dir/$database.sqlite"
    echo "tryton: database '$database' created from the template"
  fi
}

if [ -s "$dir/$template.sqlite" ] && [ "$(cat "$dir/$template.ready" 2>/dev/null)" = "$template_version" ]; then
  make_database
  exit 0
fi

echo "tryton: initialising the template database in $dir (about 20 seconds)"
rm -f "$dir/$template.sqlite" "$dir/$template.ready"
# trytond-admin needs the SQLite file to exist before it creates the schema.
touch "$dir/$template.sqlite"
passfile="$(mktemp)"
trap 'rm -f "$passfile"' EXIT
printf '%s\n' "$password" > "$passfile"
TRYTONPASSFILE="$passfile" trytond-admin -c "$dir/trytond.conf" -d "$template" --all --email admin@example.com >/dev/null
TRYTONPASSFILE="$passfile" trytond-admin -c "$dir/trytond.conf" -d "$template" -u party sale_opportunity marketing_email --activate-dependencies >/dev/null
# The interpreter trytond runs on (its shebang), which has the trytond package.
python="$(head -n 1 "$(command -v trytond-admin)" | sed -e 's/^#! *//')"
$python "$here/company.py" "$dir/trytond.conf" "$template" >/dev/null
echo "$template_version" > "$dir/$template.ready"
echo "tryton: template ready"
make_database
