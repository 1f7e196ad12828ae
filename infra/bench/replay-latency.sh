#!/usr/bin/env bash
# Replays a log file through ./logmaster send against the running stack and reports how long after
# the last line was sent every line was searchable through the API.
#   infra/bench/replay-latency.sh FILE udp|tcp RATE HOST_FILTER
# e.g. infra/bench/replay-latency.sh "$LOGMASTER_CORPUS/loghub/OpenSSH/OpenSSH_2k.log" udp 1000 LabSZ
set -euo pipefail
file=$1 proto=$2 rate=$3 host=$4
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${LOGMASTER_DATA_DIR:-$root/data}"
api="http://127.0.0.1:${LOGMASTER_API_PORT:-8080}"
password="${LOGMASTER_ADMIN_PASSWORD:-$(cat "$data/secrets/admin-password")}"
token=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$api/api/v1/auth/login" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
count() {
  curl -sf -H "Authorization: Bearer $token" \
    "$api/api/v1/events?host=$host&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&size=1" \
    | sed -E 's/.*"total":([0-9]+).*/\1/'
}
lines=$(grep -c . "$file")
before=$(count)
"$root/logmaster" send "$file" --proto "$proto" --rate "$rate" | tail -1
sent_at=$(date +%s.%N)
while :; do
  now_count=$(count)
  elapsed=$(echo "$(date +%s.%N) - $sent_at" | bc)
  if [ $((now_count - before)) -ge "$lines" ]; then
    echo "all $lines lines searchable ${elapsed}s after the last was sent ($proto, $rate lines/s)"
    exit 0
  fi
  if [ "$(echo "$elapsed > 60" | bc)" = 1 ]; then
    echo "only $((now_count - before)) of $lines lines searchable after 60 s" >&2
    exit 1
  fi
  sleep 0.1
done
