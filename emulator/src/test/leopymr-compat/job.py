#!/usr/bin/env python3
"""Our re-statement of leopymr's client job.py, for the compatibility suite (not its code).

It makes the same requests with the same flags and defaults and reads the answers the same way:
- the AOI is every [sat, orb] with both indices in range(minsat, maxsat + 1), sat-major, shuffled by
  Python's random module, seeded with -s unless -s is -1;
- 'center' sends the integer mean of the candidate mappers (aoi[c:2c]), 'los' sends [1, 1];
- -i asks /completion, and once more after half a second when the answer's "done" is false (reading
  the key "done" of the JSON answer, whatever the status); -i -f downloads into the current directory;
- it prints json.dumps of the answer and exits 0 (a failed download prints two lines and exits 0 too).
"""
import argparse
import json
import random
import time

import requests


def flags():
    p = argparse.ArgumentParser(prog="job.py")
    p.add_argument("-i", "--id", type=str, default=None)
    p.add_argument("-f", "--file", type=str, default=None)
    p.add_argument("-a", "--allocator", default="bipartite", choices=["bipartite", "random"])
    p.add_argument("-s", "--seed", type=int, default=-1)
    p.add_argument("-r", "--reducetype", default="center", choices=["los", "center"])
    p.add_argument("-mi", "--minsat", type=int, default=3)
    p.add_argument("-ma", "--maxsat", type=int, default=8)
    p.add_argument("-c", "--collectors", type=int, default=11)
    p.add_argument("-ct", "--collecttask", type=str, default="doccollector")
    p.add_argument("-cbt", "--combinetask", type=str, default="mergecombiner")
    p.add_argument("-mt", "--maptask", type=str, default="wordcountmapper")
    p.add_argument("-rt", "--reducetask", type=str, default="sumreducer")
    p.add_argument("-d", "--data", type=str, default=None)
    p.add_argument("-mr", "--maxrecords", type=int, default=1024)
    p.add_argument("-u", "--url", type=str, default="http://localhost:8089")
    return p.parse_args()


def submission(a):
    if a.seed != -1:
        random.seed(a.seed)
    grid = range(a.minsat, a.maxsat + 1)
    aoi = [[sat, orb] for sat in grid for orb in grid]
    random.shuffle(aoi)
    k = a.collectors
    candidates = aoi[k:2 * k]
    mean = [int(sum(c[0] for c in candidates) / k), int(sum(c[1] for c in candidates) / k)]
    if a.data is None:
        job_data = {"filename": "data/sample.txt"}
    else:
        with open(a.data) as f:
            job_data = json.loads(f.read())
    return {
        "collectors": k,
        "aoi": aoi,
        "allocator": a.allocator,
        "collect_task": a.collecttask,
        "combine_task": a.combinetask,
        "map_task": a.maptask,
        "reduce_task": a.reducetask,
        "max_collect_records": a.maxrecords,
        "job_data": job_data,
        "reducer": mean if a.reducetype == "center" else [1, 1],
    }


def main():
    a = flags()
    body = submission(a)  # job.py builds it (and draws from random) even when it only asks for a result
    if a.id is None:
        answer = requests.post(a.url + "/submit", json=body)
    elif a.file is None:
        ask = {"jobid": a.id}
        answer = requests.post(a.url + "/completion", json=ask)
        if not answer.json()["done"]:
            time.sleep(0.5)
            answer = requests.post(a.url + "/completion", json=ask)
    else:
        got = requests.post(a.url + "/download", json={"jobid": a.id, "file": a.file})
        if got.status_code == 200:
            with open(a.file, "wb") as out:
                out.write(got.content)
                print("Downloaded " + a.file)
        else:
            print("Failed to download " + a.file)
            print("Status: " + str(got.status_code))
        return
    print(json.dumps(answer.json()))


if __name__ == "__main__":
    main()
