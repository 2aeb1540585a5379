#!/usr/bin/env bash
# Fuzzes every parser target (Jazzer, coverage-guided) for a given time each, one after the other, and prints a table.
#   .ci/fuzz-long.sh [seconds-per-target, default 60] [filter: a substring of Class#method]
# Logs: target/fuzz-long/<Class>#<method>.log. A finding leaves crash-* (or timeout-*) in the target's corpus
# directory src/test/resources/<package>/<Class>Inputs/<method>/; fix the parser, keep the file, name it in a test.
# The normal build (`./mvnw verify`, no JAZZER_FUZZ) replays those corpus directories as regression tests.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
filter="${2:-}"
logs=target/fuzz-long
mkdir -p "$logs"

# module  Class#method
targets=(
  "core io.github.gpuenv.internal.TextParsersFuzzTest#versionNumber"
  "core io.github.gpuenv.internal.TextParsersFuzzTest#durationText"
  "core io.github.gpuenv.internal.procfs.ProcParsersFuzzTest#procDriverVersion"
  "core io.github.gpuenv.internal.procfs.ProcParsersFuzzTest#procGpuInformation"
  "core io.github.gpuenv.internal.host.HostParsersFuzzTest#osRelease"
  "core io.github.gpuenv.internal.host.HostParsersFuzzTest#windowsVer"
  "core io.github.gpuenv.internal.host.HostParsersFuzzTest#procVersion"
  "core io.github.gpuenv.internal.host.HostParsersFuzzTest#ldconfig"
  "core io.github.gpuenv.internal.nvidia.NvidiaParsersFuzzTest#nvidiaSmiError"
  "core io.github.gpuenv.internal.nvidia.NvidiaParsersFuzzTest#nvidiaSmiCsv"
  "core io.github.gpuenv.internal.nvidia.NvidiaParsersFuzzTest#nvidiaSmiQuery"
  "core io.github.gpuenv.internal.nvidia.NvidiaParsersFuzzTest#windowsDriverVersion"
  "core io.github.gpuenv.internal.container.ContainerParsersFuzzTest#procCgroup"
  "core io.github.gpuenv.internal.container.ContainerParsersFuzzTest#mountInfo"
  "core io.github.gpuenv.internal.container.ContainerParsersFuzzTest#nvidiaRuntimeConfig"
  "core io.github.gpuenv.internal.container.ContainerParsersFuzzTest#cdiSpec"
  "core io.github.gpuenv.internal.container.ContainerParsersFuzzTest#nvidiaCtkVersion"
  "core io.github.gpuenv.internal.container.ContainerParsersFuzzTest#daemonJson"
  "core io.github.gpuenv.internal.container.ContainerParsersFuzzTest#nvidiaRequireCuda"
  "core io.github.gpuenv.cdi.internal.CdiSpecRoundTripFuzzTest#roundTrip"
  "wsl io.github.gpuenv.wsl.internal.WslParsersFuzzTest#outputDecoder"
  "wsl io.github.gpuenv.wsl.internal.WslParsersFuzzTest#list"
  "wsl io.github.gpuenv.wsl.internal.WslParsersFuzzTest#status"
  "wsl io.github.gpuenv.wsl.internal.WslParsersFuzzTest#version"
)

# the wsl targets need core from this tree: build it once into the reactor (no install)
rows=()
failed=0
for t in "${targets[@]}"; do
  read -r module test <<<"$t"
  [[ -n "$filter" && "$test" != *"$filter"* ]] && continue
  log="$logs/${test##*.}.log"
  start=$(date +%s)
  # jazzer.internal.arg.N: libFuzzer flags after the annotation's, so -max_total_time here wins over maxDuration
  # (Jazzer 0.24 has no public option for it, see CodeIntelligenceTesting/jazzer#951). JUnit's own @Timeout is
  # switched off: in fuzzing mode the whole run is one invocation; Jazzer turns @Timeout into libFuzzer's -timeout.
  JAZZER_FUZZ=1 ./mvnw -o -B -pl "$module" -am test \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.internal.arg.0=fuzz-long -Djazzer.internal.arg.1=-max_total_time="$seconds" \
      -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1
  rc=$?
  wall=$(( $(date +%s) - start ))
  done_line=$(grep -a -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  runs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\1/' <<<"$done_line")
  secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\2/' <<<"$done_line")
  cov=$(grep -a -E '^#[0-9]+' "$log" | tail -1 | grep -o -E 'cov: [0-9]+' | cut -d' ' -f2)
  corp=$(grep -a -E '^#[0-9]+' "$log" | tail -1 | grep -o -E 'corp: [0-9]+' | cut -d' ' -f2)
  findings=$(grep -a -c -E '^== Java Exception|^==[0-9]+== ERROR: libFuzzer: timeout|Test unit written to' "$log")
  if [[ $rc -ne 0 || $findings -gt 0 ]]; then
    verdict="FINDING (see $log)"
    failed=1
  else
    verdict="ok"
  fi
  rows+=("$(printf '| %-70s | %8s | %10s | %5s | %6s | %s |' "$test" "${secs:-?}" "${runs:-?}" "${cov:-?}" "${corp:-?}" "$verdict")")
  printf '%s (wall %ss)\n' "${rows[-1]}" "$wall"
done

echo
printf '| %-70s | %8s | %10s | %5s | %6s | %s |\n' "target" "seconds" "executions" "cov" "corpus" "result"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..72})" "----------" "------------" "-------" "--------" "--------"
printf '%s\n' "${rows[@]}"
exit $failed
