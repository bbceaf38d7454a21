#!/usr/bin/env python3
"""Scores the temporal tagger against a TimeML corpus the TempEval-3 way.

For each .tml file under the corpus directory this strips the inline tags
from <TEXT>, keeps the gold TIMEX3 spans as character offsets into the
stripped text, runs the tagger (the factcheck_tempeval_tag driver) on the
stripped text with the file's document creation time, and compares:

  strict match   identical span
  relaxed match  overlapping spans, paired one-to-one, greedily in text order
  value, type    over relaxed matches: P = matches whose attribute is right /
                 system timexes, R = the same / gold timexes

Usage (from the repository root):

  python3 tests/tempeval/score.py --build-dir build-tagger
  python3 tests/tempeval/score.py --build-dir build-tagger \\
      --corpus ../shared/data/tbaq --subset TimeBank --errors 40

Standard library only.
"""

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
DEFAULT_CORPUS = os.path.join(os.path.dirname(REPO_ROOT), 'shared', 'data',
                              'tbaq')

Timex = collections.namedtuple('Timex', 'begin end text type value')


class Document:
    def __init__(self, path, corpus):
        self.path = path
        self.corpus = corpus
        self.name = os.path.basename(path)
        self.text = ''
        self.dct = ''
        self.gold = []
        self.system = []


def parse_tml(path, corpus):
    """Reads one TimeML file: its DCT, plain text and gold TIMEX3 spans."""
    doc = Document(path, corpus)
    # ElementTree unescapes &amp; &lt; &gt; and keeps text and tails apart,
    # which is what offsets into the stripped text need.
    root = ET.parse(path).getroot()
    dct = root.find('DCT/TIMEX3')
    if dct is None or not dct.get('value'):
        raise ValueError('%s: no <DCT><TIMEX3 value=...>' % path)
    doc.dct = dct.get('value')[:10]
    text_element = root.find('TEXT')
    if text_element is None:
        raise ValueError('%s: no <TEXT>' % path)
    pieces = []
    offset = 0

    def walk(element):
        nonlocal offset
        begin = offset
        if element.text:
            pieces.append(element.text)
            offset += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                offset += len(child.tail)
        if element.tag == 'TIMEX3' and element is not text_element:
            doc.gold.append(Timex(begin, offset, None, element.get('type'),
                                  element.get('value')))

    walk(text_element)
    doc.text = ''.join(pieces)
    doc.gold = [g._replace(text=doc.text[g.begin:g.end]) for g in doc.gold]
    doc.gold.sort(key=lambda g: (g.begin, g.end))
    return doc


def load_corpus(corpus_dir, subsets):
    docs = []
    for subset in subsets:
        directory = os.path.join(corpus_dir, subset)
        if not os.path.isdir(directory):
            sys.exit('no corpus directory %s' % directory)
        for name in sorted(os.listdir(directory)):
            if name.endswith('.tml'):
                docs.append(parse_tml(os.path.join(directory, name), subset))
    return docs


