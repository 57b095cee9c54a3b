#!/usr/bin/env bash
# Docker end to end, as CI runs it: the image built offline, a 3x3 constellation up, one word count through
# the gateway with the job client, its result checked against a count done in one process, and everything
# torn down, also when a step fails. Every wait is bounded; traffic stays on loopback and our containers.
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

./spacecomp constellation create "$name" --planes 3 --sats 3 --port "$port" --dir "$base"
timeout 900 ./spacecomp constellation up "$name" --dir "$base" --rebuild
timeout 150 ./spacecomp constellation status "$name" --dir "$base" --timeout 120
echo '{"filename": "corpus.txt"}' > "$base/job.json"
timeout 150 ./spacecomp job -u "http://127.0.0.1:$port" -mi 1 -ma 3 -c 4 -s 1 -d "$base/job.json" --wait 120 > "$base/job.out"
python3 - "$base/job.out" data/corpus.txt <<'PY'
import json, sys
lines = open(sys.argv[1]).read().strip().splitlines()
done = json.loads(lines[-1])
assert done.get("done") is True, f"job not done: {lines[-1][:300]}"
text = open(sys.argv[2], encoding="utf-8").read()
rows = text.split("\n")
if rows and rows[-1] == "":
    rows.pop()
expected = {}
for row in rows:
    for w in row.split(" "):
        expected[w] = expected.get(w, 0) + 1
assert done["result"] == expected, "word count differs from the single-process count"
print(f"docker smoke: 3x3 constellation, job {done['jobid']} done in {done['job_time']:.3f} s, "
      f"{len(expected)} keys / {sum(expected.values())} words as counted in one process: OK")
PY
