#!/usr/bin/env bash
# Checks a restore against the backup's manifest: every table count, and every file's SHA-256. Prints each
# difference and exits 1 if there is any.
#
#   ops/check-restore.sh <backup folder> <restored work root>     PG* variables name the restored database
set -euo pipefail
backup="${1:?usage: check-restore.sh <backup folder> <restored work root>}"
work="${2:?usage: check-restore.sh <backup folder> <restored work root>}"
schema="$(awk '$1 == "schema" {print $2}' "$backup/MANIFEST")"
export PGOPTIONS="-c search_path=$schema"
problems=0
while read -r kind name value; do
  if [ "$kind" = count ]; then
    actual="$(psql -XAtc "SELECT count(*) FROM $name")"
    if [ "$actual" != "$value" ]; then
      echo "table $name: $actual rows, the backup had $value"; problems=$((problems + 1))
    fi
  fi
done < "$backup/MANIFEST"
files=0
while read -r kind sum path; do
  files=$((files + 1))
  if [ ! -f "$work/$path" ]; then
    echo "missing: $path"; problems=$((problems + 1))
  elif [ "$(sha256sum "$work/$path" | cut -d' ' -f1)" != "$sum" ]; then
    echo "changed: $path"; problems=$((problems + 1))
  fi
done < <(grep '^file ' "$backup/MANIFEST")
if [ "$problems" -gt 0 ]; then
  echo "The restore differs from the backup in $problems place(s)."
  exit 1
fi
echo "The restore matches the backup: every table count and all $files files."
