#!/usr/bin/python3
"""Interop check with Confluent's own Python client (Debian's python3-confluent-kafka + python3-avro).

Driven by ConfluentPythonInteropIT. Three commands, each printing JSON lines on stdout:
  check    - prints the client versions; fails if the modules are missing.
  consume  - reads COUNT records from TOPIC, decodes them with the registry (MessageSerializer fetches the
             writer schema by the id in each record), prints {"key", "schemaId", "value"} per record.
  produce  - encodes the records of a JSON-lines file with a schema (MessageSerializer registers it under
             <topic>-value), produces them keyed by KEY_FIELD, prints {"produced", "schemaId"}.
Timestamps (timestamp-millis) are printed and read as epoch milliseconds (datetimes in python-avro).
"""
import argparse
import datetime
import json
import struct
import sys
import time
import warnings


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def load_client():
    from confluent_kafka import Consumer, KafkaError, Producer, libversion, version
    from confluent_kafka.avro import CachedSchemaRegistryClient, MessageSerializer, loads
    return {
        "Consumer": Consumer, "KafkaError": KafkaError, "Producer": Producer,
        "CachedSchemaRegistryClient": CachedSchemaRegistryClient, "MessageSerializer": MessageSerializer,
        "loads": loads, "versions": {"confluent_kafka": version()[0], "librdkafka": libversion()[0]},
    }


def as_json(value):
    if isinstance(value, datetime.datetime):
        return int(value.timestamp() * 1000)
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def from_json(schema, value):
    """Turns epoch milliseconds into the datetime python-avro expects for timestamp-millis, following the schema."""
    logical = getattr(schema, "logical_type", None) or schema.get_prop("logicalType")
    if logical == "timestamp-millis" and isinstance(value, int):
        return EPOCH + datetime.timedelta(milliseconds=value)
    if schema.type == "record" and isinstance(value, dict):
        return {field.name: from_json(field.type, value[field.name]) for field in schema.fields if field.name in value}
    if schema.type == "union" and value is not None:
        branch = next((member for member in schema.schemas if member.type != "null"), None)
        return from_json(branch, value) if len(schema.schemas) == 2 and branch is not None else value
    if schema.type == "array" and isinstance(value, list):
        return [from_json(schema.items, item) for item in value]
    if schema.type == "map" and isinstance(value, dict):
        return {key: from_json(schema.values, item) for key, item in value.items()}
    return value


def emit(document):
    sys.stdout.write(json.dumps(document, sort_keys=True) + "\n")
    sys.stdout.flush()


def check(client, _args):
    import avro
    emit({"ok": True, "avro": getattr(avro, "__version__", "unknown"), **client["versions"]})


def consume(client, args):
    registry = client["CachedSchemaRegistryClient"]({"url": args.registry})
    serializer = client["MessageSerializer"](registry)
    consumer = client["Consumer"]({
        "bootstrap.servers": args.bootstrap, "group.id": "python-interop-" + args.topic,
        "auto.offset.reset": "earliest", "enable.auto.commit": False,
    })
    consumer.subscribe([args.topic])
    deadline = time.monotonic() + args.timeout
    received = 0
    try:
        while received < args.count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() in (client["KafkaError"]._PARTITION_EOF,
                                              client["KafkaError"].UNKNOWN_TOPIC_OR_PART):
                    continue
                raise RuntimeError(str(message.error()))
            schema_id = struct.unpack(">bI", message.value()[:5])[1]
            key = message.key().decode("utf-8") if message.key() is not None else None
            emit({"key": key, "schemaId": schema_id, "value": as_json(serializer.decode_message(message.value()))})
            received += 1
    finally:
        consumer.close()
    if received < args.count:
        raise RuntimeError(f"received {received} of {args.count} records from {args.topic} in {args.timeout} s")


def produce(client, args):
    registry = client["CachedSchemaRegistryClient"]({"url": args.registry})
    serializer = client["MessageSerializer"](registry)
    with open(args.schema, encoding="utf-8") as schema_file:
        schema = client["loads"](schema_file.read())
    producer = client["Producer"]({"bootstrap.servers": args.bootstrap})
    produced = 0
    schema_id = None
    with open(args.records, encoding="utf-8") as records:
        for line in records:
            if not line.strip():
                continue
            record = json.loads(line)
            value = serializer.encode_record_with_schema(args.topic, schema, from_json(schema, record))
            schema_id = struct.unpack(">bI", value[:5])[1]
            producer.produce(args.topic, key=str(record[args.key_field]).encode("utf-8"), value=value)
            produced += 1
    remaining = producer.flush(args.timeout)
    if remaining:
        raise RuntimeError(f"{remaining} records not delivered to {args.topic}")
    emit({"produced": produced, "schemaId": schema_id})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check")
    for name in ("consume", "produce"):
        command = commands.add_parser(name)
        command.add_argument("--bootstrap", required=True)
        command.add_argument("--registry", required=True)
        command.add_argument("--topic", required=True)
        command.add_argument("--timeout", type=float, default=30.0)
    commands.choices["consume"].add_argument("--count", type=int, required=True)
    commands.choices["produce"].add_argument("--schema", required=True)
    commands.choices["produce"].add_argument("--records", required=True)
    commands.choices["produce"].add_argument("--key-field", required=True)
    args = parser.parse_args()
    # python-avro warns when an int is given for a timestamp-millis field; epoch millis are meant here.
    warnings.simplefilter("ignore")
    try:
        client = load_client()
    except ImportError as error:
        sys.stderr.write(f"confluent-kafka Python client not usable: {error}\n")
        sys.exit(3)
    {"check": check, "consume": consume, "produce": produce}[args.command](client, args)


if __name__ == "__main__":
    main()
