#!/usr/bin/env bash
# Builds the spacecomp Docker image with no registry: a JRE made from this machine's JDK with jlink, the
# host's shared libraries it needs, and the project's classes and jars, imported as a root filesystem.
# The image carries what planes and the gateway need: the jars of experiments/target/image-lib (no JFreeChart,
# JFreeSVG, JCommon or JMH) and a JRE without java.desktop (so no AWT, fonts or the libraries they load).
# Usage: docker/build-image.sh [IMAGE]   (default spacecomp:local; the project must be built: ./spacecomp --version)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGE="${1:-spacecomp:local}"
JAVA_BIN="$(readlink -f "$(command -v java)")"
JDK="${JAVA_HOME:-$(dirname "$(dirname "$JAVA_BIN")")}"
[[ -x "$JDK/bin/jlink" ]] || { echo "build-image: no jlink in $JDK (set JAVA_HOME to a JDK 17)" >&2; exit 1; }
[[ -d "$ROOT/experiments/target/image-lib" ]] || { echo "build-image: build the project first (./spacecomp --version)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fs="$work/rootfs"
mkdir -p "$fs/opt/spacecomp" "$fs/tmp" "$fs/etc" "$fs/results" "$fs/data"
chmod 1777 "$fs/tmp"

"$JDK/bin/jlink" --add-modules java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.httpserver,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$fs/opt/jre"

# The shared libraries the JRE links against, at the same paths as on this host.
{
  echo /lib64/ld-linux-x86-64.so.2
  find "$fs/opt/jre" -name '*.so' -o -path '*/bin/*' -type f | while read -r f; do
    ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\s*\/lib/ {print $1}'
  done
} | sort -u | while read -r lib; do
  [[ -e "$lib" ]] || continue
  mkdir -p "$fs$(dirname "$lib")"
  cp -L "$lib" "$fs$lib"
done
echo "root:x:0:0:root:/root:/bin/false" > "$fs/etc/passwd"
echo "hosts: files dns" > "$fs/etc/nsswitch.conf"

cp -r "$ROOT/experiments/target/classes" "$fs/opt/spacecomp/classes"
# The JMH benchmarks and their generated harness run from the project (spacecomp bench), never in a container.
rm -rf "$fs/opt/spacecomp/classes/io/spacecomp/bench" "$fs/opt/spacecomp/classes/META-INF/BenchmarkList" \
  "$fs/opt/spacecomp/classes/META-INF/CompilerHints"
cp -r "$ROOT/experiments/target/image-lib" "$fs/opt/spacecomp/lib"
cp -r "$ROOT/data/." "$fs/data/"

tar -C "$fs" -c . | docker import \
  --change 'ENV PATH=/opt/jre/bin' \
  --change 'WORKDIR /opt/spacecomp' \
  --change 'ENTRYPOINT ["/opt/jre/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m", "-Djava.awt.headless=true", "-Dspacecomp.home=/opt/spacecomp", "-cp", "/opt/spacecomp/classes:/opt/spacecomp/lib/*", "io.spacecomp.cli.SpaceComp"]' \
  - "$IMAGE" >/dev/null
echo "built $IMAGE ($(du -sh "$fs" | cut -f1) root filesystem, no registry used)"
