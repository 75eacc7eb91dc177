#!/usr/bin/env bash
# Restores a backup made by backup.sh: the database into an empty database (PG* environment variables name it) and
# the files into an empty work root. Then run check-restore.sh.
#
#   ops/restore.sh <backup folder> <new work root>
set -euo pipefail
backup="${1:?usage: restore.sh <backup folder> <new work root>}"
work="${2:?usage: restore.sh <backup folder> <new work root>}"
(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
mkdir -p "$work"
if [ -n "$(ls -A "$work")" ]; then
  echo "restore.sh: $work is not empty; restore into a new work root" >&2
  exit 2
fi
pg_restore --no-owner --exit-on-error --dbname="${PGDATABASE:?set PGDATABASE to the empty database}" \
  "$backup/database.dump"
tar -C "$work" -xf "$backup/files.tar"
echo "Restored $backup into database $PGDATABASE and $work"
