#!/usr/bin/env bash
# One-shot topic creation for docker-compose.yml: the same topics and settings as `streamtune stack up`
# (io.streamtune.schemas.Topics); a test in ops/cli keeps this list equal to Topics.all().
# Idempotent: --if-not-exists. PARTITIONS (default 3) sets the partition count.
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:-kafka:29092}"
partitions="${PARTITIONS:-3}"
topics=/opt/kafka/bin/kafka-topics.sh

create() {
  local name="$1" policy="$2"
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor 1 --config "cleanup.policy=$policy"
}

# topic                   cleanup.policy
create text-events           delete
create classifications       delete
create label-corrections     delete
create model-versions        compact
create training-set          compact
create text-events-dlq       delete
create label-corrections-dlq delete
create review-leases        compact

"$topics" --bootstrap-server "$bootstrap" --describe --topics-with-overrides
