#include "engine/events/lexicon.h"

#include <algorithm>
#include <cstddef>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace factcheck {
namespace lexicon_data {
// engine/events/make_lexicon.py writes these into the build tree.
extern const char kLemmas[];
extern const std::size_t kLemmasSize;
extern const char kExceptions[];
extern const std::size_t kExceptionsSize;
}  // namespace lexicon_data

namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

void AddOnce(std::vector<std::string>& out, std::string word) {
  if (std::find(out.begin(), out.end(), word) == out.end()) {
    out.push_back(std::move(word));
  }
}

// WordNet's own detachment rules (morphy), per part of speech, plus the
// doubled final consonant of "stopped" and "planning", which morphy leaves
// to its exception lists.
struct Detachment {
  absl::string_view suffix;
  absl::string_view replacement;
};
constexpr Detachment kNounRules[] = {
    {"s", ""},    {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
    {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Detachment kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},
                                     {"es", ""},  {"ed", "e"},  {"ed", ""},
                                     {"ing", "e"}, {"ing", ""}};

}  // namespace

const Lexicon& Lexicon::Get() {
  static const Lexicon* const lexicon = new Lexicon();
  return *lexicon;
}

Lexicon::Lexicon() {
  const absl::string_view lemmas(lexicon_data::kLemmas,
                                 lexicon_data::kLemmasSize);
  lemmas_.reserve(160000);
  for (absl::string_view line : absl::StrSplit(lemmas, '\n', absl::SkipEmpty())) {
    const std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() < 2) continue;
    Entry& e = lemmas_[fields[0]];
    e.noun = absl::StrContains(fields[1], 'n');
    e.verb = absl::StrContains(fields[1], 'v');
    e.adjective = absl::StrContains(fields[1], 'a');
    if (fields.size() > 2) {
      e.related = absl::StrSplit(fields[2], ' ', absl::SkipEmpty());
    }
  }
  const absl::string_view exceptions(lexicon_data::kExceptions,
                                     lexicon_data::kExceptionsSize);
  for (absl::string_view line :
       absl::StrSplit(exceptions, '\n', absl::SkipEmpty())) {
    const std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() < 2) continue;
    for (absl::string_view base :
         absl::StrSplit(fields[1], ' ', absl::SkipEmpty())) {
      exception_bases_[fields[0]].push_back(base);
      exception_forms_[base].push_back(fields[0]);
    }
  }
}

std::vector<std::string> Lexicon::Bases(absl::string_view word) const {
  std::vector<std::string> out;
  const auto try_base = [&](std::string base, bool noun) {
    auto it = lemmas_.find(base);
    if (it != lemmas_.end() && (noun ? it->second.noun : it->second.verb)) {
      AddOnce(out, std::move(base));
    }
  };
  if (lemmas_.contains(word)) AddOnce(out, std::string(word));
  if (auto it = exception_bases_.find(word); it != exception_bases_.end()) {
    for (absl::string_view base : it->second) AddOnce(out, std::string(base));
  }
  for (const auto& [rules, noun] :
       {std::pair{absl::MakeConstSpan(kNounRules), true},
        std::pair{absl::MakeConstSpan(kVerbRules), false}}) {
    for (const Detachment& r : rules) {
      if (word.size() > r.suffix.size() + 1 && absl::EndsWith(word, r.suffix)) {
        try_base(absl::StrCat(word.substr(0, word.size() - r.suffix.size()),
                              r.replacement),
                 noun);
      }
    }
  }
  // "stopped", "planning": a doubled consonant before -ed or -ing.
  for (absl::string_view suffix : {"ed", "ing"}) {
    const std::size_t n = word.size();
    if (n > suffix.size() + 2 && absl::EndsWith(word, suffix)) {
      const absl::string_view stem = word.substr(0, n - suffix.size());
      if (stem[stem.size() - 1] == stem[stem.size() - 2] &&
          !IsVowel(stem.back())) {
        try_base(std::string(stem.substr(0, stem.size() - 1)), false);
      }
    }
  }
  return out;
}

std::vector<std::string> Lexicon::Family(absl::string_view word) const {
  std::vector<std::string> out = Bases(word);
  const std::size_t bases = out.size();
  for (std::size_t i = 0; i < bases; ++i) {
    auto it = lemmas_.find(out[i]);
    if (it == lemmas_.end()) continue;
    for (absl::string_view r : it->second.related) {
      AddOnce(out, std::string(r));
    }
  }
  if (out.empty()) out.push_back(std::string(word));
  return out;
}

std::vector<std::string> Lexicon::Forms(absl::string_view lemma) const {
  std::vector<std::string> out = {std::string(lemma)};
  auto it = lemmas_.find(lemma);
  const bool noun = it == lemmas_.end() || it->second.noun;
  const bool verb = it != lemmas_.end() && it->second.verb;
  const std::size_t n = lemma.size();
  if (n == 0) return out;
  const char last = lemma.back();
  const bool consonant_y = n > 1 && last == 'y' && !IsVowel(lemma[n - 2]);
  const absl::string_view stem_y = lemma.substr(0, n - 1);
  if (noun || verb) {
    // Plurals and the third person: -s, -es, -ies.
    AddOnce(out, absl::StrCat(lemma, "s"));
    if (last == 's' || last == 'x' || last == 'z' ||
        absl::EndsWith(lemma, "ch") || absl::EndsWith(lemma, "sh")) {
      AddOnce(out, absl::StrCat(lemma, "es"));
    }
    if (consonant_y) AddOnce(out, absl::StrCat(stem_y, "ies"));
  }
  if (verb) {
    if (last == 'e') {
      AddOnce(out, absl::StrCat(lemma, "d"));
      if (absl::EndsWith(lemma, "ie")) {
        AddOnce(out, absl::StrCat(lemma.substr(0, n - 2), "ying"));
      } else if (!absl::EndsWith(lemma, "ee")) {
        AddOnce(out, absl::StrCat(stem_y, "ing"));
      } else {
        AddOnce(out, absl::StrCat(lemma, "ing"));
      }
    } else {
      AddOnce(out, absl::StrCat(consonant_y ? stem_y : lemma,
                                consonant_y ? "ied" : "ed"));
      AddOnce(out, absl::StrCat(lemma, "ing"));
      // "plan" -> "planned": consonant, vowel, consonant at the end.
      if (n >= 3 && !IsVowel(last) && last != 'w' && last != 'x' &&
          last != 'y' && IsVowel(lemma[n - 2]) && !IsVowel(lemma[n - 3])) {
        AddOnce(out, absl::StrCat(lemma, std::string(1, last), "ed"));
        AddOnce(out, absl::StrCat(lemma, std::string(1, last), "ing"));
      }
    }
  }
  if (auto e = exception_forms_.find(lemma); e != exception_forms_.end()) {
    for (absl::string_view form : e->second) AddOnce(out, std::string(form));
  }
  return out;
}

void Lexicon::ForEachFamilyForm(
    absl::string_view word,
    absl::FunctionRef<void(const std::string& form, bool own)> fn) const {
  std::vector<std::string> bases = Bases(word);
  bases.emplace_back(word);
  for (const std::string& member : Family(word)) {
    const bool own = std::find(bases.begin(), bases.end(), member) != bases.end();
    for (const std::string& form : Forms(member)) fn(form, own);
  }
  for (const std::string& form : Forms(word)) fn(form, true);
}

}  // namespace factcheck
