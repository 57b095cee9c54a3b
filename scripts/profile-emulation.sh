#!/usr/bin/env bash
# Profiles a live NxN constellation with JDK Flight Recorder: one recording per plane process from its start
# until every satellite answers (start-up), then a fresh one over JOBS runs of leopymr's default job (11
# collectors in the grid 3..8, bipartite, centre reducer, data/sample.txt) after 3 warm-up jobs. Prints the
# CPU seconds each phase cost every process (from /proc), and the top frames of the jobs' and the start-up's
# execution samples, summed over the planes.
# Usage: scripts/profile-emulation.sh [N] [JOBS] [OUT_DIR]   (default 11, 20, a new temporary directory)
#        ISL_DELAY=physical|none (default none: the software's own cost), PORT, PORT_BASE.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-11}"
JOBS="${2:-20}"
OUT="${3:-$(mktemp -d)}"
PORT="${PORT:-18289}"
PORT_BASE="${PORT_BASE:-26000}"
ISL_DELAY="${ISL_DELAY:-none}"
mkdir -p "$OUT/startup" "$OUT/jobs"
: > "$OUT/emulate.log"
./spacecomp --version >/dev/null
OPTS="${PLANE_OPTS:-$(./spacecomp emulate --print-java-opts)}"   # emulate's default --java-opts
./spacecomp emulate --planes "$N" --sats "$N" --port "$PORT" --port-base "$PORT_BASE" --isl-delay "$ISL_DELAY" \
  --results-dir "$OUT/results" --java-opts "$OPTS -XX:StartFlightRecording=settings=profile,filename=$OUT/startup/" \
  > "$OUT/emulate.log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do grep -q "answer after" "$OUT/emulate.log" && break; sleep 0.25; done
grep "answer after" "$OUT/emulate.log"
pids=$(pgrep -P "$launcher" -f " plane --orb" || true)
[[ -n "$pids" ]] || { echo "no plane processes under $launcher" >&2; exit 1; }
cpu() {   # utime+stime of each pid, in clock ticks
  for p in $1; do awk '{print $14 + $15}' "/proc/$p/stat"; done | paste -sd+ | bc
}
tick=$(getconf CLK_TCK)
echo "start-up: $(echo "scale=2; $(cpu "$pids") / $tick" | bc) s of CPU over $(wc -w <<< "$pids") planes (with JFR on)"
for p in $pids; do
  jcmd "$p" JFR.dump filename="$OUT/startup/orb-$p.jfr" >/dev/null
  jcmd "$p" JFR.stop >/dev/null
done
U="http://127.0.0.1:$PORT"
python3 - "$U" 3 >/dev/null <<'PY'
import json, random, sys, time, urllib.request
url, n = sys.argv[1], int(sys.argv[2])
def post(path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read())
for k in range(n):
    aoi = [[s, o] for s in range(3, 9) for o in range(3, 9)]
    random.seed(k + 1); random.shuffle(aoi)
    jid = post("/submit", {"collectors": 11, "aoi": aoi, "job_data": {"filename": "sample.txt"}})["jobid"]
    while not post("/completion", {"jobid": jid}).get("done"):
        time.sleep(0.01)
PY
for p in $pids; do jcmd "$p" JFR.start name=jobs settings=profile >/dev/null; done
before=$(cpu "$pids"); gw_before=$(cpu "$launcher")
python3 - "$U" "$JOBS" <<'PY'
import json, random, sys, time, urllib.request
url, n = sys.argv[1], int(sys.argv[2])
def post(path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read())
times = []
for k in range(n):
    aoi = [[s, o] for s in range(3, 9) for o in range(3, 9)]
    random.seed(k + 1); random.shuffle(aoi)
    jid = post("/submit", {"collectors": 11, "aoi": aoi, "job_data": {"filename": "sample.txt"}})["jobid"]
    while True:
        d = post("/completion", {"jobid": jid})
        if d.get("done"):
            break
        time.sleep(0.01)
    assert not d.get("failed"), d
    times.append(d["job_time"])
times.sort()
print("%d jobs one after another: job_time median %.3f s (min %.3f, max %.3f)" % (n, times[n // 2], times[0], times[-1]))
PY
after=$(cpu "$pids"); gw_after=$(cpu "$launcher")
echo "jobs: $(echo "scale=3; ($after - $before) / $tick / $JOBS" | bc) s of CPU per job over the planes (with JFR on), $(echo "scale=3; ($gw_after - $gw_before) / $tick / $JOBS" | bc) s in the launcher (gateway)"
for p in $pids; do jcmd "$p" JFR.dump name=jobs filename="$OUT/jobs/orb-$p.jfr" >/dev/null; done
top() {   # the top frames of every execution sample in the recordings of directory $1
  for f in "$1"/orb-*.jfr; do jfr print --events jdk.ExecutionSample --stack-depth 1 "$f"; done |
    awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); n[$0]++; t++} END {for (k in n) printf "%6.1f %%  %s\n", 100 * n[k] / t, k; printf "%6d samples\n", t > "/dev/stderr"}' |
    sort -rn | head -"${2:-25}"
}
echo "--- jobs: top frames (share of execution samples, all planes)"
top "$OUT/jobs" 30
echo "--- start-up: top frames"
top "$OUT/startup" 20
echo "recordings: $OUT/startup, $OUT/jobs (jfr print / jfr summary / JDK Mission Control)"
exit 0
