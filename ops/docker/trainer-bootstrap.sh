#!/usr/bin/env bash
# One-shot entry point of the compose service trainer-bootstrap: trains and publishes version 1 of the model
# from a labelled JSONL file (the `stream` split). The trainer refuses to bootstrap a model that already has a
# version; that case counts as success here, so `docker compose up` can be run again on existing volumes.
# Usage: trainer-bootstrap.sh [CONFIG_FILE] [DATA_FILE]
set -uo pipefail

config="${1:-/etc/streamtune/streamtune.properties}"
data="${2:-/opt/streamtune/data/uci_sentiment.jsonl}"
errors="$(mktemp)"

java -XX:MaxRAMPercentage=75 -Dai.djl.offline=true -Dlogback.configurationFile=/opt/streamtune/logback.xml \
  -jar /opt/streamtune/app.jar \
  bootstrap --config "$config" --data "$data" 2>"$errors"
status=$?
cat "$errors" >&2

if [ "$status" -ne 0 ] && grep -q "already has version" "$errors"; then
  echo "trainer-bootstrap: the model already has a version; nothing to do"
  exit 0
fi
exit "$status"
