#!/bin/bash
# usage: run.sh JAVA LIB N [DIST]
J=$1; LIB=$2; N=${3:-11}; DIST=$4; D=$(cd "$(dirname "$0")" && pwd); T=$(mktemp -d)
CP="$D/bench.jar:$D/jna.jar"; BASE="--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr"
B="-Djna.boot.library.path=$D/boot"; P="-Djna.platform.library.path=/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu:/usr/lib:/lib"
declare -A OPTS=( [hello]="" [iface]="" [iface-boot]="$B" [arr-boot]="$B" [ptr-boot]="$B" [ptr-boot-nounp]="$B -Djna.nounpack=true" [ptr-boot-noldc]="$B $P" [direct-boot]="$B" [ffm]="" )
declare -A MODE=( [hello]=hello [iface]=iface [iface-boot]=iface [arr-boot]=arr [ptr-boot]=ptr [ptr-boot-nounp]=ptr [ptr-boot-noldc]=ptr [direct-boot]=direct [ffm]=ffm )
VARS="hello iface iface-boot arr-boot ptr-boot ptr-boot-nounp ptr-boot-noldc direct-boot ffm"
for v in $VARS; do $J $BASE ${OPTS[$v]} -XX:AOTCacheOutput=$T/$v.aot -cp $CP NvmlBench ${MODE[$v]} $LIB >$T/$v.out 2>$T/$v.train || cat $T/$v.train; done
cat $T/iface.out $T/ptr-boot-noldc.out
for i in $(seq $N); do for v in $VARS; do
  s=$(date +%s%N); $J $BASE ${OPTS[$v]} -XX:AOTCache=$T/$v.aot -cp $CP NvmlBench ${MODE[$v]} $LIB >/dev/null 2>>$T/$v.marks; e=$(date +%s%N)
  echo $(( (e-s)/1000000 )) >> $T/$v.wall; done
  if [ -n "$DIST" ]; then s=$(date +%s%N); $DIST/bin/gpuenv detect --json > $T/detect.json; e=$(date +%s%N); echo $(( (e-s)/1000000 )) >> $T/dist.wall
    s=$(date +%s%N); nvidia-smi --query-gpu=name,uuid,driver_version,memory.total --format=csv >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e-s)/1000000 )) >> $T/smi.wall; fi
done
med() { sort -n $1 | awk '{a[NR]=$1} END{printf "median %s min %s max %s", a[int((NR+1)/2)], a[1], a[NR]}'; }
for v in $VARS; do printf '%-15s wall %s | ' $v "$(med $T/$v.wall)"
  if command -v python3 >/dev/null; then python3 -c "import sys,statistics as s;d={}
for l in open(sys.argv[1]):
  for t in l.split()[1:]:
    k,v=t.split('=');d.setdefault(k,[]).append(int(v[:-2])/1000)
print(' '.join('%s=%.1f'%(k,s.median(v)) for k,v in d.items()))" $T/$v.marks; else echo; tail -1 $T/$v.marks; fi
done
[ -n "$DIST" ] && { echo "dist detect: $(med $T/dist.wall)"; echo "nvidia-smi: $(med $T/smi.wall)"; head -c 3000 $T/detect.json; }
rm -rf $T
