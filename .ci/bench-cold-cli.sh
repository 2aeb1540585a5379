#!/bin/sh
# Times the cold CLI, side by side in one run, and prints a markdown table (median, p90, min of N fresh processes;
# the rows take turns, round by round, so that a change of load hits every row alike). Not a test: it reports figures.
#
#   .ci/bench-cold-cli.sh [N=15] [options] [-- extra detect args…]
#     --dist DIR       the distribution (default examples/target/gpuenv-dist)
#     --jar JAR        the jar of the `java -jar` row (default examples/target/gpuenv.jar, else DIR/lib/gpuenv.jar)
#     --java JAVA      the java of the `java -jar` row (default: java on PATH, else the distribution's runtime)
#     --image IMAGE    run rows: the image, present on the engine ($GPUENV_BENCH_IMAGE; no image: no run rows)
#     --host URI       run rows: the engine (default $DOCKER_HOST, else unix:///var/run/docker.sock)
#     --gpus SPEC      run rows: the GPU request, as `gpuenv run --gpus` takes it ($GPUENV_BENCH_GPUS; default
#                      none); a CDI name (nvidia.com/gpu=all) is `--device` for docker, anything else `--gpus`
#     --command 'CMD'  run rows: the container's command (default: true)
#     --docker PATH    the Docker CLI of the baseline row (default: docker on PATH; none: the row is skipped)
#     --only detect|run
# Needs sh, awk, sort and date +%s%N; the Docker CLI and nvidia-smi only for their rows.
set -eu
cd "$(dirname "$0")/.."
n=15 dist=examples/target/gpuenv-dist jar= java= image=${GPUENV_BENCH_IMAGE:-} host=${DOCKER_HOST:-}
gpus=${GPUENV_BENCH_GPUS:-} ctr_cmd=true docker= only=
case ${1-} in [0-9]*) n=$1; shift ;; esac
while [ $# -gt 0 ]; do
  case $1 in
    --dist) dist=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --java) java=$2; shift 2 ;;
    --image) image=$2; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --gpus) gpus=$2; shift 2 ;;
    --command) ctr_cmd=$2; shift 2 ;;
    --docker) docker=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
