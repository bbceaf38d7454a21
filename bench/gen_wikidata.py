#!/usr/bin/env python3
"""Writes a synthetic Wikidata JSON dump for the import benchmark.

The file has the shape of latest-all.json: a line "[", one entity object per
line followed by ",", the last without, and a line "]". Every entity is a
dated event with the structure of real items (labels, descriptions and
aliases in several languages, statements with hashes, ids, ranks and
references; P31, a date of day, month or year precision as P585 or as
P580/P582, P17/P276, P710 participants, P179 with a P1545 qualifier on some),
about 2.5 KB a line. Ids are Q900000000 and up, far from real items.

With --names=plausible the English labels and aliases are names like
real events' ("Battle of Varnesk", "2011 Tolvira earthquake", "Treaty of
Osterberg", "Paris–Velmora summit"): multi-word, from a vocabulary of tens of
thousands of words that shares common words (and real places) with news
copy, so that a matcher's trie is as big as a real dump's and text walks
into it; every name has an invented word or a word news copy does not use
after a real place, so no name is found in real text. The default,
--names=numbered, keeps "Synthetic event N" (and the import benchmark's
file). The other fields are the same either way.

Usage: gen_wikidata.py [--count N] [--gzip] [--names numbered|plausible] OUT
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


# For --names=plausible.
ONSETS = ("b", "br", "d", "dr", "g", "gr", "k", "kr", "l", "m", "n", "p",
          "r", "s", "st", "t", "tr", "v", "z", "h", "ch", "sh", "f", "j")
VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou", "ia")
CODAS = ("", "", "n", "r", "l", "s", "k", "m", "sk", "nd", "rt", "v")
SUFFIXES = ("", "", "", "ia", "ovo", "burg", "ville", "stan", "grad", "ford",
            "heim", "polis", "abad", "ino", "sk")
REAL_PLACES = (
    "Paris", "Brussels", "Kyiv", "Kharkiv", "Odesa", "Lviv", "Warsaw",
    "Berlin", "London", "Madrid", "Rome", "Vienna", "Prague", "Budapest",
    "Bucharest", "Sofia", "Athens", "Ankara", "Tbilisi", "Minsk", "Moscow",
    "Riga", "Vilnius", "Tallinn", "Helsinki", "Stockholm", "Oslo",
    "Copenhagen", "Amsterdam", "Geneva", "Munich", "Hamburg", "Lyon",
    "Marseille", "Milan", "Naples", "Lisbon", "Dublin", "Edinburgh",
    "Washington", "Chicago", "Boston", "Tokyo", "Seoul", "Beijing", "Delhi",
    "Cairo", "Nairobi", "Lagos", "Sydney", "Toronto", "Mexico", "Lima",
    "France", "Germany", "Ukraine", "Russia", "Poland", "Italy", "Spain",
    "Brazil", "Canada", "Japan", "China", "India", "Europe", "NATO",
    "Ramstein", "Crimea", "Donbas", "Bakhmut", "Avdiivka", "Mariupol")
# Nouns that follow a place in event names. None follows a real place in
# the seed article (which has "Paris on", "France announced", "Ukraine is").
PLACE_NOUNS = (
    "earthquake", "floods", "riots", "marathon", "uprising", "massacre",
    "bombing", "derby", "festival", "expo", "blackout", "wildfire",
    "referendum", "mutiny", "strike", "pogrom", "exodus", "accord",
    "declaration", "protocol", "crisis", "scandal", "hostage crisis",
    "train crash", "air disaster", "bridge collapse", "film festival",
    "peace talks", "trade fair", "chess olympiad", "grand prix")
EVENT_OF = (
    "Battle", "Siege", "Treaty", "Sack", "Fall", "Liberation", "Congress",
    "Council", "Peace", "Relief", "Partition", "Occupation", "Capture",
    "Bombardment", "Evacuation", "Coronation", "Founding", "Burning",
    "Great Fire", "Second Battle", "First Battle", "Third Battle", "Raid",
    "Armistice", "Conference", "Convention", "Union", "Annexation")
ORGS = ("Socialist", "Liberal", "Workers'", "Green", "Farmers'",
        "Christian", "Republican", "People's", "Radical", "National")


def invented_words(count):
    rng = random.Random(7)
    words = set()
    while len(words) < count:
        n = rng.choice((1, 2, 2, 2))
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                    for _ in range(n)) + rng.choice(SUFFIXES)
        words.add(w.capitalize())
    return sorted(words)


class PlausibleNames:
    """Event names as Wikidata's English labels and aliases write them."""

    def __init__(self):
        self.rng = random.Random(20240502)
        self.places = invented_words(60000)

    def place(self):
        return self.rng.choice(self.places)

    def names(self, year):
        r, place = self.rng, self.place()
        kind = r.randrange(10)
        aliases = []
        if kind < 3:
            title = "%s of %s" % (r.choice(EVENT_OF), place)
            aliases.append("%d %s" % (year, title))
        elif kind < 5:
            noun = r.choice(PLACE_NOUNS)
            title = "%d %s %s" % (year, place, noun)
            aliases.append("%s %s of %d" % (place, noun, year))
        elif kind < 7:
            # A real place, then an invented one or a word news copy does
            # not put after it: text walks one or two steps into the trie.
            real = r.choice(REAL_PLACES)
            if r.random() < 0.5:
                title = "%s–%s %s" % (real, place, r.choice(
                    ("summit", "war", "border conflict", "talks", "treaty")))
            else:
                title = "%d %s %s" % (year, real, r.choice(PLACE_NOUNS))
                aliases.append("%s %s" % (real, r.choice(PLACE_NOUNS)))
        elif kind < 8:
            title = "%s %s Party congress of %d" % (place, r.choice(ORGS), year)
        elif kind < 9:
            first, last = self.place(), self.place()
            title = "assassination of %s %s" % (first, last)
            aliases.append("%s %s assassination" % (first, last))
        else:
            title = "%d %s %s election" % (year, place, r.choice(
                ("general", "presidential", "parliamentary", "local")))
        return title, aliases[:r.randrange(len(aliases) + 1)]


