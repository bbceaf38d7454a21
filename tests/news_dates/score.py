#!/usr/bin/env python3
"""Scores the checker on real news: the news-dates development corpus.

The corpus (../shared/data/news-dates, not part of the project) holds real
news passages with every date claim about a named event labelled SUPPORTED
or CONTRADICTED, perturbed copies with one date made wrong, and the events
the claims name in the project's import format. This starts the real
factcheck-server on a free loopback port over a fresh data directory, loads
either the corpus's events (imported with `factcheck events import`, the
default) or the bundled data/events.jsonl (--events=bundled), checks every
case with the real CLI (`factcheck --json check --all`, each file with its
publication date in its header), and matches findings to labelled claims by
span (overlap).

It prints, overall and per kind of claim (date, ordinal, relative,
duration, anniversary):
  precision of CONTRADICTED findings: flags on a claim labelled
      CONTRADICTED / all CONTRADICTED findings (a flag on a SUPPORTED claim,
      or on no labelled claim at all, is a false alarm; every date claim
      about a named event in the corpus is labelled);
  recall of CONTRADICTED: labelled CONTRADICTED claims flagged / all of them;
  read right: labelled claims whose finding has the label's verdict / all
      labelled claims (how much of real copy the checker reads at all).

The split is fixed before any tuning: a passage is blind when the first
hex digit of the SHA-1 of its id is 0-2 (about 19% of passages); a
perturbed copy goes with its passage. --split=dev (the default) scores the
rest; --split=blind is scored once, when the work is done, and reported as
such.

Usage (from the repository root, after ./scripts/build.sh):

  python3 tests/news_dates/score.py
  python3 tests/news_dates/score.py --events=bundled
  python3 tests/news_dates/score.py --errors 30     # list misreadings

Standard library only.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
DEFAULT_CORPUS = os.path.join(os.path.dirname(REPO_ROOT), 'shared', 'data',
                              'news-dates')
KINDS = ['date', 'ordinal', 'relative', 'duration', 'anniversary']


def passage_id(case):
    return case['id'][:-len('-perturbed')] if case['id'].endswith(
        '-perturbed') else case['id']


def is_blind(case):
    return hashlib.sha1(passage_id(case).encode()).hexdigest()[0] in '012'


class Server:
    """The real factcheck-server on a free port over a fresh directory."""

    def __init__(self, build_dir, data_dir, reference_file):
        binary = os.path.join(build_dir, 'server', 'factcheck-server')
        args = [binary, '--listen=127.0.0.1:0', '--data_dir=' + data_dir,
                '--http_listen=']
        if reference_file:
            args.append('--reference_file=' + reference_file)
        self.log = open(os.path.join(os.path.dirname(data_dir), 'server.log'),
                        'w+')
        self.process = subprocess.Popen(args, stderr=self.log,
                                        stdout=self.log)
        self.address = None
        deadline = time.time() + 30
        while time.time() < deadline and self.address is None:
            if self.process.poll() is not None:
                break
            self.log.seek(0)
            m = re.search(r'listening on (127\.0\.0\.1:\d+)', self.log.read())
            if m:
                self.address = m.group(1)
            else:
                time.sleep(0.05)
        if self.address is None:
            self.log.seek(0)
            raise RuntimeError('the server did not start:\n' + self.log.read())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def cli(build_dir, address, args):
    binary = os.path.join(build_dir, 'client', 'factcheck')
    return subprocess.run([binary, '--server=' + address] + args,
                          capture_output=True, text=True)


def read_json_objects(text):
    decoder = json.JSONDecoder()
    at, objects = 0, []
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return objects
        obj, at = decoder.raw_decode(text, at)
        objects.append(obj)


def code_points(text, byte_offset):
    """The code-point offset of a UTF-8 byte offset into `text`."""
    return len(text.encode('utf-8')[:byte_offset].decode('utf-8', 'ignore'))


def check_cases(build_dir, address, cases, work):
    """Findings per case id: (begin, end, verdict, event, explanation)."""
    paths = []
    for i, case in enumerate(cases):
        path = os.path.join(work, 'case-%04d.txt' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write('date %s\n%s' % (case['published'], case['text']))
        paths.append(path)
    findings = {}
    # A few hundred files per run keeps the command line short.
    for start in range(0, len(paths), 200):
        batch = paths[start:start + 200]
        run = cli(build_dir, address, ['--json', 'check', '--all'] + batch)
        if run.returncode not in (0, 1):
            raise RuntimeError('factcheck check failed: ' + run.stderr)
        for obj in read_json_objects(run.stdout):
            case = cases[paths.index(obj['file'])]
            out = []
            for f in obj.get('findings', []):
                span = f['claim']['span']
                out.append((code_points(case['text'], span.get('begin', 0)),
                            code_points(case['text'], span.get('end', 0)),
                            f.get('verdict', ''),
                            f['claim'].get('event', ''),
                            f.get('explanation', '')))
            findings[case['id']] = out
    return findings


def overlaps(a_begin, a_end, b_begin, b_end):
    return a_begin < b_end and b_begin < a_end


class Tally:
    def __init__(self):
        self.labelled = 0
        self.read_right = 0
        self.gold_contradicted = 0
        self.flagged_right = 0  # CONTRADICTED findings on CONTRADICTED claims.
        self.flags = 0  # CONTRADICTED findings counted for precision.

    def line(self, name):
        p = self.flagged_right / self.flags if self.flags else float('nan')
        r = (self.flagged_right / self.gold_contradicted
             if self.gold_contradicted else float('nan'))
        read = self.read_right / self.labelled if self.labelled else float(
            'nan')
        return ('%-12s %5d claims %4d contradicted   P %.2f (%d/%d)   '
                'R %.2f (%d/%d)   read right %.2f (%d/%d)' %
                (name, self.labelled, self.gold_contradicted, p,
                 self.flagged_right, self.flags, r, self.flagged_right,
                 self.gold_contradicted, read, self.read_right,
                 self.labelled))


def score(cases, findings, errors):
    tallies = collections.defaultdict(Tally)
    misses = []
    for case in cases:
        found = findings.get(case['id'], [])
        used = set()
        for claim in case['expected']:
            kind = claim['kind']
            matching = [i for i, f in enumerate(found)
                        if overlaps(f[0], f[1], claim['char_start'],
                                    claim['char_end'])]
            used.update(matching)
            verdicts = {found[i][2] for i in matching}
            # One verdict a claim gets: CONTRADICTED when any finding on it
            # says so (that is what an editor sees), else SUPPORTED if one
            # says that.
            verdict = ('CONTRADICTED' if 'CONTRADICTED' in verdicts else
                       'SUPPORTED' if 'SUPPORTED' in verdicts else
                       'UNVERIFIABLE' if verdicts else 'none')
            for t in (tallies[kind], tallies['all']):
                t.labelled += 1
                t.read_right += verdict == claim['label']
                if claim['label'] == 'CONTRADICTED':
                    t.gold_contradicted += 1
                if verdict == 'CONTRADICTED':
                    t.flags += 1
                    t.flagged_right += claim['label'] == 'CONTRADICTED'
            if verdict != claim['label']:
                misses.append((case, claim, verdict,
                               [found[i] for i in matching]))
        # Flags on no labelled claim: false alarms.
        for i, f in enumerate(found):
            if i in used or f[2] != 'CONTRADICTED':
                continue
            for t in (tallies['unlabelled'], tallies['all']):
                t.flags += 1
            misses.append((case, None, 'CONTRADICTED', [f]))
    return tallies, misses


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--build-dir', default=os.path.join(REPO_ROOT,
                                                            'build'))
    parser.add_argument('--corpus', default=DEFAULT_CORPUS)
    parser.add_argument('--events', choices=['corpus', 'bundled'],
                        default='corpus')
    parser.add_argument('--split', choices=['dev', 'blind', 'all'],
                        default='dev')
    parser.add_argument('--errors', type=int, default=0,
                        help='list this many misread claims and false alarms')
    args = parser.parse_args()

    with open(os.path.join(args.corpus, 'cases.jsonl'), encoding='utf-8') as f:
        cases = [json.loads(line) for line in f if line.strip()]
    if args.split != 'all':
        cases = [c for c in cases if is_blind(c) == (args.split == 'blind')]

    with tempfile.TemporaryDirectory(prefix='news-dates-') as work:
        reference = (os.path.join(REPO_ROOT, 'data', 'events.jsonl')
                     if args.events == 'bundled' else '')
        server = Server(args.build_dir, os.path.join(work, 'data'), reference)
        try:
            if args.events == 'corpus':
                run = cli(args.build_dir, server.address,
                          ['events', 'import',
                           os.path.join(args.corpus, 'events.jsonl')])
                if run.returncode != 0:
                    raise RuntimeError('import failed: ' + run.stderr)
                print('events: the corpus\'s (%s)' % run.stdout.strip())
            else:
                print('events: the bundled data/events.jsonl')
            findings = check_cases(args.build_dir, server.address, cases,
                                   work)
        finally:
            server.stop()

    tallies, misses = score(cases, findings, args.errors)
    print('split: %s, %d cases (%d real, %d perturbed)' % (
        args.split, len(cases),
        sum(c['variant'] == 'real' for c in cases),
        sum(c['variant'] != 'real' for c in cases)))
    for name in ['all'] + KINDS + ['unlabelled']:
        if name in tallies:
            print(tallies[name].line(name))
    for case, claim, verdict, found in misses[:args.errors]:
        print()
        print('%s (%s, published %s)' % (case['id'], case['variant'],
                                         case['published']))
        print('  ' + case['text'])
        if claim is None:
            print('  false alarm on %r: %s' % (
                case['text'][found[0][0]:found[0][1]], found[0][4]))
        else:
            print('  %s %r (%s, %s): read %s %s' % (
                claim['label'], claim['span'], claim['event'], claim['kind'],
                verdict, '; '.join('%s %s' % (f[3], f[4]) for f in found)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
