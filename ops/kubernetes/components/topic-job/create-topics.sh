#!/usr/bin/env bash
# One-shot topic creation for docker-compose.yml: the same topics and settings as `streamtune stack up`
# (io.streamtune.schemas.Topics); a test in ops/cli keeps this list equal to Topics.all().
# Idempotent: --if-not-exists. PARTITIONS (default 3) sets the partition count, REPLICATION_FACTOR (default 1) the
# replicas. The Kubernetes topic Job runs a copy of this file (ops/kubernetes/components/topic-job/create-topics.sh,
# kustomize reads no file outside its folder); KubernetesManifestsTest keeps the two equal.
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:-kafka:29092}"
partitions="${PARTITIONS:-3}"
replication="${REPLICATION_FACTOR:-1}"
topics=/opt/kafka/bin/kafka-topics.sh

create() {
  local name="$1" policy="$2"
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" --config "cleanup.policy=$policy"
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
