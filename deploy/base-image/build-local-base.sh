#!/usr/bin/env bash
# Builds a JRE 17 base image as a `docker save`-format tarball from Debian packages only (debootstrap +
# openjdk-17-jre-headless), for machines that reach Debian's package mirror but no container registry.
# Jib takes it as `-Dqm.image.base=tar:///path/to/jre17-base.tar` (Jib's documented `tar://` base-image prefix).
#
# In a real CI with a registry you do not need this: the default base is eclipse-temurin:17-jre (see deploy/README.md).
# Needs root (debootstrap, chroot) and: debootstrap, tar, sha256sum, python3 (for JSON).
# Usage: deploy/base-image/build-local-base.sh [output.tar]   (default: /tmp/questmaster-jre17-base.tar)
set -euo pipefail

OUT="${1:-/tmp/questmaster-jre17-base.tar}"
SUITE="${SUITE:-bookworm}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
WORK="$(mktemp -d /tmp/qm-base.XXXXXX)"
ROOTFS="$WORK/rootfs"
trap 'umount "$ROOTFS/proc" 2>/dev/null || true; rm -rf "$WORK"' EXIT

start=$(date +%s)
echo "[base] debootstrap $SUITE (minbase + openjdk-17-jre-headless) into $ROOTFS"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$SUITE" "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -30 "$WORK/debootstrap.log"; exit 1; }

# The runtime user of the suite's images: uid 185, gid 0 (OpenShift-style arbitrary uids also work: files are group 0).
chroot "$ROOTFS" /usr/sbin/useradd -K UID_MIN=100 --uid 185 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin quarkus
mkdir -p "$ROOTFS/deployments"
chown 185:0 "$ROOTFS/deployments"
chmod 775 "$ROOTFS/deployments"

# Nothing a JVM service needs at run time: package caches, docs, man pages.
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* \
       "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/*

# Resolved inside the rootfs (the alternatives symlinks are absolute). java finds libjli.so through $ORIGIN, which
# glibc reads from /proc/self/exe: a container runtime always mounts /proc, the chroot check mounts it for the call.
JAVA_HOME_IN_IMAGE="$(dirname "$(dirname "$(chroot "$ROOTFS" readlink -f /usr/bin/java)")")"
echo "[base] JAVA_HOME=$JAVA_HOME_IN_IMAGE; java -version inside the rootfs:"
mount -t proc proc "$ROOTFS/proc"
if ! chroot "$ROOTFS" /usr/sbin/runuser -u quarkus -- java -version >"$WORK/java-version.txt" 2>&1; then
  umount "$ROOTFS/proc"; cat "$WORK/java-version.txt"; exit 1
fi
umount "$ROOTFS/proc"
sed 's/^/[base]   /' "$WORK/java-version.txt"

# One uncompressed layer, then the `docker save` envelope (manifest.json + config) that Jib's tar:// reader takes.
IMG="$WORK/image"
mkdir -p "$IMG"
tar --numeric-owner --sort=name --mtime='2000-01-01 00:00:00Z' -C "$ROOTFS" -cf "$IMG/layer.tar" .
DIFF_ID="sha256:$(sha256sum "$IMG/layer.tar" | cut -d' ' -f1)"
python3 - "$IMG" "$DIFF_ID" "$JAVA_HOME_IN_IMAGE" <<'PY'
import json, sys
img, diff_id, java_home = sys.argv[1:4]
config = {
    "architecture": "amd64", "os": "linux",
    "config": {
        "Env": ["PATH=" + java_home + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=" + java_home, "LANG=C.UTF-8"],
        "User": "185", "WorkingDir": "/deployments",
    },
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created_by": "deploy/base-image/build-local-base.sh (debootstrap minbase + openjdk-17-jre-headless)"}],
}
json.dump(config, open(img + "/config.json", "w"))
json.dump([{"Config": "config.json", "RepoTags": ["questmaster/jre17-base:local"], "Layers": ["layer.tar"]}],
          open(img + "/manifest.json", "w"))
PY
tar -C "$IMG" -cf "$OUT" manifest.json config.json layer.tar
echo "[base] wrote $OUT ($(du -h "$OUT" | cut -f1)) in $(( $(date +%s) - start )) s; use: -Dqm.image.base=tar://$OUT"
