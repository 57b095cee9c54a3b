#!/usr/bin/env bash
# Our re-statement of leopymr's job.sh (jq and curl only), for the compatibility suite (not its code).
# Same flags and defaults as job.py; the AOI grid is shuffled with `sort -R`, so -s changes nothing here
# (as in leopymr). Submitting prints the answer through `jq .`; -i polls /completion every 0.5 s until
# its "done" is true (with no limit: a job that never says done keeps it polling); -i -f downloads.
url="http://localhost:8089"; allocator="bipartite"; seed=-1; reducetype="center"
minsat=3; maxsat=8; collectors=11; collecttask="doccollector"; maptask="wordcountmapper"
reducetask="sumreducer"; combinetask="mergecombiner"; maxrecords=1024; datafile=""; jobid=""; resultfile=""

while (($#)); do
  case "$1" in
    -i|--id) jobid="$2" ;;
    -f|--file) resultfile="$2" ;;
    -a|--allocator) allocator="$2" ;;
    -s|--seed) seed="$2" ;;
    -r|--reducetype) reducetype="$2" ;;
    -mi|--minsat) minsat="$2" ;;
    -ma|--maxsat) maxsat="$2" ;;
    -c|--collectors) collectors="$2" ;;
    -ct|--collecttask) collecttask="$2" ;;
    -mt|--maptask) maptask="$2" ;;
    -rt|--reducetask) reducetask="$2" ;;
    -cbt|--combinetask) combinetask="$2" ;;
    -d|--data) datafile="$2" ;;
    -mr|--maxrecords) maxrecords="$2" ;;
    -u|--url) url="$2" ;;
    *) echo "Unknown argument: $1"; exit 1 ;;
  esac
  shift 2
done
: "$seed"

if [[ -n "$jobid" && -z "$resultfile" ]]; then
  while :; do
    answer=$(curl -s -X POST "$url/completion" -H "Content-Type: application/json" -d "{\"jobid\": \"$jobid\"}")
    if [[ "$(echo "$answer" | jq -r '.done')" == "true" ]]; then
      echo "$answer" | jq .
      break
    fi
    sleep 0.5
  done
  exit 0
fi
if [[ -n "$jobid" ]]; then
  code=$(curl -s -w "%{http_code}" -o "$resultfile" -X POST "$url/download" -H "Content-Type: application/json" \
    -d "{\"jobid\": \"$jobid\", \"file\": \"$resultfile\"}")
  if [[ "$code" == "200" ]]; then
    echo "Downloaded $resultfile"
  else
    echo "Failed to download $resultfile"
    echo "Status: $code"
    rm -f "$resultfile"
  fi
  exit 0
fi

grid=$(for ((s = minsat; s <= maxsat; s++)); do for ((o = minsat; o <= maxsat; o++)); do echo "$s $o"; done; done | sort -R)
mapfile -t pairs <<< "$grid"
sum_s=0; sum_o=0
for ((i = collectors; i < 2 * collectors && i < ${#pairs[@]}; i++)); do
  read -r s o <<< "${pairs[$i]}"
  sum_s=$((sum_s + s)); sum_o=$((sum_o + o))
done
if [[ "$reducetype" == "center" ]]; then
  reducer="[$((sum_s / collectors)), $((sum_o / collectors))]"
else
  reducer="[1, 1]"
fi
aoi=$(echo "$grid" | jq -R -s -c 'split("\n") | map(select(length > 0) | split(" ") | map(tonumber))')
if [[ -z "$datafile" ]]; then
  jobdata='{"filename": "data/sample.txt"}'
elif [[ -f "$datafile" ]]; then
  jobdata=$(cat "$datafile")
else
  echo "Error: Data file $datafile not found"; exit 1
fi
payload=$(jq -n --argjson collectors "$collectors" --argjson aoi "$aoi" --arg allocator "$allocator" \
  --arg collect_task "$collecttask" --arg map_task "$maptask" --arg reduce_task "$reducetask" \
  --arg combine_task "$combinetask" --argjson max_collect_records "$maxrecords" --argjson job_data "$jobdata" \
  --argjson reducer "$reducer" \
  '{collectors: $collectors, aoi: $aoi, allocator: $allocator, collect_task: $collect_task, map_task: $map_task,
    reduce_task: $reduce_task, combine_task: $combine_task, max_collect_records: $max_collect_records,
    job_data: $job_data, reducer: $reducer}')
curl -s -X POST "$url/submit" -H "Content-Type: application/json" -d "$payload" | jq .
