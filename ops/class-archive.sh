#!/usr/bin/env bash
# Builds the class-data archive the pipeline starts from (AppCDS, as Spring Boot documents it): extracts the
# executable jar into pipeline/target/application/, then makes one training run of the nightly job over the sample
# inbox (embedded database, demo key, a throwaway work root) that writes the classes it loaded to
# pipeline/target/application/active-offer-pipeline.jsa. `mvn package` runs it; so can a deployment, after copying
# the jar. The archive holds no data, only the parsed classes; it is used as long as the jar it was made from is
# unchanged (the JVM checks), and ignored otherwise. See docs/performance.md.
#   ops/class-archive.sh [<pipeline jar>] [<destination folder>]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$(realpath "${1:-$here/pipeline/target/active-offer-pipeline.jar}")
destination=$(realpath -m "${2:-$(dirname "$jar")/application}")
java=${JAVA:-java}
rm -rf "$destination"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$destination" >/dev/null
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
set +e
"$java" -Xmx256m -XX:ArchiveClassesAtExit="$destination/active-offer-pipeline.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$destination/$(basename "$jar")" --spring.profiles.active=sample --activeoffer.work-root="$training/work" \
  --activeoffer.mappings-dir="$here/mappings" --activeoffer.seed-from="$here/sample-data/inbox" \
  --logging.threshold.console=OFF >"$training/training.log" 2>&1
code=$?
set -e
# the sample inbox holds files refused on purpose: its run ends with exit code 5
if [ "$code" -ne 0 ] && [ "$code" -ne 5 ]; then
  echo "The class-data training run failed (exit code $code); the pipeline still runs, without the archive:" >&2
  tail -20 "$training/training.log" >&2
  exit 1
fi
echo "Class-data archive: $destination/active-offer-pipeline.jsa ($(du -h "$destination/active-offer-pipeline.jsa" | cut -f1))"
