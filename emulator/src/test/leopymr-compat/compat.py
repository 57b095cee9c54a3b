#!/usr/bin/env python3
"""The leopymr compatibility suite: runs our re-statements of leopymr's clients (job.py, job.sh with jq
and curl, listen.py over the sseclient 0.0.27 model) against a running SpaceCoMP-J gateway and checks
what they print. Prints one line per check and closes with 'N passed, M failed'; exits 1 on a failure.

  compat.py --url http://127.0.0.1:PORT --data-dir DIR [--grid MI MA] [--defaults] [--test-tasks]
            [--spacecomp PATH]

--data-dir   the collectors' data directory (expected word counts are computed from its files)
--grid       the AOI grid for the flag checks, inside the shell (default 1 3)
--defaults   also run job.py with its defaults (grid [3, 8], data/sample.txt): the shell must be >= 8x8
             and the data directory must hold sample.txt
--test-tasks the gateway's satellites know the test tasks (testthrowingmapper, testfilecollector, ...):
             check failed jobs and file results
--spacecomp  our CLI: check that `spacecomp job -s S` makes job.py's AOI and allocation for the same S
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable
RESULTS = {"passed": 0, "failed": 0}


def check(name, fn):
    try:
        fn()
        RESULTS["passed"] += 1
        print("ok   " + name, flush=True)
    except Exception as e:  # a check that fails says why, the suite goes on
        RESULTS["failed"] += 1
        print("FAIL " + name + ": " + (str(e) or type(e).__name__)[:2000], flush=True)


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def run(cmd, timeout=120, cwd=None):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def job_py(*flags, cwd=None):
    code, out, err = run([PY, os.path.join(HERE, "job.py")] + list(flags), cwd=cwd)
    expect(code == 0, "job.py %s exited %d: %s" % (" ".join(flags), code, err[-800:]))
    return out


def job_sh(*flags, timeout=120, cwd=None):
    return run(["bash", os.path.join(HERE, "job.sh")] + list(flags), timeout=timeout, cwd=cwd)


def word_count(path):
    """The single-process count (SPEC section 6): every line split on single spaces."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    counts = {}
    for line in lines:
        for w in line.split(" "):
            counts[w] = counts.get(w, 0) + 1
    return counts


def python_aoi(seed, mi, ma):
    import random
    rnd = random.Random(seed)
    grid = range(mi, ma + 1)
    aoi = [[s, o] for s in grid for o in grid]
    rnd.shuffle(aoi)
    return aoi


def await_done(url, jobid, seconds=90):
    end = time.time() + seconds
    while time.time() < end:
        ans = json.loads(job_py("-u", url, "-i", jobid))
        if ans.get("done"):
            return ans
        time.sleep(0.3)
    raise AssertionError("job %s not done after %d s" % (jobid, seconds))


class Listener:
    """listen.py as a child process: each printed line parsed as JSON and kept by job id; anything else kept too."""

    def __init__(self, url, sseclient_dir):
        env = dict(os.environ, PYTHONPATH=sseclient_dir)
        self.proc = subprocess.Popen([PY, "-u", os.path.join(HERE, "listen.py"), url], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env)
        self.events = {}
        self.bad_lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            with self.cond:
                try:
                    ev = json.loads(line)
                    self.events[ev["meta_data"]["jobid"]] = ev
                except (ValueError, KeyError, TypeError):
                    self.bad_lines.append(line)
                self.cond.notify_all()

    def event(self, jobid, seconds=90):
        with self.cond:
            self.cond.wait_for(lambda: jobid in self.events, timeout=seconds)
            expect(jobid in self.events, "listen.py printed no event for job %s in %d s (other lines: %d, e.g. %r)"
                   % (jobid, seconds, len(self.bad_lines), self.bad_lines[:1] and self.bad_lines[0][:200]))
            return self.events[jobid]

    def close(self):
        self.proc.kill()
        self.proc.wait()


