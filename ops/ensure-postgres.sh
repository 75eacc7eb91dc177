#!/usr/bin/env bash
# Starts the local PostgreSQL cluster if it is not accepting connections on 127.0.0.1:5432, and waits until it does.
# Used by CI (.ci/run) and by developers before the integration tests; safe to run when it is already up.
set -euo pipefail

if pg_isready -q -h 127.0.0.1 -p 5432; then
  exit 0
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not running on 127.0.0.1:5432 and pg_ctlcluster is not installed." >&2
  echo "Install it (apt-get install postgresql) or start your own server with a database named 'test'." >&2
  exit 1
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
echo "Starting PostgreSQL ${version} ..."
pg_ctlcluster --skip-systemctl-redirect "${version}" main start
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
  sleep 1
done
echo "PostgreSQL did not start within 30 seconds." >&2
exit 1
