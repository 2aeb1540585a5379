#!/bin/sh
# Builds the self-contained distribution examples/target/gpuenv-dist (run by Maven in `package`, after the shaded
# jar; see examples/pom.xml and docs/speed.md):
#   bin/gpuenv        the launcher (POSIX sh)
#   lib/gpuenv.jar    the shaded CLI jar, picocli recompiled for Java 17 when its sources jar is given (class files
#                     of version 49, as picocli ships them, are never archived)
#   lib/gpuenv.aot    JDK 25+: an AOT cache (JEP 483/514/515), or
#   lib/gpuenv.jsa    JDK 17-24: a dynamic AppCDS archive on top of the runtime's default CDS archive
#   runtime/          a jlinked Java runtime with only the modules gpuenv needs
# The archive is trained here by DistTraining (a capture's fixture root, and a stand-in engine for `run`): no GPU and
# no Docker needed. Without jlink the distribution is not built (a warning, not a failure).
#
#   build-dist.sh OUT JAR BUILD_JDK [JDK|auto] [MODULES] [PICOCLI_SOURCES_JAR] [CAPTURE_ROOT]
set -eu
out=$1 jar=$2 build_jdk=$3 jdk=${4:-auto} modules=${5:-java.base} picocli_sources=${6:-} capture=${7:-}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
say() { echo "[gpuenv-dist] $*" >&2; }

feature() { # the feature version of the JDK at $1 (17, 25, …), or 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  echo "${v:-0}"
}
if [ "$jdk" = auto ] || [ -z "$jdk" ]; then
  # the newest JDK with jlink among the build's own and the usual install places; 25+ gives the AOT cache
  jdk=$build_jdk best=$(feature "$build_jdk")
  for d in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$d/bin/jlink" ] || continue
    f=$(feature "$d")
    if [ "$f" -gt "$best" ]; then jdk=$d best=$f; fi
  done
fi
if [ ! -x "$jdk/bin/jlink" ]; then
  say "WARNING: no jlink in $jdk: the distribution is not built (plain java -jar still works)"
  exit 0
fi
version=$(feature "$jdk")
say "runtime from $jdk (Java $version)"
work=$out.work
rm -rf "$out" "$work"
mkdir -p "$out/bin" "$out/lib" "$work"

# 1. The runtime. JDK 17 keeps its default CDS archive (a dynamic archive sits on top of it); an AOT cache holds
#    the JDK's classes itself.
if [ "$version" -ge 21 ]; then compress=zip-6; else compress=2; fi
cds=; [ "$version" -lt 25 ] && cds=--generate-cds-archive
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress="$compress" \
  $cds --output "$out/runtime"

# 2. The jar, picocli recompiled for Java 17 when its sources are given.
cp "$jar" "$out/lib/gpuenv.jar"
if [ -n "$picocli_sources" ] && [ -f "$picocli_sources" ]; then
  mkdir -p "$work/picocli-src" "$work/picocli-classes"
  (cd "$work/picocli-src" && "$jdk/bin/jar" xf "$picocli_sources")
  find "$work/picocli-src" -name '*.java' ! -name module-info.java > "$work/picocli-sources.txt"
  "$jdk/bin/javac" --release 17 -nowarn -encoding UTF-8 -d "$work/picocli-classes" @"$work/picocli-sources.txt" \
    2>"$work/javac.log" || { cat "$work/javac.log" >&2; exit 1; }
  "$jdk/bin/jar" --update --file "$out/lib/gpuenv.jar" -C "$work/picocli-classes" picocli
else
  say "no picocli sources jar: picocli stays at class-file version 49 and out of the archive"
fi

# 3. The launcher.
cp "$here/bin/gpuenv" "$out/bin/gpuenv"
chmod 755 "$out/bin/gpuenv"

# 4. The training run. The socket lives under /tmp: a unix socket path has at most 107 bytes.
socket=$(mktemp -u "${TMPDIR:-/tmp}/gpuenv-training.XXXXXX")
set -- --engine-socket "$socket"
if [ -n "$capture" ] && [ -d "$capture" ]; then set -- "$@" --root "$capture"; fi
fast='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData'
if [ "$version" -ge 25 ]; then
  archive=-XX:AOTCacheOutput=$out/lib/gpuenv.aot
else
  archive=-XX:ArchiveClassesAtExit=$out/lib/gpuenv.jsa
fi
# shellcheck disable=SC2086 # $fast is a list of words without blanks
if ! DOCKER_HOST=unix://$socket "$out/runtime/bin/java" "$archive" -Xlog:disable -Xlog:all=error:stderr $fast \
    --enable-native-access=ALL-UNNAMED -cp "$out/lib/gpuenv.jar" io.github.gpuenv.cli.DistTraining "$@" \
    >"$work/training.log" 2>&1; then
  cat "$work/training.log" >&2
  say "WARNING: the training run failed: no archive (the distribution still works, more slowly)"
  rm -f "$out/lib/gpuenv.aot" "$out/lib/gpuenv.jsa"
fi
rm -f "$socket"
grep -c '^\[training\] exit' "$work/training.log" | sed 's/^/[gpuenv-dist] training commands: /' >&2 || true
rm -rf "$work"
say "built $out ($(du -sk "$out" | cut -f1) KiB)"
