#!/usr/bin/env bash
# Provisions real Docker Engines for gpuenv's integration tests (Debian/Ubuntu, root):
#   * Engine 20.10 (Debian 12 docker.io) on the default socket unix:///var/run/docker.sock
#   * Engine 26.1 (Debian 13 docker.io + containerd 1.7, unpacked under /opt/gpuenv-engine26)
#     with CDI enabled, on unix:///run/gpuenv-docker26/docker.sock, its own containerd,
#     data/exec roots, bridge gpuenv26br0 and CDI spec dir /etc/gpuenv-cdi26
#   * Engine 20.10 again as the "hook" engine on unix:///run/gpuenv-docker-hook/docker.sock (own data/exec
#     roots, bridge gpuenv-hookbr0), started with a stand-in nvidia-container-runtime-hook on its PATH, so it
#     registers moby's `nvidia` device driver (the toolkit path's wiring, without a GPU); the stand-in logs its
#     argv to /var/log/gpuenv-fake-hook.log, drains the OCI state on stdin and exits 0
#   * Podman 5.4 (Debian 13 podman + conmon, netavark, catatonit, unpacked under /opt/gpuenv-podman with Debian 13's
#     glibc beside them: each binary's ELF interpreter and RPATH point at that private lib dir; Debian 12's runc) serving
#     its Docker-compatible API on unix:///run/gpuenv-podman/podman.sock as root, with its own configs
#     (/etc/gpuenv-podman), vfs storage, run dirs, bridge subnet and CDI dir /etc/gpuenv-cdi-podman. Podman 5.4 reads
#     CDI specs only from /etc/cdi and /var/run/cdi (containers.conf's cdi_spec_dirs arrives in 5.5), so the service
#     runs in a mount namespace of its own where /var/run/cdi is that dir and /etc/cdi (when the host has one) is
#     masked by an empty dir: the host's CDI dirs are not touched
#   * a local registry (Debian 12 docker-registry) on 127.0.0.1:5000, no auth
#   * a busybox-static test image gpuenv/busybox:test imported on every engine and pushed
#     to the registry as 127.0.0.1:5000/gpuenv/busybox:test
#
# Usage: docker-engines.sh start|stop|status|env|throwaway start|kill|stop
#   start   idempotent; returns quickly when everything is already up
#   stop    stops the daemons (by pidfile) and removes their bridges
#   status  prints the state of each component; exit 0 only when all are up
#   env     prints `export` lines for the reachable engines/registry
#   throwaway start|kill|stop
#           a disposable Engine 20.10 on unix:///run/gpuenv-docker-tmp/docker.sock (bridge gpuenv-tmpbr0) for
#           tests that kill a daemon mid-run: `start` (re)starts it on its existing data root, `kill` sends
#           SIGKILL to dockerd, `stop` stops it and deletes its data
set -euo pipefail

# ---- constants -------------------------------------------------------------------------
D20_SOCK=/var/run/docker.sock
D20_HOST=unix://$D20_SOCK
D20_PID=/var/run/gpuenv-dockerd20.pid
D20_LOG=/var/log/gpuenv-dockerd20.log

E26_DIR=/opt/gpuenv-engine26
D26_RUN=/run/gpuenv-docker26
D26_SOCK=$D26_RUN/docker.sock
D26_HOST=unix://$D26_SOCK
D26_PID=$D26_RUN/docker.pid
D26_EXEC=$D26_RUN/exec
D26_DATA=/var/lib/gpuenv-docker26
D26_CONF=/etc/gpuenv-docker26/daemon.json
D26_LOG=/var/log/gpuenv-dockerd26.log
D26_CDI=/etc/gpuenv-cdi26
D26_BRIDGE=gpuenv26br0
D26_BRIDGE_CIDR=172.31.250.1/24
C26_RUN=/run/gpuenv-containerd26
C26_SOCK=$C26_RUN/containerd.sock
C26_PID=$C26_RUN/containerd.pid
C26_ROOT=/var/lib/gpuenv-containerd26
C26_CONF=/etc/gpuenv-docker26/containerd.toml
C26_LOG=/var/log/gpuenv-containerd26.log

HOOK_RUN=/run/gpuenv-docker-hook
HOOK_SOCK=$HOOK_RUN/docker.sock
HOOK_HOST=unix://$HOOK_SOCK
HOOK_PID=$HOOK_RUN/docker.pid
HOOK_EXEC=$HOOK_RUN/exec
HOOK_DATA=/var/lib/gpuenv-docker-hook
HOOK_LOG=/var/log/gpuenv-dockerd-hook.log
HOOK_BRIDGE=gpuenv-hookbr0
HOOK_BRIDGE_CIDR=172.31.251.1/24
HOOK_BIN=/opt/gpuenv-fake-toolkit/bin
HOOK_CALLS=/var/log/gpuenv-fake-hook.log

