#!/usr/bin/env bash
# Measures a local live NxN constellation against the floor, all in one run, and prints the table of issue #15:
#   - the floor: the single-process word count of FILE (WordCountFloor: the same tasks in one thread, no network),
#     under the default JVM and under the planes' JVM options, plus 0.4 ms per hop on the job's critical path;
#   - time until every satellite answers /health (emulate's own report);
#   - job_time of leopymr's default job (spacecomp job / job.py defaults: 11 collectors in the grid 3..8, bipartite,
#     centre reducer), median of JOBS jobs (seeds 1..JOBS) after 3 warm-up jobs;
#   - 10 concurrent such jobs, first submit to last completion;
#   - resident memory per plane process (RSS, and PSS: shared pages such as a class-data archive split among sharers);
#   - CPU seconds per job, summed over the planes and the launcher (gateway), from /proc.
# Jobs are submitted from one light client (python's urllib), so no client JVM start-up is in what is measured.
# Usage: scripts/measure-emulation.sh [N] [DATA_DIR] [FILE]   (default 11, the repository's data/ and sample.txt)
# Environment: ISL_DELAY=none|physical (default none: the software's own cost; physical adds each hop's
# propagation + serialisation time), JOBS (default 10), PORT (18189), PORT_BASE (30000), PLANE_OPTS (emulate's
# --java-opts; default: emulate's own default), COLLECTORS, MINSAT, MAXSAT (the job: default 11 in 3..8),
# CONCURRENT (default 10; 0 skips that figure), STARTUP_TIMEOUT (s, default 300).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-11}"
DATA="${2:-data}"
FILE="${3:-sample.txt}"
if [[ ! -f "$DATA/$FILE" ]]; then
  echo "measure-emulation.sh: no file $FILE in the data directory $DATA" >&2
  exit 2
fi
PORT="${PORT:-18189}"
PORT_BASE="${PORT_BASE:-30000}"
ISL_DELAY="${ISL_DELAY:-none}"
JOBS="${JOBS:-10}"
CONCURRENT="${CONCURRENT:-10}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-300}"
work="$(mktemp -d)"
./spacecomp --version >/dev/null   # build first, so the timing below is the constellation's own
CP="$ROOT/experiments/target/classes:$ROOT/experiments/target/lib/*"
echo "command: PORT=$PORT PORT_BASE=$PORT_BASE ISL_DELAY=$ISL_DELAY JOBS=$JOBS CONCURRENT=$CONCURRENT ${COLLECTORS:+COLLECTORS=$COLLECTORS MINSAT=$MINSAT MAXSAT=$MAXSAT }${PLANE_OPTS:+PLANE_OPTS=\"$PLANE_OPTS\" }scripts/measure-emulation.sh $N $DATA $FILE"
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
default_opts="$(java -cp "$CP" io.spacecomp.cli.SpaceComp emulate --print-java-opts 2>/dev/null || true)"
opts="${PLANE_OPTS:-$default_opts}"
floor_c2=$(java -XX:+UseSerialGC -cp "$CP" io.spacecomp.bench.WordCountFloor "$DATA" "$FILE" 20)
# shellcheck disable=SC2086
floor_planes=$(java $opts -cp "$CP" io.spacecomp.bench.WordCountFloor "$DATA" "$FILE" 20)
echo "$floor_c2   [default JVM]"
echo "$floor_planes   [planes' options: $opts]"
emulate_opts=()
[[ -n "${PLANE_OPTS:-}" ]] && emulate_opts=(--java-opts "$PLANE_OPTS")
: > "$work/emulate.log"
./spacecomp emulate --planes "$N" --sats "$N" --port "$PORT" --port-base "$PORT_BASE" --data-dir "$DATA" \
  --results-dir "$work/results" --isl-delay "$ISL_DELAY" --startup-timeout "$STARTUP_TIMEOUT" "${emulate_opts[@]}" \
  > "$work/emulate.log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 $((STARTUP_TIMEOUT * 4 + 400))); do
  grep -q "answer after\|^emulate:" "$work/emulate.log" && break
  kill -0 "$launcher" 2>/dev/null || break # it stopped without starting (a failed build, a bad flag)
  sleep 0.25
done
grep -q "answer after" "$work/emulate.log" || { cat "$work/emulate.log" >&2; exit 1; }
startup=$(sed -n 's/.*answer after \([0-9.]*\) s.*/\1/p' "$work/emulate.log")
pids=$(pgrep -P "$launcher" -f " plane --orb" | tr '\n' ' ')
python3 - "http://127.0.0.1:$PORT" "$FILE" "$N" "$JOBS" "$startup" "$launcher" "$pids" "$floor_c2" "$floor_planes" <<'PY'
import json, os, random, re, statistics, sys, threading, time, urllib.error, urllib.request
url, file, n, jobs, startup, launcher, pids = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6], sys.argv[7].split()
floor_c2 = float(re.search(r"best ([0-9.]+) ms", sys.argv[8]).group(1)) / 1000
floor_planes = float(re.search(r"best ([0-9.]+) ms", sys.argv[9]).group(1)) / 1000
tick = os.sysconf("SC_CLK_TCK")

