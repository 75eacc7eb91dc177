#!/usr/bin/env bash
# Backs up the Active Offer pipeline: the database (pg_dump, custom format) and the work root's archive, rejected,
# quarantine, receipts and releases folders, with a manifest of table counts and file checksums that check-restore.sh
# compares a restore against. The restricted record-level Parquet is left out: it is rebuilt from the database.
#
#   ops/backup.sh <work root> <backup folder>        database settings from the PG* environment variables
#                                                    (PGHOST, PGPORT, PGUSER, PGDATABASE; PGOPTIONS for the schema)
set -euo pipefail
work="${1:?usage: backup.sh <work root> <backup folder>}"
target="${2:?usage: backup.sh <work root> <backup folder>}"
mkdir -p "$target"
if [ -n "$(ls -A "$target")" ]; then
  echo "backup.sh: $target is not empty; choose a new folder (a backup never writes over another)" >&2
  exit 2
fi
schema="$(psql -XAtc 'SELECT current_schema()')"
pg_dump --format=custom --no-owner --schema="$schema" --file="$target/database.dump"
folders=()
for folder in archive rejected quarantine receipts releases; do
  if [ -d "$work/$folder" ]; then folders+=("$folder"); fi
done
tar -C "$work" -cf "$target/files.tar" "${folders[@]}"
{
  echo "schema $schema"
  for table in submission offer_record rejected_row row_issue publication_aggregate; do
    echo "count $table $(psql -XAtc "SELECT count(*) FROM $table")"
  done
  (cd "$work" && find "${folders[@]}" -type f -print0 | sort -z | xargs -0 -r sha256sum | sed 's/^/file /')
} > "$target/MANIFEST"
(cd "$target" && sha256sum database.dump files.tar > SHA256SUMS)
echo "Backed up schema $schema and $(grep -c '^file ' "$target/MANIFEST") files to $target"
