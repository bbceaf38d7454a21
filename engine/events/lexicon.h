// English word families for reading event names the way copy writes them:
// "invaded" and "invasion" are forms of one event word, "Ukrainian" of
// "Ukraine". Derived at build time from WordNet 3.0 (engine/events/make_lexicon.py:
// its lemmas, inflection exceptions, derivational links and pertainyms)
// plus the short, listed engine/events/lexicon_additions.tsv. Internal to engine/.
#ifndef FACTCHECK_ENGINE_EVENTS_LEXICON_H_
#define FACTCHECK_ENGINE_EVENTS_LEXICON_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"

namespace factcheck {

// Immutable once built; Get() builds the one instance on first use
// (thread-safe) from the generated tables, in some tens of milliseconds.
class Lexicon {
 public:
  static const Lexicon& Get();

  // The lemmas `word` (lower case ASCII) is a form of: itself when it is a
  // lemma, the bases of an irregular form ("fell" -> "fall"), and those
  // regular inflection rules give that are real lemmas ("invaded" ->
  // "invade", "talks" -> "talk"). Empty for a word WordNet does not know.
  std::vector<std::string> Bases(absl::string_view word) const;

  // The word's family: its bases and the lemmas WordNet relates to them as
  // derivations or pertainyms ("invasion" -> invasion, invade; "russian"
  // -> russian, russia). Just the word itself for one WordNet lacks (most
  // proper names), so that a family is never empty.
  std::vector<std::string> Family(absl::string_view word) const;

  // The forms `lemma` takes in text: itself, the regular inflections of
  // each part of speech it has (plurals; -s, -ed, -ing, with e-dropping,
  // y to i and a doubled final consonant), and its irregular forms. A
  // superset of real forms: a generated form that is no word is never met.
  std::vector<std::string> Forms(absl::string_view lemma) const;

  // Calls `fn(form, own)` for every form of every member of `word`'s family
  // (a form may come more than once), `own` when the member is one of the
  // word's bases or the word itself rather than a derivation only: what a
  // text may write for the word.
  void ForEachFamilyForm(
      absl::string_view word,
      absl::FunctionRef<void(const std::string& form, bool own)> fn) const;

 private:
  Lexicon();

  struct Entry {
    bool noun = false, verb = false, adjective = false;
    std::vector<absl::string_view> related;
  };
  absl::flat_hash_map<absl::string_view, Entry> lemmas_;
  // Irregular form -> bases, and base -> irregular forms.
  absl::flat_hash_map<absl::string_view, std::vector<absl::string_view>>
      exception_bases_;
  absl::flat_hash_map<absl::string_view, std::vector<absl::string_view>>
      exception_forms_;
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_LEXICON_H_
