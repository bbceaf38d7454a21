#!/usr/bin/env python3
"""Writes a synthetic Wikidata JSON dump for the import benchmark.

The file has the shape of latest-all.json: a line "[", one entity object per
line followed by ",", the last without, and a line "]". Every entity is a
dated event with the structure of real items (labels, descriptions and
aliases in several languages, statements with hashes, ids, ranks and
references; P31, a date of day, month or year precision as P585 or as
P580/P582, P17/P276, P710 participants, P179 with a P1545 qualifier on some),
about 2.5 KB a line. Ids are Q900000000 and up, far from real items.

Usage: gen_wikidata.py [--count N] [--gzip] OUT
Standard library only; deterministic (seeded).
"""

import argparse
import gzip
import random
import sys

GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
FIRST_ID = 900000000


def snak(prop, datavalue, datatype, h):
    return ('{"snaktype":"value","property":"%s","hash":"%040x",'
            '"datavalue":%s,"datatype":"%s"}' % (prop, h, datavalue, datatype))


def item_value(q):
    return ('{"value":{"entity-type":"item","numeric-id":%d,"id":"Q%d"},'
            '"type":"wikibase-entityid"}' % (q, q))


def time_value(year, month, day, precision):
    return ('{"value":{"time":"+%04d-%02d-%02dT00:00:00Z","timezone":0,'
            '"before":0,"after":0,"precision":%d,"calendarmodel":"%s"},'
            '"type":"time"}' % (year, month, day, precision, GREGORIAN))


def statement(qid, n, prop, datavalue, datatype, rng, qualifiers=""):
    # Real statements mostly carry references; the dates here do, the rest
    # not, which keeps lines near the size of a modest real item.
    reference = ""
    if prop in ("P585", "P580"):
        reference = (',"references":[{"hash":"%040x","snaks":{"P854":[%s]},'
                     '"snaks-order":["P854"]}]' % (
                         rng.getrandbits(160),
                         snak("P854",
                              '{"value":"https://news.example/%d",'
                              '"type":"string"}' % rng.randrange(10**9),
                              "url", rng.getrandbits(160))))
    return ('{"mainsnak":%s,"type":"statement",%s'
            '"id":"Q%d$%08X-%04X-4%03X-8%03X-%012X","rank":"normal"%s}' % (
                snak(prop, datavalue, datatype, rng.getrandbits(160)),
                qualifiers, qid, n, n & 0xFFFF, n & 0xFFF, n & 0xFFF, n,
                reference))


def date_parts(rng):
    year = rng.randrange(1900, 2025)
    precision = rng.choice((11, 11, 11, 10, 9))
    month = rng.randrange(1, 13) if precision >= 10 else 0
    day = rng.randrange(1, 29) if precision == 11 else 0
    return year, month, day, precision


def entity(i, rng):
    qid = FIRST_ID + i
    claims = []
    claims.append('"P31":[%s]' % statement(
        qid, 1, "P31", item_value(rng.choice((178561, 2001676, 198, 1656682))),
        "wikibase-item", rng))
    if rng.random() < 0.7:
        y, m, d, p = date_parts(rng)
        claims.append('"P585":[%s]' % statement(
            qid, 2, "P585", time_value(y, m, d, p), "time", rng))
    else:
        y, m, d, _ = date_parts(rng)
        claims.append('"P580":[%s]' % statement(
            qid, 2, "P580", time_value(y, m or 1, d or 1, 11), "time", rng))
        claims.append('"P582":[%s]' % statement(
            qid, 3, "P582", time_value(y + 1, m or 1, d or 1, 11), "time", rng))
    claims.append('"P17":[%s]' % statement(
        qid, 4, "P17", item_value(rng.randrange(1, 300)), "wikibase-item", rng))
    if rng.random() < 0.5:
        claims.append('"P276":[%s]' % statement(
            qid, 5, "P276", item_value(rng.randrange(1000, 100000)),
            "wikibase-item", rng))
    participants = [statement(qid, 6 + k, "P710",
                              item_value(rng.randrange(1, 10**6)),
                              "wikibase-item", rng)
                    for k in range(rng.randrange(0, 3))]
    if participants:
        claims.append('"P710":[%s]' % ",".join(participants))
    if rng.random() < 0.2:
        ordinal = rng.randrange(1, 100)
        qualifier = ('"qualifiers":{"P1545":[%s]},"qualifiers-order":["P1545"],'
                     % snak("P1545", '{"value":"%d","type":"string"}' % ordinal,
                            "string", rng.getrandbits(160)))
        claims.append('"P179":[%s]' % statement(
            qid, 9, "P179", item_value(rng.randrange(10**6, 2 * 10**6)),
            "wikibase-item", rng, qualifier))
    title = "Synthetic event %d" % i
    return ('{"type":"item","id":"Q%d",'
            '"labels":{"en":{"language":"en","value":"%s"},'
            '"de":{"language":"de","value":"Synthetisches Ereignis %d"}},'
            '"descriptions":{"en":{"language":"en","value":"benchmark entity"}},'
            '"aliases":{"en":[{"language":"en","value":"synthetic event number %d"}]},'
            '"claims":{%s},"sitelinks":{},"pageid":%d,"ns":0,"title":"Q%d",'
            '"lastrevid":%d,"modified":"2024-05-01T10:00:00Z"}' % (
                qid, title, i, i, ",".join(claims), i + 1, qid,
                2000000000 + i))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="output file ('-' for stdout)")
    parser.add_argument("--count", type=int, default=1000000)
    parser.add_argument("--gzip", action="store_true",
                        help="gzip the output (level 1)")
    args = parser.parse_args()
    rng = random.Random(20240501)
    if args.out == "-":
        out = sys.stdout.buffer
    elif args.gzip:
        out = gzip.open(args.out, "wb", compresslevel=1)
    else:
        out = open(args.out, "wb")
    with out:
        out.write(b"[\n")
        batch = []
        for i in range(args.count):
            line = entity(i, rng)
            batch.append(line + (",\n" if i + 1 < args.count else "\n"))
            if len(batch) == 10000:
                out.write("".join(batch).encode())
                batch = []
        out.write("".join(batch).encode())
        out.write(b"]\n")


if __name__ == "__main__":
    main()
