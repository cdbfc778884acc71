#!/usr/bin/python3
"""Produce to and consume from Streamtune's topics with Confluent's Python client (python3-confluent-kafka).

Values are Avro in the Confluent wire format, through the client's own registry-aware MessageSerializer
(confluent_kafka.avro); SerializingProducer and DeserializingConsumer carry string keys, or none: an event's
identity is its `id` (a correction's, its `eventId`), so records need no key.

  streamtune_avro.py produce --topic text-events --schema schemas/src/main/avro/TextEvent.avsc < events.jsonl
  streamtune_avro.py produce --topic label-corrections --schema schemas/src/main/avro/LabelCorrection.avsc \
      < corrections.jsonl
  streamtune_avro.py consume --topic classifications --count 10

produce reads one JSON object per line; a timestamp field left out is now, one given is epoch milliseconds; a field
left out that has a default gets it. --key-field FIELD keys each record by that field (default: no key). It prints
{"produced": N}. consume prints {"key", "value"} per record (timestamps as epoch milliseconds).
--bootstrap and --registry default to the local stack (localhost:9092, http://localhost:8081).
"""
import argparse
import datetime
import json
import sys
import time
import warnings

from confluent_kafka import DeserializingConsumer, SerializingProducer
from confluent_kafka.avro import CachedSchemaRegistryClient, MessageSerializer, loads
from confluent_kafka.serialization import Deserializer, Serializer, StringDeserializer, StringSerializer


# Confluent's registry-aware Avro serializer as a SerializingProducer value serializer (registers <topic>-value).
# The README shows this class; ReadmeProducerCodeTest keeps the two alike.
class AvroValueSerializer(Serializer):
    def __init__(self, registry_url, schema):
        self._wire = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
        self._schema = schema

    def __call__(self, record, ctx):
        return self._wire.encode_record_with_schema(ctx.topic, self._schema, record)


class AvroValueDeserializer(Deserializer):
    """Decodes a wire-format value with the writer's schema, fetched from the registry by the id in the record."""

    def __init__(self, registry_url):
        self._wire = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))

    def __call__(self, value, ctx):
        return None if value is None else self._wire.decode_message(value)


def produce(args):
    with open(args.schema, encoding="utf-8") as schema_file:
        schema = loads(schema_file.read())
    producer = SerializingProducer({
        "bootstrap.servers": args.bootstrap,
        "key.serializer": StringSerializer(),
        "value.serializer": AvroValueSerializer(args.registry, schema),
    })
    failures = []

    def delivered(error, _message):
        if error is not None:
            failures.append(str(error))

    produced = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        record = complete(schema, json.loads(line))
        key = str(record[args.key_field]) if args.key_field else None  # None: the record has no key
        producer.produce(args.topic, key=key, value=record, on_delivery=delivered)
        producer.poll(0)
        produced += 1
    producer.flush(args.timeout)
    if failures or len(producer):
        raise SystemExit(f"not delivered to {args.topic}: {failures or len(producer)}")
    print(json.dumps({"produced": produced}), flush=True)


def complete(schema, record):
    """Epoch milliseconds (or nothing: now) for timestamp-millis fields, defaults for the other fields left out."""
    now = datetime.datetime.now(datetime.timezone.utc)
    for field in schema.fields:
        if field.type.get_prop("logicalType") == "timestamp-millis":
            millis = record.get(field.name)
            record[field.name] = now if millis is None else datetime.datetime.fromtimestamp(
                millis / 1000, datetime.timezone.utc)
        elif field.name not in record and field.has_default:
            record[field.name] = field.default
    return record


def consume(args):
    consumer = DeserializingConsumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group or f"streamtune-avro-{time.time_ns()}",
        "auto.offset.reset": "earliest",
        "key.deserializer": StringDeserializer(),
        "value.deserializer": AvroValueDeserializer(args.registry),
    })
    consumer.subscribe([args.topic])
    deadline = time.monotonic() + args.timeout
    received = 0
    try:
        while received < args.count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is not None:
                print(json.dumps({"key": message.key(), "value": as_json(message.value())}), flush=True)
                received += 1
    finally:
        consumer.close()
    if received < args.count:
        raise SystemExit(f"received {received} of {args.count} records from {args.topic} in {args.timeout} s")


def as_json(value):
    if isinstance(value, datetime.datetime):
        return int(value.timestamp() * 1000)
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("produce", "consume"):
        command = commands.add_parser(name)
        command.add_argument("--bootstrap", default="localhost:9092")
        command.add_argument("--registry", default="http://localhost:8081")
        command.add_argument("--topic", required=True)
        command.add_argument("--timeout", type=float, default=30.0)
    commands.choices["produce"].add_argument("--schema", required=True)
    commands.choices["produce"].add_argument("--key-field")
    commands.choices["consume"].add_argument("--count", type=int, required=True)
    commands.choices["consume"].add_argument("--group")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # python-avro's notes on logical types
    {"produce": produce, "consume": consume}[args.command](args)


if __name__ == "__main__":
    main()