TMP_RUN=/run/gpuenv-docker-tmp
TMP_SOCK=$TMP_RUN/docker.sock
TMP_HOST=unix://$TMP_SOCK
TMP_PID=$TMP_RUN/docker.pid
TMP_EXEC=$TMP_RUN/exec
TMP_DATA=/var/lib/gpuenv-docker-tmp
TMP_LOG=/var/log/gpuenv-dockerd-tmp.log
TMP_BRIDGE=gpuenv-tmpbr0
TMP_BRIDGE_CIDR=172.31.252.1/24

POD_DIR=/opt/gpuenv-podman
POD_RUN=/run/gpuenv-podman
POD_SOCK=$POD_RUN/podman.sock
POD_HOST=unix://$POD_SOCK
POD_PID=$POD_RUN/podman.pid
POD_ETC=/etc/gpuenv-podman
POD_DATA=/var/lib/gpuenv-podman
POD_CDI=/etc/gpuenv-cdi-podman
POD_LOG=/var/log/gpuenv-podman.log
POD_SUBNET=172.31.253.0/24
# Debian 13 packages unpacked for Podman; the lib packages are those whose Debian 12 versions are too old for it
POD_PKGS=(podman conmon catatonit netavark aardvark-dns golang-github-containers-common libc6 libgpgme11t64
  libassuan9 libgpg-error0 libseccomp2 libsqlite3-0 libsubid5 libglib2.0-0t64 libsystemd0 libgcc-s1)

REG_ADDR=127.0.0.1:5000
REG_PID=/run/gpuenv-registry.pid
REG_DATA=/var/lib/gpuenv-registry
REG_CONF=/etc/gpuenv-registry/config.yml
REG_LOG=/var/log/gpuenv-registry.log

IMG_REPO=gpuenv/busybox
IMG_TAG=test
IMG=$IMG_REPO:$IMG_TAG
# Bump IMG_REV when the root filesystem changes: engines holding an older revision re-import.
IMG_REV=3
ROOTFS_TAR=/var/lib/gpuenv-images/busybox-rootfs-r$IMG_REV.tar

WAIT_S=${GPUENV_ENGINE_WAIT_S:-60}

