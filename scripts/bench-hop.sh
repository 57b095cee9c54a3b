#!/usr/bin/env bash
# What one ISL hop costs on the satellites' server: the JDK HttpServer against Jetty (net.SatellitePorts), POSTs of
# 1 KiB and 100 KiB, one at a time and 8 at once, client and server in one JVM (io.spacecomp.bench.IslHopBenchmark).
# Usage: scripts/bench-hop.sh [ROUNDS] [REQUESTS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/spacecomp" --version >/dev/null   # builds when sources changed
exec java -Djava.awt.headless=true -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${SPACECOMP_JAVA_OPTS:-} \
  -cp "$ROOT/experiments/target/classes:$ROOT/experiments/target/lib/*" io.spacecomp.bench.IslHopBenchmark "$@"
