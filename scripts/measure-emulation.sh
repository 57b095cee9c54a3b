#!/usr/bin/env bash
# Measures a local live constellation: time until every satellite answers, job_time of the reference job
# for every allocator x reducer (after warm-up jobs), wall time of 10 concurrent jobs, resident memory per plane.
# Usage: scripts/measure-emulation.sh [N] [DATA_DIR] [FILE]   (default 11, the repository's data/ and sample.txt)
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
work="$(mktemp -d)"
./spacecomp --version >/dev/null   # build first, so the timing below is the constellation's own
./spacecomp emulate --planes "$N" --sats "$N" --port "$PORT" --port-base 30000 --data-dir "$DATA" --results-dir "$work/results" \
  > "$work/emulate.log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do grep -q "answer after" "$work/emulate.log" && break; sleep 0.5; done
grep "answer after" "$work/emulate.log"
echo "{\"filename\": \"$FILE\"}" > "$work/job.json"
U="http://127.0.0.1:$PORT"
job() { ./spacecomp job -u "$U" -d "$work/job.json" --wait 300 "$@" | tail -1; }
mi=3; ma=7; c=11   # the grid 3..7 (-ma is inclusive, as job.py's), as the README's figures were measured
if (( N < 8 )); then mi=1; ma=$N; c=$(( (N * N) / 2 )); fi
for i in 1 2 3; do job -s "$i" -mi $mi -ma $ma -c $c >/dev/null; done   # warm-up
printf "| allocator | reducer | job_time (s) |\n|---|---|---|\n"
for a in random eager bipartite lapjv; do
  for r in los center median; do
    t=$(job -s 7 -a "$a" -r "$r" -mi $mi -ma $ma -c $c | python3 -c "import json,sys; d=json.loads(sys.stdin.read()); assert d['done'], d; print('%.3f' % d['job_time'])")
    printf "| %s | %s | %s |\n" "$a" "$r" "$t"
  done
done
# 10 concurrent jobs from one light client (python's urllib), so client start-up is not what is measured.
python3 - "$U" "$FILE" "$mi" "$ma" "$c" <<'PY'
import json, random, sys, threading, time, urllib.request
url, file, mi, ma, c = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
def post(path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read())
def run(k, out):
    aoi = [[s, o] for s in range(mi, ma) for o in range(mi, ma)]
    random.Random(100 + k).shuffle(aoi)
    jid = post("/submit", {"collectors": c, "aoi": aoi, "allocator": "bipartite", "reducer": "center",
                           "job_data": {"filename": file}})["jobid"]
    while True:
        d = post("/completion", {"jobid": jid})
        if d.get("done") or d.get("failed"):
            out[k] = d
            return
        time.sleep(0.02)
out = {}
t = time.time()
threads = [threading.Thread(target=run, args=(k, out)) for k in range(10)]
[th.start() for th in threads]
[th.join() for th in threads]
wall = time.time() - t
assert all(d.get("done") for d in out.values()), out
print("10 concurrent jobs: %.2f s wall from first submit to last completion (job_time %.2f..%.2f s)" % (
    wall, min(d["job_time"] for d in out.values()), max(d["job_time"] for d in out.values())))
PY
ps -o rss=,args= -C java | grep " plane --orb" | awk '{s+=$1; n++} END {printf "resident memory per plane process: %.0f MB on average over %d planes (%.1f GB in all)\n", s/n/1024, n, s/1024/1024}'
