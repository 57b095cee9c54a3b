#!/usr/bin/env bash
# Docker Swarm end to end, as CI runs it after docker/ci-smoke.sh: on a single-node swarm (initialised here when the
# engine is not in one, and left again at the end), `constellation create --target swarm` writes the stack file,
# `constellation up` builds the lean image offline and deploys the stack (one service per plane placed by node label,
# the gateway published on the node, service DNS on an overlay network, the key as a swarm secret, the example task
# jar as a swarm config), and a 3x3 word count, a job of the jar's tasks and the physical ISL delay are checked. The
# image must carry no JFreeChart, JMH, AWT or fonts. Everything is torn down, also when a step fails; every wait is bounded.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v docker >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq docker.io
fi
if ! timeout 10 docker info >/dev/null 2>&1; then
  (dockerd >/tmp/spacecomp-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do timeout 5 docker info >/dev/null 2>&1 && break; sleep 1; done
  timeout 10 docker info >/dev/null 2>&1 || { echo "docker: no engine answers (see /tmp/spacecomp-dockerd.log)" >&2; exit 1; }
fi

name="swarm$$"
port=18389
image="spacecomp:swarm-smoke-$$"
base="$(mktemp -d)"
joined=0
cleanup() {
  status=$?
  timeout 180 ./spacecomp constellation down "$name" --dir "$base" >/dev/null 2>&1 || true
  timeout 60 docker volume rm "${name}_results" >/dev/null 2>&1 || true   # down keeps the results volume; the smoke test does not
  timeout 60 docker image rm -f "$image" >/dev/null 2>&1 || true
  if ((joined)); then
    timeout 60 docker swarm leave --force >/dev/null 2>&1 || true
    timeout 60 docker network rm docker_gwbridge >/dev/null 2>&1 || true  # made by swarm init, left behind by swarm leave
  fi
  rm -rf "$base"
  ((status == 0)) || echo "swarm smoke FAILED (status $status)" >&2
}
trap cleanup EXIT

if [[ "$(timeout 20 docker info --format '{{.Swarm.LocalNodeState}}')" != active ]]; then
  timeout 60 docker swarm init --advertise-addr 127.0.0.1 >/dev/null
  joined=1
  echo "initialised a single-node swarm (left again at the end)"
fi

mvn -q -B -Dstyle.color=never -pl examples/custom-task -am package -DskipTests
jar="$ROOT/examples/custom-task/target/custom-task.jar"
timeout 600 ./spacecomp --version >/dev/null   # builds the project (and target/image-lib) when sources changed
./spacecomp constellation create "$name" --target swarm --planes 3 --sats 3 --port "$port" --dir "$base" --image "$image" --tasks "$jar"
grep -q -- '- "physical"' "$base/$name/stack.yaml" || { echo "the stack's planes do not hold hops for their physical time" >&2; exit 1; }
timeout 900 ./spacecomp constellation up "$name" --dir "$base" --rebuild

# The image carries only what a plane needs.
cid="$(docker create "$image")"
docker export "$cid" | tar -t > "$base/image-files.txt"
docker rm "$cid" >/dev/null
if grep -E 'jfreechart|org\.jfree|jcommon|jmh|jopt-simple|commons-math3|libawt|libfontmanager|libfreetype|libfontconfig' "$base/image-files.txt"; then
  echo "the image carries plotting, benchmarking or font files (above)" >&2
  exit 1
fi
grep -q 'opt/spacecomp/lib/emulator-' "$base/image-files.txt" || { echo "the image lacks the emulator's jar" >&2; exit 1; }

# One service per plane plus the gateway, every task running, planes on the node labelled slot 0.
services="$(docker service ls --filter "label=com.docker.stack.namespace=$name" --format '{{.Name}}' | sort | tr '\n' ' ')"
[[ "$services" == "${name}_gateway ${name}_orb1 ${name}_orb2 ${name}_orb3 " ]] || { echo "unexpected services: $services" >&2; exit 1; }
timeout 150 ./spacecomp constellation status "$name" --dir "$base" --timeout 120
for s in gateway orb1 orb2 orb3; do
  docker service inspect "${name}_$s" --format '{{json .Spec.TaskTemplate.Placement.Constraints}}' | grep -q 'node.labels.spacecomp-slot == 0' \
    || { echo "$s is not placed by the node label" >&2; exit 1; }
done

echo '{"filename": "corpus.txt"}' > "$base/job.json"
timeout 150 ./spacecomp job -u "http://127.0.0.1:$port" -mi 1 -ma 3 -c 4 -s 1 -d "$base/job.json" --wait 120 > "$base/job.out"
timeout 150 ./spacecomp job -u "http://127.0.0.1:$port" -mi 1 -ma 3 -c 4 -s 2 -d "$base/job.json" -mt wordlengths -rt lengthhistogram \
  --wait 120 > "$base/lengths.out"
python3 docker/check-jobs.py "$base" data/corpus.txt "swarm smoke: 3x3 stack on a single-node swarm" \
  --timing " (physical ISL delay)" --also "the example jar's tasks (a swarm config) match too"
