#!/usr/bin/env python3
"""Checks the jobs a smoke test ran against counts made here, in one process, from the corpus itself.

Usage: check-jobs.py DIR CORPUS WHAT [--timing NOTE] [--also TEXT] [--file NAME]
  DIR holds job.out (a word count) and lengths.out (the example jar's wordlengths/lengthhistogram), each the
  output of `spacecomp job --wait`; with --file, also file.out (wordcountfile) and the CSV NAME it downloaded.
"""
import argparse
import csv
import json


def done(directory, name):
    lines = open(f"{directory}/{name}").read().strip().splitlines()
    d = json.loads(lines[-1])
    assert d.get("done") is True, f"{name}: job not done: {lines[-1][:300]}"
    return d


def single_process_count(corpus):
    rows = open(corpus, encoding="utf-8").read().split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    counts = {}
    for row in rows:
        for w in row.split(" "):
            counts[w] = counts.get(w, 0) + 1
    return counts


def length_histogram(counts):
    hist = {}
    for w, c in counts.items():
        hist[str(len(w))] = hist.get(str(len(w)), 0) + c
    return {"words": sum(counts.values()), "letters": sum(len(w) * c for w, c in counts.items()),
            "histogram": {k: hist[k] for k in sorted(hist, key=int)}}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("corpus")
    p.add_argument("what")
    p.add_argument("--timing", default="")
    p.add_argument("--also", default="the example jar's tasks match too")
    p.add_argument("--file")
    a = p.parse_args()
    expected = single_process_count(a.corpus)
    done_count, done_lengths = done(a.dir, "job.out"), done(a.dir, "lengths.out")
    assert done_count["result"] == expected, "word count differs from the single-process count"
    want = length_histogram(expected)
    assert done_lengths["result"] == want, f"custom task result differs: {done_lengths['result']} != {want}"
    if a.file:
        done_file = done(a.dir, "file.out")
        assert done_file["result"] == {"files": [a.file]}, done_file["result"]
        with open(f"{a.dir}/{a.file}", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["word", "count"] and {w: int(c) for w, c in rows[1:]} == expected, f"{a.file} differs"
    print(f"{a.what}, job {done_count['jobid']} done in {done_count['job_time']:.3f} s{a.timing}, "
          f"{len(expected)} keys / {sum(expected.values())} words as counted in one process; {a.also}: OK")


if __name__ == "__main__":
    main()
