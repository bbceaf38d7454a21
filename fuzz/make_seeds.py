#!/usr/bin/env python3
"""Writes the seed corpora of the fuzzers into DIR/<fuzzer>/.

The engine's fuzzers read three bytes that choose the DCT and then text; the
request fuzzer a method byte and then a serialized request (encoded here by
hand, field numbers from proto/factcheck/v1/); the import fuzzer a byte
that chooses strictness and chunk size and then a reference file, plain,
gzip or bzip2; the HTTP fuzzer a request line ("POST /v1:checkText")
and a JSON body.

  fuzz/make_seeds.py DIR
"""
import bz2
import gzip
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, value):
    """A length-delimited field (string or message) or a varint."""
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    if isinstance(value, str):
        value = value.encode()
    return varint(number << 3 | 2) + varint(len(value)) + value


def main():
    out = pathlib.Path(sys.argv[1])
    texts = sorted((ROOT / "tests/data").glob("*.txt")) + sorted(
        (ROOT / "bench/data").glob("*.txt"))
    engine = {p.name: b"\x00\x4a\x1f" + p.read_bytes() for p in texts}
    seed = (ROOT / "tests/data/seed-article.txt").read_text()
    head = seed[:1500]
    requests = {
        "check": bytes([0]) + field(1, head) + field(2, "2024-02-14"),
        "ingest": bytes([1]) + field(1, field(2, "https://example.org/a") +
                                     field(5, "2024-02-14") + field(6, head)),
        "timex": bytes([2]) + field(1, head) + field(2, "2024-02-14"),
        "search": bytes([5]) + field(1, "Ramstein meeting") + field(2, 5),
        "list-sources": bytes([6]) + field(1, 10),
        "list-claims": bytes([7]) + field(2, 10) + field(4, "verdict=CONTRADICTED"),
        "conflicts": bytes([8]) + field(1, 10),
    }
    # The HTTP fuzzer's: a request line, then the JSON body.
    body = lambda fields: json.dumps(fields).encode()
    http = {
        "check": b"POST /v1:checkText\n" + body(
            {"text": head, "publishedDate": "2024-02-14",
             "include_unverifiable": True}),
        "timex": b"POST /v1:extractTimex\n" + body(
            {"text": head, "published_date": "2024-02-14"}),
        "ingest": b"POST /v1/sources:ingest\n" + body(
            {"source": {"url": "https://example.org/a", "title": "A",
                        "publishedDate": "2024-02-14", "text": head}}),
        "get-source": b"GET /v1/sources/b4806098d30070bb\n",
        "list-sources": b"GET /v1/sources?pageSize=2&pageToken=\n",
        "list-claims": b"GET /v1/sources/-/claims?filter=verdict = CONTRADICTED"
                       b"&page_size=5\n",
        "conflicts": b"GET /v1/conflicts?page_size=3\n",
        "get-event": b"GET /v1/events/full-scale-invasion\n",
        "list-events": b"GET /v1/events?page_size=3\n",
        "search": b"GET /v1/events:search?query=Ramstein meeting&pageSize=5\n",
    }
    events = (ROOT / "data/events.jsonl").read_bytes().splitlines(True)[:8]
    jsonl = b"".join(events)
    wikidata = (ROOT / "tests/data/wikidata-fixture.json").read_bytes()
    imports = {
        "jsonl": b"\x10" + jsonl,
        "jsonl-strict": b"\x90" + jsonl,
        "jsonl-gz": b"\x10" + gzip.compress(jsonl),
        "jsonl-bz2": b"\x10" + bz2.compress(jsonl),
        "wikidata": b"\x05" + wikidata[:4000],
    }
    for fuzzer, seeds in (("temporal_tagger_fuzzer", engine),
                          ("checker_fuzzer", engine),
                          ("request_fuzzer", requests),
                          ("event_import_fuzzer", imports),
                          ("http_request_fuzzer", http)):
        d = out / fuzzer
        d.mkdir(parents=True, exist_ok=True)
        for name, data in seeds.items():
            (d / name).write_bytes(data)


if __name__ == "__main__":
    main()