log() { echo "[docker-engines] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---- small helpers ---------------------------------------------------------------------
ping_sock() { # $1 = socket path
  [ -S "$1" ] || return 1
  [ "$(curl -fsS -m 3 --unix-socket "$1" http://d/_ping 2>/dev/null || true)" = OK ]
}
registry_up() { curl -fsS -m 3 -o /dev/null "http://$REG_ADDR/v2/" 2>/dev/null; }
image_on() { # $1 = socket; true when the image exists at revision IMG_REV
  curl -fsS -m 5 --unix-socket "$1" "http://d/images/$IMG/json" 2>/dev/null |
    grep -q "\"gpuenv.test-image.rev\":\"$IMG_REV\""
}
image_in_registry() { # true when the registry's image has the same config digest (image ID) as engine 20's
  local cfg id
  cfg=$(curl -fsS -m 5 -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REG_ADDR/v2/$IMG_REPO/manifests/$IMG_TAG" 2>/dev/null | tr -d ' \n\t' |
    grep -o '"config":{[^}]*}' | grep -o 'sha256:[0-9a-f]*' || true)
  [ -n "$cfg" ] || return 1
  id=$(curl -fsS -m 5 --unix-socket "$D20_SOCK" "http://d/images/$IMG/json" 2>/dev/null |
    grep -o '"Id":"sha256:[0-9a-f]*"' | grep -o 'sha256:[0-9a-f]*' || true)
  [ "$cfg" = "$id" ]
}
pid_alive() { # $1 = pidfile; true only for a live (not zombie) daemon of ours: a stale pidfile whose PID was reused
  local pid               # by another process, or left by a killed daemon, must not stop a fresh start
  [ -s "$1" ] || return 1
  pid=$(cat "$1")
  kill -0 "$pid" 2>/dev/null || return 1
  grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE 'dockerd|containerd|docker-registry|podman'
}
wait_for() { # $1 = description, rest = command; polls up to WAIT_S seconds
  local what=$1; shift
  local i
  for ((i = 0; i < WAIT_S * 4; i++)); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  log "timed out after ${WAIT_S}s waiting for $what"
  return 1
}
all_up() {
  ping_sock "$D20_SOCK" && ping_sock "$D26_SOCK" && ping_sock "$HOOK_SOCK" && podman_up && registry_up &&
    image_on "$D20_SOCK" && image_on "$D26_SOCK" && image_on "$HOOK_SOCK" && image_on "$POD_SOCK" &&
    image_in_registry
}
ensure_bridge() { # $1 = name, $2 = cidr
  if ! ip link show "$1" >/dev/null 2>&1; then
    ip link add "$1" type bridge
  fi
  ip -4 addr show dev "$1" | grep -q "inet ${2%/*}/" || ip addr add "$2" dev "$1"
  ip link set "$1" up
}

# ---- prerequisites ---------------------------------------------------------------------
check_prereqs() {
  local missing=()
  [ "$(id -u)" -eq 0 ] || missing+=("root privileges (running as uid $(id -u))")
  command -v apt-get >/dev/null 2>&1 || missing+=("apt-get (a Debian/Ubuntu system)")
  command -v dpkg-deb >/dev/null 2>&1 || missing+=("dpkg-deb")
  command -v curl >/dev/null 2>&1 || missing+=("curl")
  command -v ip >/dev/null 2>&1 || missing+=("ip (iproute2)")
  command -v setsid >/dev/null 2>&1 || missing+=("setsid (util-linux)")
  if [ ${#missing[@]} -gt 0 ]; then
    log "cannot provision Docker Engines; missing:"
    local m
    for m in "${missing[@]}"; do echo "  - $m" >&2; done
    exit 3
  fi
}

APT_OPTS=(-o DPkg::Lock::Timeout=300 -y -qq --no-install-recommends)
apt_install() { # installs the named packages that are not installed yet
  local need=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
  done
  [ ${#need[@]} -eq 0 ] && return 0
  log "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install "${APT_OPTS[@]}" "${need[@]}" >/tmp/gpuenv-apt.log 2>&1; then
    apt-get -o DPkg::Lock::Timeout=300 update -qq >>/tmp/gpuenv-apt.log 2>&1 || true
    apt-get install "${APT_OPTS[@]}" "${need[@]}" >>/tmp/gpuenv-apt.log 2>&1 ||
      { tail -20 /tmp/gpuenv-apt.log >&2; die "apt-get install ${need[*]} failed"; }
  fi
}

# ---- engine 20.10 ----------------------------------------------------------------------
start_d20() {
  if ping_sock "$D20_SOCK"; then return 0; fi
  if pid_alive "$D20_PID"; then
    log "dockerd 20 (pid $(cat "$D20_PID")) is starting; waiting"
  else
    rm -f "$D20_PID"
    # --iptables stays on (it works here); containers get docker0 with NAT.
    log "starting dockerd 20.10 on $D20_HOST (log $D20_LOG)"
    setsid /usr/sbin/dockerd -H "$D20_HOST" --pidfile "$D20_PID" \
      >>"$D20_LOG" 2>&1 </dev/null &
  fi
  wait_for "dockerd 20 _ping" ping_sock "$D20_SOCK" ||
    { tail -30 "$D20_LOG" >&2; die "dockerd 20 did not come up"; }
}

# ---- engine 26.1 -----------------------------------------------------------------------
trixie_unpack() { # $1 = dir to unpack into, rest = Debian 13 (trixie) package names; apt with private lists
  local into=$1 work uri o d
  shift
  work=$(mktemp -d)
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=http://deb.debian.org/debian
  mkdir -p "$work/apt/lists/partial" "$work/apt/parts" "$work/deb" "$into"
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" >"$work/apt/parts/t.sources"
  o=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/apt/parts"
     -o "Dir::State::Lists=$work/apt/lists" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  apt-get "${o[@]}" update -qq || { rm -rf "$work"; die "apt-get update for trixie failed"; }
  (cd "$work/deb" && apt-get "${o[@]}" download "$@" >/dev/null 2>&1) ||
    { rm -rf "$work"; die "downloading trixie $* failed"; }
  for d in "$work"/deb/*.deb; do dpkg-deb -x "$d" "$into"; done
  rm -rf "$work"
}

fetch_engine26() {
  if [ -x "$E26_DIR/bin/dockerd" ] && "$E26_DIR/bin/dockerd" --version 2>/dev/null | grep -q 'version 26\.1'; then
    return 0
  fi
  log "fetching Docker Engine 26.1 + containerd from Debian 13 (trixie) into $E26_DIR"
  local work
  work=$(mktemp -d)
  trixie_unpack "$work/x" docker.io containerd
  rm -rf "$E26_DIR.tmp"; mkdir -p "$E26_DIR.tmp/bin"
  cp "$work/x/usr/sbin/dockerd" "$work/x/usr/sbin/docker-proxy" "$work/x/usr/bin/containerd" \
     "$work/x/usr/bin/containerd-shim-runc-v2" "$work/x/usr/bin/ctr" "$E26_DIR.tmp/bin/"
  [ -x "$work/x/usr/bin/docker-init" ] && cp "$work/x/usr/bin/docker-init" "$E26_DIR.tmp/bin/"
  ln -sf /usr/sbin/runc "$E26_DIR.tmp/bin/runc"   # Debian 12's runc (older glibc requirement)
  rm -rf "$E26_DIR"; mv "$E26_DIR.tmp" "$E26_DIR"
  rm -rf "$work"
  "$E26_DIR/bin/dockerd" --version >&2
}

ensure_bridge26() { ensure_bridge "$D26_BRIDGE" "$D26_BRIDGE_CIDR"; }

write_configs26() {
  mkdir -p "$(dirname "$D26_CONF")" "$D26_CDI" "$D26_RUN" "$C26_RUN" "$D26_DATA" "$C26_ROOT"
  cat >"$D26_CONF" <<EOF
{
  "features": { "cdi": true },
  "cdi-spec-dirs": ["$D26_CDI"]
}
EOF
  cat >"$C26_CONF" <<EOF
version = 2
root = "$C26_ROOT"
state = "$C26_RUN/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$C26_SOCK"
[ttrpc]
  address = "$C26_SOCK.ttrpc"
[debug]
  address = "$C26_RUN/debug.sock"
[metrics]
  address = ""
EOF
}

containerd26_up() {
  [ -S "$C26_SOCK" ] && "$E26_DIR/bin/ctr" -a "$C26_SOCK" version >/dev/null 2>&1
}

start_d26() {
  if ping_sock "$D26_SOCK"; then return 0; fi
  fetch_engine26
  write_configs26
  ensure_bridge26
  # The engine's own binaries first: containerd 1.7's shim, Debian 12's runc, docker-proxy.
  local path26="$E26_DIR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  if ! containerd26_up; then
    if ! pid_alive "$C26_PID"; then
      rm -f "$C26_PID"
      log "starting containerd 1.7 on $C26_SOCK (log $C26_LOG)"
      PATH=$path26 setsid "$E26_DIR/bin/containerd" --config "$C26_CONF" \
        >>"$C26_LOG" 2>&1 </dev/null &
      echo $! >"$C26_PID"
    fi
    wait_for "containerd 26" containerd26_up ||
      { tail -30 "$C26_LOG" >&2; die "containerd for engine 26 did not come up"; }
  fi
  if pid_alive "$D26_PID"; then
    log "dockerd 26 (pid $(cat "$D26_PID")) is starting; waiting"
  else
    rm -f "$D26_PID"
    log "starting dockerd 26.1 on $D26_HOST (log $D26_LOG)"
    # --iptables=false: engine 20 owns the DOCKER iptables chains; two daemons would fight.
    PATH=$path26 setsid "$E26_DIR/bin/dockerd" -H "$D26_HOST" \
      --config-file "$D26_CONF" --containerd "$C26_SOCK" \
      --data-root "$D26_DATA" --exec-root "$D26_EXEC" --pidfile "$D26_PID" \
      --bridge "$D26_BRIDGE" --iptables=false --ip-masq=false \
      --cgroup-parent gpuenv-docker26 \
      >>"$D26_LOG" 2>&1 </dev/null &
  fi
  wait_for "dockerd 26 _ping" ping_sock "$D26_SOCK" ||
    { tail -30 "$D26_LOG" >&2; die "dockerd 26 did not come up"; }
  local v info
  v=$(curl -fsS --unix-socket "$D26_SOCK" http://d/version)
  echo "$v" | grep -q '"Version":"26\.1\.' || die "engine 26 reports unexpected version: $v"
  echo "$v" | grep -q '"ApiVersion":"1\.45"' || die "engine 26 reports unexpected API version: $v"
  info=$(curl -fsS --unix-socket "$D26_SOCK" http://d/info)
  echo "$info" | grep -q "\"CDISpecDirs\":\[\"$D26_CDI\"\]" ||
    die "engine 26 /info lacks CDISpecDirs [$D26_CDI]"
}

# ---- engine 20.10 with a stand-in toolkit hook -----------------------------------------
write_fake_hook() {
  mkdir -p "$HOOK_BIN"
  cat >"$HOOK_BIN/nvidia-container-runtime-hook.tmp" <<HOOK
#!/bin/sh
# gpuenv CI stand-in for the NVIDIA Container Toolkit's OCI hook: moby registers its "nvidia" device driver when
# a binary of this name is on dockerd's PATH at start. Logs its argv, drains the OCI state, succeeds.
echo "\$(date +%s) \$*" >>$HOOK_CALLS
cat >/dev/null
exit 0
HOOK
  chmod 755 "$HOOK_BIN/nvidia-container-runtime-hook.tmp"
  mv "$HOOK_BIN/nvidia-container-runtime-hook.tmp" "$HOOK_BIN/nvidia-container-runtime-hook"
}

start_dockerd20() { # $1 name, $2 run dir, $3 sock, $4 pid, $5 exec root, $6 data root, $7 log, $8 bridge, $9 PATH
  if ping_sock "$3"; then return 0; fi
  mkdir -p "$2" "$5" "$6"
  if pid_alive "$4"; then
    log "dockerd $1 (pid $(cat "$4")) is starting; waiting"
  else
    rm -f "$4"
    log "starting dockerd 20.10 ($1) on unix://$3 (log $7)"
    # --iptables=false: engine 20 on the default socket owns the DOCKER iptables chains.
    PATH=$9 setsid /usr/sbin/dockerd -H "unix://$3" --data-root "$6" --exec-root "$5" --pidfile "$4" \
      --bridge "$8" --iptables=false --ip-masq=false --cgroup-parent "gpuenv-docker-$1" \
      >>"$7" 2>&1 </dev/null &
  fi
  wait_for "dockerd $1 _ping" ping_sock "$3" || { tail -30 "$7" >&2; die "dockerd $1 did not come up"; }
}

start_hook() {
  if ping_sock "$HOOK_SOCK"; then return 0; fi
  write_fake_hook
  ensure_bridge "$HOOK_BRIDGE" "$HOOK_BRIDGE_CIDR"
  start_dockerd20 hook "$HOOK_RUN" "$HOOK_SOCK" "$HOOK_PID" "$HOOK_EXEC" "$HOOK_DATA" "$HOOK_LOG" "$HOOK_BRIDGE" \
    "$HOOK_BIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
}

# ---- podman 5.4 ------------------------------------------------------------------------
podman_up() { # the socket answers _ping and its headers say Podman 5.4 (cheap: /version runs conmon and runc)
  [ -S "$POD_SOCK" ] &&
    curl -fsS -m 3 -i --unix-socket "$POD_SOCK" http://d/_ping 2>/dev/null | grep -qi '^Libpod-Api-Version: 5\.4\.'
}

fetch_podman() {
  if [ -x "$POD_DIR/bin/podman" ] && "$POD_DIR/bin/podman" --version 2>/dev/null | grep -q 'version 5\.4\.'; then
    return 0
  fi
  apt_install patchelf
  log "fetching Podman 5.4 and its runtime from Debian 13 (trixie) into $POD_DIR"
  local work b
  work=$(mktemp -d)
  trixie_unpack "$work/x" "${POD_PKGS[@]}"
  rm -rf "$POD_DIR.tmp"; mkdir -p "$POD_DIR.tmp/bin" "$POD_DIR.tmp/lib" "$POD_DIR.tmp/share"
  cp -a "$work"/x/usr/lib/x86_64-linux-gnu/*.so* "$POD_DIR.tmp/lib/"
  cp "$work/x/usr/bin/podman" "$work/x/usr/bin/conmon" "$work/x/usr/bin/catatonit" \
     "$work/x/usr/lib/podman/netavark" "$work/x/usr/lib/podman/aardvark-dns" "$POD_DIR.tmp/bin/"
  cp "$work/x/usr/share/containers/seccomp.json" "$POD_DIR.tmp/share/"
  # Debian 13's binaries need glibc 2.38+ and Debian 12 has 2.36: each dynamic binary gets the private loader and an
  # RPATH (DT_RPATH, which also covers its libraries' own dependencies) on the private lib dir. What is not there
  # (libaudit, libselinux, ...) comes from Debian 12, older and so compatible with the newer glibc.
  for b in podman conmon netavark aardvark-dns; do
    patchelf --set-interpreter "$POD_DIR/lib/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$POD_DIR/lib" \
      "$POD_DIR.tmp/bin/$b"
  done
  rm -rf "$POD_DIR"; mv "$POD_DIR.tmp" "$POD_DIR"
  rm -rf "$work"
  for b in podman conmon netavark; do
    "$POD_DIR/bin/$b" --version >/dev/null || die "$POD_DIR/bin/$b does not run"
  done
  "$POD_DIR/bin/podman" --version >&2
}

write_configs_podman() {
  mkdir -p "$POD_ETC" "$POD_CDI" "$POD_RUN" "$POD_DATA/home/.config/containers" "$POD_DATA/empty"
  cat >"$POD_ETC/containers.conf" <<EOC
[containers]
log_driver = "k8s-file"
init_path = "$POD_DIR/bin/catatonit"
seccomp_profile = "$POD_DIR/share/seccomp.json"

[network]
network_backend = "netavark"
network_config_dir = "$POD_DATA/networks"
default_subnet = "$POD_SUBNET"
firewall_driver = "none"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$POD_RUN/events.log"
conmon_path = ["$POD_DIR/bin/conmon"]
helper_binaries_dir = ["$POD_DIR/bin"]
# Debian 12's runc: crun refuses this machine's hybrid cgroup layout ("cgroups in hybrid mode not supported")
runtime = "runc"
tmp_dir = "$POD_RUN/libpod"
static_dir = "$POD_DATA/storage/libpod"
volume_path = "$POD_DATA/storage/volumes"
# cdi_spec_dirs is read from Podman 5.5 on; 5.4 reads /etc/cdi and /var/run/cdi (see the mount namespace below)
cdi_spec_dirs = ["$POD_CDI"]

[engine.runtimes]
runc = ["/usr/sbin/runc"]
EOC
  cat >"$POD_ETC/storage.conf" <<EOC
[storage]
driver = "vfs"
graphroot = "$POD_DATA/storage"
runroot = "$POD_RUN/storage"
EOC
  cat >"$POD_ETC/registries.conf" <<EOC
unqualified-search-registries = []

[[registry]]
location = "$REG_ADDR"
insecure = true
EOC
  # containers/image reads \$HOME/.config/containers/policy.json before /etc/containers/policy.json
  printf '{"default":[{"type":"insecureAcceptAnything"}]}\n' >"$POD_DATA/home/.config/containers/policy.json"
}

start_podman() {
  if podman_up; then return 0; fi
  fetch_podman
  write_configs_podman
  if pid_alive "$POD_PID"; then
    log "podman (pid $(cat "$POD_PID")) is starting; waiting"
  else
    rm -f "$POD_PID" "$POD_SOCK"
    mkdir -p /run/cdi   # the mount point for the private CDI dir (an empty dir on the host; /var/run is /run)
    log "starting podman system service on $POD_HOST (log $POD_LOG)"
    # a mount namespace of its own: /var/run/cdi is the private CDI dir and the host's /etc/cdi is masked, for
    # Podman 5.4 reads only those two; nothing else is mounted there, and the service's own mounts stay inside.
    # Its working directory is /: conmon, which it starts per container, fails ("Failed to get working directory")
    # once the directory the script was started from is deleted (a removed checkout or worktree)
    local mask=""
    [ -d /etc/cdi ] && mask="mount --bind $POD_DATA/empty /etc/cdi && "
    env -i PATH="$POD_DIR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" HOME="$POD_DATA/home" \
      CONTAINERS_CONF="$POD_ETC/containers.conf" CONTAINERS_STORAGE_CONF="$POD_ETC/storage.conf" \
      CONTAINERS_REGISTRIES_CONF="$POD_ETC/registries.conf" PODMAN_IGNORE_CGROUPSV1_WARNING=1 \
      setsid unshare --mount --propagation private -- sh -c \
      "cd / && ${mask}mount --bind $POD_CDI /run/cdi && exec $POD_DIR/bin/podman --log-level=info system service --time=0 $POD_HOST" \
      >>"$POD_LOG" 2>&1 </dev/null &
    echo $! >"$POD_PID"
  fi
  wait_for "podman _ping" podman_up || { tail -30 "$POD_LOG" >&2; die "podman did not come up as Podman 5.4"; }
}

# ---- the throwaway engine --------------------------------------------------------------
throwaway_start() {
  check_prereqs
  ensure_bridge "$TMP_BRIDGE" "$TMP_BRIDGE_CIDR"
  start_dockerd20 tmp "$TMP_RUN" "$TMP_SOCK" "$TMP_PID" "$TMP_EXEC" "$TMP_DATA" "$TMP_LOG" "$TMP_BRIDGE" \
    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  echo "$TMP_HOST"
}

throwaway_kill() {
  [ -s "$TMP_PID" ] || die "no throwaway dockerd pidfile at $TMP_PID"
  local pid i
  pid=$(cat "$TMP_PID")
  log "killing throwaway dockerd (pid $pid) with SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 80; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$TMP_PID" "$TMP_SOCK"
}

throwaway_stop() {
  stop_pidfile "throwaway dockerd" "$TMP_PID"
  # its own containerd (a child of dockerd under the exec root) may outlive a killed dockerd
  if [ -s "$TMP_EXEC/containerd/containerd.pid" ]; then
    stop_pidfile "throwaway containerd" "$TMP_EXEC/containerd/containerd.pid"
  fi
  rm -f "$TMP_SOCK"
  if ip link show "$TMP_BRIDGE" >/dev/null 2>&1; then ip link del "$TMP_BRIDGE" || true; fi
  awk -v d="$TMP_DATA" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r |
    while read -r m; do umount -l "$m" 2>/dev/null || true; done
  awk -v d="$TMP_EXEC" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r |
    while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$TMP_DATA" "$TMP_RUN"
}

# ---- registry --------------------------------------------------------------------------
start_registry() {
  if registry_up; then return 0; fi
  mkdir -p "$(dirname "$REG_CONF")" "$REG_DATA"
  cat >"$REG_CONF" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $REG_DATA
  delete:
    enabled: true
http:
  addr: $REG_ADDR
EOF
  if ! pid_alive "$REG_PID"; then
    rm -f "$REG_PID"
    log "starting docker-registry on $REG_ADDR (log $REG_LOG)"
    setsid /usr/bin/docker-registry serve "$REG_CONF" >>"$REG_LOG" 2>&1 </dev/null &
    echo $! >"$REG_PID"
  fi
  wait_for "registry" registry_up || { tail -30 "$REG_LOG" >&2; die "registry did not come up"; }
}

# ---- test image ------------------------------------------------------------------------
build_rootfs() {
  [ -s "$ROOTFS_TAR" ] && return 0
  local bb r c
  bb=/bin/busybox
  [ -x "$bb" ] || die "busybox-static is not installed"
  ! ldd "$bb" >/dev/null 2>&1 || die "$bb is not static"
  r=$(mktemp -d)
  mkdir -p "$r/bin" "$r/etc" "$r/tmp" "$r/proc" "$r/sys" "$r/dev"
  cp "$bb" "$r/bin/busybox"
  for c in sh echo cat ls env sleep true false id wc head; do ln -s busybox "$r/bin/$c"; done
  # Debian's busybox has no printenv applet: a POSIX sh stand-in with printenv's exit status.
  cat >"$r/bin/printenv" <<'PRINTENV'
#!/bin/sh
[ $# -eq 0 ] && exec env
rc=0
for v in "$@"; do
  case $v in ''|[0-9]*|*[!A-Za-z0-9_]*) rc=1; continue ;; esac
  if eval "[ -n \"\${$v+x}\" ]"; then eval "printf '%s\\n' \"\$$v\""; else rc=1; fi
done
exit $rc
PRINTENV
  chmod 755 "$r/bin/printenv"
  mkdir -p "$r/root"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$r/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
  chmod 1777 "$r/tmp"
  mkdir -p "$(dirname "$ROOTFS_TAR")"
  tar --numeric-owner --owner=0 --group=0 -C "$r" -cf "$ROOTFS_TAR.tmp" .
  mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  rm -rf "$r"
}

import_image() { # $1 = socket
  image_on "$1" && return 0
  build_rootfs
  log "importing $IMG into the engine at $1"
  local out
  out=$(curl -fsS -m 120 --unix-socket "$1" -X POST -H 'Content-Type: application/x-tar' \
    --data-binary @"$ROOTFS_TAR" \
    "http://d/images/create?fromSrc=-&repo=$IMG_REPO&tag=$IMG_TAG&changes=LABEL%20gpuenv.test-image.rev%3D$IMG_REV") ||
    die "image import failed on $1"
  echo "$out" | grep -q '"error' && die "image import failed on $1: $out"
  image_on "$1" || die "image $IMG missing on $1 after import"
  if [ "$1" = "$D20_SOCK" ]; then PUSH_NEEDED=1; fi
}
PUSH_NEEDED=0

push_image() {
  if [ "$PUSH_NEEDED" = 0 ] && image_in_registry; then return 0; fi
  log "pushing $REG_ADDR/$IMG to the local registry"
  local auth out
  auth=$(printf '{}' | base64 -w0)
  curl -fsS --unix-socket "$D20_SOCK" -X POST \
    "http://d/images/$IMG/tag?repo=$REG_ADDR/$IMG_REPO&tag=$IMG_TAG" || die "tag failed"
  out=$(curl -fsS -m 120 --unix-socket "$D20_SOCK" -X POST -H "X-Registry-Auth: $auth" \
    "http://d/images/$REG_ADDR/$IMG_REPO/push?tag=$IMG_TAG") || die "push failed"
  echo "$out" | grep -q '"error' && die "push failed: $out"
  image_in_registry || die "registry lacks $IMG_REPO:$IMG_TAG after push"
}

# ---- subcommands -----------------------------------------------------------------------
cmd_start() {
  if all_up; then log "already up"; return 0; fi
  check_prereqs
  apt_install docker.io containerd runc iptables busybox-static docker-registry
  start_registry
  start_d20
  start_d26
  start_hook
  start_podman
  import_image "$D20_SOCK"
  import_image "$D26_SOCK"
  import_image "$HOOK_SOCK"
  import_image "$POD_SOCK"
  push_image
  log "engines up: $D20_HOST, $D26_HOST, $HOOK_HOST (stand-in toolkit hook), $POD_HOST (Podman); registry $REG_ADDR; image $IMG"
}

stop_pidfile() { # $1 = name, $2 = pidfile; TERM, bounded wait, then KILL
  local pid i
  [ -s "$2" ] || return 0
  pid=$(cat "$2")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$1 ignored TERM for 30s; killing"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$2"
}

cmd_stop() {
  stop_pidfile "podman" "$POD_PID"
  rm -f "$POD_SOCK"
  stop_pidfile "dockerd hook" "$HOOK_PID"
  if ip link show "$HOOK_BRIDGE" >/dev/null 2>&1; then ip link del "$HOOK_BRIDGE" || true; fi
  stop_pidfile "dockerd 26" "$D26_PID"
  stop_pidfile "containerd 26" "$C26_PID"
  stop_pidfile "dockerd 20" "$D20_PID"
  stop_pidfile "registry" "$REG_PID"
  rm -f "$D26_SOCK" "$C26_SOCK"
  if ip link show "$D26_BRIDGE" >/dev/null 2>&1; then ip link del "$D26_BRIDGE" || true; fi
  return 0
}

cmd_status() {
  local rc=0
  if ping_sock "$D20_SOCK"; then
    echo "engine20  up    $D20_HOST  $(curl -fsS --unix-socket "$D20_SOCK" http://d/version | grep -o '"Version":"[^"]*"' | head -1)"
  else echo "engine20  down  $D20_HOST"; rc=1; fi
  if ping_sock "$D26_SOCK"; then
    echo "engine26  up    $D26_HOST  $(curl -fsS --unix-socket "$D26_SOCK" http://d/version | grep -o '"Version":"[^"]*"' | head -1)"
  else echo "engine26  down  $D26_HOST"; rc=1; fi
  if ping_sock "$HOOK_SOCK"; then
    echo "enginehook up   $HOOK_HOST  (stand-in nvidia-container-runtime-hook in $HOOK_BIN)"
  else echo "enginehook down $HOOK_HOST"; rc=1; fi
  if podman_up; then
    echo "podman    up    $POD_HOST  $(curl -fsS -i --unix-socket "$POD_SOCK" http://d/_ping | grep -i '^Libpod-Api-Version' | tr -d '\r')"
  else echo "podman    down  $POD_HOST"; rc=1; fi
  if registry_up; then echo "registry  up    $REG_ADDR"; else echo "registry  down  $REG_ADDR"; rc=1; fi
  local s
  for s in "$D20_SOCK" "$D26_SOCK" "$HOOK_SOCK" "$POD_SOCK"; do
    if image_on "$s"; then echo "image     ok    $IMG on $s"; else echo "image     miss  $IMG on $s"; rc=1; fi
  done
  if image_in_registry; then echo "image     ok    $REG_ADDR/$IMG"; else echo "image     miss  $REG_ADDR/$IMG"; rc=1; fi
  return $rc
}

cmd_env() {
  local any=0
  if ping_sock "$D20_SOCK"; then echo "export GPUENV_TEST_DOCKER20_HOST=$D20_HOST"; any=1; fi
  if ping_sock "$D26_SOCK"; then
    echo "export GPUENV_TEST_DOCKER26_HOST=$D26_HOST"
    echo "export GPUENV_TEST_DOCKER26_CDI_DIR=$D26_CDI"
    any=1
  fi
  if ping_sock "$HOOK_SOCK"; then
    echo "export GPUENV_TEST_DOCKER_HOOK_HOST=$HOOK_HOST"
    echo "export GPUENV_TEST_DOCKER_HOOK_LOG=$HOOK_CALLS"
  fi
  if podman_up; then
    echo "export GPUENV_TEST_PODMAN_HOST=$POD_HOST"
    echo "export GPUENV_TEST_PODMAN_CDI_DIR=$POD_CDI"
  fi
  if [ "$(id -u)" -eq 0 ]; then
    echo "export GPUENV_TEST_DOCKER_SCRIPT=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
  fi
  if registry_up; then echo "export GPUENV_TEST_REGISTRY=$REG_ADDR"; fi
  if [ $any = 1 ]; then echo "export GPUENV_TEST_IMAGE=$IMG"; fi
  return 0
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  throwaway)
    case "${2:-}" in
      start) throwaway_start ;;
      kill) throwaway_kill ;;
      stop) throwaway_stop ;;
      *) echo "usage: $0 throwaway start|kill|stop" >&2; exit 2 ;;
    esac ;;
  *) echo "usage: $0 start|stop|status|env|throwaway start|kill|stop" >&2; exit 2 ;;
esac
