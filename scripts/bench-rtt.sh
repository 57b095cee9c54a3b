#!/usr/bin/env bash
# Ground-to-ground RTT every 100 ms over 200 s (2,001 steps) on a 1,156-satellite shell: wall and CPU time
# per series, after warm-up, as a Markdown table (io.spacecomp.bench.GroundRttSeries). Usage: scripts/bench-rtt.sh [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/spacecomp" --version >/dev/null   # builds when sources changed
exec java -Djava.awt.headless=true -Dspacecomp.home="$ROOT" ${SPACECOMP_JAVA_OPTS:-} \
  -cp "$ROOT/experiments/target/classes:$ROOT/experiments/target/lib/*" io.spacecomp.bench.GroundRttSeries "$@"
