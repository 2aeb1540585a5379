#!/bin/bash
# device call 2 (after gpu-host.sh setup): correctness of the NVML facts, the full bench (detect and run rows), then
# gpuenv-train and the detect rows again
exec > >(tee $OUT/transcript.txt) 2>&1
date -u; uptime; nvidia-smi --query-gpu=name,uuid,pci.bus_id,memory.total,driver_version,compute_cap,mig.mode.current --format=csv,noheader
xz -dc .devkit/gpuenv-dist.tar.xz | tar -C /tmp -xf -; D=/tmp/gpuenv-dist; xz -dc .devkit/docker.xz > /tmp/docker; chmod +x /tmp/docker
$D/bin/gpuenv cdi generate --output /etc/cdi/gpuenv-nvidia.json; echo "cdi exit $?"; sleep 1
$D/bin/gpuenv detect --json > $OUT/detect.json; echo "detect exit $?"
python3 -c "import json; d=json.load(open('$OUT/detect.json')); print(d['nvidia']); print([(a['probe'],a['elapsedMillis']) for a in d['attempts']]); print('total', d['elapsedMillis'])"
$D/bin/gpuenv run --gpus nvidia.com/gpu=all gpuenv/cuda-min:1 nvidia-smi -L; echo "run exit $?"
echo "== bench (archives trained at build time)"
sh .ci/bench-cold-cli.sh 11 --dist $D --docker /tmp/docker --image gpuenv/cuda-min:1 --gpus nvidia.com/gpu=all --command 'echo ok'
echo "== gpuenv-train"; $D/bin/gpuenv-train 2>&1 | tail -2
echo "== bench (after gpuenv-train on this host)"
sh .ci/bench-cold-cli.sh 11 --dist $D --docker /tmp/docker --image gpuenv/cuda-min:1 --gpus nvidia.com/gpu=all --command 'echo ok'
$D/bin/gpuenv detect --json > $OUT/detect-trained.json
python3 -c "import json; d=json.load(open('$OUT/detect-trained.json')); print([(a['probe'],a['elapsedMillis']) for a in d['attempts']]); print('total', d['elapsedMillis'])"
/tmp/docker ps -a --format '{{.ID}} {{.Status}}' | wc -l; uptime; date -u
