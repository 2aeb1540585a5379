#!/usr/bin/env bash
# Times the cold CLI: N runs of `java -jar examples/target/gpuenv.jar detect --json` (a fresh JVM each), beside N
# runs of `nvidia-smi --query-gpu` when present. Prints median / p90 / min in ms. Not a test: it reports figures.
#   .ci/bench-cold-cli.sh [N=15] [extra gpuenv args…]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}; shift || true
jar=examples/target/gpuenv.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
stats() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.9+0.999)]; printf "n=%d median %.0f ms  p90 %.0f ms  min %.0f ms\n", NR, m, p, a[1]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
java -version 2>&1 | head -1
printf '%-44s ' "java -jar gpuenv.jar detect --json $*"
for _ in $(seq "$n"); do time_ms java -jar "$jar" detect --json "$@"; done | stats
if command -v nvidia-smi >/dev/null 2>&1; then
  printf '%-44s ' "nvidia-smi --query-gpu (one process)"
  for _ in $(seq "$n"); do time_ms nvidia-smi --query-gpu=index,name,uuid,memory.total,compute_cap --format=csv,noheader,nounits; done | stats
fi
