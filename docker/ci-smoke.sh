#!/usr/bin/env bash
# Docker end to end, as CI runs it: the image built offline, a 3x3 constellation up with the example task jar
# (examples/custom-task), one word count, one job of the jar's tasks and one file result (wordcountfile,
# fetched with job -i -f) through the gateway with the job client, each checked against a count done in one
# process, and everything torn down, also when a step fails. Every wait is bounded; traffic stays on loopback and our containers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v docker >/dev/null 2>&1 || ! { command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1; }; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq docker.io docker-compose
fi
if ! timeout 10 docker info >/dev/null 2>&1; then
  (dockerd >/tmp/spacecomp-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do timeout 5 docker info >/dev/null 2>&1 && break; sleep 1; done
  timeout 10 docker info >/dev/null 2>&1 || { echo "docker: no engine answers (see /tmp/spacecomp-dockerd.log)" >&2; exit 1; }
fi

name="smoke$$"
port=18089
base="$(mktemp -d)"
cleanup() {
  timeout 120 ./spacecomp constellation down "$name" --dir "$base" >/dev/null 2>&1 || true
  rm -rf "$base"
}
trap cleanup EXIT

mvn -q -B -Dstyle.color=never -pl examples/custom-task -am package -DskipTests
jar="$ROOT/examples/custom-task/target/custom-task.jar"
./spacecomp constellation create "$name" --planes 3 --sats 3 --port "$port" --dir "$base" --tasks "$jar"
timeout 900 ./spacecomp constellation up "$name" --dir "$base" --rebuild
timeout 150 ./spacecomp constellation status "$name" --dir "$base" --timeout 120
echo '{"filename": "corpus.txt"}' > "$base/job.json"
timeout 150 ./spacecomp job -u "http://127.0.0.1:$port" -mi 1 -ma 3 -c 4 -s 1 -d "$base/job.json" --wait 120 > "$base/job.out"
timeout 150 ./spacecomp job -u "http://127.0.0.1:$port" -mi 1 -ma 3 -c 4 -s 2 -d "$base/job.json" -mt wordlengths -rt lengthhistogram \
  --wait 120 > "$base/lengths.out"
timeout 150 ./spacecomp job -u "http://127.0.0.1:$port" -mi 1 -ma 3 -c 4 -s 3 -d "$base/job.json" -rt wordcountfile --wait 120 > "$base/file.out"
fileid="$(head -1 "$base/file.out" | python3 -c 'import json, sys; print(json.load(sys.stdin)["jobid"])')"
(cd "$base" && timeout 60 "$ROOT/spacecomp" job -u "http://127.0.0.1:$port" -i "$fileid" -f wordcount.csv)
python3 - "$base" data/corpus.txt <<'PY'
import csv, json, sys
def done(name):
    lines = open(f"{sys.argv[1]}/{name}").read().strip().splitlines()
    d = json.loads(lines[-1])
    assert d.get("done") is True, f"{name}: job not done: {lines[-1][:300]}"
    return d
done_count, done_lengths, done_file = done("job.out"), done("lengths.out"), done("file.out")
text = open(sys.argv[2], encoding="utf-8").read()
rows = text.split("\n")
if rows and rows[-1] == "":
    rows.pop()
expected = {}
for row in rows:
    for w in row.split(" "):
        expected[w] = expected.get(w, 0) + 1
assert done_count["result"] == expected, "word count differs from the single-process count"
hist = {}
for w, c in expected.items():
    hist[str(len(w))] = hist.get(str(len(w)), 0) + c
want = {"words": sum(expected.values()), "letters": sum(len(w) * c for w, c in expected.items()),
        "histogram": {k: hist[k] for k in sorted(hist, key=int)}}
assert done_lengths["result"] == want, f"custom task result differs: {done_lengths['result']} != {want}"
assert done_file["result"] == {"files": ["wordcount.csv"]}, done_file["result"]
with open(f"{sys.argv[1]}/wordcount.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows[0] == ["word", "count"] and {w: int(c) for w, c in rows[1:]} == expected, "wordcount.csv differs"
print(f"docker smoke: 3x3 constellation, job {done_count['jobid']} done in {done_count['job_time']:.3f} s, "
      f"{len(expected)} keys / {sum(expected.values())} words as counted in one process; the example jar's "
      f"wordlengths/lengthhistogram and wordcountfile's downloaded CSV match too: OK")
PY