def post(path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return json.loads(r.read())
    except urllib.error.HTTPError as e:
        sys.exit("POST %s answered %d: %s" % (path, e.code, e.read().decode(errors="replace")))

mi, ma, c = (3, 8, 11) if n >= 8 else (1, n, (n * n) // 2)   # spacecomp job's (job.py's) defaults; a small shell: all of it
if os.environ.get("COLLECTORS"):
    mi, ma, c = int(os.environ["MINSAT"]), int(os.environ["MAXSAT"]), int(os.environ["COLLECTORS"])
concurrent = int(os.environ.get("CONCURRENT", "10"))
def submit(seed):
    aoi = [[s, o] for s in range(mi, ma + 1) for o in range(mi, ma + 1)]   # job.py: sat-major, then shuffled
    random.seed(seed); random.shuffle(aoi)
    return post("/submit", {"collectors": c, "aoi": aoi, "allocator": "bipartite", "reducer": "center", "seed": seed,
                            "job_data": {"filename": file}})
def wait(jid):
    while True:
        d = post("/completion", {"jobid": jid})
        if d.get("done"):
            assert not d.get("failed"), d
            return d
        time.sleep(0.02)   # job_time is the gateway's own figure; polls cost the gateway CPU (counted below)
def hops(a, b):   # +Grid torus hops between [sat, orb] a and b
    ds, do = abs(a[0] - b[0]), abs(a[1] - b[1])
    return min(ds, n - ds) + min(do, n - do)
def critical_hops(plan):   # LOS -> collector -> mapper -> reducer, the longest chain (job_time ends at the reducer)
    los, red = plan["los"], plan["reducer"]
    return max(hops(los, cm[0]) + hops(cm[0], cm[1]) + hops(cm[1], red) for cm in plan["allocations"])
def cpu(procs):
    t = 0
    for p in procs:
        f = open("/proc/%s/stat" % p).read().rsplit(")", 1)[1].split()
        t += int(f[11]) + int(f[12])
    return t / tick

for k in range(3):
    wait(submit(100 + k)["jobid"])   # warm-up
times, chains, results = [], [], set()
cpu0, gw0 = cpu(pids), cpu([launcher])
for seed in range(1, jobs + 1):
    plan = submit(seed)
    d = wait(plan["jobid"])
    times.append(d["job_time"]); chains.append(critical_hops(plan))
    results.add((len(d["result"]), sum(d["result"].values())))
cpu_per_job, gw_per_job = (cpu(pids) - cpu0) / jobs, (cpu([launcher]) - gw0) / jobs
job_time = statistics.median(times)
hop_floor = 0.0004 * statistics.median(chains)

out = {}
def run(k):
    out[k] = wait(submit(200 + k)["jobid"])
t = time.time()
workers = [threading.Thread(target=run, args=(k,)) for k in range(concurrent)]
[th.start() for th in workers]
[th.join() for th in workers]
wall10 = time.time() - t
for d in out.values():
    results.add((len(d["result"]), sum(d["result"].values())))

rss, pss, threads = [], [], []
for p in pids:
    status = open("/proc/%s/status" % p).read()
    rss.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    threads.append(int(re.search(r"Threads:\s+(\d+)", status).group(1)))
    try:
        pss.append(int(re.search(r"Pss:\s+(\d+)", open("/proc/%s/smaps_rollup" % p).read()).group(1)) / 1024)
    except OSError:
        pass
floor = floor_c2 + hop_floor
print()
print("every result: %s (keys, words)" % ", ".join("%d, %d" % r for r in sorted(results)))
print("floor = single-process count %.3f s (default JVM; %.3f s with the planes' options) + 0.4 ms x %.0f hops "
      "(median critical path) = %.3f s" % (floor_c2, floor_planes, statistics.median(chains), floor))
print("CPU per job (one at a time): %.2f s over the %d planes + %.2f s in the gateway (emulate's own JVM)" % (
    cpu_per_job, len(pids), gw_per_job))
print()
print("| %dx%d, ISL delay %s | measured | / floor |" % (n, n, os.environ.get("ISL_DELAY", "none")))
print("|---|---|---|")
print("| until every satellite answers | %.1f s | |" % startup)
print("| default job (%d collectors), job_time, median of %d (min..max) | %.3f s (%.3f..%.3f) | %.1fx |" % (
    c, jobs, job_time, min(times), max(times), job_time / floor))
if concurrent:
    print("| %d concurrent jobs, first submit to last completion | %.2f s | %.1fx (of %d floors: %.1fx) |" % (
        concurrent, wall10, wall10 / floor, concurrent, wall10 / (concurrent * floor)))
print("| resident memory per plane process, RSS (PSS) | %.0f MB (%.0f MB); %.2f GB in all | |" % (
    statistics.mean(rss), statistics.mean(pss) if pss else float("nan"), sum(rss) / 1024))
print("| threads per plane process (after the jobs) | %d..%d | |" % (min(threads), max(threads)))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0
