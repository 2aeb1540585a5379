#!/usr/bin/env bash
# Reproducible builds: builds the artifacts twice, from two fresh clones of HEAD at different paths, and compares
# every jar (classes, sources, javadoc, tests, the shaded CLI) and POM byte for byte. Exit 0 when all are equal.
#   .ci/reproducible.sh            (about two builds' time; needs the dependencies in ~/.m2 or Maven Central)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in a b; do
  git clone -q "$top" "$work/$n"
  (cd "$work/$n" && ./mvnw -q -B -o package -DskipTests) || { echo "build $n failed" >&2; exit 2; }
done
differ=0
while IFS= read -r f; do
  if ! cmp -s "$work/a/$f" "$work/b/$f"; then
    echo "DIFFERS: $f"; differ=$((differ + 1))
  fi
done < <(cd "$work/a" && find . -path '*/target/*' \( -name '*.jar' -o -name '*.pom' -o -name 'bom.json' \) | sort)
count=$(cd "$work/a" && find . -path '*/target/*' \( -name '*.jar' -o -name '*.pom' \) | wc -l)
echo "compared $count archives: $differ differ"
[ "$differ" -eq 0 ]