class OldFraming(threading.Thread):
    """A stand-in for the gateway before issue #12: SSE in 4,096-byte HTTP chunks, no charset, raw UTF-8,
    and a comment frame. listen.py over the sseclient model must print it broken, as users saw it: this
    shows the listen checks can fail."""

    def __init__(self, event):
        super().__init__(daemon=True)
        import socket
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.port = self.server.getsockname()[1]
        self.event = event

    def run(self):
        conn, _ = self.server.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        body = (": subscribed\n\n" + "event: spacecomp\ndata: " + json.dumps(self.event, ensure_ascii=False) + "\n\n").encode("utf-8")
        for i in range(0, len(body), 4096):
            piece = body[i:i + 4096]
            conn.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
        time.sleep(2)
        conn.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--grid", nargs=2, type=int, default=[1, 3])
    ap.add_argument("--defaults", action="store_true")
    ap.add_argument("--test-tasks", action="store_true")
    ap.add_argument("--spacecomp")
    a = ap.parse_args()
    url = a.url.rstrip("/")
    mi, ma = a.grid
    side = ma - mi + 1
    k = max(1, min(4, side * side // 2))
    work = tempfile.mkdtemp(prefix="leopymr-compat-")
    corpus_json = os.path.join(work, "corpus.json")
    with open(corpus_json, "w") as f:
        json.dump({"filename": "corpus.txt"}, f)
    corpus = word_count(os.path.join(a.data_dir, "corpus.txt"))
    expect(any(ord(c) > 127 for key in corpus for c in key), "corpus.txt must hold non-ASCII words")
    print("gateway %s, data %s, grid [%d, %d], %d collectors" % (url, a.data_dir, mi, ma, k), flush=True)

    def model_reproduces_the_old_failure():
        event = {"meta_data": {"jobid": "x"}, "job_time": 1.0, "result": corpus}
        while len(json.dumps(event)) < 10000:
            event["result"] = dict(event["result"], **{"pad%d" % len(event["result"]): 1})
        old = OldFraming(event)
        old.start()
        env = dict(os.environ, PYTHONPATH=os.path.join(HERE, "sseclient-0.0.27"))
        p = subprocess.run([PY, os.path.join(HERE, "listen.py"), "http://127.0.0.1:%d" % old.port], capture_output=True,
                           text=True, timeout=30, env=env)
        lines = p.stdout.split("\n")
        expect(lines[0] == "", "a comment frame prints as a blank line: %r" % lines[:1])
        data = lines[1]
        expect(3900 < len(data) < 4096, "the event is cut at the first chunk boundary: %d characters" % len(data))
        expect("\u00e2\u0080" in p.stdout, "UTF-8 read as Latin-1 (\u2019 shows as \u00e2\u0080\u0099)")

    check("the sseclient 0.0.27 model prints the old gateway's stream broken, as users saw it", model_reproduces_the_old_failure)

    listener = Listener(url, os.path.join(HERE, "sseclient-0.0.27"))
    time.sleep(1.5)  # let it subscribe before the first job ends

    submitted = {}

    def every_flag():
        # Every job.py flag at a non-default value (-i and -f below).
        for allocator in ("bipartite", "random"):
            for reducetype in ("los", "center"):
                seed = 11 if allocator == "bipartite" else 12
                out = job_py("-a", allocator, "-s", str(seed), "-r", reducetype, "-mi", str(mi), "-ma", str(ma),
                             "-c", str(k), "-ct", "doccollector", "-cbt", "mergecombiner", "-mt", "wordcountmapper",
                             "-rt", "sumreducer", "-d", corpus_json, "-mr", "7", "-u", url)
                ans = json.loads(out)
                aoi = python_aoi(seed, mi, ma)
                expect(ans.get("allocator") == allocator, "allocator: %s" % out[:300])
                expect(len(ans["allocations"]) == k, "%d allocations for %d collectors" % (len(ans["allocations"]), k))
                expect(sorted(p[0] for p in ans["allocations"]) == sorted(aoi[:k]),
                       "collectors are aoi[:k] of job.py's shuffle (inclusive grid): %s vs %s" % (ans["allocations"], aoi[:k]))
                expect(all(p[1] in aoi[k:2 * k] for p in ans["allocations"]), "mappers come from aoi[k:2k]")
                cand = aoi[k:2 * k]
                want = [int(sum(c[0] for c in cand) / k), int(sum(c[1] for c in cand) / k)] if reducetype == "center" else [1, 1]
                expect(ans["reducer"] == want, "reducer %s, job.py sent %s" % (ans["reducer"], want))
                expect(isinstance(ans["distance"], int) and isinstance(ans["reduce_distance"], int), "distances")
                expect(isinstance(ans.get("seed"), int) and 0 <= ans["seed"] < 2 ** 53, "a drawn seed is reported")
                submitted[(allocator, reducetype)] = ans

    def completion_by_id():
        for (allocator, reducetype), ans in submitted.items():
            done = await_done(url, ans["jobid"])
            expect(done["jobid"] == ans["jobid"] and done["done"] is True and not done.get("failed"), str(done)[:300])
            expect(done["result"] == corpus, "%s/%s: the word count of corpus.txt, exact (%d keys vs %d)"
                   % (allocator, reducetype, len(done["result"]), len(corpus)))
            expect(done["job_time"] > 0, "job_time")

    def sse_events():
        # One event per job, each printed whole on one line by listen.py (sseclient 0.0.27 model), exact.
        for ans in submitted.values():
            ev = listener.event(ans["jobid"])
            expect(ev["result"] == corpus, "event result: the exact count, non-ASCII keys included")
            m = ev["meta_data"]
            for field in ("jobid", "data_id", "data_size", "job_start", "collect_task", "map_task", "reduce_task",
                          "combine_task", "max_collect_records", "job_data", "reducer", "los"):
                expect(field in m, "meta_data lacks %s: %s" % (field, sorted(m)))
            expect(m["combine_task"] == "mergecombiner", "combine_task is what the client sent: %r" % m["combine_task"])
            expect(abs(time.time() - m["job_start"]) < 600, "job_start is Unix time: %r" % m["job_start"])
            expect(m["data_size"] == k and 1 <= m["data_id"] <= k, "data_id/data_size")
            expect(m["max_collect_records"] == 7 and m["job_data"] == {"filename": "corpus.txt"}, "meta_data echoes the job")
            expect(0 < ev["job_time"] <= ev["result_time"], "job_time (at the reducer) <= result_time (at the LOS)")
        expect(not listener.bad_lines, "listen.py printed lines that are not one whole JSON event: %d, first %r"
               % (len(listener.bad_lines), listener.bad_lines[:1] and listener.bad_lines[0][:300]))

    def trailing_slash():
        out = job_py("-u", url + "/", "-mi", str(mi), "-ma", str(ma), "-c", str(k), "-s", "3", "-d", corpus_json)
        ans = json.loads(out)
        expect("jobid" in ans, out[:300])
        done = json.loads(job_py("-u", url + "/", "-i", ans["jobid"]))
        expect("done" in done, str(done)[:300])
        code, out, err = job_sh("-u", url + "/", "-mi", str(mi), "-ma", str(ma), "-c", str(k), "-d", corpus_json)
        expect(code == 0 and "jobid" in json.loads(out), "job.sh with a trailing slash: %s %s" % (out[:300], err[-300:]))

    def unknown_ids():
        unknown = str(uuid.uuid4())
        ans = json.loads(job_py("-u", url, "-i", unknown))
        expect(ans.get("done") is False and ans.get("jobid") == unknown and "error" in ans, "job.py -i unknown: %s" % ans)
        ans = json.loads(job_py("-u", url, "-i", "not-a-job-id"))
        expect(ans.get("done") is False and "error" in ans, "job.py -i with a malformed id: %s" % ans)
        try:
            job_sh("-u", url, "-i", unknown, timeout=3)
            raise AssertionError("job.sh -i on an unknown id returned (leopymr's job.sh polls until done)")
        except subprocess.TimeoutExpired:
            pass  # as with leopymr: an unknown job is never done

    def download_unknown():
        out = job_py("-u", url, "-i", str(uuid.uuid4()), "-f", "merged.bin", cwd=work)
        expect(out.splitlines() == ["Failed to download merged.bin", "Status: 404"], out)
        code, out, _ = job_sh("-u", url, "-i", str(uuid.uuid4()), "-f", "merged.bin", cwd=work)
        expect(out.splitlines() == ["Failed to download merged.bin", "Status: 404"], out)
        expect(not os.path.exists(os.path.join(work, "merged.bin")), "job.sh removes what it did not download")

    def job_sh_round_trip():
        code, out, err = job_sh("-u", url, "-a", "random", "-r", "los", "-mi", str(mi), "-ma", str(ma), "-c", str(k),
                                "-ct", "doccollector", "-cbt", "mergecombiner", "-mt", "wordcountmapper", "-rt", "sumreducer",
                                "-d", corpus_json, "-mr", "5", "-s", "4")
        ans = json.loads(out)
        expect(code == 0 and len(ans["allocations"]) == k and ans["reducer"] == [1, 1], out[:300] + err[-300:])
        code, out, err = job_sh("-u", url, "-i", ans["jobid"], timeout=90)
        done = json.loads(out)
        expect(done["done"] is True and done["result"] == corpus, "job.sh -i: exact count through jq")

    def random_without_seed():
        seeds = set()
        allocs = []
        for _ in range(2):
            ans = json.loads(job_py("-u", url, "-a", "random", "-s", "5", "-mi", str(mi), "-ma", str(ma), "-c", str(k),
                                    "-d", corpus_json))
            seeds.add(ans["seed"])
            allocs.append(ans)
        expect(len(seeds) == 2, "two unseeded random jobs drew the same seed %s" % seeds)
        # Replaying: job.py's body plus the reported seed gives the same allocation.
        import requests
        body = {"collectors": k, "aoi": python_aoi(5, mi, ma), "allocator": "random", "reducer": [1, 1],
                "job_data": {"filename": "corpus.txt"}, "seed": allocs[0]["seed"]}
        again = requests.post(url + "/submit", json=body).json()
        expect(again["allocations"] == allocs[0]["allocations"], "the reported seed replays the allocation")

    def same_seed_as_spacecomp():
        for seed in ("7", "42"):
            flags = ["-u", url, "-s", seed, "-mi", str(mi), "-ma", str(ma), "-c", str(k), "-d", corpus_json]
            py = json.loads(job_py(*flags))
            code, out, err = run([a.spacecomp, "job"] + flags, timeout=180)
            expect(code == 0, "spacecomp job exited %d: %s" % (code, err[-500:]))
            ours = json.loads(out.splitlines()[0])
            expect(ours["allocations"] == py["allocations"], "seed %s: spacecomp job %s, job.py %s"
                   % (seed, ours["allocations"], py["allocations"]))
            expect(ours["seed"] == int(seed), "the seed is sent along")

    def job_py_defaults():
        ans = json.loads(job_py("-u", url, "-s", "9"))
        aoi = python_aoi(9, 3, 8)
        expect(len(ans["allocations"]) == 11 and sorted(p[0] for p in ans["allocations"]) == sorted(aoi[:11]),
               "job.py's defaults: 11 collectors from the grid [3, 8] (36 satellites)")
        done = await_done(url, ans["jobid"])
        expect(done["result"] == word_count(os.path.join(a.data_dir, "sample.txt")), "the default data/sample.txt, exact")
        ans = json.loads(job_py("-u", url, "-s", "9", "-mi", "3", "-ma", "8", "-c", "15"))
        expect(len(ans["allocations"]) == 15, "leopymr's CI flags -mi 3 -ma 8 -c 15 are accepted")
        await_done(url, ans["jobid"])

    def failed_job():
        ans = json.loads(job_py("-u", url, "-mi", str(mi), "-ma", str(ma), "-c", str(k), "-mt", "testthrowingmapper",
                                "-d", corpus_json))
        done = await_done(url, ans["jobid"])
        expect(done["done"] is True and done["failed"] is True and "sensor offline" in done["error"], str(done))
        code, out, _ = job_sh("-u", url, "-i", ans["jobid"], timeout=30)
        expect(json.loads(out)["failed"] is True, "job.sh -i stops on a failed job")
        ev = listener.event(ans["jobid"])
        expect(ev["done"] is True and ev["failed"] is True and "sensor offline" in ev["error"], str(ev)[:300])

    def file_result():
        ans = json.loads(job_py("-u", url, "-mi", str(mi), "-ma", str(ma), "-c", "3", "-ct", "testfilecollector",
                                "-mt", "testinvertmapper", "-rt", "testconcatreducer", "-mr", "2", "-d", corpus_json))
        done = await_done(url, ans["jobid"])
        expect(done["result"] == {"files": ["merged.bin"]}, "completion of a file job: %s" % done)
        out = job_py("-u", url, "-i", ans["jobid"], "-f", "merged.bin", cwd=work)
        expect(out.strip() == "Downloaded merged.bin" and os.path.getsize(os.path.join(work, "merged.bin")) > 0, out)
        os.remove(os.path.join(work, "merged.bin"))
        code, out, _ = job_sh("-u", url, "-i", ans["jobid"], "-f", "merged.bin", cwd=work)
        expect(out.strip() == "Downloaded merged.bin" and os.path.getsize(os.path.join(work, "merged.bin")) > 0, out)
        ev = listener.event(ans["jobid"])
        expect(ev["result"] == "merged.bin" and ev["files"] == ["merged.bin"], "event of a file job: %s" % ev)

    try:
        check("job.py: every flag, AOI as job.py shuffles it, reducer as sent", every_flag)
        check("job.py -i: exact word count with non-ASCII keys", completion_by_id)
        check("listen.py (sseclient 0.0.27): one whole JSON line per job, leopymr's fields", sse_events)
        check("trailing slash in -u (job.py and job.sh)", trailing_slash)
        check("unknown job ids: job.py prints done false; job.sh keeps polling", unknown_ids)
        check("-i -f of an unknown job: job.py and job.sh print the failure", download_unknown)
        check("job.sh with jq and curl: every flag, -i", job_sh_round_trip)
        check("-a random without a seed: a new seed each time, reported and replayable", random_without_seed)
        if a.spacecomp:
            check("spacecomp job -s S: job.py's AOI and allocation", same_seed_as_spacecomp)
        if a.defaults:
            check("job.py with its defaults and leopymr's CI flags", job_py_defaults)
        if a.test_tasks:
            check("a failed job is done, failed, with its error (job.py, job.sh, SSE)", failed_job)
            check("file results: -i -f with job.py and job.sh; the event names the file", file_result)
        def listener_clean():
            time.sleep(1)
            expect(not listener.bad_lines, "listen.py printed %d lines that are not one whole JSON event, first %r"
                   % (len(listener.bad_lines), listener.bad_lines[:1] and listener.bad_lines[0][:300]))
            expect(len(listener.events) >= len(submitted), "events seen: %d" % len(listener.events))
        check("listen.py over the whole run: whole events only, no blank lines", listener_clean)
    finally:
        listener.close()
    print("%d passed, %d failed" % (RESULTS["passed"], RESULTS["failed"]), flush=True)
    sys.exit(1 if RESULTS["failed"] else 0)


if __name__ == "__main__":
    main()
