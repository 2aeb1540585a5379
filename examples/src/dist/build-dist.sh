#!/bin/sh
# Builds the self-contained distribution examples/target/gpuenv-dist (run by Maven in `package`, after the shaded
# jar; see examples/pom.xml and docs/speed.md):
#   bin/gpuenv            the launcher (POSIX sh)
#   bin/gpuenv-train      trains the archives below (here, and again on the machine that runs gpuenv)
#   lib/gpuenv.jar        the shaded CLI jar, repacked: picocli recompiled for Java 17 when its sources jar is given
#                         (class files of version 49, as picocli ships them, are never archived), JNA's native
#                         libraries for other platforms left out, entries stored (a .tar.xz of it is half the size)
#   lib/gpuenv-detect.aot JDK 25+: the AOT cache (JEP 483/514/515) of detect and doctor as main runs them
#   lib/gpuenv-run.aot    JDK 25+: the AOT cache of run
#   lib/gpuenv.aot        JDK 25+: the AOT cache of the other commands (an AOT cache loads all its classes at
#                         start-up: a cache of every command made detect slower, docs/speed.md)
#   lib/gpuenv.jsa        JDK 17-24 instead: one dynamic AppCDS archive (loaded on demand)
#   runtime/              a jlinked Java runtime with only the modules gpuenv needs
# The archives are trained here by DistTraining (this machine's detect, a stand-in engine for `run`, a capture's
# fixture root for the JDK 17 archive): no GPU and no Docker needed. Without jlink the distribution is not built
# (a warning, not a failure).
#
#   build-dist.sh OUT JAR BUILD_JDK [JDK|auto] [MODULES] [PICOCLI_SOURCES_JAR] [CAPTURE_ROOT] [JLINK_COMPRESS]
set -eu
out=$1 jar=$2 build_jdk=$3 jdk=${4:-auto} modules=${5:-java.base} picocli_sources=${6:-} capture=${7:-}
compress=${8:-}; [ "$compress" = default ] && compress=
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)
abs() { case $1 in /*|'') printf %s "$1" ;; *) printf %s "$PWD/$1" ;; esac; }
out=$(abs "$out") jar=$(abs "$jar") picocli_sources=$(abs "$picocli_sources") capture=$(abs "$capture")
say() { echo "[gpuenv-dist] $*" >&2; }
t0=$(date +%s)

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

# 1. The runtime. Unless told otherwise its modules are not compressed: compressed modules cannot be compressed
#    again, so the .tar.xz of the distribution would grow by 7 MB to save 15 MB on disk (docs/speed.md). JDK 17
#    keeps its default CDS archive (a dynamic archive sits on top of it); an AOT cache holds the JDK's classes itself.
if [ -z "$compress" ]; then
  if [ "$version" -ge 21 ]; then compress=zip-0; else compress=0; fi
fi
cds=; [ "$version" -lt 25 ] && cds=--generate-cds-archive
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress="$compress" \
  $cds --output "$out/runtime" >/dev/null

# 2. The jar, repacked.
mkdir -p "$work/jar"
(cd "$work/jar" && "$jdk/bin/jar" xf "$jar")
case $(uname -s)-$(uname -m) in
  Linux-x86_64) keep=linux-x86-64 ;;
  Linux-aarch64) keep=linux-aarch64 ;;
  *) keep= ;;
esac
if [ -n "$keep" ] && [ -d "$work/jar/com/sun/jna/$keep" ]; then
  for d in "$work"/jar/com/sun/jna/*; do
    case ${d##*/} in
      aix-*|darwin*|dragonflybsd-*|freebsd-*|linux-*|openbsd-*|sunos-*|win32-*)
        [ "${d##*/}" = "$keep" ] || rm -rf "$d" ;;
    esac
  done
fi
# JNA's native part for this platform, also in lib/: the launcher names the directory as jna.boot.library.path, so
# that JNA loads it from there instead of copying it out of the jar into a temporary file on every run (docs/speed.md)
if [ -n "$keep" ] && [ -f "$work/jar/com/sun/jna/$keep/libjnidispatch.so" ]; then
  cp "$work/jar/com/sun/jna/$keep/libjnidispatch.so" "$out/lib/libjnidispatch.so"
fi
if [ -n "$picocli_sources" ] && [ -f "$picocli_sources" ]; then
  mkdir -p "$work/picocli-src"
  (cd "$work/picocli-src" && "$jdk/bin/jar" xf "$picocli_sources")
  find "$work/picocli-src" -name '*.java' ! -name module-info.java > "$work/picocli-sources.txt"
  rm -rf "$work/jar/picocli"
  "$jdk/bin/javac" --release 17 -nowarn -encoding UTF-8 -d "$work/jar" @"$work/picocli-sources.txt" \
    2>"$work/javac.log" || { cat "$work/javac.log" >&2; exit 1; }
else
  say "no picocli sources jar: picocli stays at class-file version 49 and out of the archive"
fi
manifest=$work/jar/META-INF/MANIFEST.MF
mv "$manifest" "$work/MANIFEST.MF"
"$jdk/bin/jar" --create --no-compress --file "$out/lib/gpuenv.jar" --manifest "$work/MANIFEST.MF" -C "$work/jar" .

# 3. The launcher and the training script.
cp "$here/bin/gpuenv" "$here/bin/gpuenv-train" "$out/bin/"
chmod 755 "$out/bin/gpuenv" "$out/bin/gpuenv-train"

# 4. The training runs (bin/gpuenv-train: the same on a target machine).
if ! "$out/bin/gpuenv-train" ${capture:+--root} ${capture:+"$capture"} 2>"$work/training.log"; then
  cat "$work/training.log" >&2
  say "WARNING: a training run failed: no archive (the distribution still works, more slowly)"
  rm -f "$out"/lib/*.aot "$out"/lib/*.jsa
fi
say "training commands: $(grep -c '^\[gpuenv-train\] \[training\] exit' "$work/training.log" || true)"
rm -rf "$work"
say "built $out in $(( $(date +%s) - t0 )) s: $(du -sk "$out" | cut -f1) KiB ($(du -sk "$out/runtime" | cut -f1) runtime)"