def build_driver(build_dir):
    subprocess.run(['cmake', '--build', build_dir, '--target',
                    'factcheck_tempeval_tag'], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(build_dir, 'tests', 'tempeval',
                        'factcheck_tempeval_tag')


def byte_to_char_offsets(text):
    """Maps each UTF-8 byte offset of `text` to its character offset."""
    mapping = []
    for index, char in enumerate(text):
        mapping.extend([index] * len(char.encode('utf-8')))
    mapping.append(len(text))
    return mapping


def run_tagger(driver, docs):
    import json
    with tempfile.TemporaryDirectory(prefix='tempeval-') as tmp:
        manifest = []
        for k, doc in enumerate(docs):
            path = os.path.join(tmp, '%04d.txt' % k)
            with open(path, 'w', encoding='utf-8') as out:
                out.write(doc.text)
            manifest.append('%s\t%s\n' % (doc.dct, path))
        manifest_path = os.path.join(tmp, 'manifest')
        with open(manifest_path, 'w', encoding='utf-8') as out:
            out.writelines(manifest)
        result = subprocess.run([driver, '--manifest', manifest_path],
                                check=True, stdout=subprocess.PIPE)
    lines = result.stdout.decode('utf-8', errors='replace').splitlines()
    if len(lines) != len(docs):
        sys.exit('driver printed %d results for %d documents' %
                 (len(lines), len(docs)))
    for doc, line in zip(docs, lines):
        found = json.loads(line)['timexes']
        to_char = byte_to_char_offsets(doc.text)
        doc.system = [
            Timex(to_char[t['begin']], to_char[t['end']],
                  doc.text[to_char[t['begin']]:to_char[t['end']]], t['type'],
                  t['value']) for t in found]


def align(gold, system):
    """Pairs overlapping spans one-to-one, greedily in text order."""
    pairs = []
    used = set()
    for g in gold:
        for k, s in enumerate(system):
            if k in used:
                continue
            if s.begin < g.end and g.begin < s.end:
                pairs.append((g, s))
                used.add(k)
                break
    return pairs


class Counts:
    def __init__(self):
        self.gold = self.system = 0
        self.strict = self.relaxed = self.value = self.type = 0

    def add(self, doc):
        self.gold += len(doc.gold)
        self.system += len(doc.system)
        gold_spans = {(g.begin, g.end) for g in doc.gold}
        self.strict += sum((s.begin, s.end) in gold_spans for s in doc.system)
        for g, s in align(doc.gold, doc.system):
            self.relaxed += 1
            self.value += g.value == s.value
            self.type += g.type == s.type

    def prf(self, hits):
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def print_table(rows):
    print('%-10s %5s %5s | %-20s | %-20s | %6s %6s' %
          ('corpus', 'gold', 'sys', 'strict P   R    F1', 'relaxed P  R    F1',
           'value', 'type'))
    for name, c in rows:
        sp, sr, sf = c.prf(c.strict)
        rp, rr, rf = c.prf(c.relaxed)
        print('%-10s %5d %5d | %.3f %.3f %.3f    | %.3f %.3f %.3f    | '
              '%.3f  %.3f' % (name, c.gold, c.system, sp, sr, sf, rp, rr, rf,
                              c.prf(c.value)[2], c.prf(c.type)[2]))


def print_errors(docs, limit):
    """Prints up to `limit` of each kind of mismatch, one per line."""
    kinds = collections.OrderedDict(
        (k, []) for k in ('missed', 'spurious', 'span', 'value', 'type'))
    for doc in docs:
        pairs = align(doc.gold, doc.system)
        matched_gold = {id(g) for g, _ in pairs}
        matched_system = {id(s) for _, s in pairs}
        where = lambda t: '%s@%d' % (doc.name, t.begin)

        def context(t):
            left = doc.text[max(0, t.begin - 30):t.begin]
            right = doc.text[t.end:t.end + 30]
            return ' '.join(('%s[%s]%s' % (left, t.text, right)).split())

        for g in doc.gold:
            if id(g) not in matched_gold:
                kinds['missed'].append('%s %s %s | %s' % (
                    where(g), g.type, g.value, context(g)))
        for s in doc.system:
            if id(s) not in matched_system:
                kinds['spurious'].append('%s %s %s | %s' % (
                    where(s), s.type, s.value, context(s)))
        for g, s in pairs:
            if (g.begin, g.end) != (s.begin, s.end):
                kinds['span'].append('%s gold [%s] system [%s]' % (
                    where(g), g.text, s.text))
            if g.value != s.value:
                kinds['value'].append('%s [%s] gold %s system %s (dct %s)' % (
                    where(g), g.text, g.value, s.value, doc.dct))
            if g.type != s.type:
                kinds['type'].append('%s [%s] gold %s system %s' % (
                    where(g), g.text, g.type, s.type))
    for kind, lines in kinds.items():
        print('\n== %s (%d)' % (kind, len(lines)))
        for line in lines[:limit]:
            print('  ' + line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--corpus', default=DEFAULT_CORPUS,
                        help='TimeML corpus directory (default %(default)s)')
    parser.add_argument('--subset', action='append',
                        help='subdirectory to score; repeatable (default: '
                        'TimeBank and AQUAINT)')
    parser.add_argument('--build-dir', default=os.path.join(REPO_ROOT,
                                                            'build'),
                        help='CMake build directory holding the driver; it '
                        'is built there first')
    parser.add_argument('--driver', help='use this driver binary as it is '
                        'instead of building one')
    parser.add_argument('--errors', type=int, default=0, metavar='N',
                        help='print up to N mismatches of each kind')
    args = parser.parse_args()

    subsets = args.subset or ['TimeBank', 'AQUAINT']
    docs = load_corpus(args.corpus, subsets)
    driver = args.driver or build_driver(args.build_dir)
    run_tagger(driver, docs)

    rows = []
    total = Counts()
    for subset in subsets:
        counts = Counts()
        for doc in docs:
            if doc.corpus == subset:
                counts.add(doc)
                total.add(doc)
        rows.append((subset, counts))
    if len(subsets) > 1:
        rows.append(('all', total))
    print_table(rows)
    if args.errors:
        print_errors(docs, args.errors)


if __name__ == '__main__':
    main()
