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
python3 docker/check-jobs.py "$base" data/corpus.txt "docker smoke: 3x3 constellation" --file wordcount.csv \
  --also "the example jar's wordlengths/lengthhistogram and wordcountfile's downloaded CSV match too"
