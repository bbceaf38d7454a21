#!/usr/bin/env python3
"""Writes the engine's word families (engine/events/lexicon.h) from WordNet 3.0.

Run by the build (engine/events/CMakeLists.txt) over Debian's wordnet-base
(/usr/share/wordnet), so that the forms are derived from the resource, not
typed by hand:

  - every single-word lemma of WordNet's nouns, verbs and adjectives, with
    the parts of speech it has (n, v, a), so that regular inflections
    ("invaded", "talks") can be generated and checked against real lemmas;
  - the inflection exceptions (noun.exc, verb.exc: "fell fall", "struck
    strike"), form to base;
  - for each lemma, the lemmas WordNet links to it as derivationally related
    forms (+: invasion / invade, death / die) and, for adjectives, as
    pertainyms (\\: Ukrainian / Ukraine), both directions;
  - the pairs in engine/events/lexicon_additions.tsv, where WordNet has no link
    (annexation / annex, Crimean / Crimea); each has its reason there.

Output: a C++ file defining factcheck::lexicon_data::kLemmas (lines
"lemma<TAB>pos<TAB>related related ..."), kExceptions ("form<TAB>base
base ...") and their sizes.

Usage: make_lexicon.py WORDNET_DIR ADDITIONS_TSV OUTPUT_CC
"""

import collections
import os
import sys

POS_FILES = [('noun', 'n'), ('verb', 'v'), ('adj', 'a')]


def read_data(wordnet, pos):
    """Synsets of one data file: offset -> (words, pointers)."""
    synsets = {}
    with open(os.path.join(wordnet, 'data.' + pos), encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue  # The licence header.
            fields = line.split(' | ')[0].split()
            offset = fields[0]
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            # Adjectives carry their syntactic marker: "big(a)".
            words = [w.split('(')[0] for w in words]
            at = 4 + 2 * count
            pointers = []
            for _ in range(int(fields[at])):
                symbol, target, target_pos, source_target = fields[
                    at + 1:at + 5]
                at += 4
                pointers.append((symbol, target, target_pos,
                                 int(source_target[:2], 16),
                                 int(source_target[2:], 16)))
            synsets[offset] = (words, pointers)
    return synsets


def single_word(w):
    return '_' not in w and '-' not in w and w.isascii() and w.isalpha()


def main():
    wordnet, additions, output = sys.argv[1:4]
    data = {code: read_data(wordnet, pos) for pos, code in POS_FILES}
    pos_of = collections.defaultdict(set)
    related = collections.defaultdict(set)
    for code, synsets in data.items():
        for words, pointers in synsets.values():
            for w in words:
                if single_word(w):
                    pos_of[w].add(code)
            for symbol, target, target_pos, source, dest in pointers:
                # + derivationally related form; \ pertainym (adjectives).
                if symbol not in ('+', '\\') or source == 0 or dest == 0:
                    continue
                target_pos = 'a' if target_pos == 's' else target_pos
                if target_pos not in data or target not in data[target_pos]:
                    continue
                a = words[source - 1]
                b = data[target_pos][target][0][dest - 1]
                if single_word(a) and single_word(b) and a != b:
                    related[a].add(b)
                    related[b].add(a)
    with open(additions, encoding='utf-8') as f:
        for line in f:
            line = line.split('#')[0].strip()
            if not line:
                continue
            a, b = line.split('\t')[:2]
            related[a].add(b)
            related[b].add(a)
            for w in (a, b):
                pos_of[w].add('n')
    exceptions = collections.defaultdict(set)
    for pos, _ in POS_FILES:
        with open(os.path.join(wordnet, pos + '.exc'), encoding='latin-1') as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and single_word(parts[0]):
                    exceptions[parts[0]].update(
                        b for b in parts[1:] if single_word(b))

    lemma_lines = [
        '%s\t%s\t%s\n' % (w, ''.join(sorted(pos_of[w])),
                          ' '.join(sorted(related.get(w, ()))))
        for w in sorted(pos_of)
    ]
    exception_lines = ['%s\t%s\n' % (w, ' '.join(sorted(b)))
                       for w, b in sorted(exceptions.items()) if b]

    def literal(lines):
        # Adjacent literals of a few KiB each: one array for the compiler,
        # lines short enough for editors and diff tools.
        out, chunk = [], ''
        for line in lines:
            chunk += line
            if len(chunk) > 4000:
                out.append(chunk)
                chunk = ''
        if chunk:
            out.append(chunk)
        return '\n'.join('    "%s"' % c.replace('\\', '\\\\').replace(
            '"', '\\"').replace('\n', '\\n').replace('\t', '\\t')
                         for c in out) or '    ""'

    with open(output, 'w', encoding='utf-8') as f:
        f.write('// Generated by engine/events/make_lexicon.py from WordNet 3.0 and '
                'engine/events/lexicon_additions.tsv. Do not edit.\n')
        f.write('#include <cstddef>\n\n')
        f.write('namespace factcheck::lexicon_data {\n\n')
        f.write('extern const char kLemmas[] =\n%s;\n' % literal(lemma_lines))
        f.write('extern const std::size_t kLemmasSize = sizeof(kLemmas) - 1;\n\n')
        f.write('extern const char kExceptions[] =\n%s;\n' %
                literal(exception_lines))
        f.write('extern const std::size_t kExceptionsSize = '
                'sizeof(kExceptions) - 1;\n\n')
        f.write('}  // namespace factcheck::lexicon_data\n')


if __name__ == '__main__':
    main()