def entity(i, rng, names=None):
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
    if names is None:
        title = "Synthetic event %d" % i
        aliases = ["synthetic event number %d" % i]
    else:
        title, aliases = names.names(y)
    aliases_json = ",".join('{"language":"en","value":"%s"}' % a
                            for a in aliases)
    return ('{"type":"item","id":"Q%d",'
            '"labels":{"en":{"language":"en","value":"%s"},'
            '"de":{"language":"de","value":"Synthetisches Ereignis %d"}},'
            '"descriptions":{"en":{"language":"en","value":"benchmark entity"}},'
            '"aliases":{"en":[%s]},'
            '"claims":{%s},"sitelinks":{},"pageid":%d,"ns":0,"title":"Q%d",'
            '"lastrevid":%d,"modified":"2024-05-01T10:00:00Z"}' % (
                qid, title, i, aliases_json, ",".join(claims), i + 1, qid,
                2000000000 + i))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="output file ('-' for stdout)")
    parser.add_argument("--count", type=int, default=1000000)
    parser.add_argument("--gzip", action="store_true",
                        help="gzip the output (level 1)")
    parser.add_argument("--names", choices=("numbered", "plausible"),
                        default="numbered",
                        help="event names: 'Synthetic event N' (default) or "
                        "names like real events'")
    args = parser.parse_args()
    rng = random.Random(20240501)
    names = PlausibleNames() if args.names == "plausible" else None
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
            line = entity(i, rng, names)
            batch.append(line + (",\n" if i + 1 < args.count else "\n"))
            if len(batch) == 10000:
                out.write("".join(batch).encode())
                batch = []
        out.write("".join(batch).encode())
        out.write(b"]\n")


if __name__ == "__main__":
    main()
