#!/usr/bin/env bash
# Serves the databases prepared by setup.sh with one trytond process (in the background),
# and waits until it answers. Its pid is kept in $dir/trytond.pid; stop it with
#   kill "$(cat "$dir/trytond.pid")"   ($dir: see setup.sh)
set -euo pipefail
# Memory-backed when the machine has /dev/shm: Tryton commits every call, and fsync on disk
# makes that slow for nothing in tests.
default_dir=/tmp/marquee-tryton
[ -d /dev/shm ] && [ -w /dev/shm ] && default_dir=/dev/shm/marquee-tryton
dir="${MARQUEE_TRYTON_DIR:-$default_dir}"
port="${MARQUEE_TRYTON_PORT:-8000}"
if [ ! -f "$dir/trytond.conf" ]; then
  echo "tryton: run scripts/tryton/setup.sh first" >&2
  exit 1
fi
if [ -f "$dir/trytond.pid" ] && kill -0 "$(cat "$dir/trytond.pid")" 2>/dev/null; then
  echo "tryton: already serving (pid $(cat "$dir/trytond.pid"))"
  exit 0
fi
nohup trytond -c "$dir/trytond.conf" > "$dir/trytond.log" 2>&1 &
echo $! > "$dir/trytond.pid"
for _ in $(seq 1 50); do
  if curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
      -d '{"id":0,"method":"common.server.version","params":[]}' "http://127.0.0.1:$port/"; then
    echo "tryton: serving JSON-RPC at http://127.0.0.1:$port/<database>/ (pid $(cat "$dir/trytond.pid"))"
    exit 0
  fi
  sleep 0.2
done
echo "tryton: the server did not answer; see $dir/trytond.log" >&2
exit 1
