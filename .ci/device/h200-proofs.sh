#!/bin/bash
# The issue-10 proofs on the H200 host, after `bash .devkit/gpu-host.sh setup` (device kit: ../shared/device).
# Runs from the checkout root with the kit's java on PATH; writes a transcript to $OUT/proofs-<section>.txt.
#   bash .devkit/gpu-host.sh run bash .ci/device/h200-proofs.sh SECTION...   (ldpath, preflight, detached)
# Needs .devkit/rootfs.tar (the kit's busybox+glibc image files) and .devkit/cuda_vecadd (gcc -O2 -o
# .devkit/cuda_vecadd .ci/device/cuda_vecadd.c -ldl, built where gcc is).
set -u
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp}
G=${GPUENV:-"java -jar examples/target/gpuenv.jar"}
api() { curl -s --unix-socket /var/run/docker.sock "$@"; }
urlenc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$1" 2>/dev/null \
  || printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
log=/dev/null
say() { echo "$*" | tee -a "$log"; }
step() { say "\$ $*"; ( eval "$@" ) >>"$log" 2>&1; local rc=$?; say "[exit $rc]"; }
# image NAME ENV... : the kit's root filesystem plus cuda_vecadd, imported with the given ENV lines
image() {
  local name=$1; shift
  local t=/tmp/gpuenv-proof-rootfs.tar; cp .devkit/rootfs.tar "$t"
  mkdir -p /tmp/gpuenv-proof-add/usr/local/bin && cp .devkit/cuda_vecadd /tmp/gpuenv-proof-add/usr/local/bin/
  tar -rf "$t" -C /tmp/gpuenv-proof-add ./usr/local/bin/cuda_vecadd
  local q="fromSrc=-&repo=${name%%:*}&tag=${name##*:}&changes=$(urlenc 'ENV PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')"
  for e in "$@"; do q="$q&changes=$(urlenc "ENV $e")"; done
  api -X POST -H 'Content-Type: application/x-tar' --data-binary @"$t" "http://d/images/create?$q" >/dev/null
  api "http://d/images/$name/json" | grep -o '"Env":\[[^]]*\]' | head -1
}
containers() { api 'http://d/containers/json?all=1' | grep -o '"Id":"[0-9a-f]\{12\}' | wc -l; }

for section in "$@"; do
  log="$OUT/proofs-$section.txt"; : > "$log"
  say "# $section — $(date -u +%FT%TZ) on $(hostname); $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null)"
  case "$section" in
    ldpath)
      step "image gpuenv/cuda-app:1 'LD_LIBRARY_PATH=/opt/framework/lib:/usr/local/cuda/lib64'"
      step "$G cdi generate --output /etc/cdi/gpuenv-nvidia.json && grep -c containerPath /etc/cdi/gpuenv-nvidia.json && grep -o 'LD_LIBRARY_PATH[^\"]*' /etc/cdi/gpuenv-nvidia.json | head -3"
      step "grep -o '\"containerPath\" *: *\"/usr/lib[^\"]*libcuda.so.1\"' /etc/cdi/gpuenv-nvidia.json"
      sleep 1
      step "$G run --gpus all --attach cdi gpuenv/cuda-app:1 sh -c 'echo image LD_LIBRARY_PATH=\$LD_LIBRARY_PATH; nvidia-smi -L; cuda_vecadd'"
      step "$G run --gpus all --attach inject gpuenv/cuda-app:1 sh -c 'echo image LD_LIBRARY_PATH=\$LD_LIBRARY_PATH; nvidia-smi -L; cuda_vecadd'"
      step "echo containers left: \$(containers)" ;;
    preflight)
      step "image gpuenv/cuda99:1 'NVIDIA_REQUIRE_CUDA=cuda>=99.0'"
      step "echo containers before: \$(containers)"
      step "$G run --gpus all gpuenv/cuda99:1 nvidia-smi -L"
      step "$G run --gpus all -e NVIDIA_DISABLE_REQUIRE=1 gpuenv/cuda99:1 nvidia-smi -L"
      step "$G run --gpus all -e 'NVIDIA_REQUIRE_CUDA=cuda>=12.0' gpuenv/cuda99:1 nvidia-smi -L"
      step "$G run --gpus device=7 gpuenv/cuda-min:1 nvidia-smi -L"
      step "$G run --gpus 2 gpuenv/cuda-min:1 nvidia-smi -L"
      step "$G run --gpus '\"device=GPU-00000000-0000-0000-0000-000000000000\"' gpuenv/cuda-min:1 nvidia-smi -L"
      step "$G run --no-preflight --gpus device=7 gpuenv/cuda-min:1 nvidia-smi -L"
      step "$G run --no-preflight --gpus all gpuenv/cuda99:1 nvidia-smi -L"
      step "$G run --dry-run --gpus all gpuenv/cuda-min:1 nvidia-smi -L"
      step "$G run --dry-run --json --gpus device=0 gpuenv/cuda-min:1 nvidia-smi -L | head -40"
      step "echo containers after: \$(containers)" ;;
    detached)
      step "$G run -d --network host --gpus all --name gpuenv-h200-web gpuenv/cuda-app:1 sh -c 'mkdir -p /tmp/www && nvidia-smi -L > /tmp/www/index.html && cuda_vecadd >> /tmp/www/index.html && exec busybox httpd -f -p 127.0.0.1:18080 -h /tmp/www'"
      step "for i in \$(seq 1 100); do curl -sf http://127.0.0.1:18080/index.html && break; sleep 0.1; done"
      step "api -X POST 'http://d/containers/gpuenv-h200-web/stop?t=2' -w '%{http_code}\\n'; api http://d/containers/gpuenv-h200-web/json | grep -o '\"Status\":\"[a-z]*\"\\|\"ExitCode\":[0-9]*\\|io.github.gpuenv.outlive-session[^,]*'"
      step "api -X DELETE 'http://d/containers/gpuenv-h200-web' -w '%{http_code}\\n'"
      step "java -cp \${GPUENV_JAR:-examples/target/gpuenv.jar} io.github.gpuenv.examples.ServerExample gpuenv/cuda-app:1 18081"
      step "echo containers left: \$(containers)" ;;
    *) say "unknown section $section" ;;
  esac
done
