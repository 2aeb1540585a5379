#!/bin/bash
# one device call: the NVML harness, the distribution's detect rows, the boot-path effect, then gpuenv-train
R=$PWD; E=$R/.devkit/exp; exec > >(tee $OUT/transcript.txt) 2>&1
date -u; nproc; uptime; nvidia-smi --query-gpu=name,uuid,pci.bus_id,memory.total,driver_version,compute_cap,mig.mode.current --format=csv
xz -dc .devkit/gpuenv-dist.tar.xz | tar -C /tmp -xf -; D=/tmp/gpuenv-dist
$D/bin/gpuenv detect --json > $OUT/detect.json; echo "detect exit $?"; python3 -c 1 2>/dev/null && echo python3 || echo "no python3"
grep -A12 '"nvidia"' $OUT/detect.json | head -30; grep -B2 -A3 '"nvml"' $OUT/detect.json | grep elapsed
echo "== harness"; bash $E/run.sh $D/runtime/bin/java nvidia-ml 9 2>&1 | grep -v "AOTCache\|AOTConfiguration\|child process"
echo "== bench-cold-cli"; sh .ci/bench-cold-cli.sh 11 --dist $D --only detect
echo "== boot path effect"; cp -a $D /tmp/noboot; rm /tmp/noboot/lib/libjnidispatch.so
for i in $(seq 11); do for r in boot noboot smi; do s=$(date +%s%N)
  case $r in boot) $D/bin/gpuenv detect --json >/dev/null;; noboot) /tmp/noboot/bin/gpuenv detect --json >/dev/null;; smi) nvidia-smi --query-gpu=name,uuid,memory.total --format=csv >/dev/null;; esac
  e=$(date +%s%N); echo $(( (e-s)/1000000 )) >> /tmp/w.$r; done; done
for r in boot noboot smi; do echo "$r $(sort -n /tmp/w.$r | awk '{a[NR]=$1} END{print "median", a[int((NR+1)/2)], "p90", a[int(NR*0.9+0.5)], "min", a[1]}')"; done
echo "== gpuenv-train"; time $D/bin/gpuenv-train 2>&1 | tail -3
for i in $(seq 15); do for r in trained smi version; do s=$(date +%s%N)
  case $r in trained) $D/bin/gpuenv detect --json >/dev/null;; smi) nvidia-smi --query-gpu=name,uuid,memory.total --format=csv >/dev/null;; version) $D/bin/gpuenv --version >/dev/null;; esac
  e=$(date +%s%N); echo $(( (e-s)/1000000 )) >> /tmp/t.$r; done; done
for r in trained smi version; do echo "$r $(sort -n /tmp/t.$r | awk '{a[NR]=$1} END{print "median", a[int((NR+1)/2)], "p90", a[int(NR*0.9+0.5)], "min", a[1]}')"; done
$D/bin/gpuenv detect --json > $OUT/detect-trained.json; grep -B2 -A3 '"nvml"' $OUT/detect-trained.json | grep elapsed; grep '"elapsedMillis" : [0-9]*,' $OUT/detect-trained.json
uptime; date -u