# what is left are extra detect arguments
q() { printf "'%s'" "$(printf %s "$1" | sed "s/'/'\\\\''/g")"; }
extra=
for a in "$@"; do extra="$extra $(q "$a")"; done
host=${host:-unix:///var/run/docker.sock}

runtime=$dist/runtime/bin/java
[ -x "$runtime" ] || runtime=
[ -n "$jar" ] || { if [ -f examples/target/gpuenv.jar ]; then jar=examples/target/gpuenv.jar; else jar=$dist/lib/gpuenv.jar; fi; }
[ -n "$java" ] || java=$(command -v java 2>/dev/null || true)
[ -n "$java" ] || java=$runtime
[ -n "$docker" ] || docker=$(command -v docker 2>/dev/null || true)

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
rows=0 notes=
add() { # add LABEL COMMAND (a shell command line; its output is discarded)
  rows=$((rows + 1)); eval "label_$rows=\$1 cmd_$rows=\$2"; : > "$work/$rows"
}
note() { notes="$notes
- $*"; }

# the rows
if [ "$only" != run ]; then
  if command -v nvidia-smi >/dev/null 2>&1; then
    add "\`nvidia-smi --query-gpu=…\` (one process)" \
      "nvidia-smi --query-gpu=index,name,uuid,memory.total,compute_cap --format=csv,noheader,nounits"
  else
    note "nvidia-smi: not on PATH, row skipped"
  fi
  if [ -n "$java" ] && [ -f "$jar" ]; then
    add "\`java -jar gpuenv.jar detect --json\` ($("$java" -version 2>&1 | head -1 | tr -d '"'))" \
      "$(q "$java") -jar $(q "$jar") detect --json$extra"
  else
    note "java -jar: no java or no $jar, row skipped"
  fi
  if [ -n "$runtime" ]; then
    lib=$dist/lib
    base="$(q "$runtime") -Xlog:disable -Xlog:all=warning:stderr --enable-native-access=ALL-UNNAMED"
    main="-cp $(q "$lib/gpuenv.jar") io.github.gpuenv.cli.GpuEnvCli detect --json$extra"
    if [ -f "$lib/gpuenv.aot" ]; then
      archive="-XX:AOTCache=$(q "$lib/gpuenv.aot")" archive_name="AOT cache"
    elif [ -f "$lib/gpuenv.jsa" ]; then
      archive="-XX:SharedArchiveFile=$(q "$lib/gpuenv.jsa") -Xshare:auto" archive_name="AppCDS archive"
    else
      archive= archive_name=
      note "the distribution has no archive: its archive rows are skipped"
    fi
    add "dist runtime, no archive, no flags" "$base $main"
    add "dist + \`-XX:TieredStopAtLevel=1\`" "$base -XX:TieredStopAtLevel=1 $main"
    add "dist + \`-XX:+UseSerialGC\`" "$base -XX:+UseSerialGC $main"
    if [ -n "$archive" ]; then
      add "dist + $archive_name" "$base $archive $main"
      add "dist + $archive_name + \`TieredStopAtLevel=1\`" "$base $archive -XX:TieredStopAtLevel=1 $main"
      add "dist + $archive_name + \`SerialGC\`" "$base $archive -XX:+UseSerialGC $main"
    fi
    add "**\`gpuenv-dist/bin/gpuenv detect --json\`** (all of it: archive, C1, Serial GC, \`-UsePerfData\`)" \
      "$(q "$dist/bin/gpuenv") detect --json$extra"
    add "\`gpuenv-dist/bin/gpuenv --version\`" "$(q "$dist/bin/gpuenv") --version"
  else
    note "no distribution at $dist (build it: ./mvnw -B package -DskipTests -pl examples -am): its rows are skipped"
  fi
fi
run_docker= run_gpuenv=
if [ "$only" != detect ] && [ -n "$image" ] && [ -n "$runtime" ]; then
  gpu_gpuenv= gpu_docker= shown_gpuenv= shown_docker=
  if [ -n "$gpus" ]; then
    gpu_gpuenv="--gpus $(q "$gpus")" shown_gpuenv="--gpus $gpus "
    case $gpus in
      */*=*) gpu_docker="--device $(q "$gpus")" shown_docker="--device $gpus " ;;
      *) gpu_docker="--gpus $(q "$gpus")" shown_docker="--gpus $gpus " ;;
    esac
  fi
  # one launch first: the image must be present and the request must work, or there is nothing to compare
  if ! eval "$(q "$dist/bin/gpuenv") run -H $(q "$host") --pull never $gpu_gpuenv $(q "$image") $ctr_cmd" \
      >"$work/check" 2>&1; then
    note "run rows skipped: \`gpuenv run\` failed on $host: $(tail -1 "$work/check")"
  else
    if [ -n "$docker" ]; then
      add "\`docker run --rm --network none ${shown_docker}IMAGE $ctr_cmd\`" \
        "DOCKER_HOST=$(q "$host") $(q "$docker") run --rm --network none $gpu_docker $(q "$image") $ctr_cmd"
      run_docker=$rows
    else
      note "docker run: no Docker CLI on PATH (--docker PATH), baseline row skipped"
    fi
    if [ -n "$java" ] && [ -f "$jar" ]; then
      add "\`java -jar gpuenv.jar run ${shown_gpuenv}IMAGE $ctr_cmd\`" \
        "$(q "$java") -jar $(q "$jar") run -H $(q "$host") $gpu_gpuenv $(q "$image") $ctr_cmd"
    fi
    add "**\`gpuenv-dist/bin/gpuenv run ${shown_gpuenv}IMAGE $ctr_cmd\`**" \
      "$(q "$dist/bin/gpuenv") run -H $(q "$host") $gpu_gpuenv $(q "$image") $ctr_cmd"
    run_gpuenv=$rows
  fi
elif [ "$only" != detect ]; then
  note "run rows skipped: no --image (or GPUENV_BENCH_IMAGE), or no distribution"
fi
[ "$rows" -gt 0 ] || { echo "nothing to measure${notes}" >&2; exit 2; }

# one warm-up round (page cache), then N rounds, every row once per round
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
round=0
while [ "$round" -le "$n" ]; do
  i=1
  while [ "$i" -le "$rows" ]; do
    eval "c=\$cmd_$i"
    s=$(date +%s%N)
    eval "$c" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    [ "$round" -eq 0 ] || echo $(( (e - s) / 1000000 )) >> "$work/$i"
    i=$((i + 1))
  done
  round=$((round + 1))
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

stats() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%d %d %d", a[int((NR+1)/2)], a[int(NR*0.9+0.999)], a[1]}'; }
echo "Cold CLI, $n runs per row, rows interleaved; $(uname -n), $(nproc 2>/dev/null || echo '?') CPUs,"
echo "load $load_before before, $load_after after; $(date -u +%Y-%m-%dT%H:%MZ)."
echo
echo "| configuration | median ms | p90 ms | min ms |"
echo "|---|---|---|---|"
i=1
while [ "$i" -le "$rows" ]; do
  eval "l=\$label_$i"
  set -- $(stats "$work/$i")
  echo "| $l | $1 | $2 | $3 |"
  eval "median_$i=$1"
  i=$((i + 1))
done
if [ -n "$run_docker" ] && [ -n "$run_gpuenv" ]; then
  eval "d=\$median_$run_docker g=\$median_$run_gpuenv"
  echo
  echo "gpuenv run / docker run --rm (medians): $(awk -v g="$g" -v d="$d" 'BEGIN {printf "%.2f", g / d}')×"
fi
[ -z "$notes" ] || printf '\nNotes:%s\n' "$notes"
